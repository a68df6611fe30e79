// Hidden-tab experiment: how far apart are a hidden tab's heartbeats when Chromium's timer
// throttling is in force? The answer bounds the presence service's threshold (docs/presence-protocol.md).
//
//   node experiments/hidden-tab/run.mjs [--minutes 35] [--json experiments/hidden-tab/data/run.json]
//   node experiments/hidden-tab/run.mjs --report a.json,b.json    # tables over saved runs
//
// Debian Chromium (headless) through playwright-core, loopback only, with its background-tab
// behaviour in force (preview/lib/hidden-tabs.mjs: Playwright's throttling switches dropped, its
// focus emulation skipped, the tabs in one window with a blank tab brought to the front).
// A 1 s timer chain in its own tab proves the throttling: about 1 wake-up/s once hidden, about one
// per minute after 5 minutes hidden (intensive wake-up throttling).
//
// Each heartbeat tab runs the softphone's heartbeat loop shape (a timer, then a text/plain POST, as
// c/presenceClient sends it); the server stamps the arrival, and the gap between arrivals is what the
// presence service sees.
/* global document, window */
import { createServer } from 'node:http';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { launchHideableTabs } from '../../preview/lib/hidden-tabs.mjs';

/** The tabs: name, timer kind and interval. */
export const TABS = [
    { name: 'heartbeat 15 s (setTimeout chain)', kind: 'timeout', intervalMs: 15000 },
    { name: 'heartbeat 20 s (setInterval)', kind: 'interval', intervalMs: 20000 },
    { name: 'probe 1 s (setTimeout chain)', kind: 'timeout', intervalMs: 1000 }
];

const INTENSIVE_AFTER_MS = 5 * 60 * 1000;

function parseArgs(argv) {
    const args = { minutes: 35, json: null, report: null };
    for (let i = 0; i < argv.length; i++) {
        const flag = argv[i];
        if (flag === '--minutes') args.minutes = Number(argv[++i]);
        else if (flag === '--json') args.json = argv[++i];
        else if (flag === '--report') args.report = argv[++i].split(',');
        else
            throw new Error(
                `Unknown option ${flag}: use --minutes N, --json file or --report a.json,b.json`
            );
    }
    if (!(args.minutes > 0)) throw new Error('--minutes must be a positive number');
    return args;
}

function tabPage(index) {
    const tab = TABS[index];
    return `<!doctype html><meta charset="utf-8"><title>${tab.name}</title><script>
const tab = ${index}, kind = ${JSON.stringify(tab.kind)}, intervalMs = ${tab.intervalMs};
let seq = 0;
function beat() {
    fetch('/beat', { method: 'POST', headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
        body: JSON.stringify({ tab, seq: seq++, visibility: document.visibilityState }) }).catch(() => {});
}
if (kind === 'interval') setInterval(beat, intervalMs);
else (function next() { setTimeout(() => { beat(); next(); }, intervalMs); })();
</script><p>${tab.name}</p>`;
}

/** Loopback server: serves the tabs and stamps every beat's arrival. */
function startServer() {
    const arrivals = TABS.map(() => []);
    const server = createServer((req, res) => {
        const url = new URL(req.url, 'http://127.0.0.1');
        if (req.method === 'GET' && url.pathname === '/tab') {
            res.writeHead(200, {
                'Content-Type': 'text/html; charset=utf-8',
                'Cache-Control': 'no-store'
            });
            res.end(tabPage(Number(url.searchParams.get('i'))));
            return;
        }
        if (req.method === 'POST' && url.pathname === '/beat') {
            let body = '';
            req.on('data', (chunk) => (body += chunk));
            req.on('end', () => {
                const beat = JSON.parse(body);
                arrivals[beat.tab].push({ at: Date.now(), visibility: beat.visibility });
                res.writeHead(204).end();
            });
            return;
        }
        res.writeHead(404).end();
    });
    return new Promise((resolve) => {
        server.listen(0, '127.0.0.1', () =>
            resolve({
                url: `http://127.0.0.1:${server.address().port}`,
                arrivals,
                stop: () => server.close()
            })
        );
    });
}

export function quantile(sorted, q) {
    if (sorted.length === 0) return NaN;
    const index = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
    return sorted[Math.max(0, index)];
}

