// Teardown experiment: can a status change sent while the host page is torn down reach Connect?
// Real amazon-connect-streams 2.28.2 in a host page (127.0.0.1), the emulated CCP in a cross-site
// iframe (127.0.0.2), headless Debian Chromium through playwright-core; loopback only.
//
//   node experiments/teardown/run.mjs [--trials 20] [--mechanisms A,B,C,D50] [--kinds reload,...]
//        [--wait 1000] [--budget 540] [--no-checks] [--isolation off|on] [--ccp-load ms]
//        [--json out.json]
//   node experiments/teardown/run.mjs --report a.json,b.json   # tables over earlier --json runs
//
// Each trial: fresh browser context, host page, initCCP, agent set Available, one mechanism
// installed, one teardown; then it waits `--wait` ms for an Offline change in the stand-in's
// history. Trials are alternated (round-robin over every cell), and the run stops starting new
// rounds when `--budget` seconds are spent. Prints a Markdown table (arrived n/N, p50/p95 latency
// from the handler that posted to the stand-in's arrivedAt).
/* global window, connect -- in-page callbacks run in the browser */
import { readFile, writeFile } from 'node:fs/promises';
import { connect as tcpConnect } from 'node:net';
import { chromium } from 'playwright-core';
import { startConnectStandIn } from '../../ccp-emulator/server.mjs';
import { startOtherSite, startTeardownHost } from './host-page.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../preview/lib/browser.mjs';

/** Candidate mechanisms: the events that send (first wins) and the busy-wait after posting. */
export const MECHANISMS = {
    A: { label: 'pagehide', events: ['pagehide'], busyMs: 0 },
    A100: { label: 'pagehide + 100 ms hold', events: ['pagehide'], busyMs: 100 },
    B: { label: 'beforeunload', events: ['beforeunload'], busyMs: 0 },
    C: { label: 'beforeunload, else pagehide', events: ['beforeunload', 'pagehide'], busyMs: 0 },
    D20: { label: 'C + 20 ms hold', events: ['beforeunload', 'pagehide'], busyMs: 20 },
    D50: { label: 'C + 50 ms hold', events: ['beforeunload', 'pagehide'], busyMs: 50 },
    D100: { label: 'C + 100 ms hold', events: ['beforeunload', 'pagehide'], busyMs: 100 },
    D200: { label: 'C + 200 ms hold', events: ['beforeunload', 'pagehide'], busyMs: 200 },
    E50: {
        label: 'C + 50 ms hold in the next task',
        events: ['beforeunload', 'pagehide'],
        busyMs: 50,
        hold: 'after'
    },
    E200: {
        label: 'C + 200 ms hold in the next task',
        events: ['beforeunload', 'pagehide'],
        busyMs: 200,
        hold: 'after'
    },
    V: {
        label: 'visibilitychange:hidden (info only)',
        events: ['visibilitychange:hidden'],
        busyMs: 0
    }
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const ignore = () => {};

/** Teardown kinds: each starts the teardown and returns without waiting for it to finish. */
export const KINDS = {
    closeTab: {
        label: 'close tab (page.close runBeforeUnload)',
        run: ({ page }) => page.close({ runBeforeUnload: true })
    },
    closeTabCdp: {
        label: 'close tab (page.close default)',
        run: ({ page }) => page.close()
    },
    closeContext: { label: 'close context', run: ({ context }) => context.close() },
    reload: {
        label: 'reload',
        run: ({ page }) => void page.reload({ waitUntil: 'commit' }).catch(ignore)
    },
    crossSite: {
        label: 'navigate to 127.0.0.3',
        run: ({ page, env }) => void page.goto(env.other.url, { waitUntil: 'commit' }).catch(ignore)
    },
    logout0: {
        label: 'logout.jsp → /login, 0 ms',
        run: ({ page }) => page.evaluate(navigateInPage, '/secur/logout.jsp?delay=0')
    },
    logout200: {
        label: 'logout.jsp → /login, 200 ms',
        run: ({ page }) => page.evaluate(navigateInPage, '/secur/logout.jsp?delay=200')
    }
};

/** A page-initiated navigation, as clicking Salesforce's Log Out link starts one. */
function navigateInPage(href) {
    setTimeout(() => {
        window.location.href = href;
    }, 0);
}

function parseArgs(argv) {
    const args = {
        trials: 20,
        mechanisms: ['A', 'B', 'C', 'D50'],
        kinds: ['closeTab', 'closeContext', 'reload', 'crossSite', 'logout0', 'logout200'],
        waitMs: 1000,
        budgetS: 540,
        checks: true,
        isolation: 'default',
        json: null,
        ccpLoadMs: 0
    };
    for (let i = 0; i < argv.length; i += 1) {
        const value = () => argv[++i];
        if (argv[i] === '--trials') args.trials = Number(value());
        else if (argv[i] === '--mechanisms') args.mechanisms = value().split(',');
        else if (argv[i] === '--kinds') args.kinds = value().split(',');
        else if (argv[i] === '--wait') args.waitMs = Number(value());
        else if (argv[i] === '--budget') args.budgetS = Number(value());
        else if (argv[i] === '--no-checks') args.checks = false;
        else if (argv[i] === '--isolation') args.isolation = value();
        else if (argv[i] === '--json') args.json = value();
        else if (argv[i] === '--ccp-load') args.ccpLoadMs = Number(value());
        else throw new Error(`unknown argument ${argv[i]}`);
    }
    for (const m of args.mechanisms) if (!MECHANISMS[m]) throw new Error(`unknown mechanism ${m}`);
    for (const k of args.kinds) if (!KINDS[k]) throw new Error(`unknown kind ${k}`);
    return args;
}

async function postJson(url, body) {
    const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body)
    });
    return res.json();
}

