#!/usr/bin/env node
// Offline metadata check (no org needed). Source conversion alone validates almost nothing (a .cls
// without -meta.xml is dropped, malformed XML passes), so this script checks the source first, then
// converts it with the Salesforce CLI and asserts the package holds what the project must deploy.
// Prints what it checked; exits 1 with `file:line: message` lines on any problem.
//
//   node scripts/check-metadata.mjs        (run `npm run build:ts` first: bundles deploy their .js)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { XMLValidator } from 'fast-xml-parser';
import { createReport, relative, repoRoot } from './lib/checkReport.mjs';
import {
    defaultDir,
    lineOf,
    listFiles,
    packageDir,
    projectApiVersion
} from './lib/projectFiles.mjs';
import {
    apexWithoutMeta,
    expectedMembersFromSource,
    lwcBundleNames,
    metadataXml,
    readLabels,
    readObjects,
    readRoot,
    readTranslations
} from './lib/metadataSource.mjs';

/** What this project ships whatever the tree looks like: a dropped file fails the check. */
const REQUIRED_MEMBERS = {
    CustomObject: ['AC_CtiAdapter__c', 'AC_Feature__c'],
    CustomField: [
        'AC_CtiAdapter__c.CCP_URL__c',
        'AC_CtiAdapter__c.SAML_Login_URL__c',
        'AC_CtiAdapter__c.Amazon_Connect_Instance_Region__c',
        'AC_CtiAdapter__c.Softphone_Allow_Framed__c',
        'AC_CtiAdapter__c.CCP_Load_Timeout_Seconds__c',
        'AC_CtiAdapter__c.CCP_Custom_Domains__c',
        'AC_CtiAdapter__c.Presence_Service_URL__c',
        'AC_CtiAdapter__c.Presence_Certificate_Name__c',
        'AC_CtiAdapter__c.Presence_Username_Field__c',
        'AC_CtiAdapter__c.Presence_Username_Strip_Domain__c',
        'AC_Feature__c.CTI_Adapter__c',
        'AC_Feature__c.Value__c',
        'AC_Feature__c.Active__c'
    ],
    ValidationRule: [
        'AC_CtiAdapter__c.CCP_URL_Policy',
        'AC_CtiAdapter__c.SAML_Login_URL_Policy',
        'AC_CtiAdapter__c.CCP_Custom_Domains_Hosts'
    ],
    Layout: ['AC_CtiAdapter__c-AC CTI Adapter Layout', 'AC_Feature__c-AC Feature Layout'],
    CustomTab: ['AC_CtiAdapter__c', 'AC_Feature__c'],
    PermissionSet: ['Connect_Softphone_Admin', 'Connect_Softphone_Agent'],
    ApexClass: [
        'AcFeatureController',
        'AcFeatureController_Tests',
        'PresenceTokenController',
        'PresenceTokenController_Tests'
    ],
    LightningComponentBundle: [
        'connectSoftphone',
        'featureValueParser',
        'presenceClient',
        'presenceDecisions',
        'sessionGuard',
        'streamsClient'
    ],
    StaticResource: ['AmazonConnectStreams'],
    CustomLabels: ['CustomLabels'],
    Translations: ['ja'],
    CustomObjectTranslation: ['AC_CtiAdapter__c-ja', 'AC_Feature__c-ja'],
    CustomApplication: ['Amazon_Connect_Console'],
    FlexiPage: ['Amazon_Connect_Console_UtilityBar']
};
const TRANSLATION_LANGUAGE = 'ja';
const AGENT_PERMISSION_SET = 'Connect_Softphone_Agent';
const PERMISSION_SET_DESCRIPTION_MAX = 255;

const report = createReport(
    'Metadata check (offline): XML, source rules, sf project convert source'
);
const apiVersion = projectApiVersion();

checkXmlWellFormed();
checkApexHasMeta();
checkScratchDefinition();
checkObjectTranslations();
checkLabelTranslations();
checkPermissionSets();
checkDataPlan();
checkAppReferences();
checkConvertedPackage();
report.finish();

