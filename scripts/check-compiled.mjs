#!/usr/bin/env node
// Fails when the committed .js beside a component's .ts is not what `npm run build:ts` emits.
//
// The org runs the .js (.forceignore drops the .ts), so a .ts edited without a rebuild would deploy
// stale code. This compiles tsconfig.build.json into a temporary folder and compares, file by file:
//   missing  a .ts has no committed .js beside it
//   differs  the committed .js is not the fresh compile
//   orphan   a .js has no .ts beside it (a source was renamed or deleted)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const lwcRoot = join(projectRoot, 'force-app', 'main', 'default', 'lwc');
const tscBin = join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc');

/** Source files under lwc/, without tests (tsconfig.build.json excludes them from the emit too). */
function listFiles(dir, extension) {
    if (!existsSync(dir)) return [];
    return readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
        .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
        .filter((path) => !path.split(/[\\/]/).includes('__tests__') && !path.endsWith('.d.ts'))
        .sort();
}

function compileInto(outDir) {
    const result = spawnSync(
        process.execPath,
        [tscBin, '-p', join(projectRoot, 'tsconfig.build.json'), '--outDir', outDir],
        { cwd: projectRoot, encoding: 'utf8' }
    );
    if (result.status !== 0) {
        process.stdout.write(result.stdout ?? '');
        process.stderr.write(result.stderr ?? '');
        console.error('check-compiled: tsc -p tsconfig.build.json failed; fix the errors above.');
        process.exit(1);
    }
}

function findProblems(outDir) {
    const problems = [];
    for (const tsPath of listFiles(lwcRoot, '.ts')) {
        const jsPath = tsPath.replace(/\.ts$/, '.js');
        const freshPath = join(outDir, relative(lwcRoot, jsPath));
        const shown = relative(projectRoot, jsPath);
        if (!existsSync(jsPath)) {
            problems.push(`missing  ${shown}`);
        } else if (!existsSync(freshPath)) {
            problems.push(
                `differs  ${shown} (tsc emitted nothing for ${relative(projectRoot, tsPath)})`
            );
        } else if (readFileSync(jsPath, 'utf8') !== readFileSync(freshPath, 'utf8')) {
            problems.push(`differs  ${shown}`);
        }
    }
    for (const jsPath of listFiles(lwcRoot, '.js')) {
        if (!existsSync(jsPath.replace(/\.js$/, '.ts'))) {
            problems.push(`orphan   ${relative(projectRoot, jsPath)} (no .ts beside it)`);
        }
    }
    return problems;
}

const outDir = mkdtempSync(join(tmpdir(), 'check-compiled-'));
try {
    compileInto(outDir);
    const problems = findProblems(outDir);
    const checked = listFiles(lwcRoot, '.ts').length;
    if (problems.length > 0) {
        console.error(`check-compiled: ${problems.length} compiled file(s) out of date:`);
        for (const problem of problems) console.error(`  ${problem}`);
        console.error('Run `npm run build:ts` and commit the .js files.');
        process.exitCode = 1;
    } else {
        console.log(`check-compiled: ${checked} .ts source(s) match their committed .js.`);
    }
} finally {
    rmSync(outDir, { recursive: true, force: true });
}
