// The AC Feature record page's own check, run in Node: the committed compiled .js of
// c/acFeatureValueCheck's checkView (problem list and settings rows), c/valueDiagnostics and
// c/featureValueParser, with every `@salesforce/label/c.<Name>` import served the text the org serves
// a user of that language (CustomLabels.labels-meta.xml, or ja.translation-meta.xml). So the
// migration prints each problem in exactly the words and order the record page shows.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeXml, readCustomLabels } from '../../preview/lib/labels.mjs';
import { defaultDir } from '../lib/projectFiles.mjs';

const LWC_DIR = path.join(defaultDir, 'lwc');
export const LABELS_FILE = path.join(defaultDir, 'labels', 'CustomLabels.labels-meta.xml');
export const JA_TRANSLATION_FILE = path.join(defaultDir, 'translations', 'ja.translation-meta.xml');
export const LANGUAGES = ['en', 'ja'];

// import … from '…', import '…' and export … from '…', as tsc writes them.
const IMPORT_SPECIFIER = /(\b(?:import|export)\s[^'"]*?\bfrom\s*|\bimport\s*)(['"])([^'"]+)\2/g;

/**
 * Label name → text for a language. Japanese falls back to English for a label without a
 * translation, as the platform does.
 * @param {'en' | 'ja'} language
 * @returns {Promise<Map<string, string>>}
 */
export async function readLabels(language) {
    const labels = readCustomLabels(LABELS_FILE);
    if (language === 'ja') {
        const xml = await readFile(JA_TRANSLATION_FILE, 'utf8');
        for (const [, block] of xml.matchAll(/<customLabels>([\s\S]*?)<\/customLabels>/g)) {
            const name = /<name>([\s\S]*?)<\/name>/.exec(block)?.[1]?.trim();
            const text = /<label>([\s\S]*?)<\/label>/.exec(block)?.[1];
            if (name && text !== undefined) labels.set(name, decodeXml(text));
        }
    }
    return labels;
}

/**
 * Loads a force-app module with its imports linked: `c/<bundle>` to that bundle's compiled .js,
 * `./x` to a file of the same bundle, `@salesforce/label/c.<Name>` to the label text.
 * @param {string} bundle e.g. 'acFeatureValueCheck'
 * @param {string} file e.g. 'checkView' (default: the bundle's main module)
 * @param {Map<string, string>} labels
 */
export async function importLinked(bundle, file, labels) {
    return import(await moduleUrl(path.join(LWC_DIR, bundle, `${file}.js`), labels, new Map()));
}

async function moduleUrl(file, labels, cache) {
    if (cache.has(file)) return cache.get(file);
    let source = await readFile(file, 'utf8');
    const specifiers = [...source.matchAll(IMPORT_SPECIFIER)].map((match) => match[3]);
    const linked = new Map();
    for (const specifier of new Set(specifiers)) {
        linked.set(specifier, await resolve(specifier, file, labels, cache));
    }
    source = source.replace(
        IMPORT_SPECIFIER,
        (_all, head, quote, specifier) => `${head}${quote}${linked.get(specifier)}${quote}`
    );
    const url = dataUrl(source);
    cache.set(file, url);
    return url;
}

function resolve(specifier, importer, labels, cache) {
    const label = /^@salesforce\/label\/c\.(\w+)$/.exec(specifier);
    if (label) {
        if (!labels.has(label[1])) {
            throw new Error(
                `${path.relative(LWC_DIR, importer)} imports the label ${label[1]}, which ${LABELS_FILE} does not define`
            );
        }
        return dataUrl(`export default ${JSON.stringify(labels.get(label[1]))};`);
    }
    const bundle = /^c\/(\w+)$/.exec(specifier);
    if (bundle) return moduleUrl(path.join(LWC_DIR, bundle[1], `${bundle[1]}.js`), labels, cache);
    if (specifier.startsWith('./')) {
        return moduleUrl(
            path.join(path.dirname(importer), `${specifier.slice(2)}.js`),
            labels,
            cache
        );
    }
    throw new Error(
        `${path.relative(LWC_DIR, importer)} imports ${specifier}, which Node cannot provide`
    );
}

function dataUrl(source) {
    return `data:text/javascript;base64,${Buffer.from(source).toString('base64')}`;
}

/**
 * What the record page shows for a Value: the summary line, each problem with its icon's text, and
 * the effective settings.
 * @param {'en' | 'ja'} language
 * @returns {Promise<(value: string | null) => { summary: string, problems: { icon: string, text: string }[], settings: { term: string, text: string }[] }>}
 */
export async function loadRecordPageCheck(language) {
    const labels = await readLabels(language);
    const parser = await importLinked('featureValueParser', 'featureValueParser', labels);
    const view = await importLinked('acFeatureValueCheck', 'checkView', labels);
    const { formatLabel } = await importLinked('valueDiagnostics', 'valueDiagnostics', labels);
    const label = (name) => labels.get(`AcFeatureValueCheck_${name}`);
    return (value) => {
        const parsed = parser.parseSessionEndValue(value);
        const problems = view
            .buildProblems(parsed.diagnostics)
            .map((problem) => ({ icon: problem.iconText, text: problem.text }));
        // As the component's summaryText getter words it.
        const summary = problems.length
            ? formatLabel(label('ProblemsFound'), problems.length)
            : label('NoProblems');
        const settings = view.buildSettingRows(parsed.settings).map((row) => ({
            term: row.term,
            text: row.hasItems ? row.items.join(', ') : row.text
        }));
        return { summary, problems, settings };
    };
}
