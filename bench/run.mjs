#!/usr/bin/env node
// `npm run bench`: does the session-end status reach Connect, how fast, and against what a plain
// handler does. Trials in Debian's headless Chromium, the real compiled component under the real
// LWS sandbox with the real Streams, against the Connect stand-in; two contenders alternated trial
// by trial: this project's guard, and a baseline with a plain beforeunload → setState(Offline).
//
//   npm run bench                        # 100 trials per scenario and contender, 30 loads
//   npm run bench -- --quick             # 2 trials each, 3 loads: does the benchmark still run?
//   npm run bench -- --trials 10 [--loads 10] [--lanes 1|2] [--grep reload] [--out <base>]
//
// Writes <base>.json and <base>.md (default bench/results; with --quick bench/results.quick),
// prints the Markdown table and the estimated duration of a full run. Exit 1 if a trial errs.
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as prettier from 'prettier';
import { PROJECT_ROOT } from '../preview/build.mjs';
import { startPreview } from '../preview/start.mjs';
import { createStandInClient } from '../e2e/lib/stand-in.mjs';
import { launchBenchChromium } from './lib/browser.mjs';
import { CONTENDERS, buildContenders } from './lib/contenders.mjs';
import { measureLoads } from './lib/loads.mjs';
import { parserCost } from './lib/parser-cost.mjs';
import { startOtherSite } from './lib/other-site.mjs';
import { renderMarkdown } from './lib/report.mjs';
import { SCENARIOS } from './lib/scenarios.mjs';
import {
    componentBytes,
    soqlPerApexMethod,
    streamsResourceBytes,
    versions
} from './lib/static-figures.mjs';
import { summarize } from './lib/stats.mjs';
import { openTrial } from './lib/trial.mjs';

const FULL = Object.freeze({ trials: 100, loads: 30 });
const QUICK = Object.freeze({ trials: 2, loads: 3 });
const TRIAL_TIMEOUT_MS = 60000;
const BENCH_DIR = join(PROJECT_ROOT, 'bench');

function parseOptions() {
    const { values } = parseArgs({
        options: {
            quick: { type: 'boolean', default: false },
            trials: { type: 'string' },
            loads: { type: 'string' },
            lanes: { type: 'string', default: '2' },
            grep: { type: 'string' },
            out: { type: 'string' }
        }
    });
    const defaults = values.quick ? QUICK : FULL;
    const whole = (text, fallback, name, min) => {
        const number = text === undefined ? fallback : Number(text);
        if (!Number.isInteger(number) || number < min) {
            throw new Error(`--${name} must be a whole number ≥ ${min}, got ${text}`);
        }
        return number;
    };
    const scenarios = SCENARIOS.filter(
        (scenario) =>
            !values.grep ||
            `${scenario.id} ${scenario.name}`.toLowerCase().includes(values.grep.toLowerCase())
    );
    if (scenarios.length === 0) {
        throw new Error(`no scenario matches --grep ${values.grep}`);
    }
    return {
        quick: values.quick,
        trials: whole(values.trials, defaults.trials, 'trials', 1),
        loads: whole(values.loads, defaults.loads, 'loads', 0),
        lanes: whole(values.lanes, 2, 'lanes', 1),
        scenarios,
        out: values.out
            ? resolve(values.out)
            : join(BENCH_DIR, values.quick ? 'results.quick' : 'results')
    };
}

