/**
 * Turns whatever reached a catch (an Apex/LDS error, a JavaScript Error, a rejected loadScript, a
 * string) into readable messages, so the error panel never shows a raw object.
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
        if (typeof body.message === 'string') {
            return [body.message]; // AuraHandledException and most Apex errors
        }
    }
    if (typeof message === 'string') {
        return [message]; // a JavaScript Error
    }
    return typeof statusText === 'string' ? [statusText] : [];
}
function texts(items) {
    return (items ?? [])
        .map((item) => item?.message)
        .filter((message) => typeof message === 'string');
}
function fieldTexts(fields) {
    return Object.values(fields ?? {}).flatMap(texts);
}
