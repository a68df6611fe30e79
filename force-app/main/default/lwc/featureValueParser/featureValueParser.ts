/**
 * Parses the Value of the `SetAgentStatusOnSessionEnd` AC Feature record into effective settings plus
 * diagnostics an admin can act on. A bad line is reported and ignored, so the safe defaults
 * (session end → Offline for everyone) stand. Runs in one pass over the text: no regular expression
 * that can backtrack, and nothing past the field's limit (VALUE_MAX_LENGTH) is read, so the cost is
 * linear in the Value and bounded (bench/results.md has the figures).
 */

export const SESSION_END_FEATURE_NAME = 'SetAgentStatusOnSessionEnd';

/** A status to set. Built-ins are found by type (admins may rename them) unless a state has that name. */
export type StatusRef =
    | { kind: 'builtin'; type: 'offline' | 'routable'; name: string } // default Offline / Available
    | { kind: 'named'; name: string } // any other name, matched case-insensitively
    | { kind: 'logout' }; // Status:Logout (session end only)

export interface SessionEndSettings {
    sessionEndStatus: StatusRef; // Status, default builtin offline 'Offline'
    profileNameIncludes: string[]; // IfProfileNameIncludes, [] = everyone
    currentAgentStates: string[]; // IfCurrentAgentState, [] = any status
    initialAgentState: StatusRef; // InitialAgentState, default builtin routable 'Available'
    sessionEndTimerSeconds: number; // SessionEndTimer, default 5
}

export type DiagnosticCode =
    | 'unknownKey'
    | 'malformedLine'
    | 'duplicateKey'
    | 'emptyValue'
    | 'invalidNumber'
    | 'numberOutOfRange'
    | 'logoutNotAllowed'
    | 'valueTooLong';

export interface ValueDiagnostic {
    line: number; // 1-based line of the Value
    severity: 'error' | 'warning';
    code: DiagnosticCode;
    key?: string; // the key as written
    text: string; // the offending text as written (trimmed, at most 80 chars)
    suggestion?: string; // e.g. 'Status' for 'Stauts'
    message: string; // English, for the console: "line 2: unknown key `Stauts`; did you mean `Status`?"
}

export interface ParsedSessionEndValue {
    settings: SessionEndSettings;
    diagnostics: ValueDiagnostic[];
}

/** The length limit of the AC Feature's Value field (Long Text Area). */
export const VALUE_MAX_LENGTH = 32768;

export const SESSION_END_TIMER_MAX_SECONDS = 3600;

const TEXT_MAX_LENGTH = 80;

type SettingKey =
    | 'Status'
    | 'IfProfileNameIncludes'
    | 'IfCurrentAgentState'
    | 'InitialAgentState'
    | 'SessionEndTimer';

const KNOWN_KEYS: readonly SettingKey[] = [
    'Status',
    'IfProfileNameIncludes',
    'IfCurrentAgentState',
    'InitialAgentState',
    'SessionEndTimer'
];

const LIST_KEYS: ReadonlySet<SettingKey> = new Set<SettingKey>([
    'IfProfileNameIncludes',
    'IfCurrentAgentState'
]);

const EXAMPLES: Readonly<Record<SettingKey, string>> = {
    Status: 'Status:Offline',
    IfProfileNameIncludes: 'IfProfileNameIncludes:Sales,Support',
    IfCurrentAgentState: 'IfCurrentAgentState:Available',
    InitialAgentState: 'InitialAgentState:Available',
    SessionEndTimer: 'SessionEndTimer:5'
};

const KEY_BY_LOWER_CASE: ReadonlyMap<string, SettingKey> = new Map(
    KNOWN_KEYS.map((key) => [key.toLowerCase(), key])
);

export function defaultSessionEndSettings(): SessionEndSettings {
    return {
        sessionEndStatus: { kind: 'builtin', type: 'offline', name: 'Offline' },
        profileNameIncludes: [],
        currentAgentStates: [],
        initialAgentState: { kind: 'builtin', type: 'routable', name: 'Available' },
        sessionEndTimerSeconds: 5
    };
}