/** A host page with the CCP ready and the agent Available. */
async function readyHostPage(browser, env) {
    await postJson(`${env.standIn.url}/control/reset`, {});
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(env.host.url);
    await page.evaluate((ccpUrl) => window.__initCcp(ccpUrl), env.standIn.ccpUrl);
    const set = await page.evaluate(() => window.__setState('routable'));
    if (!set.ok) throw new Error(`setState(Available) failed: ${set.err}`);
    await page.waitForFunction(() => new connect.Agent().getState().type === 'routable', null, {
        timeout: 5000,
        polling: 20
    });
    return { context, page };
}

/**
 * Waits for an Offline change in the stand-in's history after index `from`, until `deadline`, or
 * until `doneAt()` (a time, or null) is past: then the change either came or cannot come any more.
 */
async function waitForOffline(env, from, deadline, doneAt) {
    let arrival = null;
    while (Date.now() < deadline) {
        arrival = env.standIn.state.history.slice(from).find((h) => h.toType === 'offline') ?? null;
        const done = doneAt();
        if (done !== null && (arrival || Date.now() > done)) break;
        await sleep(5);
    }
    return arrival;
}

async function runTrial(browser, env, mechanismKey, kindKey, id, waitMs) {
    const mechanism = MECHANISMS[mechanismKey];
    const { context, page } = await readyHostPage(browser, env);
    const from = env.standIn.state.history.length;
    // How long the CCP frame lives: its own pagehide reports to the host's /beacon (cross-origin
    // sendBeacon, text/plain). Added by the experiment; the emulated CCP page is unchanged.
    const ccpFrame = page.frames().find((f) => f.url().startsWith(env.standIn.ccpUrl));
    await ccpFrame.evaluate(
        ([trial, beaconUrl]) =>
            window.addEventListener('pagehide', () =>
                navigator.sendBeacon(
                    beaconUrl,
                    JSON.stringify({ trial, type: 'ccp:pagehide', t0: Date.now() })
                )
            ),
        [id, `${env.host.url}beacon`]
    );
    if (env.ccpLoadMs > 0) {
        // Simulated busy CCP page (the real one is a large app): long tasks of ccpLoadMs every
        // ccpLoadMs + 5 ms on the CCP frame's main thread. Added by the experiment only.
        await ccpFrame.evaluate((ms) => {
            setInterval(() => {
                const until = performance.now() + ms;
                while (performance.now() < until) {
                    /* a long task */
                }
            }, ms + 5);
        }, env.ccpLoadMs);
    }
    await page.evaluate(
        ([trial, events, busyMs, hold]) => window.__install(trial, events, busyMs, hold),
        [id, mechanism.events, mechanism.busyMs, mechanism.hold ?? 'inline']
    );
    const actionAt = Date.now();
    await KINDS[kindKey].run({ page, context, env });
    const beacons = () => env.host.beacons.get(id) ?? [];
    // Waits for the CCP frame's pagehide (for its lifetime) and the change, or 300 ms after that
    // pagehide (the latest arrival measured came 139 ms after it), or the deadline.
    const arrival = await waitForOffline(env, from, actionAt + waitMs, () => {
        const gone = beacons().find((b) => b.type === 'ccp:pagehide');
        return gone ? gone.receivedAt + 300 : null;
    });
    await context.close().catch(ignore);
    const sender = beacons().find((b) => b.sent) ?? null;
    const first = beacons().find((b) => !b.type.startsWith('ccp:')) ?? null;
    const ccpGone = beacons().find((b) => b.type === 'ccp:pagehide') ?? null;
    return {
        id,
        mechanism: mechanismKey,
        kind: kindKey,
        arrived: Boolean(arrival),
        sentFrom: sender?.type ?? null,
        // From the handler that posted to the stand-in's arrival; from the teardown call if the
        // handler's beacon never came.
        latencyMs: arrival ? arrival.arrivedAt - (sender?.t0 ?? actionAt) : null,
        // From the host's first lifecycle event to the CCP frame's pagehide: the time the message
        // has to get through host → CCP frame → worker → network.
        ccpWindowMs: first && ccpGone ? ccpGone.t0 - first.t0 : null,
        arrivedAfterCcpPagehideMs: arrival && ccpGone ? arrival.arrivedAt - ccpGone.t0 : null,
        events: beacons().map((b) => `${b.type}${b.persisted ? '(persisted)' : ''}`),
        requests: env.standIn.state.requests.length
    };
}

