// `npm run test:model -- --runs <n> [--seed <s>] [--max-events <m>] [--size small|medium|large|max]`: the model-based guard test
// (force-app/.../sessionGuard.model.test.ts) with as many random sequences as asked. Prints the
// figures of the run: sequences, events, time. `npm test` runs it with its bounded default.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const MODEL_TEST = 'force-app/main/default/lwc/sessionGuard/__tests__/sessionGuard.model.test.ts';

function option(name, fallback) {
    const args = process.argv.slice(2);
    const at = args.indexOf(`--${name}`);
    if (at < 0) return fallback;
    const value = args[at + 1];
    if (value === undefined || !/^\d+$/.test(value)) {
        console.error(`--${name} needs a whole number, e.g. --${name} 1000`);
        process.exit(2);
    }
    return value;
}

const runs = option('runs', '150');
const seed = option('seed', '20261201');
const maxEvents = option('max-events', '24');
const sizeAt = process.argv.indexOf('--size');
const size = sizeAt < 0 ? 'small' : process.argv[sizeAt + 1];
if (!['xsmall', 'small', 'medium', 'large', 'xlarge', 'max'].includes(size)) {
    console.error('--size is one of small, medium, large, max (how long the sequences tend to be)');
    process.exit(2);
}
const tmp = mkdtempSync(path.join(tmpdir(), 'softphone-model-'));
const report = path.join(tmp, 'model.json');
const started = Date.now();
const run = spawnSync(
    'npx',
    [
        'sfdx-lwc-jest',
        '--',
        MODEL_TEST,
        '--testTimeout',
        String(Math.max(120000, Number(runs) * 2000))
    ],
    {
        stdio: 'inherit',
        env: {
            ...process.env,
            MODEL_RUNS: runs,
            MODEL_SEED: seed,
            MODEL_MAX_EVENTS: maxEvents,
            MODEL_SIZE: size,
            MODEL_REPORT: report
        }
    }
);
const seconds = (Date.now() - started) / 1000;
if (existsSync(report)) {
    const figures = JSON.parse(readFileSync(report, 'utf8'));
    console.log(
        `model run: ${figures.sequences} sequences, ${figures.events} events, ` +
            `${(figures.ms / 1000).toFixed(1)} s in the property (${seconds.toFixed(1)} s in all), ` +
            `seed ${figures.seed}, up to ${maxEvents} events per sequence (size ${size})`
    );
}
rmSync(tmp, { recursive: true, force: true });
process.exit(run.status ?? 1);