/** One `Key:Value` setting as written, with the line it came from. */
interface Segment {
    line: number;
    text: string; // trimmed
}

export function parseSessionEndValue(value: string | null | undefined): ParsedSessionEndValue {
    const settings = defaultSessionEndSettings();
    const diagnostics: ValueDiagnostic[] = [];
    if (value === null || value === undefined) {
        return { settings, diagnostics }; // blank means Status:Offline, the default
    }
    let readable = value;
    if (value.length > VALUE_MAX_LENGTH) {
        diagnostics.push(valueTooLong(value));
        readable = completeLinesWithinLimit(value);
    }
    if (readable.trim() === '') {
        return { settings, diagnostics };
    }
    const lines = splitLines(readable);

    const firstLineByKey = new Map<SettingKey, number>();
    for (const segment of splitSegments(lines)) {
        applySegment(segment, settings, firstLineByKey, diagnostics);
    }
    return { settings, diagnostics };
}

function applySegment(
    segment: Segment,
    settings: SessionEndSettings,
    firstLineByKey: Map<SettingKey, number>,
    diagnostics: ValueDiagnostic[]
): void {
    const { line, text } = segment;
    const colon = text.indexOf(':');
    if (colon < 0) {
        diagnostics.push(malformedLine(line, text));
        return;
    }
    const writtenKey = text.slice(0, colon).trim();
    const rawValue = text.slice(colon + 1).trim();
    if (writtenKey === '') {
        diagnostics.push({
            line,
            severity: 'error',
            code: 'malformedLine',
            text: clip(text),
            message: `line ${line}: \`${clip(text)}\` has no key before \`:\`; write each setting as \`Key:Value\`, e.g. \`Status:Offline\`. The line is ignored.`
        });
        return;
    }

    const key = KEY_BY_LOWER_CASE.get(writtenKey.toLowerCase());
    if (!key) {
        diagnostics.push(unknownKey(line, writtenKey));
        return;
    }
    if (rawValue === '' || (LIST_KEYS.has(key) && splitList(rawValue).length === 0)) {
        diagnostics.push({
            line,
            severity: 'warning',
            code: 'emptyValue',
            key: writtenKey,
            text: clip(text),
            message: `line ${line}: \`${clip(writtenKey)}\` has no value; write e.g. \`${EXAMPLES[key]}\` or remove the line. The default is kept.`
        });
        return;
    }

    const firstLine = firstLineByKey.get(key);
    if (firstLine !== undefined) {
        diagnostics.push(duplicateKey(line, firstLine, key, writtenKey, text));
        if (!LIST_KEYS.has(key)) {
            return; // the first occurrence wins for a single-valued setting
        }
    } else {
        firstLineByKey.set(key, line);
    }

    switch (key) {
        case 'Status':
            settings.sessionEndStatus = parseStatus(rawValue, true) ?? settings.sessionEndStatus;
            break;
        case 'InitialAgentState': {
            const status = parseStatus(rawValue, false);
            if (status) {
                settings.initialAgentState = status;
            } else {
                diagnostics.push({
                    line,
                    severity: 'error',
                    code: 'logoutNotAllowed',
                    key: writtenKey,
                    text: clip(text),
                    message: `line ${line}: \`InitialAgentState\` cannot be \`Logout\`; name the status to set on load, e.g. \`InitialAgentState:Available\`. The default (Available) is kept.`
                });
            }
            break;
        }
        case 'IfProfileNameIncludes':
            settings.profileNameIncludes = mergeList(settings.profileNameIncludes, rawValue);
            break;
        case 'IfCurrentAgentState':
            settings.currentAgentStates = mergeList(settings.currentAgentStates, rawValue);
            break;
        case 'SessionEndTimer': {
            const seconds = parseSeconds(line, writtenKey, rawValue, diagnostics);
            if (seconds !== null) {
                settings.sessionEndTimerSeconds = seconds;
            }
            break;
        }
        default:
            break; // every key is handled above
    }
}