function checkXmlWellFormed() {
    const files = [...listFiles(packageDir), ...listFiles(path.join(repoRoot, 'config'))].filter(
        (file) => file.endsWith('.xml')
    );
    for (const file of files) {
        const source = fs.readFileSync(file, 'utf8');
        const result = XMLValidator.validate(source);
        if (result !== true) {
            report.problem(
                file,
                result.err.line,
                `malformed XML: ${result.err.msg}`,
                result.err.col
            );
        }
        // One API version for the whole project (house style): bundles, classes, pages alike.
        const version = /<apiVersion>\s*([^<\s]+)\s*<\/apiVersion>/.exec(source)?.[1];
        if (version !== undefined && version !== apiVersion) {
            report.problem(
                file,
                lineOf(source, '<apiVersion>'),
                `apiVersion ${version}, expected ${apiVersion} (sfdx-project.json)`
            );
        }
    }
    report.step('XML', `${files.length} file(s) well-formed, every <apiVersion> is ${apiVersion}`);
}

function checkApexHasMeta() {
    const missing = apexWithoutMeta();
    for (const file of missing) {
        report.problem(
            file,
            1,
            `no ${path.basename(file)}-meta.xml: conversion silently drops this file`
        );
    }
    report.step('Apex -meta.xml', `${missing.length} class/trigger file(s) without one`);
}

/** Features and settings names checked against the scratch-def schema that ships with the CLI. */
function checkScratchDefinition() {
    const file = path.join(repoRoot, 'config', 'project-scratch-def.json');
    if (!fs.existsSync(file)) {
        report.problem(file, undefined, 'missing scratch org definition');
        return;
    }
    const source = fs.readFileSync(file, 'utf8');
    const definition = JSON.parse(source);
    const require = createRequire(import.meta.url);
    const schemaFile = path.join(
        repoRoot,
        'node_modules/@salesforce/core/lib/schema/project-scratch-def/scratchOrgDef.js'
    );
    const { ScratchOrgDefSchema } = require(schemaFile);
    const result = ScratchOrgDefSchema.safeParse(definition);
    for (const issue of result.success ? [] : result.error.issues) {
        const at = issue.path.join('.');
        const value = issue.path.reduce((node, key) => node?.[key], definition);
        report.problem(
            file,
            lineOf(source, JSON.stringify(value)),
            `${at}: ${issue.message} (${JSON.stringify(value)})`
        );
    }
    const knownSettings = Object.keys(ScratchOrgDefSchema.shape.settings.unwrap().shape);
    for (const name of Object.keys(definition.settings ?? {})) {
        if (!knownSettings.includes(name)) {
            report.problem(file, lineOf(source, `"${name}"`), `unknown settings type ${name}`);
        }
    }
    report.step(
        'scratch definition',
        `${definition.edition}, features ${definition.features?.join(', ')}; settings ${Object.keys(definition.settings ?? {}).join(', ')}`
    );
}

