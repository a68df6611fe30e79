// `cdk.json`'s app: bundles the TypeScript CDK app with esbuild (no ts-node needed), then runs it.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const SERVICE_DIR = dirname(fileURLToPath(import.meta.url));
const outfile = join(SERVICE_DIR, '.build', 'app.mjs');
await build({
    entryPoints: [join(SERVICE_DIR, 'infra', 'app.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning'
});
await import(outfile);
