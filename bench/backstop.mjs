#!/usr/bin/env node
// `npm run bench:backstop`: the departures no page event reports (a killed browser, a lost
// network, a frozen background tab) and a session end whose CCP change never arrives, for three
// contenders: the plain beforeunload baseline, the guard alone, and the guard with the presence
// backstop (presence-service/local with its defaults: threshold 90 s, leave grace 15 s, a sweep
// every 5 s). Each trial gets a fresh preview and Connect stand-in; the verdict is the agent's
// status when the deadline (threshold + grace + sweep + 20 s after the departure; 5 s with
// --quick) passes.
//
//   npm run bench:backstop                      # 5 trials per cell, the default threshold
//   npm run bench:backstop -- --quick           # 1 trial per cell, the e2e threshold (6 s)
//   npm run bench:backstop -- --trials 3 [--parallel 6] [--grep crash] [--out <base>]
//
// Writes <base>.json and <base>.md (default bench/results.backstop; --quick:
// bench/results.backstop.quick) and prints the table.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as prettier from 'prettier';
import { PROJECT_ROOT } from '../preview/build.mjs';
import { launchChromium } from '../preview/lib/browser.mjs';
import { launchHideableTabs } from '../preview/lib/hidden-tabs.mjs';
import { startPreview } from '../preview/start.mjs';
import { createStandInClient } from '../e2e/lib/stand-in.mjs';
import { openConsole, waitForSoftphoneReady } from '../e2e/lib/pages.mjs';
import { closeTab } from '../e2e/lib/tabs.mjs';
import { BACKSTOP_E2E } from '../e2e/scenarios/backstop.mjs';
import { buildContenders } from './lib/contenders.mjs';
import { summarize } from './lib/stats.mjs';

/** The service's defaults (docs/presence-protocol.md), as startPresenceService applies them. */
const DEFAULT_PRESENCE = Object.freeze({
    thresholdSeconds: 90,
    leaveGraceSeconds: 15,
    sweepEverySeconds: 5
});
const CONTENDERS = Object.freeze([
    { id: 'baseline', label: 'baseline (beforeunload → setState)', build: 'baseline' },
    { id: 'guard', label: 'guard alone', build: 'guard' },
    { id: 'backstop', label: 'guard + backstop', build: 'guard', presence: true }
]);
/** After threshold + grace + sweep: how long a wrong status has to prove itself final. */
const DEADLINE_SLACK_MS = { full: 20000, quick: 5000 };
const SETUP_TIMEOUT_MS = 60000;
const ANSWERED = 'On: the service answered at';

/** Each scenario opens its own browser and page, and returns the departure to stage. */
const SCENARIOS = [
    {
        id: 'crash',
        name: 'browser killed (no page event)',
        async open(url) {
            const browser = await launchChromium();
            const page = await openConsole(await browser.newContext(), url);
            return {
                page,
                async depart() {
                    const cdp = await browser.newBrowserCDPSession();
                    cdp.send('Browser.crash').catch(() => {});
                },
                close: () => browser.close().catch(() => {})
            };
        }
    },
    {
        id: 'networkLoss',
        name: 'network lost (context offline)',
        async open(url, shared) {
            const context = await shared.newContext();
            const page = await openConsole(context, url);
            return {
                page,
                depart: () => context.setOffline(true),
                close: () => context.close().catch(() => {})
            };
        }
    },
    {
        id: 'frozen',
        name: 'background tab frozen',
        async open(url) {
            const tabs = await launchHideableTabs();
            const page = await tabs.newPage();
            const heartbeats = [];
            page.on('request', (request) => {
                if (request.url().endsWith('/heartbeat')) heartbeats.push(Date.now());
            });
            await page.goto(url);
            let frozenAt = null;
            return {
                page,
                async depart() {
                    await tabs.hideAll();
                    // Chromium freezes only a hidden page; a visible one ignores the request.
                    await waitFor(
                        async () =>
                            (await page.evaluate(() => globalThis.document.visibilityState)) ===
                            'hidden',
                        5000,
                        'the tab to be hidden'
                    );
                    const cdp = await tabs.context.newCDPSession(page);
                    await cdp.send('Page.setWebLifecycleState', { state: 'frozen' });
                    frozenAt = Date.now();
                },
                /** A heartbeat after the freeze means the page never froze: not a trial. */
                verify: () =>
                    heartbeats.some((at) => at > frozenAt + 2000)
                        ? 'the page sent heartbeats after the freeze: it did not freeze'
                        : null,
                close: () => tabs.context.close().catch(() => {})
            };
        }
    },
    {
        id: 'brokenCcp',
        name: "tab closed, the CCP's change never arrives",
        async open(url, shared, standIn) {
            const context = await shared.newContext();
            const page = await openConsole(context, url);
            return {
                page,
                async depart() {
                    await standIn.setFaults({ dropAgentState: true });
                    await closeTab(page);
                },
                close: () => context.close().catch(() => {})
            };
        }
    }
];