function withTimeout(promise, ms) {
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** One lane: a preview + Connect stand-in per contender, used by one trial at a time. */
async function startLane(builds) {
    const envs = {};
    for (const contender of CONTENDERS) {
        const preview = await startPreview({
            port: 0,
            build: false,
            buildOptions: { outDir: builds[contender].outDir },
            // These rows measure the page-event path alone (bench/backstop.mjs adds the backstop).
            presence: false
        });
        envs[contender] = { preview, standIn: createStandInClient(preview.standIn.url) };
    }
    return {
        envs,
        close: () => Promise.all(Object.values(envs).map(({ preview }) => preview.close()))
    };
}

/** Trial order: round by round, scenario by scenario, the contenders alternating who goes first. */
function schedule(scenarios, trials) {
    const queue = [];
    for (let index = 0; index < trials; index++) {
        for (const scenario of scenarios) {
            const order = index % 2 === 0 ? CONTENDERS : [...CONTENDERS].reverse();
            order.forEach((contender) => queue.push({ scenario, contender, index }));
        }
    }
    return queue;
}

async function runTrial(browser, lane, otherSite, { scenario, contender, index }) {
    const started = Date.now();
    let t = null;
    try {
        t = await openTrial({ browser, contender, env: lane.envs[contender], otherSite, index });
        const running = scenario.run(t);
        running.catch(() => {}); // after a timeout it rejects when the context closes
        const outcome = await withTimeout(running, TRIAL_TIMEOUT_MS);
        return { ...outcome, ms: Date.now() - started };
    } catch (error) {
        return { error: String(error?.message ?? error).split('\n')[0], ms: Date.now() - started };
    } finally {
        await t?.close();
    }
}

function summarizeCell(scenario, contender, results) {
    const done = results.filter((result) => !result.error);
    const samples = (pick) => done.map(pick).filter((value) => typeof value === 'number');
    const cell = {
        scenario: scenario.id,
        name: scenario.name,
        expected: scenario.expected,
        contender,
        trials: results.length,
        right: done.filter((result) => result.right).length,
        wrong: done.filter((result) => !result.right).length,
        errors: results.length - done.length,
        sessionEndArrived: done.filter((result) => result.sessionEnd?.arrived).length,
        pageKeptInCache: done.filter((result) => result.sessionEnd?.pagehidePersisted).length,
        latencyFromPagehideMs: summarize(samples((result) => result.sessionEnd?.fromPagehideMs)),
        latencyFromBeforeunloadMs: summarize(
            samples((result) => result.sessionEnd?.fromBeforeunloadMs)
        ),
        wrongFinals: countBy(done.filter((result) => !result.right).map((result) => result.final)),
        errorMessages: countBy(results.filter((r) => r.error).map((r) => r.error)),
        meanTrialMs: Math.round(results.reduce((sum, r) => sum + r.ms, 0) / results.length)
    };
    const unroutable = samples((result) => result.unroutableMs);
    if (unroutable.length > 0) {
        cell.unroutableMs = summarize(unroutable);
    }
    if (scenario.id === 'bfcache') {
        cell.restoredFromCache = done.filter((result) => result.restoredFromCache).length;
    }
    if (scenario.id === 'closeWindowOf3') {
        cell.moreThanOneOfflineChange = done.filter((result) => result.offlineChanges > 1).length;
    }
    if (scenario.id === 'liveContact') {
        cell.contactKept = done.filter((result) => result.contactKept).length;
    }
    return cell;
}

function countBy(values) {
    const counts = {};
    values.forEach((value) => (counts[value] = (counts[value] ?? 0) + 1));
    return counts;
}

/**
 * Seconds a full run would take on this machine now, from this run's own throughput: setup, the
 * loads at this run's pace, and the trial phase scaled to 100 trials of all eight scenarios.
 */
function estimateFullRunSeconds({ setupMs, loadPhaseMs, trialPhaseMs }, options) {
    const perLoad = options.loads > 0 ? loadPhaseMs / options.loads : 0;
    const trialScale =
        (FULL.trials / options.trials) * (SCENARIOS.length / options.scenarios.length);
    return Math.round((setupMs + perLoad * FULL.loads + trialPhaseMs * trialScale) / 1000);
}

async function main() {
    const options = parseOptions();
    const started = Date.now();
    console.log(
        `bench: ${options.trials} trial(s) per scenario and contender, ${options.loads} load(s), ` +
            `${options.lanes} lane(s), ${options.scenarios.length} scenario(s)`
    );
    const { builds, warnings, remove } = await buildContenders();
    warnings.forEach((warning) => console.log(`build warning: ${warning}`));
    const otherSite = await startOtherSite();
    const lanes = [];
    let browser = await launchBenchChromium();
    const chromium = browser.version();
    const results = new Map();
    let loadFigures;
    try {
        for (let count = 0; count < options.lanes; count++) {
            lanes.push(await startLane(builds));
        }
        const phases = { setupMs: Date.now() - started };
        console.log(
            `built both contenders and started ${lanes.length} lane(s) in ${(phases.setupMs / 1000).toFixed(1)} s`
        );

        // Load figures first, one load at a time, nothing else running in the browser.
        const loadsStarted = Date.now();
        loadFigures = await measureLoads(browser, lanes[0].envs.guard, otherSite, options.loads);
        phases.loadPhaseMs = Date.now() - loadsStarted;
        console.log(
            `loads: ${loadFigures.loads} · connected → Available p50 ${loadFigures.connectedToAvailableMs.p50} ms, ` +
                `p95 ${loadFigures.connectedToAvailableMs.p95} ms`
        );

        const trialsStarted = Date.now();
        const queue = schedule(options.scenarios, options.trials);
        const total = queue.length;
        let finished = 0;
        let relaunch = null;
        const connectedBrowser = async () => {
            if (!browser.isConnected()) {
                relaunch ??= launchBenchChromium().finally(() => (relaunch = null));
                browser = await relaunch;
            }
            return browser;
        };
        const runLane = async (lane) => {
            for (;;) {
                const job = queue.shift();
                if (!job) return;
                const result = await runTrial(await connectedBrowser(), lane, otherSite, job);
                const key = `${job.scenario.id}/${job.contender}`;
                results.set(key, [...(results.get(key) ?? []), result]);
                finished++;
                // The baseline's wrong statuses are expected; the guard's and any error are news.
                const news = result.error || (!result.right && job.contender === 'guard');
                if (news || total <= 40) {
                    const verdict = result.error
                        ? `ERROR ${result.error}`
                        : `${result.right ? 'right' : 'wrong'}: ${result.final}`;
                    console.log(
                        `[${finished}/${total}] ${job.scenario.id} ${job.contender} #${job.index + 1}: ` +
                            `${verdict} (${(result.ms / 1000).toFixed(1)} s)`
                    );
                } else if (finished % 50 === 0) {
                    const elapsed = Date.now() - trialsStarted;
                    const left = Math.round(((elapsed / finished) * (total - finished)) / 60000);
                    console.log(`[${finished}/${total}] trials done, about ${left} min left`);
                }
            }
        };
        await Promise.all(lanes.map((lane) => runLane(lane)));
        phases.trialPhaseMs = Date.now() - trialsStarted;

        const cells = [];
        for (const scenario of options.scenarios) {
            for (const contender of CONTENDERS) {
                cells.push(
                    summarizeCell(
                        scenario,
                        contender,
                        results.get(`${scenario.id}/${contender}`) ?? []
                    )
                );
            }
        }
        const durationSeconds = Math.round((Date.now() - started) / 1000);
        const report = {
            date: new Date().toISOString(),
            run: {
                quick: options.quick,
                trialsPerCell: options.trials,
                loads: options.loads,
                lanes: options.lanes,
                scenarios: options.scenarios.map((scenario) => scenario.id),
                durationSeconds,
                trialPhaseSeconds: Math.round(phases.trialPhaseMs / 1000),
                estimatedFullRunSeconds: estimateFullRunSeconds(phases, options)
            },
            environment: {
                chromium,
                ...versions(),
                cpus: cpus().length,
                node: process.version,
                backForwardCache: "on (Playwright's --disable-back-forward-cache removed)"
            },
            load: {
                ...loadFigures,
                component: await componentBytes(),
                streamsResource: streamsResourceBytes(),
                soqlPerApexCall: soqlPerApexMethod(),
                parser: await parserCost(options.quick ? 50 : 500)
            },
            cells
        };
        // Written as the repository's Prettier would, so `npm run prettier:verify` stays green.
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
        console.log(
            `bench took ${durationSeconds} s; a full run (${FULL.trials} trials, ${FULL.loads} loads, ` +
                `${options.lanes} lane(s)) is estimated at ${Math.round(report.run.estimatedFullRunSeconds / 60)} min`
        );
        return cells.some((cell) => cell.errors > 0) || loadFigures.errors.length > 0 ? 1 : 0;
    } finally {
        await browser.close().catch(() => {});
        await Promise.all(lanes.map((lane) => lane.close()));
        await otherSite.close();
        remove();
    }
}

main().then(
    (code) => process.exit(code),
    (error) => {
        console.error(error.stack ?? error);
        process.exit(1);
    }
);
