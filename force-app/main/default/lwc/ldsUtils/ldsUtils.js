/**
 * Turns whatever reached a catch or a wire's `error` (an Apex/LDS/UI API error, a JavaScript Error,
 * a rejected loadScript, a string) into readable messages, so an error panel never shows a raw
 * object. Shared by the softphone and the AC Feature record page.
 */
export function reduceErrors(errors) {
    const list = Array.isArray(errors) ? errors : [errors];
    return list.flatMap(messagesOf).filter((message) => message.trim() !== '');
}
function messagesOf(error) {
    if (typeof error === 'string') {
        return [error];
    }
    if (error === null || typeof error !== 'object') {
        return [];
    }
    const { body, message, statusText } = error;
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
function isText(value) {
    return typeof value === 'string' && value.trim() !== '';
}
function texts(items) {
    return (items ?? [])
        .map((item) => item?.message)
        .filter((message) => typeof message === 'string');
}
function fieldTexts(fields) {
    return Object.values(fields ?? {}).flatMap(texts);
}
