#!/usr/bin/env node
// `npm run test:e2e`: the softphone end to end. The real compiled component runs under the real
// LWS sandbox in Debian's headless Chromium, with the real Streams, against the Connect stand-in;
// every scenario asserts on the stand-in's record of status changes (or on what the agent sees).
// Each scenario gets a fresh preview + stand-in and a fresh browser context.
//
//   npm run test:e2e [-- --grep <text>] [--repeat <n>] [--report=<file>] [--screenshots]
//
// Prints one line per scenario, then "N passed, N failed" alone on a line; exits 1 on a failure.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_BUILD_OPTIONS, PROJECT_ROOT, buildPreview } from '../preview/build.mjs';
import { launchChromium } from '../preview/lib/browser.mjs';
import { startPreview } from '../preview/start.mjs';
import { configureFeature } from './lib/config.mjs';
import { openConsole, openMetrics } from './lib/pages.mjs';
import { createStandInClient } from './lib/stand-in.mjs';
import { badInputScenarios } from './scenarios/bad-input.mjs';
import { ccpControlScenarios } from './scenarios/ccp-controls.mjs';
import { ccpFaultScenarios } from './scenarios/ccp-faults.mjs';
import { contactAndLogoutScenarios } from './scenarios/contact-and-logout.mjs';
import { multiTabScenarios } from './scenarios/multi-tab.mjs';
import { backstopScenarios } from './scenarios/backstop.mjs';
import { seedScenarios } from './scenarios/seed.mjs';
import { settingsScenarios } from './scenarios/settings.mjs';
import { tryOutScenarios } from './scenarios/try-out.mjs';

const SCENARIOS = [
    ...seedScenarios,
    ...settingsScenarios,
    ...contactAndLogoutScenarios,
    ...ccpFaultScenarios,
    ...multiTabScenarios,
    ...badInputScenarios,
    ...ccpControlScenarios,
    ...tryOutScenarios,
    ...backstopScenarios
];
const SCENARIO_TIMEOUT_MS = 60000;
const SCREENSHOTS_DIR = join(PROJECT_ROOT, 'docs', 'screenshots');
const CONSOLE_LINES_SHOWN = 40;
const VIEWPORT = { width: 1280, height: 800 };

function parseOptions() {
    const { values } = parseArgs({
        options: {
            report: { type: 'string' },
            grep: { type: 'string' },
            repeat: { type: 'string', default: '1' },
            screenshots: { type: 'boolean', default: false }
        }
    });
    const repeat = Number(values.repeat);
    if (!Number.isInteger(repeat) || repeat < 1) {
        throw new Error(`--repeat must be a whole number ≥ 1, got ${values.repeat}`);
    }
    return {
        report: values.report ? resolve(values.report) : null,
        grep: values.grep?.toLowerCase() ?? null,
        repeat,
        screenshots: values.screenshots
    };
}

/**
 * The control for the early-acknowledgement scenario: the same component with streamsClient's
 * message hold replaced by a no-op, built from a copy of the sources (force-app is untouched).
 */