/** Every object and every field has a label in the translation language; no stale entries. */
function checkObjectTranslations() {
    const objects = readObjects();
    let checked = 0;
    for (const object of objects) {
        const dirName = `${object.name}-${TRANSLATION_LANGUAGE}`;
        const dir = path.join(defaultDir, 'objectTranslations', dirName);
        const objectFile = path.join(dir, `${dirName}.objectTranslation-meta.xml`);
        if (!fs.existsSync(objectFile)) {
            report.problem(
                object.dir,
                undefined,
                `no ${TRANSLATION_LANGUAGE} objectTranslation (${relative(objectFile)})`
            );
            continue;
        }
        const translation = readRoot(objectFile, 'CustomObjectTranslation');
        if (!translation.caseValues?.value)
            report.problem(objectFile, 1, 'object label not translated');
        if (!translation.nameFieldLabel)
            report.problem(objectFile, 1, 'name field label not translated');
        for (const field of object.fields) {
            const file = path.join(dir, `${field.name}.fieldTranslation-meta.xml`);
            checked += 1;
            if (!fs.existsSync(file)) {
                report.problem(
                    field.file,
                    1,
                    `no ${TRANSLATION_LANGUAGE} translation (${relative(file)})`
                );
                continue;
            }
            const fieldTranslation = readRoot(file, 'CustomFieldTranslation');
            if (!fieldTranslation.label) report.problem(file, 1, 'label missing');
            if (field.meta.inlineHelpText && !fieldTranslation.help) {
                report.problem(file, 1, 'help text not translated');
            }
            if (field.meta.relationshipLabel && !fieldTranslation.relationshipLabel) {
                report.problem(
                    file,
                    1,
                    `related list label "${field.meta.relationshipLabel}" not translated`
                );
            }
        }
        const fieldNames = new Set(object.fields.map((field) => field.name));
        for (const file of listFiles(dir).filter((f) => f.endsWith('.fieldTranslation-meta.xml'))) {
            const name = path.basename(file, '.fieldTranslation-meta.xml');
            if (!fieldNames.has(name))
                report.problem(file, 1, `translates ${name}, which ${object.name} does not have`);
        }
    }
    report.step(
        'object translations',
        `${objects.length} object(s), ${checked} field(s) checked for ${TRANSLATION_LANGUAGE}`
    );
}

/** Every label has a translation with the same {n} placeholders; no translation of a missing label. */
function checkLabelTranslations() {
    const labels = readLabels();
    const translations = readTranslations();
    const placeholders = (text) =>
        [...String(text).matchAll(/\{\d+\}/g)]
            .map((m) => m[0])
            .sort()
            .join(' ');
    if (labels.length > 0 && !translations.some((t) => t.language === TRANSLATION_LANGUAGE)) {
        report.problem(
            labels[0].file,
            1,
            `no translations/${TRANSLATION_LANGUAGE}.translation-meta.xml for the custom labels`
        );
    }
    const labelByName = new Map(labels.map((label) => [label.fullName, label]));
    for (const translation of translations) {
        const source = fs.readFileSync(translation.file, 'utf8');
        const translated = new Map(
            translation.customLabels.map((entry) => [entry.name, entry.label])
        );
        for (const label of labels) {
            const text = translated.get(label.fullName);
            if (text === undefined || String(text).trim() === '') {
                report.problem(
                    translation.file,
                    1,
                    `custom label ${label.fullName} has no ${translation.language} translation`
                );
            } else if (placeholders(text) !== placeholders(label.value)) {
                report.problem(
                    translation.file,
                    lineOf(source, `<name>${label.fullName}</name>`),
                    `${label.fullName}: placeholders "${placeholders(text)}" differ from the label's "${placeholders(label.value)}"`
                );
            }
        }
        for (const name of translated.keys()) {
            if (!labelByName.has(name)) {
                report.problem(
                    translation.file,
                    lineOf(source, `<name>${name}</name>`),
                    `translates ${name}, which is not a custom label`
                );
            }
        }
    }
    report.step(
        'custom label translations',
        `${labels.length} label(s); languages ${translations.map((t) => t.language).join(', ') || 'none'}`
    );
}

/**
 * Permission sets grant every optional field (required and master-detail fields cannot be listed:
 * deploy fails), stay within the description limit, and the agent set stays read-only.
 */
