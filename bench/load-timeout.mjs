#!/usr/bin/env node
// `npm run bench:load-timeout`: how long an agent looks at "Loading…" when the CCP host fails, for
// a host that never answers, one that refuses the connection and one that answers with a page that
// is not the CCP, each with the adapter's CCP load timeout blank (Streams' default, 5 s), 10 s, and
// 999 s (capped by the softphone's 55 s deadline; with --cap). Time is from the softphone starting (the
// harness's `data-preview-state=mounted`, right after connectedCallback) to the load-timeout error
// being visible. Writes bench/load-timeout.json and bench/load-timeout.md.
//
//   npm run bench:load-timeout [-- --trials 5] [--cap] [--out bench/load-timeout]
/* global window, document, MutationObserver -- used only inside page callbacks */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT, buildPreview } from '../preview/build.mjs';
import { launchChromium } from '../preview/lib/browser.mjs';
import { readCustomLabels } from '../preview/lib/labels.mjs';
import { startPreview } from '../preview/start.mjs';
import { FAILING_KINDS, startFailingHost } from '../e2e/lib/failing-hosts.mjs';

const { values } = parseArgs({
    options: {
        trials: { type: 'string', default: '5' },
        cap: { type: 'boolean', default: false },
        out: { type: 'string', default: join(PROJECT_ROOT, 'bench', 'load-timeout') }
    }
});
const TRIALS = Number(values.trials);
const TIMEOUTS = [null, 10, ...(values.cap ? [999] : [])];
const LOAD_TIMEOUT_TEXT = readCustomLabels(
    join(PROJECT_ROOT, 'force-app/main/default/labels/CustomLabels.labels-meta.xml')
).get('ConnectSoftphone_ErrorLoadTimeout');

async function saveAdapter(origin, changes) {
    const current = await (await fetch(new URL('/api/config', origin))).json();
    const [seed, ...others] = current.adapters;
    const response = await fetch(new URL('/api/config', origin), {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ adapters: [{ ...seed, ...changes }, ...others] })
    });
    if (!response.ok) throw new Error(`PUT /api/config: ${await response.text()}`);
}

/** One load: ms from the component's start to the visible load-timeout error. */
async function trial(browser, preview, ccpUrl, timeoutSeconds) {
    await saveAdapter(preview.origin, { ccpUrl, ccpLoadTimeoutSeconds: timeoutSeconds });
    const context = await browser.newContext();
    try {
        const page = await context.newPage();
        await page.addInitScript(() => {
            new MutationObserver(() => {
                if (document.documentElement?.dataset.previewState === 'mounted') {
                    window.__startedAt ??= performance.now();
                }
            }).observe(document, {
                subtree: true,
                attributes: true,
                attributeFilter: ['data-preview-state']
            });
        });
        await page.goto(preview.consoleUrl);
        await page
            .getByRole('alert')
            .filter({ hasText: LOAD_TIMEOUT_TEXT })
            .waitFor({ state: 'visible', timeout: 70000 });
        return await page.evaluate(() => performance.now() - window.__startedAt);
    } finally {
        await context.close();
    }
}

const started = Date.now();
await buildPreview();
const preview = await startPreview({ port: 0, build: false });
const browser = await launchChromium();
const rows = [];
try {
    for (const kind of FAILING_KINDS) {
        for (const timeoutSeconds of TIMEOUTS) {
            const host = await startFailingHost(kind);
            const samples = [];
            try {
                const trials = timeoutSeconds === 999 ? 1 : TRIALS;
                for (let i = 0; i < trials; i++) {
                    samples.push(await trial(browser, preview, host.ccpUrl, timeoutSeconds));
                }
            } finally {
                await host.close();
            }
            const row = {
                kind,
                adapterTimeoutSeconds: timeoutSeconds,
                // The softphone gives up 55 s after its start (LOAD_DEADLINE_MS), whatever the adapter says.
                expectedMs: timeoutSeconds === null ? 5000 : Math.min(timeoutSeconds * 1000, 55000),
                trials: samples.length,
                minMs: Math.round(Math.min(...samples)),
                maxMs: Math.round(Math.max(...samples)),
                samplesMs: samples.map(Math.round)
            };
            rows.push(row);
            console.log(
                `${kind}, timeout ${timeoutSeconds ?? 'blank'}: worst ${row.maxMs} ms (min ${row.minMs}, ${row.trials} trials)`
            );
        }
    }
} finally {
    await browser.close();
    await preview.close();
}

const KIND_WORDS = {
    neverAnswers: 'never answers (TCP accepted, no bytes)',
    refusesConnection: 'refuses the connection',
    notTheCcp: 'answers https with a page that is not the CCP'
};
const worst = Math.max(...rows.map((row) => row.maxMs));
const md = [
    `# CCP load timeout: worst case per failing host`,
    '',
    `${new Date().toISOString().slice(0, 10)}, ${((Date.now() - started) / 1000).toFixed(0)} s, reproduced with \`npm run bench:load-timeout${values.cap ? ' -- --cap' : ''}\`. From the softphone's start (connectedCallback) to the load-timeout error with Retry on screen, headless Chromium, 2 cores shared.`,
    '',
    '| CCP host | adapter CCP load timeout | expected | trials | min (ms) | worst (ms) |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map(
        (row) =>
            `| ${KIND_WORDS[row.kind]} | ${row.adapterTimeoutSeconds === null ? "blank (Streams' 5 s)" : `${row.adapterTimeoutSeconds} s`} | ${row.expectedMs / 1000} s | ${row.trials} | ${row.minMs} | ${row.maxMs} |`
    ),
    '',
    `Worst of all: ${worst} ms; the promise is 60 000 ms after the softphone started (it gives up at 55 000 ms).`,
    ''
].join('\n');
writeFileSync(`${values.out}.json`, `${JSON.stringify({ rows, worstMs: worst }, null, 4)}\n`);
writeFileSync(`${values.out}.md`, md);
console.log(`\n${md}`);
