// Serves every `@salesforce/label/c.<Name>` import its English value from
// force-app/main/default/labels/CustomLabels.labels-meta.xml.
//
// sfdx-lwc-jest's default would give the label's path ("c.ConnectSoftphone_RetryButton") instead:
// tests could not read the text a user sees, and labels with {0} placeholders would lose their
// values. Reading the metadata keeps one source for the text; a label the code imports but the
// metadata lacks still falls back to its path, which tests can catch.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const LABELS_FILE = join(__dirname, '../../../main/default/labels/CustomLabels.labels-meta.xml');

function unescapeXml(text) {
    return text
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&');
}

function readLabels() {
    const xml = readFileSync(LABELS_FILE, 'utf8');
    const labels = new Map();
    for (const [, block] of xml.matchAll(/<labels>([\s\S]*?)<\/labels>/g)) {
        const name = /<fullName>([^<]+)<\/fullName>/.exec(block)?.[1];
        const value = /<value>([\s\S]*?)<\/value>/.exec(block)?.[1];
        if (name && value !== undefined) labels.set(name.trim(), unescapeXml(value));
    }
    return labels;
}

for (const [name, mockLabelValue] of readLabels()) {
    jest.mock(`@salesforce/label/c.${name}`, () => ({ default: mockLabelValue }), {
        virtual: true
    });
}
