// The Salesforce CLI commands the migration runs, built in one place so that what the report shows
// is what ran, and the one function that runs them. Every command asks for --json and answers with
// the CLI's envelope (@salesforce/sf-plugins-core lib/sfCommand.js toSuccessJson: { status, result,
// warnings }; on failure lib/SfCommandError.js toJson: { name, message, exitCode, data, … }).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../lib/checkReport.mjs';

/**
 * @typedef {object} SfCommand
 * @property {string[]} args after `sf`
 *
 * @typedef {{ ok: true, result: any } | { ok: false, error: { name: string, message: string, exitCode: number, data?: unknown } }} SfAnswer
 */

const org = (targetOrg) => ['--target-org', targetOrg, '--json'];

export const listCustomObjectsCommand = (targetOrg) => ({
    args: ['sobject', 'list', '--sobject', 'custom', ...org(targetOrg)]
});

export const describeCommand = (targetOrg, sobject) => ({
    args: ['sobject', 'describe', '--sobject', sobject, ...org(targetOrg)]
});

export const installedPackagesCommand = (targetOrg) => ({
    args: ['package', 'installed', 'list', ...org(targetOrg)]
});

export const queryCommand = (targetOrg, soql) => ({
    args: ['data', 'query', '--query', soql, ...org(targetOrg)]
});

export const createRecordCommand = (targetOrg, sobject, values) => ({
    args: ['data', 'create', 'record', '--sobject', sobject, '--values', values, ...org(targetOrg)]
});

export const updateRecordCommand = (targetOrg, sobject, recordId, values) => ({
    args: [
        'data',
        'update',
        'record',
        '--sobject',
        sobject,
        '--record-id',
        recordId,
        '--values',
        values,
        ...org(targetOrg)
    ]
});

/** A SOQL string literal: backslash escapes for quote, backslash and line breaks. */
export function soqlString(text) {
    const escaped = text
        .replace(/\\/g, '\\\\')
        .replace(/'/g, "\\'")
        .replace(/\n/g, '\\n')
        .replace(/\r/g, '\\r')
        .replace(/\t/g, '\\t');
    return `'${escaped}'`;
}

/** The command as one line a POSIX shell runs unchanged (for the report and error messages). */
export function formatCommand({ args }) {
    return ['sf', ...args].map(shellQuote).join(' ');
}

function shellQuote(word) {
    if (/^[\w@%+=:,./-]+$/.test(word)) return word;
    return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * Reads the CLI's JSON answer. A failure without JSON (the CLI missing, a crash) becomes an answer
 * of its own so that callers handle one shape.
 * @returns {SfAnswer}
 */
export function readAnswer({ status, stdout, stderr }) {
    let envelope;
    try {
        envelope = JSON.parse(stdout);
    } catch {
        return {
            ok: false,
            error: {
                name: status === 127 ? 'SfNotFound' : 'NoJsonAnswer',
                message: (stderr || stdout || `exit status ${status}`).trim(),
                exitCode: status
            }
        };
    }
    if (status === 0 && envelope && envelope.status === 0)
        return { ok: true, result: envelope.result };
    return {
        ok: false,
        error: {
            name: String(envelope?.name ?? 'Error'),
            message: String(envelope?.message ?? stdout).trim(),
            exitCode: Number(envelope?.exitCode ?? status),
            data: envelope?.data
        }
    };
}

/**
 * Runs `sf` with the arguments as they are (no shell: a Value's line breaks and quotes reach the CLI
 * unchanged). `sf` is found on PATH, which `npm run` starts with this project's node_modules/.bin;
 * the project's CLI is also appended, so a direct `node scripts/migrate-cti-adapter.mjs` finds it.
 * On Windows the project's CLI is started through node, since a .cmd needs a shell.
 * @returns {Promise<SfAnswer>}
 */
export function runSf({ args }) {
    const projectBin = path.join(repoRoot, 'node_modules', '.bin');
    const [program, programArgs] =
        process.platform === 'win32'
            ? [
                  process.execPath,
                  [
                      path.join(repoRoot, 'node_modules', '@salesforce', 'cli', 'bin', 'run.js'),
                      ...args
                  ]
              ]
            : ['sf', args];
    return new Promise((resolve) => {
        const child = spawn(program, programArgs, {
            stdio: ['ignore', 'pipe', 'pipe'],
            env: {
                ...process.env,
                PATH: `${process.env.PATH ?? ''}${path.delimiter}${projectBin}`,
                SF_DISABLE_TELEMETRY: process.env.SF_DISABLE_TELEMETRY ?? 'true',
                SF_AUTOUPDATE_DISABLE: process.env.SF_AUTOUPDATE_DISABLE ?? 'true'
            }
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk) => (stdout += chunk));
        child.stderr.on('data', (chunk) => (stderr += chunk));
        child.on('error', (error) =>
            resolve(readAnswer({ status: 127, stdout, stderr: String(error) }))
        );
        child.on('close', (status) => resolve(readAnswer({ status: status ?? 1, stdout, stderr })));
    });
}
