#!/usr/bin/env node
// Builds what the preview page runs, into preview/.build/ (gitignored):
//   c-namespace.js  the component and every `c/*` module it imports, compiled from the .ts sources
//                   by @lwc/rollup-plugin (LWS transforms on) as one AMD module. The page evaluates
//                   it inside the `c` sandbox; it is never run in the page itself.
//   shell.js        the page's own code, outside any sandbox: LWC engine + synthetic shadow, the
//                   base components compiled from npm lightning-base-components, the platform
//                   stand-ins (`lightning/platform*`, `@salesforce/*`), and Lightning Web Security
//                   (@locker/sandbox), bundled and minified by esbuild. Minified on purpose: LWS
//                   behaves differently when its own code is not minified (see docs lws.md).
//   manifest.json   what the server needs to know: tag name, static resources.
//
//   node preview/build.mjs [--component connectSoftphone] [--lwc-dir <dir>] [--labels <file>]
import {
    existsSync,
    mkdirSync,
    readdirSync,
    readFileSync,
    renameSync,
    statSync,
    writeFileSync
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { rollup } from 'rollup';
import lwc from '@lwc/rollup-plugin';
import { build as esbuild } from 'esbuild';
import ts from 'typescript';
import { readCustomLabels } from './lib/labels.mjs';
import { SCOPED_VALUES, platformModuleSource } from './lib/platform-modules.mjs';

export const PREVIEW_DIR = dirname(fileURLToPath(import.meta.url));
export const PROJECT_ROOT = resolve(PREVIEW_DIR, '..');
export const BUILD_DIR = join(PREVIEW_DIR, '.build');
const STAND_INS_DIR = join(PREVIEW_DIR, 'stand-ins');
/** Platform-module stand-ins as LWC modules: lwc/lightning/<name>/<name>.js (the `lightning` namespace). */
const LIGHTNING_MODULES_DIR = join(STAND_INS_DIR, 'lwc');
const DEFAULT_APP_DIR = join(PROJECT_ROOT, 'force-app', 'main', 'default');

export const DEFAULT_BUILD_OPTIONS = Object.freeze({
    component: 'connectSoftphone',
    namespace: 'c',
    lwcDir: join(DEFAULT_APP_DIR, 'lwc'),
    labelsFile: join(DEFAULT_APP_DIR, 'labels', 'CustomLabels.labels-meta.xml'),
    staticResourcesDir: join(DEFAULT_APP_DIR, 'staticresources'),
    outDir: BUILD_DIR
});

const ENTRY_ID = '\0preview:namespace-entry';
const OUTER_MODULES_ID = 'preview:outer-modules';

/** `connectSoftphone` → `connect-softphone`, as LWC derives tag names. */
export function toKebabCase(name) {
    return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** Every bundle folder in an lwc/ directory, with its entry (.ts preferred over compiled .js). */
function listBundles(lwcDir) {
    if (!existsSync(lwcDir)) {
        return [];
    }
    return readdirSync(lwcDir)
        .filter((name) => statSync(join(lwcDir, name)).isDirectory())
        .map((name) => {
            const entry = ['.ts', '.js']
                .map((ext) => join(lwcDir, name, `${name}${ext}`))
                .find((file) => existsSync(file));
            return entry ? { name, entry } : null;
        })
        .filter(Boolean);
}

function readApiVersion(lwcDir, component) {
    const metaFile = join(lwcDir, component, `${component}.js-meta.xml`);
    const projectFile = join(PROJECT_ROOT, 'sfdx-project.json');
    const fromMeta = existsSync(metaFile)
        ? readFileSync(metaFile, 'utf8').match(/<apiVersion>\s*([\d.]+)\s*<\/apiVersion>/)?.[1]
        : undefined;
    const fromProject = JSON.parse(readFileSync(projectFile, 'utf8')).sourceApiVersion;
    return Math.floor(Number(fromMeta ?? fromProject));
}

/**
 * The LWC compiler does not read TypeScript: strip the types first with the TypeScript compiler,
 * with the options `npm run build:ts` uses (ESNext, standard decorators), so what the preview
 * runs is what deploys. (esbuild would rewrite `export default class` into a form the LWC
 * compiler does not register as a component.)
 */
function stripTypeScript() {
    return {
        name: 'preview-strip-typescript',
        transform(code, id) {
            const [filename] = id.split('?');
            if (!filename.endsWith('.ts')) {
                return null;
            }
            const { outputText, diagnostics } = ts.transpileModule(code, {
                fileName: filename,
                reportDiagnostics: true,
                compilerOptions: {
                    target: ts.ScriptTarget.ESNext,
                    module: ts.ModuleKind.ESNext,
                    experimentalDecorators: false,
                    useDefineForClassFields: true,
                    sourceMap: false
                }
            });
            if (diagnostics?.length) {
                const message = ts.flattenDiagnosticMessageText(diagnostics[0].messageText, '\n');
                this.error(`${filename}: ${message}`);
            }
            return { code: outputText, map: null };
        }
    };
}

/** Platform modules (`lwc`, `lightning/*`, `@salesforce/*`) are provided by the page, not bundled. */
function platformExternals(collected) {
    return {
        name: 'preview-platform-externals',
        resolveId(source) {
            if (
                source === 'lwc' ||
                source.startsWith('lightning/') ||
                source.startsWith('@salesforce/')
            ) {
                collected.add(source);
                return { id: source, external: true };
            }
            return null;
        }
    };
}

function virtualModule(id, code) {
    return {
        name: `preview-virtual-${id}`,
        resolveId: (source) => (source === id ? id : null),
        load: (loadedId) => (loadedId === id ? code : null)
    };
}

function collectWarnings(warnings) {
    return (warning) => {
        // Rollup's note that externals are "treated as external" is expected here.
        if (warning.code !== 'UNRESOLVED_IMPORT') {
            warnings.push(warning.message);
        }
    };
}

/** Step 1: the namespace's code, compiled as the platform compiles it, as one AMD module. */
async function buildNamespaceBundle(options) {
    const { lwcDir, component, namespace } = options;
    const bundles = listBundles(lwcDir);
    if (!bundles.some((bundle) => bundle.name === component)) {
        throw new Error(`No component ${component} in ${lwcDir}`);
    }
    const imports = new Set();
    const warnings = [];
    const build = await rollup({
        input: ENTRY_ID,
        onwarn: collectWarnings(warnings),
        plugins: [
            virtualModule(ENTRY_ID, `export { default } from '${namespace}/${component}';`),
            platformExternals(imports),
            stripTypeScript(),
            lwc({
                rootDir: lwcDir,
                modules: bundles.map(({ name, entry }) => ({
                    name: `${namespace}/${name}`,
                    path: entry
                })),
                defaultModules: [],
                enableLightningWebSecurityTransforms: true,
                apiVersion: readApiVersion(lwcDir, component)
            })
        ]
    });
    const { output } = await build.generate({
        format: 'amd',
        amd: { id: `${namespace}/${component}` },
        interop: 'esModule',
        exports: 'auto'
    });
    await build.close();
    return { code: output[0].code, imports: [...imports].sort(), warnings };
}

/**
 * The icon libraries lightning-primitive-icon loads with a dynamic import(), one per category and
 * direction, ~1,500 compiled SVG templates each. The preview bundles the one its components use
 * (left-to-right utility icons) into shell.js. The others stay dynamic imports nothing can
 * resolve: if a component ever asks for one, the import rejects and the base component itself
 * logs "failed to dynamically import icon templates for <category>".
 */
const BUNDLED_ICON_LIBRARIES = new Set(['lightning/iconSvgTemplatesUtility']);
const ICON_LIBRARY_PATTERN = /^lightning\/iconSvgTemplates[A-Za-z]*$/;

function onlyUsedIconLibraries() {
    return {
        name: 'preview-icon-libraries',
        resolveDynamicImport(source) {
            if (
                typeof source === 'string' &&
                ICON_LIBRARY_PATTERN.test(source) &&
                !BUNDLED_ICON_LIBRARIES.has(source)
            ) {
                return { id: source, external: true };
            }
            return null;
        }
    };
}

/**
 * The session values (`@salesforce/i18n/locale`, ...) the base components import: the same stand-in
 * values the component gets, not the package's own stubs, so one place says who the agent is.
 */
function sessionValues() {
    const prefix = '\0preview:session-value:';
    return {
        name: 'preview-session-values',
        resolveId: (source) => (source in SCOPED_VALUES ? `${prefix}${source}` : null),
        load(id) {
            if (!id.startsWith(prefix)) {
                return null;
            }
            return `export default ${JSON.stringify(SCOPED_VALUES[id.slice(prefix.length)])};\n`;
        }
    };
}

/** Step 2: the page's code with the stand-ins for exactly the platform modules step 1 imports. */
async function buildShellBundle(options, namespaceImports) {
    const staticResources = {};
    const outerModules = platformModuleSource(namespaceImports, {
        labels: readCustomLabels(options.labelsFile),
        labelsFile: options.labelsFile,
        standInsDir: STAND_INS_DIR,
        staticResourcesDir: options.staticResourcesDir,
        staticResources
    });
    const warnings = [];
    const build = await rollup({
        input: join(PREVIEW_DIR, 'client', 'main.js'),
        onwarn: collectWarnings(warnings),
        external: (source) => source.startsWith('@locker/'),
        plugins: [
            virtualModule(OUTER_MODULES_ID, outerModules),
            onlyUsedIconLibraries(),
            sessionValues(),
            lwc({
                rootDir: LIGHTNING_MODULES_DIR,
                // The stand-ins, the base components' source, and LWC's implicit empty template/CSS.
                include: [
                    /[\\/]stand-ins[\\/]lwc[\\/]/,
                    /@lwc[\\/]resources[\\/]/,
                    /[\\/]lightning-base-components[\\/]/
                ],
                modules: [{ dir: LIGHTNING_MODULES_DIR }, { npm: 'lightning-base-components' }]
            })
        ]
    });
    const { output } = await build.generate({ format: 'es', inlineDynamicImports: true });
    await build.close();
    const bundled = await esbuild({
        stdin: {
            contents: output[0].code,
            resolveDir: PREVIEW_DIR,
            sourcefile: 'preview-shell.mjs',
            loader: 'js'
        },
        bundle: true,
        minify: true,
        format: 'iife',
        target: 'chrome120',
        // import.meta.env.SSR: the base components' server-side-rendering switch.
        define: { 'process.env.NODE_ENV': '"production"', 'import.meta.env.SSR': 'false' },
        external: ['lightning/iconSvgTemplates*'],
        legalComments: 'none',
        write: false,
        logLevel: 'silent'
    });
    return { code: bundled.outputFiles[0].text, staticResources, warnings };
}

/** A running preview never serves a half-written file while another build writes it. */
function writeAtomically(file, text) {
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, text);
    renameSync(temporary, file);
}

/**
 * Compiles the component and the page into `outDir`.
 * @param {Partial<typeof DEFAULT_BUILD_OPTIONS>} [overrides]
 * @returns {Promise<{ manifest: object, warnings: string[] }>}
 */
export async function buildPreview(overrides = {}) {
    const options = { ...DEFAULT_BUILD_OPTIONS, ...overrides };
    const namespaceBundle = await buildNamespaceBundle(options);
    const shellBundle = await buildShellBundle(options, namespaceBundle.imports);
    mkdirSync(options.outDir, { recursive: true });
    const manifest = {
        namespace: options.namespace,
        component: options.component,
        tagName: `${options.namespace}-${toKebabCase(options.component)}`,
        moduleName: `${options.namespace}/${options.component}`,
        platformImports: namespaceBundle.imports,
        staticResources: shellBundle.staticResources,
        lwcDir: options.lwcDir
    };
    writeAtomically(join(options.outDir, 'c-namespace.js'), namespaceBundle.code);
    writeAtomically(join(options.outDir, 'shell.js'), shellBundle.code);
    writeAtomically(
        join(options.outDir, 'manifest.json'),
        `${JSON.stringify(manifest, null, 4)}\n`
    );
    return { manifest, warnings: [...namespaceBundle.warnings, ...shellBundle.warnings] };
}

async function main() {
    const { values } = parseArgs({
        options: {
            component: { type: 'string' },
            'lwc-dir': { type: 'string' },
            labels: { type: 'string' }
        }
    });
    const overrides = {};
    if (values.component) overrides.component = values.component;
    if (values['lwc-dir']) overrides.lwcDir = resolve(values['lwc-dir']);
    if (values.labels) overrides.labelsFile = resolve(values.labels);
    const { manifest, warnings } = await buildPreview(overrides);
    warnings.forEach((warning) => console.warn(`warning: ${warning}`));
    const labels = manifest.platformImports.filter((name) => name.startsWith('@salesforce/label/'));
    const others = manifest.platformImports.filter((name) => !labels.includes(name));
    console.log(
        `built <${manifest.tagName}> from ${manifest.lwcDir} into preview/${basename(BUILD_DIR)}/\n` +
            `  platform imports: ${others.join(', ')}, ${labels.length} Custom Labels`
    );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
    main().catch((error) => {
        console.error(error.stack ?? error);
        process.exit(1);
    });
}
