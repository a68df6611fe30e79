// Bundles the service's TypeScript for Node (tests, the local run, the benchmark) with esbuild:
// src/index.ts → .build/service.mjs, dependencies left to node_modules. Fast (~100 ms); the
// Lambda bundles are made by the CDK stack's NodejsFunction, with the same esbuild.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const SERVICE_DIR = dirname(fileURLToPath(import.meta.url));
export const SERVICE_BUNDLE = join(SERVICE_DIR, '.build', 'service.mjs');

/** Builds once per process; resolves to the bundle's path. */
let building = null;
export function buildService() {
    building ??= build({
        entryPoints: [join(SERVICE_DIR, 'src', 'index.ts')],
        outfile: SERVICE_BUNDLE,
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'esm',
        packages: 'external',
        sourcemap: 'inline',
        logLevel: 'warning'
    }).then(() => SERVICE_BUNDLE);
    return building;
}

export const INFRA_BUNDLE = join(SERVICE_DIR, '.build', 'infra.mjs');

/** The CDK app's constructs (infra/stack.ts, infra/settings.ts) for the tests and `cdk synth`. */
let buildingInfra = null;
export function buildInfra() {
    buildingInfra ??= build({
        entryPoints: [join(SERVICE_DIR, 'infra', 'index.ts')],
        outfile: INFRA_BUNDLE,
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'esm',
        packages: 'external',
        logLevel: 'warning'
    }).then(() => INFRA_BUNDLE);
    return buildingInfra;
}

export async function loadInfra() {
    return import(await buildInfra());
}

/** The service's modules (api, rules, sweep, ...), built from the TypeScript sources. */
export async function loadService() {
    return import(await buildService());
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
    console.log(await buildService());
    console.log(await buildInfra());
}