// ---- checks that the emulator and the browser set-up are not the reason -------------------------

/** Site isolation: does the CCP frame's event loop keep running while the host thread is blocked? */
async function checkIsolation(browser, env) {
    const { context, page } = await readyHostPage(browser, env);
    const frame = page.frames().find((f) => f.url().startsWith(env.standIn.ccpUrl));
    const workerKind = await frame.evaluate(() => window.__ccpWorkerKind);
    await frame.evaluate(() => {
        window.__ticks = [];
        window.__tickTimer = setInterval(() => window.__ticks.push(performance.now()), 5);
    });
    await sleep(100);
    const blockedAt = Date.now();
    await page.evaluate((ms) => window.__busy(ms), 400);
    const ticks = await frame.evaluate(() => {
        clearInterval(window.__tickTimer);
        return window.__ticks.map((t) => performance.timeOrigin + t);
    });
    const during = ticks.filter((t) => t >= blockedAt && t <= blockedAt + 400);
    let maxGap = 0;
    for (let i = 1; i < ticks.length; i += 1) maxGap = Math.max(maxGap, ticks[i] - ticks[i - 1]);
    const cdp = await browser.newBrowserCDPSession();
    const info = await cdp.send('SystemInfo.getProcessInfo');
    await cdp.detach();
    await context.close();
    return {
        workerKind,
        ccpTicksWhileHostBlocked400ms: during.length,
        ccpMaxTimerGapMs: Math.round(maxGap),
        rendererProcesses: info.processInfo.filter((p) => p.type === 'renderer').length
    };
}

/** The hop host → CCP frame → worker → stand-in: setState, then remove the iframe after d ms. */
async function checkRemoveIframe(browser, env, delays, trialsEach) {
    const rows = [];
    for (const delay of delays) {
        let arrived = 0;
        const latencies = [];
        for (let i = 0; i < trialsEach; i += 1) {
            const { context, page } = await readyHostPage(browser, env);
            const from = env.standIn.state.history.length;
            const t0 = await page.evaluate((d) => window.__setStateThenRemoveIframe(d), delay);
            const arrival = await waitForOffline(env, from, Date.now() + 800, () => Infinity);
            if (arrival) {
                arrived += 1;
                latencies.push(arrival.arrivedAt - t0);
            }
            await context.close();
        }
        rows.push({ delay, arrived, n: trialsEach, p50: percentile(latencies, 0.5) });
    }
    return rows;
}