async function buildWithoutMessageHold() {
    const dir = mkdtempSync(join(tmpdir(), 'e2e-without-hold-'));
    // The LWC module resolver looks upwards for a package.json to call the project root.
    writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
    const lwcDir = join(dir, 'lwc');
    cpSync(DEFAULT_BUILD_OPTIONS.lwcDir, lwcDir, {
        recursive: true,
        filter: (source) => !source.includes('__tests__')
    });
    const file = join(lwcDir, 'streamsClient', 'streamsClient.ts');
    const source = readFileSync(file, 'utf8');
    const call = /=\s*holdCcpMessagesUntilIframeLoads\([^;]*?\);/;
    if (!call.test(source)) {
        rmSync(dir, { recursive: true, force: true });
        throw new Error(
            'streamsClient.ts no longer calls holdCcpMessagesUntilIframeLoads(...): update e2e/run.mjs'
        );
    }
    writeFileSync(file, source.replace(call, '= { watchIframesIn() {}, dispose() {} };'));
    const outDir = join(dir, 'build');
    await buildPreview({ lwcDir, outDir });
    return { outDir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

function withTimeout(promise, ms) {
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Runs one scenario in a fresh preview, stand-in and browser context. */
async function runScenario(browser, scenario, { builds, screenshots }) {
    const started = Date.now();
    const build = scenario.build ? builds[scenario.build] : null;
    if (build instanceof Error) {
        return { ok: false, ms: 0, error: `cannot build ${scenario.build}: ${build.message}` };
    }
    const preview = await startPreview({
        port: 0,
        build: false,
        // The presence backstop only where a scenario asks for it (with its short threshold):
        // every other scenario is the softphone without it, as an org without the service.
        presence: scenario.presence ?? false,
        ...(build ? { buildOptions: { outDir: build.outDir } } : {})
    });
    const context = await browser.newContext({ viewport: VIEWPORT });
    const consoleLines = [];
    let pageCount = 0;
    context.on('page', (page) => {
        const label = `page ${++pageCount}`;
        page.on('console', (message) =>
            consoleLines.push(`[${label}] ${message.type()}: ${message.text()}`)
        );
        page.on('pageerror', (error) =>
            consoleLines.push(`[${label}] pageerror: ${error.message}`)
        );
        // "Leave site?" during a call: the agent confirms, as a user leaving would.
        page.on('dialog', (dialog) => dialog.accept().catch(() => {}));
    });
    const standIn = createStandInClient(preview.standIn.url);
    const t = {
        preview,
        standIn,
        context,
        consoleLines,
        screenshotsEnabled: screenshots,
        openConsole: () => openConsole(context, preview.consoleUrl),
        openMetrics: () => openMetrics(context, preview.metricsUrl),
        configure: (change) => configureFeature(preview.origin, change),
        async screenshot(file, page, options = {}) {
            if (screenshots) {
                mkdirSync(SCREENSHOTS_DIR, { recursive: true });
                await page.screenshot({ path: join(SCREENSHOTS_DIR, file), ...options });
            }
        }
    };
    let error = null;
    let record = [];
    const running = scenario.run(t);
    running.catch(() => {}); // after a timeout it rejects when the context closes
    try {
        await withTimeout(running, SCENARIO_TIMEOUT_MS);
    } catch (caught) {
        error = caught;
        record = await standIn.describeRecord();
    } finally {
        await context.close().catch(() => {});
        await preview.close();
    }
    const ms = Date.now() - started;
    if (!error) {
        return { ok: true, ms };
    }
    const reason =
        error.name === 'CheckFailure' ? error.message : String(error.stack ?? error.message);
    return { ok: false, ms, error: reason, record, consoleLines };
}

function printResult(index, scenario, result) {
    const seconds = `${(result.ms / 1000).toFixed(1)} s`;
    console.log(`${result.ok ? 'PASS' : 'FAIL'}  ${index}. ${scenario.name}  (${seconds})`);
    if (result.ok) {
        return;
    }
    const indent = (text) => `        ${text}`;
    console.log(indent(`reason: ${result.error.split('\n').join('\n        ')}`));
    console.log(indent('Connect stand-in:'));
    result.record?.forEach((line) => console.log(indent(`  ${line}`)));
    const lines = result.consoleLines ?? [];
    console.log(
        indent(
            `page console (last ${Math.min(lines.length, CONSOLE_LINES_SHOWN)} of ${lines.length}):`
        )
    );
    lines
        .slice(-CONSOLE_LINES_SHOWN)
        .forEach((line) => console.log(indent(`  ${line.replace(/\s+/g, ' ').slice(0, 240)}`)));
}

async function main() {
    const options = parseOptions();
    const selected = SCENARIOS.map((scenario, index) => ({ scenario, number: index + 1 })).filter(
        ({ scenario }) => !options.grep || scenario.name.toLowerCase().includes(options.grep)
    );
    if (selected.length === 0) {
        console.log(`no scenario matches --grep ${options.grep}`);
        console.log('0 passed, 0 failed');
        return 1;
    }
    const suiteStarted = Date.now();
    const { warnings } = await buildPreview();
    warnings.forEach((warning) => console.log(`build warning: ${warning}`));
    const builds = {};
    if (selected.some(({ scenario }) => scenario.build === 'withoutMessageHold')) {
        builds.withoutMessageHold = await buildWithoutMessageHold().catch((error) => error);
    }
    console.log(`built the preview in ${((Date.now() - suiteStarted) / 1000).toFixed(1)} s`);

    let browser = await launchChromium();
    const results = [];
    try {
        for (let round = 1; round <= options.repeat; round++) {
            if (options.repeat > 1) {
                console.log(`\n--- round ${round} of ${options.repeat}`);
            }
            for (const { scenario, number } of selected) {
                if (!browser.isConnected()) {
                    browser = await launchChromium();
                }
                const result = await runScenario(browser, scenario, {
                    builds,
                    screenshots: options.screenshots && round === 1
                });
                printResult(number, scenario, result);
                results.push({ number, name: scenario.name, ...result });
            }
        }
    } finally {
        await browser.close().catch(() => {});
        builds.withoutMessageHold?.remove?.();
    }

    const passed = results.filter((result) => result.ok).length;
    const failed = results.length - passed;
    if (options.repeat > 1) {
        console.log('\nPasses per scenario:');
        for (const { scenario, number } of selected) {
            const runs = results.filter((result) => result.number === number);
            const ok = runs.filter((result) => result.ok).length;
            console.log(`  ${ok}/${runs.length}  ${number}. ${scenario.name}`);
        }
    }
    if (options.report) {
        const scenarios = results.map(({ name, ok, ms, error }) => ({
            name,
            ok,
            ms,
            ...(error ? { error } : {})
        }));
        writeFileSync(
            options.report,
            `${JSON.stringify({ passed, failed, scenarios }, null, 4)}\n`
        );
    }
    console.log(`\nend-to-end suite took ${((Date.now() - suiteStarted) / 1000).toFixed(1)} s`);
    console.log(`${passed} passed, ${failed} failed`);
    return failed === 0 ? 0 : 1;
}

main().then(
    (code) => process.exit(code),
    (error) => {
        console.error(error.stack ?? error);
        console.log('0 passed, 1 failed');
        process.exit(1);
    }
);
