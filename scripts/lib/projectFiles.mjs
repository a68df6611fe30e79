// File-system helpers shared by the offline Apex and metadata checks.
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './checkReport.mjs';

export const packageDir = path.join(repoRoot, 'force-app');
export const defaultDir = path.join(packageDir, 'main', 'default');

/** Every file below dir (recursively), skipping node_modules; [] if dir does not exist. */
export function listFiles(dir) {
    if (!fs.existsSync(dir)) return [];
    const found = [];
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        if (entry.name === 'node_modules') continue;
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) found.push(...listFiles(full));
        else found.push(full);
    }
    return found.sort();
}

/** Names of the sub-directories of dir; [] if dir does not exist. */
export function listDirs(dir) {
    if (!fs.existsSync(dir)) return [];
    return fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort();
}

/** sourceApiVersion from sfdx-project.json, e.g. '65.0'. */
export function projectApiVersion() {
    const project = JSON.parse(fs.readFileSync(path.join(repoRoot, 'sfdx-project.json'), 'utf8'));
    return project.sourceApiVersion;
}

/** 1-based line of the first occurrence of text in source, or 1 when absent. */
export function lineOf(source, text) {
    const index = source.indexOf(text);
    return index < 0 ? 1 : source.slice(0, index).split('\n').length;
}