/** Does the stand-in record a putAgentState whose client went away? (raw HTTP over TCP) */
async function checkDisconnect(env) {
    const html = await (await fetch(env.standIn.ccpUrl)).text();
    const token = /"authToken":"([^"]+)"/.exec(html)[1];
    const body = JSON.stringify({
        state: { name: 'Offline', type: 'offline' },
        enqueueNextState: false,
        requestId: 'raw'
    });
    const head = (length) =>
        `POST /connect/agent-state HTTP/1.1\r\nHost: 127.0.0.2\r\ncontent-type: application/json\r\n` +
        `x-amz-bearer: ${token}\r\ncontent-length: ${length}\r\n\r\n`;
    const send = async (text) => {
        const socket = tcpConnect(new URL(env.standIn.url).port, '127.0.0.2');
        await new Promise((resolve) => socket.once('connect', resolve));
        socket.write(text);
        socket.destroy(); // the client is gone before any answer
        await sleep(400);
    };
    const result = {};
    const cases = {
        fullRequestThenClose: head(Buffer.byteLength(body)) + body,
        headersAndHalfBodyThenClose: head(Buffer.byteLength(body)) + body.slice(0, 10)
    };
    for (const [name, text] of Object.entries(cases)) {
        await postJson(`${env.standIn.url}/control/reset`, {});
        await postJson(`${env.standIn.url}/control/faults`, { apiDelayMs: 200 });
        env.standIn.state.putAgentState({ state: { name: 'Available' }, source: 'setup' }, 0);
        const from = env.standIn.state.history.length;
        await send(text);
        result[name] = env.standIn.state.history.slice(from).some((h) => h.toType === 'offline');
    }
    await postJson(`${env.standIn.url}/control/faults`, {});
    return result;
}

// ---- statistics and output ---------------------------------------------------------------------

