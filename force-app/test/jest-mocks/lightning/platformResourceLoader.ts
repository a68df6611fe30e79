// Stand-in for lightning/platformResourceLoader with a loadScript a test can steer: succeed (the
// default), fail with a given error, or stay pending until the test releases it (to see the
// loading state). `resourceLoaderControl.resetMock()` in afterEach restores the default.

import { jest } from '@jest/globals';

type Outcome = { kind: 'resolve' } | { kind: 'reject'; error: unknown } | { kind: 'hold' };

let nextOutcome: Outcome = { kind: 'resolve' };
let releaseHeld: Array<() => void> = [];

export const loadScript = jest.fn((_component: unknown, _url: string): Promise<void> => {
    const outcome = nextOutcome;
    if (outcome.kind === 'reject') {
        return Promise.reject(outcome.error);
    }
    if (outcome.kind === 'hold') {
        return new Promise<void>((resolve) => releaseHeld.push(resolve));
    }
    return Promise.resolve();
});

export const loadStyle = jest.fn(
    (_component: unknown, _url: string): Promise<void> => Promise.resolve()
);

export const resourceLoaderControl = {
    /** Later loadScript calls reject with `error` (a missing static resource rejects this way). */
    failLoads(error: unknown): void {
        nextOutcome = { kind: 'reject', error };
    },
    /** Later loadScript calls stay pending until `releaseLoads()`. */
    holdLoads(): void {
        nextOutcome = { kind: 'hold' };
    },
    /** Resolves every held call; later calls resolve at once. */
    releaseLoads(): void {
        nextOutcome = { kind: 'resolve' };
        releaseHeld.splice(0).forEach((resolve) => resolve());
    },
    resetMock(): void {
        nextOutcome = { kind: 'resolve' };
        releaseHeld = [];
    }
};