/** Gaps between arrivals (ms), split at the moment intensive throttling may start. */
export function summarise(run) {
    return TABS.map((tab, i) => {
        const hiddenAt = run.hiddenAt;
        const times = run.arrivals[i].filter((a) => a.at >= hiddenAt).map((a) => a.at);
        const phases = { first5: [], after5: [] };
        for (let k = 1; k < times.length; k++) {
            const gap = times[k] - times[k - 1];
            (times[k] - hiddenAt <= INTENSIVE_AFTER_MS ? phases.first5 : phases.after5).push(gap);
        }
        const stats = (gaps) => {
            const sorted = [...gaps].sort((a, b) => a - b);
            return {
                n: sorted.length,
                p50: quantile(sorted, 0.5),
                p95: quantile(sorted, 0.95),
                max: sorted.length ? sorted[sorted.length - 1] : NaN
            };
        };
        const hiddenBeats = run.arrivals[i].filter((a) => a.at >= hiddenAt);
        return {
            tab: tab.name,
            allHidden: hiddenBeats.every((a) => a.visibility === 'hidden'),
            first5: stats(phases.first5),
            after5: stats(phases.after5)
        };
    });
}

const seconds = (ms) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : '–');

export function table(runs) {
    const lines = [
        '| run | tab | hidden | gaps, first 5 min: n · p50 / p95 / max | gaps, after 5 min: n · p50 / p95 / max |',
        '| --- | --- | --- | --- | --- |'
    ];
    for (const run of runs) {
        for (const row of summarise(run)) {
            const cell = (s) =>
                `${s.n} · ${seconds(s.p50)} / ${seconds(s.p95)} / ${seconds(s.max)}`;
            lines.push(
                `| ${run.label} (${run.minutes} min) | ${row.tab} | ${row.allHidden ? 'yes' : 'NO'} | ${cell(row.first5)} | ${cell(row.after5)} |`
            );
        }
    }
    return lines.join('\n');
}

async function run({ minutes, json }) {
    const server = await startServer();
    const tabs = await launchHideableTabs();
    const { context } = tabs;
    try {
        const commandLine = (
            await (
                await context.browser()?.newBrowserCDPSession()
            )?.send('Browser.getBrowserCommandLine')
        )?.arguments;
        const pages = [];
        for (let i = 0; i < TABS.length; i++) {
            const page = await tabs.newPage();
            await page.goto(`${server.url}/tab?i=${i}`);
            pages.push(page);
        }
        const front = await tabs.hideAll();
        const hiddenAt = Date.now();
        const visibility = await Promise.all(
            pages.map((p) => p.evaluate(() => document.visibilityState))
        );
        if (visibility.some((v) => v !== 'hidden'))
            throw new Error(`Tabs not hidden: ${visibility.join(', ')}`);
        const version =
            context.browser()?.version() ??
            (await front.evaluate(() => window.navigator.userAgent));
        console.log(
            `Chromium ${version}; ${TABS.length} tabs hidden at ${new Date(hiddenAt).toISOString()}`
        );
        const endAt = hiddenAt + minutes * 60 * 1000;
        while (Date.now() < endAt) {
            await new Promise((resolve) =>
                setTimeout(resolve, Math.min(60000, endAt - Date.now()))
            );
            const counts = server.arrivals.map((a) => a.length).join(' / ');
            console.log(
                `${((Date.now() - hiddenAt) / 60000).toFixed(1)} min hidden; beats ${counts}`
            );
        }
        const stillHidden = await Promise.all(
            pages.map((p) => p.evaluate(() => document.visibilityState))
        );
        const result = {
            label: new Date(hiddenAt).toISOString().slice(0, 16),
            chromium: version,
            commandLine,
            minutes,
            hiddenAt,
            endedAt: Date.now(),
            stillHidden,
            // performance.now() is only here to make sure the page's clock ran on.
            pageUptimeMs: await pages[0].evaluate(() => performance.now()),
            arrivals: server.arrivals
        };
        if (json) {
            await mkdir(dirname(json), { recursive: true });
            await writeFile(json, JSON.stringify(result, null, 1));
        }
        console.log(table([result]));
    } finally {
        await context.close();
        server.stop();
    }
}

const args = parseArgs(process.argv.slice(2));
if (args.report) {
    const runs = await Promise.all(
        args.report.map(async (file) => JSON.parse(await readFile(file, 'utf8')))
    );
    console.log(table(runs));
} else {
    await run(args);
}