function parseOptions() {
    const { values } = parseArgs({
        options: {
            quick: { type: 'boolean', default: false },
            trials: { type: 'string' },
            parallel: { type: 'string', default: '6' },
            grep: { type: 'string' },
            out: { type: 'string' }
        }
    });
    const whole = (text, fallback, name) => {
        const number = text === undefined ? fallback : Number(text);
        if (!Number.isInteger(number) || number < 1) {
            throw new Error(`--${name} must be a whole number ≥ 1, got ${text}`);
        }
        return number;
    };
    const scenarios = SCENARIOS.filter(
        (scenario) =>
            !values.grep ||
            `${scenario.id} ${scenario.name}`.toLowerCase().includes(values.grep.toLowerCase())
    );
    if (scenarios.length === 0) throw new Error(`no scenario matches --grep ${values.grep}`);
    return {
        quick: values.quick,
        trials: whole(values.trials, values.quick ? 1 : 5, 'trials'),
        parallel: whole(values.parallel, 6, 'parallel'),
        presence: values.quick ? BACKSTOP_E2E : DEFAULT_PRESENCE,
        scenarios,
        out: values.out
            ? resolve(values.out)
            : join(
                  PROJECT_ROOT,
                  'bench',
                  values.quick ? 'results.backstop.quick' : 'results.backstop'
              )
    };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(probe, timeoutMs, what) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
        if (await probe()) return;
        await sleep(200);
    }
    throw new Error(`timed out waiting for ${what}`);
}

async function runTrial({ scenario, contender, builds, shared, presence }) {
    const preview = await startPreview({
        port: 0,
        build: false,
        buildOptions: { outDir: builds[contender.build].outDir },
        presence: contender.presence ? presence : false
    });
    const standIn = createStandInClient(preview.standIn.url);
    let opened = null;
    try {
        opened = await scenario.open(preview.consoleUrl, shared, standIn);
        await waitForSoftphoneReady(opened.page);
        if (contender.build === 'baseline') {
            // The baseline sets no status on load: the agent clicks Available, as they would.
            await standIn.setAgentStatus('Available');
        }
        await waitFor(
            async () => (await standIn.agent())?.status === 'Available',
            SETUP_TIMEOUT_MS,
            'the agent to be Available'
        );
        if (contender.presence) {
            await waitFor(
                async () =>
                    (await opened.page.locator('[data-id="details-text"]').allTextContents())
                        .join(' ')
                        .includes(ANSWERED),
                SETUP_TIMEOUT_MS,
                'the first heartbeat answer'
            );
        }
        const from = (await standIn.history()).length;
        const departedAt = Date.now();
        await opened.depart();
        const deadline =
            departedAt +
            (presence.thresholdSeconds + presence.leaveGraceSeconds + presence.sweepEverySeconds) *
                1000 +
            DEADLINE_SLACK_MS[presence === DEFAULT_PRESENCE ? 'full' : 'quick'];
        let offline = null;
        while (Date.now() < deadline && !offline) {
            offline = (await standIn.history()).slice(from).find((c) => c.toType === 'offline');
            if (!offline) await sleep(250);
        }
        const invalid = opened.verify?.() ?? null;
        if (invalid) {
            return { error: invalid };
        }
        const agent = await standIn.agent();
        return {
            right: agent.status === 'Offline',
            final: agent.status,
            toOfflineMs: offline ? Date.parse(offline.at) - departedAt : null,
            source: offline?.source ?? null
        };
    } catch (error) {
        return { error: String(error?.message ?? error).split('\n')[0] };
    } finally {
        await opened?.close();
        await preview.close().catch(() => {});
    }
}

function summarizeCell(scenario, contender, results) {
    const done = results.filter((result) => !result.error);
    const times = done.map((result) => result.toOfflineMs).filter((ms) => ms !== null);
    const sources = {};
    done.forEach((result) => {
        const key = result.source ?? 'none';
        sources[key] = (sources[key] ?? 0) + 1;
    });
    return {
        scenario: scenario.id,
        name: scenario.name,
        contender: contender.id,
        trials: results.length,
        right: done.filter((result) => result.right).length,
        errors: results.length - done.length,
        errorMessages: results.filter((result) => result.error).map((result) => result.error),
        toOfflineMs: summarize(times),
        offlineSources: sources
    };
}