function checkPermissionSets() {
    const objects = readObjects();
    const dir = path.join(defaultDir, 'permissionsets');
    const files = listFiles(dir).filter((file) => file.endsWith('.permissionset-meta.xml'));
    for (const file of files) {
        const name = path.basename(file, '.permissionset-meta.xml');
        const source = fs.readFileSync(file, 'utf8');
        const permissionSet = readRoot(file, 'PermissionSet');
        const description = String(permissionSet.description ?? '');
        if (!description)
            report.problem(file, 1, 'description missing: say who gets this permission set');
        if (description.length > PERMISSION_SET_DESCRIPTION_MAX) {
            report.problem(
                file,
                lineOf(source, '<description>'),
                `description is ${description.length} characters; the limit is ${PERMISSION_SET_DESCRIPTION_MAX}`
            );
        }
        const objectPermissions = new Map(
            (permissionSet.objectPermissions ?? []).map((p) => [p.object, p])
        );
        const fieldPermissions = new Map(
            (permissionSet.fieldPermissions ?? []).map((p) => [p.field, p])
        );
        for (const object of objects) {
            const access = objectPermissions.get(object.name);
            if (!access || access.allowRead !== 'true') {
                report.problem(file, 1, `no read access to ${object.name}`);
                continue;
            }
            if (name === AGENT_PERMISSION_SET) {
                for (const flag of [
                    'allowCreate',
                    'allowEdit',
                    'allowDelete',
                    'modifyAllRecords'
                ]) {
                    if (access[flag] === 'true') {
                        report.problem(
                            file,
                            lineOf(source, `<object>${object.name}</object>`),
                            `${flag} on ${object.name}: the agent permission set is read-only`
                        );
                    }
                }
            }
            for (const field of object.fields) {
                const fullName = `${object.name}.${field.name}`;
                const mustNotList =
                    field.meta.required === 'true' || field.meta.type === 'MasterDetail';
                const permission = fieldPermissions.get(fullName);
                if (mustNotList && permission) {
                    report.problem(
                        file,
                        lineOf(source, `<field>${fullName}</field>`),
                        `${fullName} is required; listing it fails the deploy`
                    );
                } else if (!mustNotList && permission?.readable !== 'true') {
                    report.problem(
                        file,
                        1,
                        `${fullName} is not readable: user-mode queries of it would fail`
                    );
                }
                if (name === AGENT_PERMISSION_SET && permission?.editable === 'true') {
                    report.problem(
                        file,
                        lineOf(source, `<field>${fullName}</field>`),
                        `${fullName} is editable: the agent permission set is read-only`
                    );
                }
            }
        }
        const classes = (permissionSet.classAccesses ?? []).filter((c) => c.enabled === 'true');
        if (!classes.some((c) => c.apexClass === 'AcFeatureController')) {
            report.problem(file, 1, 'no access to the AcFeatureController Apex class');
        }
    }
    report.step(
        'permission sets',
        `${files.length} checked: field coverage, description length, agent read-only`
    );
}

/** The plan for `sf data import tree`: files exist, fields exist, @references resolve. */
function checkDataPlan() {
    const planFile = path.join(repoRoot, 'data', 'plan.json');
    if (!fs.existsSync(planFile)) {
        report.problem(planFile, undefined, 'missing data plan');
        return;
    }
    const objects = new Map(readObjects().map((object) => [object.name, object]));
    const savedRefs = new Set();
    let records = 0;
    for (const step of JSON.parse(fs.readFileSync(planFile, 'utf8'))) {
        const object = objects.get(step.sobject);
        if (!object) report.problem(planFile, 1, `unknown sobject ${step.sobject}`);
        for (const name of step.files) {
            const file = path.join(path.dirname(planFile), name);
            if (!fs.existsSync(file)) {
                report.problem(planFile, 1, `${name} does not exist`);
                continue;
            }
            const source = fs.readFileSync(file, 'utf8');
            for (const record of JSON.parse(source).records) {
                records += 1;
                if (record.attributes.type !== step.sobject) {
                    report.problem(
                        file,
                        lineOf(source, record.attributes.type),
                        `record of ${record.attributes.type} in the ${step.sobject} step`
                    );
                }
                for (const [fieldName, value] of Object.entries(record)) {
                    if (fieldName === 'attributes' || fieldName === 'Name' || !object) continue;
                    const field = object.fields.find((f) => f.name === fieldName);
                    if (!field) {
                        report.problem(
                            file,
                            lineOf(source, `"${fieldName}"`),
                            `${step.sobject} has no field ${fieldName}`
                        );
                        continue;
                    }
                    if (typeof value === 'string' && value.startsWith('@')) {
                        if (!step.resolveRefs || !savedRefs.has(value.slice(1))) {
                            report.problem(
                                file,
                                lineOf(source, value),
                                `${value} does not resolve: an earlier step must saveRefs it and this step must resolveRefs`
                            );
                        }
                    }
                    const picklist = field.meta.valueSet?.valueSetDefinition?.value;
                    if (picklist && !picklist.some((entry) => entry.fullName === value)) {
                        report.problem(
                            file,
                            lineOf(source, `"${fieldName}"`),
                            `${value} is not a value of the ${fieldName} picklist`
                        );
                    }
                }
                if (step.saveRefs) savedRefs.add(record.attributes.referenceId);
            }
        }
    }
    report.step('data plan', `${records} record(s) in ${relative(planFile)}, references resolved`);
}

