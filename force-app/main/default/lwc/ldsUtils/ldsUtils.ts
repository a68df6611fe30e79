/**
 * Turns whatever reached a catch or a wire's `error` (an Apex/LDS/UI API error, a JavaScript Error,
 * a rejected loadScript, a string) into readable messages, so an error panel never shows a raw
 * object. Shared by the softphone and the AC Feature record page.
 */

interface MessageItem {
    message?: string;
}

/** The `body` of an Apex or UI API error as the platform delivers it. */
interface ErrorBody {
    message?: string;
    pageErrors?: MessageItem[];
    fieldErrors?: Record<string, MessageItem[]>;
    output?: {
        errors?: MessageItem[];
        fieldErrors?: Record<string, MessageItem[]>;
    };
}

interface PlatformError {
    body?: ErrorBody | MessageItem[];
    message?: string;
    statusText?: string;
}

export function reduceErrors(errors: unknown): string[] {
    const list = Array.isArray(errors) ? errors : [errors];
    return list.flatMap(messagesOf).filter((message) => message.trim() !== '');
}

function messagesOf(error: unknown): string[] {
    if (typeof error === 'string') {
        return [error];
    }
    if (error === null || typeof error !== 'object') {
        return [];
    }
    const { body, message, statusText } = error as PlatformError;
    if (Array.isArray(body)) {
        return texts(body); // UI API: a list of { message }
    }
    if (body && typeof body === 'object') {
        const fromBody = [
            ...texts(body.pageErrors),
            ...fieldTexts(body.fieldErrors),
            ...texts(body.output?.errors),
            ...fieldTexts(body.output?.fieldErrors)
        ];
        if (fromBody.length > 0) {
            return fromBody;
        }
        if (isText(body.message)) {
            return [body.message]; // AuraHandledException, most Apex errors, a UI API 404
        }
    }
    if (isText(message)) {
        return [message]; // a JavaScript Error
    }
    return isText(statusText) ? [statusText] : []; // e.g. 'Forbidden' when nothing else says why
}

function isText(value: unknown): value is string {
    return typeof value === 'string' && value.trim() !== '';
}

function texts(items: MessageItem[] | undefined): string[] {
    return (items ?? [])
        .map((item) => item?.message)
        .filter((message): message is string => typeof message === 'string');
}

function fieldTexts(fields: Record<string, MessageItem[]> | undefined): string[] {
    return Object.values(fields ?? {}).flatMap(texts);
}