function renderMarkdown(report) {
    const seconds = (ms) => (ms === null ? '–' : `${(ms / 1000).toFixed(1)} s`);
    const lines = [
        '# Benchmark: departures without a page event, and the presence backstop',
        '',
        `${report.date} · ${report.run.trialsPerCell} trial(s) per cell · threshold ` +
            `${report.run.presence.thresholdSeconds} s, leave grace ${report.run.presence.leaveGraceSeconds} s, ` +
            `sweep every ${report.run.presence.sweepEverySeconds} s · Chromium ${report.environment.chromium}` +
            (report.run.quick ? ' · **quick run (e2e threshold): not a measurement**' : ''),
        '',
        `Right = the agent is Offline when the deadline passes (threshold + grace + sweep + ${report.run.quick ? 5 : 20} s ` +
            'after the departure). Time to Offline: from the departure to the change into Offline ' +
            "in the Connect stand-in's history.",
        '',
        '| departure | contender | right | time to Offline p50 / p95 / max | Offline set by |',
        '| --- | --- | --- | --- | --- |'
    ];
    for (const cell of report.cells) {
        const label = CONTENDERS.find((contender) => contender.id === cell.contender).label;
        const by = Object.entries(cell.offlineSources)
            .map(([source, count]) => `${source} ${count}`)
            .join(', ');
        const errors = cell.errors > 0 ? ` (${cell.errors} error(s))` : '';
        lines.push(
            `| ${cell.name} | ${label} | ${cell.right}/${cell.trials - cell.errors}${errors} | ` +
                `${seconds(cell.toOfflineMs.p50)} / ${seconds(cell.toOfflineMs.p95)} / ${seconds(cell.toOfflineMs.max)} | ${by} |`
        );
    }
    lines.push(
        '',
        `Run took ${report.run.durationSeconds} s with ${report.run.parallel} trial(s) at a time.`
    );
    return `${lines.join('\n')}\n`;
}

async function main() {
    const options = parseOptions();
    const started = Date.now();
    const { builds, warnings, remove } = await buildContenders();
    warnings.forEach((warning) => console.log(`build warning: ${warning}`));
    const shared = await launchChromium();
    const chromium = shared.version();
    const jobs = [];
    for (let index = 0; index < options.trials; index++) {
        for (const scenario of options.scenarios) {
            for (const contender of CONTENDERS) jobs.push({ scenario, contender, index });
        }
    }
    const results = new Map();
    let finished = 0;
    try {
        const worker = async () => {
            for (;;) {
                const job = jobs.shift();
                if (!job) return;
                const result = await runTrial({
                    ...job,
                    builds,
                    shared,
                    presence: options.presence
                });
                const key = `${job.scenario.id}/${job.contender.id}`;
                results.set(key, [...(results.get(key) ?? []), result]);
                finished++;
                const verdict = result.error
                    ? `ERROR ${result.error}`
                    : `${result.final}${result.toOfflineMs === null ? '' : ` after ${result.toOfflineMs} ms (${result.source})`}`;
                console.log(
                    `[${finished}] ${job.scenario.id} ${job.contender.id} #${job.index + 1}: ${verdict}`
                );
            }
        };
        // Staggered starts: the pages load one after the other, then wait together.
        await Promise.all(
            Array.from({ length: options.parallel }, (_, lane) => sleep(lane * 3000).then(worker))
        );
    } finally {
        await shared.close().catch(() => {});
        remove();
    }
    const cells = [];
    for (const scenario of options.scenarios) {
        for (const contender of CONTENDERS) {
            cells.push(
                summarizeCell(
                    scenario,
                    contender,
                    results.get(`${scenario.id}/${contender.id}`) ?? []
                )
            );
        }
    }
    const report = {
        date: new Date().toISOString(),
        run: {
            quick: options.quick,
            trialsPerCell: options.trials,
            parallel: options.parallel,
            presence: options.presence,
            durationSeconds: Math.round((Date.now() - started) / 1000)
        },
        environment: { chromium, node: process.version },
        cells
    };
    const format = async (text, file) =>
        prettier.format(text, { ...(await prettier.resolveConfig(file)), filepath: file });
    const markdown = await format(renderMarkdown(report), `${options.out}.md`);
    writeFileSync(
        `${options.out}.json`,
        await format(JSON.stringify(report), `${options.out}.json`)
    );
    writeFileSync(`${options.out}.md`, markdown);
    console.log(`\n${markdown}`);
    console.log(`wrote ${options.out}.json and ${options.out}.md`);
    return cells.some((cell) => cell.errors > 0) ? 1 : 0;
}

main().then(
    (code) => process.exit(code),
    (error) => {
        console.error(error.stack ?? error);
        process.exit(1);
    }
);