/** `Offline`/`Available` are Connect's built-ins (found by type); `Logout` only ends a session. */
function parseStatus(name: string, allowLogout: boolean): StatusRef | null {
    const lower = name.toLowerCase();
    if (lower === 'offline') {
        return { kind: 'builtin', type: 'offline', name };
    }
    if (lower === 'available') {
        return { kind: 'builtin', type: 'routable', name };
    }
    if (lower === 'logout') {
        return allowLogout ? { kind: 'logout' } : null;
    }
    return { kind: 'named', name };
}

function parseSeconds(
    line: number,
    writtenKey: string,
    rawValue: string,
    diagnostics: ValueDiagnostic[]
): number | null {
    if (!isWholeNumber(rawValue)) {
        diagnostics.push({
            line,
            severity: 'error',
            code: 'invalidNumber',
            key: writtenKey,
            text: clip(rawValue),
            message: `line ${line}: \`${clip(writtenKey)}\` must be a whole number of seconds, not \`${clip(rawValue)}\`; write e.g. \`SessionEndTimer:5\`. The default (5) is kept.`
        });
        return null;
    }
    const seconds = Number(rawValue);
    if (seconds < 0 || seconds > SESSION_END_TIMER_MAX_SECONDS) {
        diagnostics.push({
            line,
            severity: 'error',
            code: 'numberOutOfRange',
            key: writtenKey,
            text: clip(rawValue),
            message: `line ${line}: \`${clip(writtenKey)}\` is ${clip(rawValue)}, outside 0 to ${SESSION_END_TIMER_MAX_SECONDS} seconds; write a number in that range. The default (5) is kept.`
        });
        return null;
    }
    return seconds;
}

/** An optional sign and digits only; `5.0`, `5s` and `1e3` are not whole numbers of seconds. */
function isWholeNumber(text: string): boolean {
    const start = text[0] === '-' || text[0] === '+' ? 1 : 0;
    if (text.length === start) {
        return false;
    }
    for (let i = start; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code < 48 || code > 57) {
            return false;
        }
    }
    return true;
}

function mergeList(current: string[], rawValue: string): string[] {
    const merged = [...current];
    const seen = new Set(current.map((item) => item.toLowerCase()));
    for (const item of splitList(rawValue)) {
        if (!seen.has(item.toLowerCase())) {
            seen.add(item.toLowerCase());
            merged.push(item);
        }
    }
    return merged;
}

function splitList(rawValue: string): string[] {
    return rawValue
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');
}

/** `\r\n`, `\n` and a lone `\r` all end a line; line numbers are what the admin sees. */
function splitLines(value: string): string[] {
    const lines: string[] = [];
    let start = 0;
    for (let i = 0; i < value.length; i++) {
        const code = value.charCodeAt(i);
        if (code === 10 || code === 13) {
            lines.push(value.slice(start, i));
            if (code === 13 && value.charCodeAt(i + 1) === 10) {
                i++;
            }
            start = i + 1;
        }
    }
    lines.push(value.slice(start));
    return lines;
}

/** `;` separates settings on one line; empty settings (`;;`, blank lines) are skipped. */
function* splitSegments(lines: string[]): Generator<Segment> {
    for (let index = 0; index < lines.length; index++) {
        for (const part of lines[index].split(';')) {
            const text = part.trim();
            if (text !== '') {
                yield { line: index + 1, text };
            }
        }
    }
}

/**
 * Reading stops at the field's limit: the lines before it count; the line it cuts (Salesforce
 * would store only its beginning, such as half a status name) and everything after are ignored.
 */
function completeLinesWithinLimit(value: string): string {
    const next = value.charCodeAt(VALUE_MAX_LENGTH);
    if (next === 10 || next === 13) {
        return value.slice(0, VALUE_MAX_LENGTH); // the limit falls on a line end
    }
    const head = value.slice(0, VALUE_MAX_LENGTH);
    const lastBreak = Math.max(head.lastIndexOf('\n'), head.lastIndexOf('\r'));
    return lastBreak < 0 ? '' : head.slice(0, lastBreak);
}

