// `npm test`: every check the project has, in the order a failure is cheapest to read.
// Runs them all (one failure does not hide the next), prints a summary table, and closes with a
// plain "N passed, N failed" line counting individual tests and checks.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const tmp = mkdtempSync(path.join(tmpdir(), 'softphone-test-'));
const jestReport = path.join(tmp, 'jest.json');
const e2eReport = path.join(tmp, 'e2e.json');
const nodeTestReport = path.join(tmp, 'node-test.tap');
const modelReport = path.join(tmp, 'model.json');
const propertyReport = path.join(tmp, 'property.json');
// The model-based and property tests run as their own steps, so the summary shows them.
const MODEL_TEST = 'force-app/main/default/lwc/sessionGuard/__tests__/sessionGuard.model.test.ts';
const PROPERTY_TESTS = 'force-app/main/default/lwc/.*/__tests__/.*\\.property\\.test\\.ts$';
const MODEL_RUNS = '150';
const emulatorTestReport = path.join(tmp, 'emulator-test.tap');
const presenceTestReport = path.join(tmp, 'presence-test.tap');
const presenceTests = readdirSync('presence-service/test')
    .filter((name) => name.endsWith('.test.mjs'))
    .map((name) => `presence-service/test/${name}`);

/** A `node --test` step: spec output on the console, TAP in `report` for the count. */
function nodeTestStep(name, report, paths) {
    return {
        name,
        cmd: [
            'node',
            '--test',
            '--test-reporter=spec',
            '--test-reporter-destination=stdout',
            '--test-reporter=tap',
            `--test-reporter-destination=${report}`,
            ...[paths].flat()
        ],
        count: () => countTap(report)
    };
}

/** Each step: a name, the command, and how to count the tests it ran (default: one check). */
const steps = [
    {
        name: 'Streams static resource is the pinned release',
        cmd: ['npm', 'run', '-s', 'build:streams', '--', '--check']
    },
    { name: 'TypeScript typecheck (strict)', cmd: ['npm', 'run', '-s', 'typecheck'] },
    { name: 'Deployable .js matches its .ts', cmd: ['npm', 'run', '-s', 'check:compiled'] },
    { name: 'ESLint', cmd: ['npm', 'run', '-s', 'lint'] },
    { name: 'Prettier', cmd: ['npm', 'run', '-s', 'prettier:verify'] },
    {
        name: 'Jest: parser, guard, Streams wrapper, components',
        cmd: [
            'npx',
            'sfdx-lwc-jest',
            '--',
            '--json',
            `--outputFile=${jestReport}`,
            '--testPathIgnorePatterns',
            '/node_modules/',
            '<rootDir>/preview/',
            '<rootDir>/e2e/',
            '\\.model\\.test\\.ts$',
            '\\.property\\.test\\.ts$'
        ],
        count: () => countJest(jestReport)
    },
    {
        name: `Model-based guard test (fast-check): ${MODEL_RUNS} random sequences, 1–4 tabs, 5 invariants`,
        cmd: ['npx', 'sfdx-lwc-jest', '--', MODEL_TEST, '--json', `--outputFile=${modelReport}`],
        env: { MODEL_RUNS },
        count: () => countJest(modelReport)
    },
    {
        name: 'Value parser properties (fast-check): any string, up to 1 MB',
        cmd: [
            'npx',
            'sfdx-lwc-jest',
            '--',
            PROPERTY_TESTS,
            '--json',
            `--outputFile=${propertyReport}`
        ],
        count: () => countJest(propertyReport)
    },
    nodeTestStep(
        'setup:org and migrate:cti-adapter commands (stand-in sf CLI)',
        nodeTestReport,
        'scripts/__tests__/'
    ),
    nodeTestStep(
        'CCP emulator agent model: model-based (fast-check)',
        emulatorTestReport,
        'ccp-emulator/__tests__/'
    ),
    {
        name: 'Presence service: TypeScript typecheck (strict)',
        cmd: ['npm', 'run', '-s', 'typecheck:presence']
    },
    nodeTestStep(
        'Presence service: rules, token, quotas, loopback run, CDK synth + cdk-nag',
        presenceTestReport,
        presenceTests
    ),
    {
        name: 'Apex offline: parse, PMD security and best practices',
        cmd: ['npm', 'run', '-s', 'check:apex']
    },
    { name: 'Metadata: sf project convert source', cmd: ['npm', 'run', '-s', 'check:metadata'] },
    {
        name: 'End-to-end: Chromium + LWS + Streams + CCP emulator',
        cmd: ['npm', 'run', '-s', 'test:e2e', '--', `--report=${e2eReport}`],
        count: () => countE2e(e2eReport)
    },
    { name: 'Benchmark still runs (--quick)', cmd: ['npm', 'run', '-s', 'bench', '--', '--quick'] },
    {
        name: 'Presence benchmark still runs (--quick)',
        cmd: ['npm', 'run', '-s', 'bench:presence', '--', '--quick']
    },
    {
        name: 'Backstop benchmark still runs (--quick)',
        cmd: ['npm', 'run', '-s', 'bench:backstop', '--', '--quick']
    }
];

function countJest(file) {
    if (!existsSync(file)) return null;
    const report = JSON.parse(readFileSync(file, 'utf8'));
    return { passed: report.numPassedTests, failed: report.numFailedTests };
}

function countTap(file) {
    if (!existsSync(file)) return null;
    const tap = readFileSync(file, 'utf8');
    const total = (label) => Number(tap.match(new RegExp(`^# ${label} (\\d+)$`, 'm'))?.[1] ?? 0);
    return { passed: total('pass'), failed: total('fail') };
}

function countE2e(file) {
    if (!existsSync(file)) return null;
    const report = JSON.parse(readFileSync(file, 'utf8'));
    return { passed: report.passed, failed: report.failed };
}

const results = [];
for (const step of steps) {
    console.log(`\n=== ${step.name}: ${step.cmd.join(' ')}`);
    const started = Date.now();
    const run = spawnSync(step.cmd[0], step.cmd.slice(1), {
        stdio: 'inherit',
        env: { ...process.env, ...step.env }
    });
    const ok = run.status === 0;
    const counted = step.count?.() ?? null;
    const passed = counted ? counted.passed : ok ? 1 : 0;
    // A step that failed without reporting its tests still counts as one failure.
    const failed = counted ? Math.max(counted.failed, ok ? 0 : 1) : ok ? 0 : 1;
    results.push({ name: step.name, ok, passed, failed, seconds: (Date.now() - started) / 1000 });
}
rmSync(tmp, { recursive: true, force: true });

console.log('\n=== Summary');
for (const r of results) {
    const status = r.ok ? 'PASS' : 'FAIL';
    console.log(
        `${status}  ${r.name}  (${r.passed} passed, ${r.failed} failed, ${r.seconds.toFixed(1)} s)`
    );
}
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