/** Apps name tabs and utility bars that exist; pages name components that exist. */
function checkAppReferences() {
    const expected = expectedMembersFromSource();
    const tabs = new Set(expected.CustomTab ?? []);
    const pages = new Set(expected.FlexiPage ?? []);
    const bundles = new Set(lwcBundleNames());
    const appsDir = path.join(defaultDir, 'applications');
    for (const app of expected.CustomApplication ?? []) {
        const file = path.join(appsDir, `${app}.app-meta.xml`);
        const source = fs.readFileSync(file, 'utf8');
        const meta = readRoot(file, 'CustomApplication');
        for (const tab of [meta.tabs ?? []].flat()) {
            if (!tab.startsWith('standard-') && !tabs.has(tab)) {
                report.problem(
                    file,
                    lineOf(source, `<tabs>${tab}</tabs>`),
                    `tab ${tab} does not exist in tabs/`
                );
            }
        }
        if (meta.utilityBar && !pages.has(meta.utilityBar)) {
            report.problem(
                file,
                lineOf(source, '<utilityBar>'),
                `utility bar ${meta.utilityBar} does not exist in flexipages/`
            );
        }
    }
    const pagesDir = path.join(defaultDir, 'flexipages');
    for (const page of pages) {
        const file = path.join(pagesDir, `${page}.flexipage-meta.xml`);
        const source = fs.readFileSync(file, 'utf8');
        for (const [, component] of source.matchAll(/<componentName>([^<:]+)<\/componentName>/g)) {
            if (!bundles.has(component)) {
                report.problem(
                    file,
                    lineOf(source, `<componentName>${component}<`),
                    `component ${component} is not an LWC bundle in lwc/`
                );
            }
        }
    }
    // A View override of type Flexipage (the page ships activated) names a record page of its object.
    let overrides = 0;
    for (const object of readObjects()) {
        const file = path.join(object.dir, `${object.name}.object-meta.xml`);
        const source = fs.readFileSync(file, 'utf8');
        const meta = readRoot(file, 'CustomObject');
        for (const override of [meta.actionOverrides ?? []].flat()) {
            if (String(override.type).toLowerCase() !== 'flexipage') continue;
            overrides++;
            const pageFile = path.join(pagesDir, `${override.content}.flexipage-meta.xml`);
            const page = pages.has(override.content) ? readRoot(pageFile, 'FlexiPage') : null;
            if (!page) {
                report.problem(
                    file,
                    lineOf(source, `<content>${override.content}<`),
                    `action override names ${override.content}, which is not in flexipages/`
                );
            } else if (page.type !== 'RecordPage' || page.sobjectType !== object.name) {
                report.problem(
                    file,
                    lineOf(source, `<content>${override.content}<`),
                    `${override.content} is not a record page of ${object.name}`
                );
            }
        }
    }
    report.step(
        'apps and pages',
        `${(expected.CustomApplication ?? []).length} app(s), ${pages.size} page(s), ${overrides} record page override(s): tabs, utility bar, components and pages resolve`
    );
}