function percentile(values, p) {
    if (values.length === 0) return null;
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

function table(results, mechanisms, kinds) {
    const header = `| mechanism | ${kinds.map((k) => KINDS[k].label).join(' | ')} |`;
    const rule = `|---|${kinds.map(() => '---').join('|')}|`;
    const rows = mechanisms.map((m) => {
        const cells = kinds.map((k) => {
            const cell = results.filter((r) => r.mechanism === m && r.kind === k);
            const arrived = cell.filter((r) => r.arrived);
            const lat = arrived.map((r) => r.latencyMs);
            const stats = arrived.length
                ? ` · ${percentile(lat, 0.5)}/${percentile(lat, 0.95)} ms`
                : '';
            return `${arrived.length}/${cell.length}${stats}`;
        });
        return `| ${m}: ${MECHANISMS[m].label} | ${cells.join(' | ')} |`;
    });
    return [header, rule, ...rows].join('\n');
}

function eventsSeen(results, kinds) {
    return kinds
        .map((k) => {
            const counts = {};
            for (const r of results.filter((x) => x.kind === k)) {
                const key = r.events.join(' → ') || '(none)';
                counts[key] = (counts[key] ?? 0) + 1;
            }
            const parts = Object.entries(counts).map(([events, n]) => `${events} ×${n}`);
            return `- ${KINDS[k].label}: ${parts.join('; ')}`;
        })
        .join('\n');
}

/** Per kind: how long the CCP frame outlived the host's first lifecycle event (no-hold mechanisms). */
function ccpWindows(results, kinds) {
    return kinds
        .map((k) => {
            const values = results
                .filter((r) => r.kind === k && MECHANISMS[r.mechanism].busyMs === 0)
                .map((r) => r.ccpWindowMs)
                .filter((v) => v !== null);
            if (values.length === 0) return `- ${KINDS[k].label}: no CCP pagehide seen`;
            return `- ${KINDS[k].label}: min ${Math.min(...values)}, p50 ${percentile(values, 0.5)}, p95 ${percentile(values, 0.95)} ms (n=${values.length})`;
        })
        .join('\n');
}

/** `--report a.json,b.json`: the tables over the trials of earlier runs (same script, same flags). */
async function report(files) {
    const runs = await Promise.all(files.map(async (f) => JSON.parse(await readFile(f, 'utf8'))));
    const results = runs.flatMap((run) => run.results);
    const mechanisms = Object.keys(MECHANISMS).filter((m) =>
        results.some((r) => r.mechanism === m)
    );
    const kinds = Object.keys(KINDS).filter((k) => results.some((r) => r.kind === k));
    console.log(`Chromium ${runs.map((run) => run.chromium).join(', ')}`);
    console.log(`\n${table(results, mechanisms, kinds)}\n`);
    console.log(`Events seen by the host page (beacons):\n${eventsSeen(results, kinds)}`);
    console.log(
        `\nCCP frame's pagehide after the host's first lifecycle event:\n${ccpWindows(results, kinds)}`
    );
    const late = results.map((r) => r.arrivedAfterCcpPagehideMs).filter((v) => v != null);
    if (late.length) {
        console.log(
            `\nArrival minus the CCP frame's pagehide: max ${Math.max(...late)} ms (n=${late.length})`
        );
    }
}

async function main() {
    const reportAt = process.argv.indexOf('--report');
    if (reportAt > 0) return report(process.argv[reportAt + 1].split(','));
    const args = parseArgs(process.argv.slice(2));
    const started = Date.now();
    const standIn = await startConnectStandIn({ host: '127.0.0.2', port: 0 });
    const host = await startTeardownHost();
    const other = await startOtherSite();
    const env = { standIn, host, other, ccpLoadMs: args.ccpLoadMs };
    const chromiumArgs = [...CHROMIUM_ARGS];
    if (args.isolation === 'off') chromiumArgs.push('--disable-site-isolation-trials');
    if (args.isolation === 'on') chromiumArgs.push('--site-per-process');
    const browser = await chromium.launch({
        executablePath: CHROMIUM_PATH,
        args: chromiumArgs
    });
    const output = { chromium: browser.version(), args, flags: chromiumArgs, checks: null };
    console.log(`Chromium ${browser.version()}, flags: ${chromiumArgs.join(' ')}`);
    const results = [];
    try {
        if (args.checks) {
            const isolation = await checkIsolation(browser, env);
            console.log('isolation:', JSON.stringify(isolation));
            const removeIframe = await checkRemoveIframe(browser, env, [-1, 0, 1, 3, 10, 30], 4);
            console.log('setState then remove iframe after d ms:', JSON.stringify(removeIframe));
            const disconnect = await checkDisconnect(env);
            console.log('stand-in records after client disconnect:', JSON.stringify(disconnect));
            output.checks = { isolation, removeIframe, disconnect };
        }
        const cells = args.mechanisms.flatMap((m) => args.kinds.map((k) => [m, k]));
        let round = 0;
        for (; round < args.trials; round += 1) {
            if ((Date.now() - started) / 1000 > args.budgetS) {
                console.log(`budget of ${args.budgetS} s spent after ${round} rounds`);
                break;
            }
            // Alternate: every cell once per round, in a rotated order so no cell is always first.
            const order = cells.map((_, i) => cells[(i + round * 7) % cells.length]);
            for (const [m, k] of order) {
                const id = `${m}-${k}-${round}`;
                try {
                    results.push(await runTrial(browser, env, m, k, id, args.waitMs));
                } catch (error) {
                    console.log(`trial ${id} failed to run: ${error.message}`);
                }
            }
            process.stdout.write(
                `round ${round + 1}/${args.trials} done (${((Date.now() - started) / 1000).toFixed(0)} s)\n`
            );
        }
    } finally {
        await browser.close();
        await Promise.all([standIn.close(), host.close(), other.close()]);
    }
    console.log(`\n${table(results, args.mechanisms, args.kinds)}\n`);
    console.log(
        `Events seen by the host page (beacons), per teardown kind:\n${eventsSeen(results, args.kinds)}`
    );
    console.log(
        `\nCCP frame's pagehide after the host's first lifecycle event:\n${ccpWindows(results, args.kinds)}`
    );
    const unattributed = results.filter((r) => r.arrived && !r.sentFrom).length;
    if (unattributed)
        console.log(
            `${unattributed} arrivals without the handler's beacon (latency from the teardown call)`
        );
    console.log(`\n${results.length} trials in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    if (args.json) {
        output.results = results;
        await writeFile(args.json, JSON.stringify(output, null, 2));
    }
}

await main();
