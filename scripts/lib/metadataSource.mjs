// Reads the force-app source tree into the facts the metadata check compares against the converted
// package: which members each metadata type should have, and the parsed XML of each file.
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { defaultDir, listDirs, listFiles, packageDir } from './projectFiles.mjs';

// Elements that repeat in the metadata we read; parsed as arrays even when there is just one.
const REPEATED = new Set([
    'labels',
    'customLabels',
    'fieldPermissions',
    'objectPermissions',
    'classAccesses',
    'tabSettings',
    'value',
    'types',
    'members'
]);

export const metadataXml = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    isArray: (name) => REPEATED.has(name)
});

/** Parsed root element of a metadata XML file, e.g. readRoot(file, 'CustomField'). */
export function readRoot(file, rootName) {
    return metadataXml.parse(fs.readFileSync(file, 'utf8'))[rootName] ?? {};
}

/** Names of files in dir with the given suffix, without the suffix ('X.tab-meta.xml' -> 'X'). */
function namesWithSuffix(dir, suffix) {
    if (!fs.existsSync(dir)) return [];
    return fs
        .readdirSync(dir)
        .filter((name) => name.endsWith(suffix))
        .map((name) => name.slice(0, -suffix.length))
        .sort();
}

/** The custom objects in source with their fields' parsed metadata. */
export function readObjects() {
    const objectsDir = path.join(defaultDir, 'objects');
    return listDirs(objectsDir).map((objectName) => {
        const fieldsDir = path.join(objectsDir, objectName, 'fields');
        const fields = namesWithSuffix(fieldsDir, '.field-meta.xml').map((fieldName) => {
            const file = path.join(fieldsDir, `${fieldName}.field-meta.xml`);
            return { name: fieldName, file, meta: readRoot(file, 'CustomField') };
        });
        return { name: objectName, dir: path.join(objectsDir, objectName), fields };
    });
}

/** Custom labels defined in labels/*.labels-meta.xml. */
export function readLabels() {
    const labelsDir = path.join(defaultDir, 'labels');
    return namesWithSuffix(labelsDir, '.labels-meta.xml').flatMap((name) => {
        const file = path.join(labelsDir, `${name}.labels-meta.xml`);
        return (readRoot(file, 'CustomLabels').labels ?? []).map((label) => ({ ...label, file }));
    });
}

/** Translations per language code, from translations/<lang>.translation-meta.xml. */
export function readTranslations() {
    const dir = path.join(defaultDir, 'translations');
    return namesWithSuffix(dir, '.translation-meta.xml').map((language) => {
        const file = path.join(dir, `${language}.translation-meta.xml`);
        return { language, file, customLabels: readRoot(file, 'Translations').customLabels ?? [] };
    });
}

/**
 * Members each metadata type must have, derived from the source tree so that a new component,
 * field or label is expected without editing this list.
 */
export function expectedMembersFromSource() {
    const objects = readObjects();
    const expected = {
        ApexClass: namesWithSuffix(path.join(defaultDir, 'classes'), '.cls'),
        ApexTrigger: namesWithSuffix(path.join(defaultDir, 'triggers'), '.trigger'),
        CustomObject: objects.map((object) => object.name),
        CustomField: objects.flatMap((object) =>
            object.fields.map((field) => `${object.name}.${field.name}`)
        ),
        ValidationRule: objects.flatMap((object) =>
            namesWithSuffix(
                path.join(object.dir, 'validationRules'),
                '.validationRule-meta.xml'
            ).map((rule) => `${object.name}.${rule}`)
        ),
        Layout: namesWithSuffix(path.join(defaultDir, 'layouts'), '.layout-meta.xml'),
        CustomTab: namesWithSuffix(path.join(defaultDir, 'tabs'), '.tab-meta.xml'),
        PermissionSet: namesWithSuffix(
            path.join(defaultDir, 'permissionsets'),
            '.permissionset-meta.xml'
        ),
        LightningComponentBundle: lwcBundleNames(),
        StaticResource: namesWithSuffix(
            path.join(defaultDir, 'staticresources'),
            '.resource-meta.xml'
        ),
        CustomLabels: namesWithSuffix(path.join(defaultDir, 'labels'), '.labels-meta.xml'),
        CustomLabel: readLabels().map((label) => label.fullName),
        Translations: namesWithSuffix(
            path.join(defaultDir, 'translations'),
            '.translation-meta.xml'
        ),
        CustomObjectTranslation: listDirs(path.join(defaultDir, 'objectTranslations')),
        CustomApplication: namesWithSuffix(path.join(defaultDir, 'applications'), '.app-meta.xml'),
        FlexiPage: namesWithSuffix(path.join(defaultDir, 'flexipages'), '.flexipage-meta.xml')
    };
    for (const type of Object.keys(expected)) {
        if (expected[type].length === 0) delete expected[type];
    }
    return expected;
}

/** Every folder under lwc/ is a bundle (tests and mocks live inside bundles or outside lwc/). */
export function lwcBundleNames() {
    return listDirs(path.join(defaultDir, 'lwc')).filter((name) => !name.startsWith('.'));
}

/** Apex sources without their -meta.xml: conversion and deploy drop them without a word. */
export function apexWithoutMeta() {
    return listFiles(packageDir)
        .filter((file) => /\.(cls|trigger)$/.test(file))
        .filter((file) => !fs.existsSync(`${file}-meta.xml`));
}
