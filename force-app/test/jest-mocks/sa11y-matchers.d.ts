// Types for the sa11y matcher that force-app/test/jest-setup.js registers. @sa11y/jest declares it on
// the global `jest` namespace of @types/jest; tests that import `expect` from @jest/globals see
// the `expect` package's Matchers instead, so it is declared there too.
import type {} from 'expect';

declare module 'expect' {
    interface Matchers<R extends void | Promise<void>, T = unknown> {
        /** Runs axe through @sa11y/jest on the element, including its shadow trees. */
        toBeAccessible(
            config?: Record<string, unknown>
        ): Promise<R extends Promise<void> ? R : void>;
    }
}
