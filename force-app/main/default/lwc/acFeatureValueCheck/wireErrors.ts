/**
 * Readable messages from a `getRecord` wire error, so the error panel never shows a raw object.
 * UI API errors carry `body` as a list of `{ errorCode, message }` or as one `{ message }`.
 */

interface MessageItem {
    message?: unknown;
}

interface WireError {
    body?: MessageItem | MessageItem[];
    message?: unknown;
    statusText?: unknown;
}

export function reduceWireErrors(error: unknown): string[] {
    if (typeof error === 'string') {
        return nonBlank([error]);
    }
    if (error === null || typeof error !== 'object') {
        return [];
    }
    const { body, message, statusText } = error as WireError;
    const fromBody = Array.isArray(body) ? body.map((item) => item?.message) : [body?.message];
    const messages = nonBlank(fromBody);
    if (messages.length > 0) {
        return messages;
    }
    return nonBlank([message, statusText]).slice(0, 1);
}

function nonBlank(values: unknown[]): string[] {
    return values.filter(
        (value): value is string => typeof value === 'string' && value.trim() !== ''
    );
}
