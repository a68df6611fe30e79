// Generates the page-side registry of platform modules the sandboxed component imports
// (`lightning/*`, `@salesforce/*`), each backed by a stand-in. An import the preview cannot
// honour fails the build with a message, rather than failing in the browser.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..');
const STREAMS_RELEASE = join(
    PROJECT_ROOT,
    'node_modules',
    'amazon-connect-streams',
    'release',
    'connect-streams-min.js'
);

/** The base components' published source (npm lightning-base-components). */
const LIGHTNING_BASE_COMPONENTS_DIR = join(
    PROJECT_ROOT,
    'node_modules',
    'lightning-base-components',
    'src',
    'lightning'
);

/**
 * Simple scoped modules with the values an English-speaking agent's session would give. The base
 * components' own imports of these get the same values (preview/build.mjs, sessionValues()).
 */
export const SCOPED_VALUES = {
    '@salesforce/i18n/lang': 'en-US',
    '@salesforce/i18n/locale': 'en-US',
    '@salesforce/i18n/timeZone': 'America/Los_Angeles',
    '@salesforce/i18n/dir': 'ltr',
    '@salesforce/user/Id': '005000000000001AAA',
    '@salesforce/user/isGuest': false,
    '@salesforce/client/formFactor': 'Large'
};

/**
 * Finds the static resource file the way the org would serve it: `<Name>.<ext>` beside its
 * `<Name>.resource-meta.xml`. The Streams library falls back to the pinned npm release so the
 * preview works before `npm run build:streams` has written the resource.
 */
function findStaticResource(name, staticResourcesDir) {
    const metaFile = join(staticResourcesDir, `${name}.resource-meta.xml`);
    const contentType = existsSync(metaFile)
        ? readFileSync(metaFile, 'utf8').match(/<contentType>([^<]+)<\/contentType>/)?.[1]
        : undefined;
    const file = existsSync(staticResourcesDir)
        ? readdirSync(staticResourcesDir)
              .filter((entry) => entry.startsWith(`${name}.`) && !entry.endsWith('-meta.xml'))
              .map((entry) => join(staticResourcesDir, entry))[0]
        : undefined;
    if (file) {
        return { file, contentType: contentType ?? 'application/octet-stream' };
    }
    if (name === 'AmazonConnectStreams' && existsSync(STREAMS_RELEASE)) {
        return { file: STREAMS_RELEASE, contentType: 'application/javascript' };
    }
    return null;
}

function moduleEntry(specifier, context, imports) {
    const [, kind, rest] = specifier.match(/^@salesforce\/([^/]+)\/(.+)$/) ?? [];
    if (specifier.startsWith('lightning/')) {
        const name = specifier.slice('lightning/'.length);
        if (
            !existsSync(join(context.standInsDir, 'lwc', 'lightning', name, `${name}.js`)) &&
            !existsSync(join(LIGHTNING_BASE_COMPONENTS_DIR, name, `${name}.js`))
        ) {
            throw new Error(
                `${specifier} is neither a base component in lightning-base-components nor a ` +
                    `stand-in: add preview/stand-ins/lwc/${specifier}/`
            );
        }
        const local = `lightning_${imports.length}`;
        imports.push(`import * as ${local} from '${specifier}';`);
        return local;
    }
    if (specifier in SCOPED_VALUES) {
        return `{ default: ${JSON.stringify(SCOPED_VALUES[specifier])} }`;
    }
    if (kind === 'label') {
        const [labelNamespace, labelName] = rest.split('.');
        const value = labelNamespace === 'c' ? context.labels.get(labelName) : undefined;
        if (value === undefined) {
            throw new Error(`Custom Label ${rest} is not defined in ${context.labelsFile}`);
        }
        return `{ default: ${JSON.stringify(value)} }`;
    }
    if (kind === 'apex') {
        const [className, methodName] = rest.split('.');
        return `{ default: createApexMethod(${JSON.stringify(className)}, ${JSON.stringify(methodName)}) }`;
    }
    if (kind === 'resourceUrl') {
        const resource = findStaticResource(rest, context.staticResourcesDir);
        if (!resource) {
            throw new Error(`No static resource ${rest} in ${context.staticResourcesDir}`);
        }
        // Salesforce URLs carry the resource's last-modified time: /resource/<ms>/<Name>.
        const stamp = Math.floor(statSync(resource.file).mtimeMs);
        context.staticResources[rest] = { ...resource, url: `/resource/${stamp}/${rest}` };
        return `{ default: ${JSON.stringify(`/resource/${stamp}/${rest}`)} }`;
    }
    throw new Error(`The preview has no stand-in for ${specifier}`);
}

/**
 * @param {string[]} specifiers platform modules imported by the sandboxed code
 * @param {{ labels: Map<string,string>, labelsFile: string, standInsDir: string,
 *   staticResourcesDir: string, staticResources: Record<string, object> }} context
 *   staticResources is filled with the resources the code refers to
 * @returns {string} source of a module exporting `outerModules` (specifier → module namespace)
 */
export function platformModuleSource(specifiers, context) {
    const imports = [
        `import * as lwc from 'lwc';`,
        `import { createApexMethod } from ${JSON.stringify(join(context.standInsDir, 'salesforce', 'apex.js'))};`
    ];
    const entries = specifiers
        .filter((specifier) => specifier !== 'lwc')
        .map(
            (specifier) =>
                `    ${JSON.stringify(specifier)}: ${moduleEntry(specifier, context, imports)}`
        );
    return [
        ...imports,
        'export const outerModules = {',
        ['    lwc', ...entries].join(',\n'),
        '};',
        ''
    ].join('\n');
}
