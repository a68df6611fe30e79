// Node scripts share pure modules with the org (the URL policy, the Value parser): they import the
// committed compiled .js of a service module. The .js is ES module syntax in a folder without a
// package.json "type", so it is loaded from its text, which keeps Node from warning on every run.
// Only for modules without imports of their own (c/ccpUrlPolicy, c/featureValueParser).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const LWC_DIR = path.join(
    path.dirname(fileURLToPath(import.meta.url)),
    '..',
    '..',
    'force-app',
    'main',
    'default',
    'lwc'
);

/**
 * @param {string} name the bundle name, e.g. 'ccpUrlPolicy'
 * @returns {Promise<Record<string, any>>} the module's exports
 */
export async function importForceAppModule(name) {
    const source = await readFile(path.join(LWC_DIR, name, `${name}.js`), 'utf8');
    if (/^\s*import\s/m.test(source)) {
        throw new Error(`c/${name} imports other modules; it cannot be loaded from its text`);
    }
    return import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`);
}
