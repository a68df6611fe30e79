// Connect's request quotas, held on our side: a token bucket per operation and a backoff on 429.
// The clock and the sleep are injected so tests and the benchmark can run in simulated time.

export interface Clock {
    now(): number;
    sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms))
};

/** At most `ratePerSecond` acquisitions per second, no burst above one second's worth. */
export class RateLimiter {
    private tokens: number;
    private at: number;

    constructor(
        private readonly ratePerSecond: number,
        private readonly clock: Clock
    ) {
        if (!(ratePerSecond > 0)) throw new Error(`rate must be > 0, got ${ratePerSecond}`);
        this.tokens = 1;
        this.at = clock.now();
    }

    private refill(): void {
        const now = this.clock.now();
        this.tokens = Math.min(1, this.tokens + ((now - this.at) / 1000) * this.ratePerSecond);
        this.at = now;
    }

    /** Waits until a request may leave. */
    async acquire(): Promise<void> {
        this.refill();
        while (this.tokens < 1) {
            await this.clock.sleep(Math.ceil(((1 - this.tokens) * 1000) / this.ratePerSecond));
            this.refill();
        }
        this.tokens -= 1;
    }
}

export function isThrottle(error: unknown): boolean {
    const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
    return (
        e?.name === 'ThrottlingException' ||
        e?.name === 'TooManyRequestsException' ||
        e?.$metadata?.httpStatusCode === 429
    );
}

/** A dropped connection, a timeout or a 5xx: worth the same retry, since every call is idempotent. */
export function isTransient(error: unknown): boolean {
    const e = error as { name?: string; code?: string; $metadata?: { httpStatusCode?: number } };
    const status = e?.$metadata?.httpStatusCode ?? 0;
    return (
        e?.name === 'TimeoutError' ||
        ['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT'].includes(e?.code ?? '') ||
        status >= 500
    );
}

export interface BackoffOptions {
    maxAttempts: number;
    baseMs: number;
    maxMs: number;
    clock: Clock;
    random?: () => number;
    onThrottle?: (attempt: number, waitMs: number) => void;
    onTransient?: (attempt: number, waitMs: number) => void;
}

/**
 * Retries `call` on 429 (and on a transient failure) with capped exponential backoff and full
 * jitter. Safe for idempotent calls only: every Connect call here is.
 */
export async function withBackoff<T>(call: () => Promise<T>, options: BackoffOptions): Promise<T> {
    const random = options.random ?? Math.random;
    for (let attempt = 1; ; attempt += 1) {
        try {
            return await call();
        } catch (error) {
            const throttled = isThrottle(error);
            if ((!throttled && !isTransient(error)) || attempt >= options.maxAttempts) throw error;
            const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** (attempt - 1));
            const waitMs = Math.max(options.baseMs / 2, Math.round(random() * ceiling));
            if (throttled) options.onThrottle?.(attempt, waitMs);
            else options.onTransient?.(attempt, waitMs);
            await options.clock.sleep(waitMs);
        }
    }
}
