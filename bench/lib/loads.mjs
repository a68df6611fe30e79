// Load figures of this project's component: from the component connected to the agent Available
// in the Connect stand-in, and the Apex calls a load makes. One load at a time, a fresh context
// each, so nothing else competes for the page.
/* global window -- page code */
import { summarize } from './stats.mjs';
import { openTrial, sleep } from './trial.mjs';

/** Apex calls still on their way after Available would be counted too. */
const AFTER_AVAILABLE_MS = 300;

export async function measureLoads(browser, env, otherSite, count) {
    const durations = [];
    const apexPerLoad = [];
    const wallMs = [];
    const errors = [];
    for (let index = 0; index < count; index++) {
        const started = Date.now();
        let t = null;
        try {
            t = await openTrial({ browser, contender: 'guard', env, otherSite, index });
            const page = await t.openConsole();
            const mountedAt = await page.evaluate(() => window.__benchMountedAt ?? null);
            const available = await t.standIn.waitForChangeTo('Available');
            await sleep(AFTER_AVAILABLE_MS);
            if (mountedAt !== null) {
                durations.push(available.arrivedAt - mountedAt);
            }
            apexPerLoad.push(countMethods(t.apexCalls));
        } catch (error) {
            errors.push(String(error?.message ?? error).split('\n')[0]);
        } finally {
            await t?.close();
        }
        wallMs.push(Date.now() - started);
    }
    const methods = [...new Set(apexPerLoad.flatMap((calls) => Object.keys(calls)))].sort();
    return {
        loads: count,
        errors,
        measuredFrom:
            'html[data-preview-state=mounted] (set right after appendChild ran connectedCallback), ' +
            'performance.timeOrigin + performance.now() in the page, to the stand-in arrivedAt of Offline→Available',
        connectedToAvailableMs: summarize(durations),
        apexCallsPerLoad: Object.fromEntries(
            methods.map((method) => [
                method,
                summarize(apexPerLoad.map((calls) => calls[method] ?? 0))
            ])
        ),
        meanLoadMs: wallMs.length
            ? Math.round(wallMs.reduce((sum, ms) => sum + ms, 0) / wallMs.length)
            : null
    };
}

function countMethods(calls) {
    const counts = {};
    calls.forEach(({ method }) => (counts[method] = (counts[method] ?? 0) + 1));
    return counts;
}
