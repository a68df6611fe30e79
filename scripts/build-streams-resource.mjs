#!/usr/bin/env node
// Builds the AmazonConnectStreams static resource from the pinned amazon-connect-streams package.
//
//   node scripts/build-streams-resource.mjs          writes the resource and its -meta.xml
//   node scripts/build-streams-resource.mjs --check  exits 1 when the committed files are stale
//
// The output depends only on the installed package (no dates, no paths), so a rebuild with the same
// pinned version produces byte-identical files and `--check` can compare them in CI.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'amazon-connect-streams';
const SOURCE_FILE = 'release/connect-streams-min.js';
const RESOURCE_NAME = 'AmazonConnectStreams';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const packageDir = join(projectRoot, 'node_modules', PACKAGE_NAME);
const resourceDir = join(projectRoot, 'force-app', 'main', 'default', 'staticresources');
const resourcePath = join(resourceDir, `${RESOURCE_NAME}.js`);
const metaPath = join(resourceDir, `${RESOURCE_NAME}.resource-meta.xml`);

function fail(message) {
    console.error(`build-streams-resource: ${message}`);
    process.exit(1);
}

function readJson(path) {
    return JSON.parse(readFileSync(path, 'utf8'));
}

/** The installed package must be the version package.json pins, or the resource would drift. */
function readPinnedPackage() {
    const manifestPath = join(packageDir, 'package.json');
    if (!existsSync(manifestPath)) {
        fail(`${PACKAGE_NAME} is not installed (no ${relative(projectRoot, manifestPath)}).`);
    }
    const installed = readJson(manifestPath);
    const project = readJson(join(projectRoot, 'package.json'));
    const pinned = project.devDependencies?.[PACKAGE_NAME] ?? project.dependencies?.[PACKAGE_NAME];
    if (pinned !== installed.version) {
        fail(
            `package.json pins ${PACKAGE_NAME} ${pinned ?? '(nothing)'} but ${installed.version} ` +
                'is installed; pin an exact version and reinstall before building the resource.'
        );
    }
    return { version: installed.version, license: installed.license };
}

function buildResource({ version, license }) {
    const sourcePath = join(packageDir, SOURCE_FILE);
    if (!existsSync(sourcePath)) {
        fail(`${relative(projectRoot, sourcePath)} is missing from the installed package.`);
    }
    // A single header line: stack-trace line numbers in the resource shift by exactly one.
    const header = `/*! ${PACKAGE_NAME} ${version} (${SOURCE_FILE}) | License: ${license} | built by scripts/build-streams-resource.mjs */\n`;
    const script = header + readFileSync(sourcePath, 'utf8');
    const meta = [
        '<?xml version="1.0" encoding="UTF-8" ?>',
        '<StaticResource xmlns="http://soap.sforce.com/2006/04/metadata">',
        '    <cacheControl>Public</cacheControl>',
        '    <contentType>application/javascript</contentType>',
        `    <description>${PACKAGE_NAME} ${version} (built by scripts/build-streams-resource.mjs)</description>`,
        '</StaticResource>',
        ''
    ].join('\n');
    return { script, meta };
}

function staleFiles({ script, meta }) {
    const expected = [
        [resourcePath, script],
        [metaPath, meta]
    ];
    return expected
        .map(([path, content]) => {
            if (!existsSync(path)) return `missing: ${relative(projectRoot, path)}`;
            if (readFileSync(path, 'utf8') !== content)
                return `differs: ${relative(projectRoot, path)}`;
            return null;
        })
        .filter((problem) => problem !== null);
}

const pkg = readPinnedPackage();
const built = buildResource(pkg);

if (process.argv.includes('--check')) {
    const stale = staleFiles(built);
    if (stale.length > 0) {
        fail(
            `the committed static resource does not match ${PACKAGE_NAME} ${pkg.version}:\n` +
                stale.map((problem) => `  ${problem}`).join('\n') +
                '\nRun `npm run build:streams` and commit the result.'
        );
    }
    console.log(`build-streams-resource: ${RESOURCE_NAME} matches ${PACKAGE_NAME} ${pkg.version}.`);
} else {
    writeFileSync(resourcePath, built.script);
    writeFileSync(metaPath, built.meta);
    console.log(
        `build-streams-resource: wrote ${relative(projectRoot, resourcePath)} ` +
            `(${PACKAGE_NAME} ${pkg.version}, ${built.script.length} bytes) and its -meta.xml.`
    );
}
