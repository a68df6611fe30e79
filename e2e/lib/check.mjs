// Assertions for the end-to-end scenarios: a failed check throws a CheckFailure whose message is
// the reason printed on the scenario's FAIL line.

export class CheckFailure extends Error {
    constructor(message) {
        super(message);
        this.name = 'CheckFailure';
    }
}

/** Throws `message` (a string, or a function building it lazily) unless `condition` holds. */
export function check(condition, message) {
    if (!condition) {
        throw new CheckFailure(typeof message === 'function' ? message() : message);
    }
}

/** Polls `probe` until it returns a truthy value; throws `describe()` after `timeoutMs`. */
export async function waitUntil(probe, { timeoutMs, intervalMs = 100, describe }) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const value = await probe();
        if (value) {
            return value;
        }
        if (Date.now() > deadline) {
            throw new CheckFailure(`${await describe()} (waited ${timeoutMs} ms)`);
        }
        await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
}
