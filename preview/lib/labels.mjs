// Reads Custom Labels the way the platform serves `@salesforce/label/c.<name>` to an English user:
// the <value> of each <labels> entry in CustomLabels.labels-meta.xml.
import { existsSync, readFileSync } from 'node:fs';

const XML_ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text of a metadata XML element: the five named entities and numeric character references. */
export function decodeXml(text) {
    return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (entity, name) => {
        if (name[0] === '#') {
            const code =
                name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : +name.slice(1);
            return String.fromCodePoint(code);
        }
        return XML_ENTITIES[name] ?? entity;
    });
}

function readElement(block, tag) {
    const match = block.match(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`));
    return match ? decodeXml(match[1]) : undefined;
}

/**
 * @param {string} labelsFile path of CustomLabels.labels-meta.xml
 * @returns {Map<string, string>} label full name → English value (empty when the file is missing)
 */
export function readCustomLabels(labelsFile) {
    const labels = new Map();
    if (!existsSync(labelsFile)) {
        return labels;
    }
    const xml = readFileSync(labelsFile, 'utf8');
    for (const [, block] of xml.matchAll(/<labels>([\s\S]*?)<\/labels>/g)) {
        const fullName = readElement(block, 'fullName');
        const value = readElement(block, 'value');
        if (fullName && value !== undefined) {
            labels.set(fullName.trim(), value);
        }
    }
    return labels;
}
