// Figures read from the repository rather than measured in the browser: the compiled component's
// size beside the Streams resource, the SOQL queries each Apex method runs, the versions.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { PROJECT_ROOT } from '../../preview/build.mjs';

const APP_DIR = join(PROJECT_ROOT, 'force-app', 'main', 'default');
const LWC_DIR = join(APP_DIR, 'lwc');
const COMPONENT = 'connectSoftphone';
const STREAMS_RESOURCE = join(APP_DIR, 'staticresources', 'AmazonConnectStreams.js');
const APEX_CLASS = join(APP_DIR, 'classes', 'AcFeatureController.cls');

const gzipped = (text) => gzipSync(Buffer.from(text), { level: 9 }).length;

/**
 * The deployable .js of connectSoftphone and every force-app module it imports (c/* and its own
 * files), bundled, minified by esbuild and gzipped; platform modules (lwc, lightning/*,
 * @salesforce/*) are the platform's and left out. Templates and CSS are not counted.
 */
export async function componentBytes() {
    const result = await esbuild({
        entryPoints: [join(LWC_DIR, COMPONENT, `${COMPONENT}.js`)],
        bundle: true,
        minify: true,
        format: 'esm',
        target: 'es2022',
        write: false,
        metafile: true,
        resolveExtensions: ['.js'], // the deployable .js, not the .ts source beside it
        logLevel: 'silent',
        plugins: [
            {
                name: 'force-app-lwc',
                setup(build) {
                    build.onResolve({ filter: /^c\// }, ({ path }) => {
                        const name = path.slice(2);
                        return { path: join(LWC_DIR, name, `${name}.js`) };
                    });
                    build.onResolve({ filter: /^(lwc$|lightning\/|@salesforce\/)/ }, () => ({
                        external: true
                    }));
                }
            }
        ]
    });
    const code = result.outputFiles[0].text;
    const files = Object.keys(result.metafile.inputs)
        .map((file) => file.replace(/^.*force-app\/main\/default\/lwc\//, ''))
        .sort();
    return { minified: Buffer.byteLength(code), gzipped: gzipped(code), files };
}

export function streamsResourceBytes() {
    const text = readFileSync(STREAMS_RESOURCE, 'utf8');
    return { raw: Buffer.byteLength(text), gzipped: gzipped(text) };
}

/** The text between the brace after `start` and its matching close. */
function bodyFrom(source, start) {
    const open = source.indexOf('{', start);
    let depth = 0;
    for (let index = open; index < source.length; index++) {
        if (source[index] === '{') depth++;
        if (source[index] === '}' && --depth === 0) {
            return source.slice(open, index + 1);
        }
    }
    return source.slice(open);
}

/**
 * SOQL statements (`[SELECT`) on the path each @AuraEnabled method executes: its body plus the
 * bodies of the class's static methods it calls, transitively. Every query on that path runs on
 * a successful call (no query sits in a loop or an early branch of the success path).
 */
export function soqlPerApexMethod() {
    const source = readFileSync(APEX_CLASS, 'utf8');
    const methods = new Map();
    const declaration = /(?:public|private|global)\s+static\s+[\w<>,\s]+?\s(\w+)\s*\(/g;
    for (const match of source.matchAll(declaration)) {
        methods.set(match[1], {
            body: bodyFrom(source, match.index + match[0].length),
            aura: /@AuraEnabled[^\n]*\n\s*$/.test(source.slice(0, match.index))
        });
    }
    const count = (name, seen = new Set()) => {
        if (seen.has(name)) return 0;
        seen.add(name);
        const { body } = methods.get(name);
        let queries = (body.match(/\[\s*SELECT\b/gi) ?? []).length;
        for (const callee of methods.keys()) {
            if (callee !== name && new RegExp(`\\b${callee}\\s*\\(`).test(body)) {
                queries += count(callee, seen);
            }
        }
        return queries;
    };
    return Object.fromEntries(
        [...methods].filter(([, method]) => method.aura).map(([name]) => [name, count(name)])
    );
}

export function versions() {
    // Read the installed manifests directly: some packages do not export their package.json.
    const version = (name) =>
        JSON.parse(readFileSync(join(PROJECT_ROOT, 'node_modules', name, 'package.json'), 'utf8'))
            .version;
    return {
        streams: version('amazon-connect-streams'),
        lwsSandbox: version('@locker/sandbox'),
        lwc: version('lwc'),
        playwrightCore: version('playwright-core')
    };
}