function convertSource(outputDir) {
    const result = spawnSync(
        'npx',
        [
            '--no-install',
            'sf',
            'project',
            'convert',
            'source',
            '-d',
            outputDir,
            '-r',
            relative(packageDir),
            '--json'
        ],
        {
            cwd: repoRoot,
            encoding: 'utf8',
            env: { ...process.env, SF_DISABLE_TELEMETRY: 'true', SF_AUTOUPDATE_DISABLE: 'true' }
        }
    );
    let output;
    try {
        output = JSON.parse(result.stdout);
    } catch {
        output = { status: result.status, message: (result.stderr || result.stdout).trim() };
    }
    return { ok: result.status === 0 && output.status === 0, output };
}

function checkConvertedPackage() {
    const outputDir = fs.mkdtempSync(path.join(os.tmpdir(), 'check-metadata-'));
    try {
        const { ok, output } = convertSource(path.join(outputDir, 'mdapi'));
        if (!ok) {
            report.problem(
                packageDir,
                undefined,
                `sf project convert source failed: ${output.message ?? JSON.stringify(output)}`
            );
            return;
        }
        const mdapiDir = path.join(outputDir, 'mdapi');
        const packageXml = metadataXml.parse(
            fs.readFileSync(path.join(mdapiDir, 'package.xml'), 'utf8')
        ).Package;
        const actual = new Map(
            (packageXml.types ?? []).map((t) => [t.name, new Set(t.members ?? [])])
        );
        const packageFile = path.join(packageDir, 'package.xml (converted)');
        if (String(packageXml.version) !== apiVersion) {
            report.problem(
                packageFile,
                undefined,
                `package version ${packageXml.version}, expected ${apiVersion}`
            );
        }
        const expected = mergeExpected(expectedMembersFromSource(), REQUIRED_MEMBERS);
        let memberCount = 0;
        for (const [type, members] of Object.entries(expected)) {
            for (const member of members) {
                memberCount += 1;
                if (!actual.get(type)?.has(member)) {
                    report.problem(
                        packageFile,
                        undefined,
                        `${type} ${member} is missing from the converted package`
                    );
                }
            }
        }
        checkBundleFiles(mdapiDir);
        report.step(
            'sf project convert source',
            `${memberCount} expected member(s) of ${Object.keys(expected).length} type(s) in package.xml\n    ` +
                Object.entries(expected)
                    .map(([type, members]) => `${type} ${members.length}`)
                    .join(', ')
        );
    } finally {
        fs.rmSync(outputDir, { recursive: true, force: true });
    }
}

function mergeExpected(fromSource, required) {
    const merged = {};
    for (const type of new Set([...Object.keys(fromSource), ...Object.keys(required)])) {
        merged[type] = [
            ...new Set([...(required[type] ?? []), ...(fromSource[type] ?? [])])
        ].sort();
    }
    return merged;
}

/** A converted bundle ships its compiled .js and .js-meta.xml, and none of the .ts or tests. */
function checkBundleFiles(mdapiDir) {
    for (const bundle of lwcBundleNames()) {
        const sourceDir = path.join(defaultDir, 'lwc', bundle);
        const convertedDir = path.join(mdapiDir, 'lwc', bundle);
        if (!fs.existsSync(path.join(sourceDir, `${bundle}.js-meta.xml`))) {
            report.problem(
                sourceDir,
                undefined,
                `no ${bundle}.js-meta.xml: the bundle is not deployable`
            );
        }
        if (!fs.existsSync(convertedDir)) continue;
        const shipped = listFiles(convertedDir).map((file) => path.relative(convertedDir, file));
        if (!shipped.includes(`${bundle}.js`)) {
            report.problem(
                sourceDir,
                undefined,
                `converted bundle has no ${bundle}.js: run \`npm run build:ts\` and commit the .js`
            );
        }
        for (const file of shipped.filter((f) => f.endsWith('.ts') || f.includes('__tests__'))) {
            report.problem(
                path.join(sourceDir, file),
                undefined,
                'would be deployed: .forceignore must keep sources and tests out'
            );
        }
    }
}