/** Reports the line the field's limit cuts; that line and the rest are not read. */
function valueTooLong(value: string): ValueDiagnostic {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < VALUE_MAX_LENGTH; i++) {
        const code = value.charCodeAt(i);
        if (code === 10 || (code === 13 && value.charCodeAt(i + 1) !== 10)) {
            line++;
            lineStart = i + 1;
        }
    }
    const lineEnd = value.slice(lineStart, lineStart + TEXT_MAX_LENGTH * 2).search(/[\r\n]/);
    const lineText = value.slice(
        lineStart,
        lineEnd < 0 ? lineStart + TEXT_MAX_LENGTH * 2 : lineStart + lineEnd
    );
    return {
        line,
        severity: 'warning',
        code: 'valueTooLong',
        text: clip(lineText.trim()),
        message: `line ${line}: the Value has ${value.length.toLocaleString('en-US')} characters, more than the field's limit of ${VALUE_MAX_LENGTH.toLocaleString('en-US')}; it is read only up to line ${line}, which the limit cuts, and that line and the rest are ignored. Shorten it (one short line per setting is enough).`
    };
}

function malformedLine(line: number, text: string): ValueDiagnostic {
    // A full-width colon is easy to type with a Japanese input method and looks the same.
    const hint = text.includes('\uFF1A')
        ? ' (the line uses the full-width `：`; type the ASCII `:`)'
        : '';
    return {
        line,
        severity: 'error',
        code: 'malformedLine',
        text: clip(text),
        message: `line ${line}: \`${clip(text)}\` has no \`:\`${hint}; write each setting as \`Key:Value\`, e.g. \`Status:Offline\`. The line is ignored.`
    };
}

function unknownKey(line: number, writtenKey: string): ValueDiagnostic {
    const suggestion = suggestKey(writtenKey);
    const fix = suggestion
        ? `did you mean \`${suggestion}\`?`
        : `the keys are ${KNOWN_KEYS.join(', ')}.`;
    return {
        line,
        severity: 'error',
        code: 'unknownKey',
        key: writtenKey,
        text: clip(writtenKey),
        ...(suggestion ? { suggestion } : {}),
        message: `line ${line}: unknown key \`${clip(writtenKey)}\`; ${fix} The line is ignored.`
    };
}

function duplicateKey(
    line: number,
    firstLine: number,
    key: SettingKey,
    writtenKey: string,
    text: string
): ValueDiagnostic {
    const effect = LIST_KEYS.has(key)
        ? `both lists are used; put all the names on one line, comma-separated`
        : `only line ${firstLine} counts and line ${line} is ignored; remove one of them`;
    return {
        line,
        severity: 'warning',
        code: 'duplicateKey',
        key: writtenKey,
        text: clip(text),
        message: `line ${line}: \`${key}\` is already set on line ${firstLine}; ${effect}.`
    };
}

/** A known key that differs only in case, spaces, `_`/`-`, or by at most two edits. */
function suggestKey(writtenKey: string): string | undefined {
    const written = normalizeKey(writtenKey);
    let best: { key: SettingKey; distance: number } | undefined;
    for (const key of KNOWN_KEYS) {
        const distance = boundedEditDistance(written, normalizeKey(key), 2);
        if (distance <= 2 && (!best || distance < best.distance)) {
            best = { key, distance };
        }
    }
    return best?.key;
}

function normalizeKey(key: string): string {
    let normalized = '';
    for (const char of key.toLowerCase()) {
        if (char !== ' ' && char !== '\t' && char !== '_' && char !== '-') {
            normalized += char;
        }
    }
    return normalized;
}

/** Levenshtein distance, or `limit + 1` as soon as it must exceed `limit` (cheap for long text). */
function boundedEditDistance(a: string, b: string, limit: number): number {
    if (Math.abs(a.length - b.length) > limit) {
        return limit + 1;
    }
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        let rowMin = i;
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
            rowMin = Math.min(rowMin, current[j]);
        }
        if (rowMin > limit) {
            return limit + 1;
        }
        previous = current;
    }
    return previous[b.length];
}

function clip(text: string): string {
    return text.length <= TEXT_MAX_LENGTH ? text : `${text.slice(0, TEXT_MAX_LENGTH - 1)}…`;
}
