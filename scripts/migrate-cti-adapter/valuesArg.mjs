// The `--values` argument of `sf data create record` / `sf data update record`: field=value pairs
// separated by white space, read by the CLI's stringToDictionary (@salesforce/plugin-data
// lib/dataUtils.js). Its rules, which this encoder follows so that the CLI reads back exactly the text
// given (a test checks every case against the CLI's own function):
// - a quote character toggles quoting and is dropped; inside '…' a " is kept, inside "…" a ' is kept
//   (quoting by one kind is on only when the whole text has two or more of that kind);
// - the pair splits at its first "=";
// - a pair containing both { and } whose value parses as JSON becomes the parsed value;
// - a value that trims to true or false (any case) becomes a boolean.
// So a text is sent as quoted runs: runs without " in "…", runs with " in '…'.

/**
 * Why the CLI cannot carry this text unchanged, or null when it can.
 * @param {string} text
 */
export function unsendableReason(text) {
    const trimmed = text.trim().toLowerCase();
    if (trimmed === 'true' || trimmed === 'false') {
        return `the Salesforce CLI reads the text "${text.trim()}" as a checkbox value, not as text`;
    }
    if (text.includes('{') && text.includes('}') && parsesAsJson(text)) {
        return 'the Salesforce CLI reads a text that is valid JSON as JSON, not as text';
    }
    return null;
}

function parsesAsJson(text) {
    try {
        JSON.parse(text);
        return true;
    } catch {
        return false;
    }
}

/**
 * @param {Array<[string, string | boolean | null]>} fields API name and value; null clears the field
 * @returns {string} the --values argument
 * @throws {Error} for a text the CLI would change (check unsendableReason first)
 */
export function encodeValues(fields) {
    return fields.map(([name, value]) => `${name}=${encodeValue(value)}`).join(' ');
}

function encodeValue(value) {
    if (typeof value === 'boolean') return String(value);
    const text = value ?? '';
    const reason = unsendableReason(text);
    if (reason) throw new Error(reason);
    if (text === '') return '""';
    // Runs of characters that are not ", quoted with "; runs of " quoted with '.
    return text
        .split(/("+)/)
        .filter((run) => run !== '')
        .map((run) => (run.startsWith('"') ? `'${run}'` : `"${run}"`))
        .join('');
}
