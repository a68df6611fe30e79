// Connect's quotas held on our side, in simulated time: the token bucket never lets more than the
// rate through in any one-second window; 429s are retried with growing waits, other errors are not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadService } from '../build.mjs';
import { simulatedClock } from './helpers.mjs';

const svc = await loadService();

test('no one-second window holds more requests than the rate', async () => {
    await fc.assert(
        fc.asyncProperty(
            fc.constantFrom(1, 2, 5),
            fc.array(fc.integer({ min: 0, max: 1500 }), { minLength: 1, maxLength: 40 }),
            async (rate, gaps) => {
                const clock = simulatedClock();
                const limiter = new svc.RateLimiter(rate, clock);
                const sent = [];
                for (const gap of gaps) {
                    clock.advance(gap);
                    await limiter.acquire();
                    sent.push(clock.now());
                }
                for (let i = 0; i < sent.length; i += 1) {
                    const inWindow = sent.filter((t) => t >= sent[i] && t < sent[i] + 1000).length;
                    assert.ok(inWindow <= rate, `${inWindow} requests within 1 s at rate ${rate}`);
                }
            }
        ),
        { numRuns: 200 }
    );
});

const throttle = () =>
    Object.assign(new Error('Rate exceeded'), {
        name: 'ThrottlingException',
        $metadata: { httpStatusCode: 429 }
    });

test('a 429 is retried with growing waits until it succeeds', async () => {
    const clock = simulatedClock();
    const waits = [];
    let calls = 0;
    const result = await svc.withBackoff(
        async () => {
            calls += 1;
            if (calls < 4) throw throttle();
            return 'ok';
        },
        {
            maxAttempts: 6,
            baseMs: 500,
            maxMs: 8000,
            clock,
            random: () => 1,
            onThrottle: (_a, w) => waits.push(w)
        }
    );
    assert.equal(result, 'ok');
    assert.deepEqual(waits, [500, 1000, 2000]);
});

test('a dropped connection is retried like a 429; an access error is not', async () => {
    const clock = simulatedClock();
    let calls = 0;
    const result = await svc.withBackoff(
        async () => {
            calls += 1;
            if (calls === 1)
                throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
            return 'ok';
        },
        { maxAttempts: 3, baseMs: 100, maxMs: 1000, clock }
    );
    assert.equal(result, 'ok');
    assert.equal(calls, 2);
});

test('retries stop at maxAttempts, and an error other than 429 is not retried', async () => {
    const clock = simulatedClock();
    let calls = 0;
    await assert.rejects(
        svc.withBackoff(
            async () => {
                calls += 1;
                throw throttle();
            },
            { maxAttempts: 3, baseMs: 100, maxMs: 1000, clock }
        ),
        /Rate exceeded/
    );
    assert.equal(calls, 3);
    calls = 0;
    await assert.rejects(
        svc.withBackoff(
            async () => {
                calls += 1;
                throw new Error('AccessDenied');
            },
            { maxAttempts: 3, baseMs: 100, maxMs: 1000, clock }
        ),
        /AccessDenied/
    );
    assert.equal(calls, 1);
});
