// The commands setup runs, built in one place so that what --dry-run prints is exactly what a real
// run executes (cwd: the project root).
import { spawn } from 'node:child_process';
import { ADMIN_PERMISSION_SET, AGENT_PERMISSION_SET, PACKAGE_DIR } from './projectFacts.mjs';

/**
 * @typedef {object} Command
 * @property {string} program
 * @property {string[]} args
 * @property {boolean} capture true: output is read as JSON, not shown while it runs
 */

const sf = (args, capture = false) => ({ program: 'npx', args: ['sf', ...args], capture });

export const buildCommand = () => ({ program: 'npm', args: ['run', 'build'], capture: false });

export const deployCommand = (targetOrg, extraSourceDirs) =>
    sf([
        'project',
        'deploy',
        'start',
        '--source-dir',
        PACKAGE_DIR,
        ...extraSourceDirs.flatMap((dir) => ['--source-dir', dir]),
        '--target-org',
        targetOrg
    ]);

export const assignAdminCommand = (targetOrg) =>
    sf(
        [
            'org',
            'assign',
            'permset',
            '--name',
            ADMIN_PERMISSION_SET,
            '--target-org',
            targetOrg,
            '--json'
        ],
        true
    );

/** json: false gives the form a person types, with the CLI's own table as output. */
export const assignAgentsCommand = (targetOrg, agents, json = true) =>
    sf(
        [
            'org',
            'assign',
            'permset',
            '--name',
            AGENT_PERMISSION_SET,
            ...agents.flatMap((agent) => ['--on-behalf-of', agent]),
            '--target-org',
            targetOrg,
            ...(json ? ['--json'] : [])
        ],
        json
    );

export const findAdapterCommand = (targetOrg, adapterName) =>
    sf(
        [
            'data',
            'query',
            '--query',
            // The adapter name is restricted to [A-Za-z0-9_ .-] by the argument check: no quoting issue.
            `SELECT Id FROM AC_CtiAdapter__c WHERE Name = '${adapterName}'`,
            '--target-org',
            targetOrg,
            '--json'
        ],
        true
    );

export const importCommand = (targetOrg, planFile) =>
    sf(['data', 'import', 'tree', '--plan', planFile, '--target-org', targetOrg]);

export const orgDisplayCommand = (targetOrg) =>
    sf(['org', 'display', '--target-org', targetOrg, '--json'], true);

export const openAppCommand = (targetOrg, app) =>
    sf(['org', 'open', '--target-org', targetOrg, '--path', `lightning/app/c__${app}`]);

/** The command as one line a POSIX shell runs unchanged. */
export function formatCommand({ program, args }) {
    return [program, ...args].map(shellQuote).join(' ');
}

function shellQuote(word) {
    if (/^[\w@%+=:,./-]+$/.test(word)) return word;
    // Double quotes read better around a SOQL query's single quotes; they are safe without $ ` \ ".
    if (!/[$`\\"!]/.test(word)) return `"${word}"`;
    return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * Runs a command in cwd. Shown commands share the terminal; captured ones return their output.
 * The Salesforce CLI runs without telemetry or update checks unless the caller set those already.
 * @returns {Promise<{ status: number, stdout: string, stderr: string }>}
 */
export function execCommand({ program, args, capture }, cwd) {
    return new Promise((resolve) => {
        const child = spawn(program, args, {
            cwd,
            // npm and npx are .cmd scripts on Windows, which only a shell starts.
            shell: process.platform === 'win32',
            stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
            env: {
                ...process.env,
                SF_DISABLE_TELEMETRY: process.env.SF_DISABLE_TELEMETRY ?? 'true',
                SF_AUTOUPDATE_DISABLE: process.env.SF_AUTOUPDATE_DISABLE ?? 'true'
            }
        });
        let stdout = '';
        let stderr = '';
        child.stdout?.on('data', (chunk) => (stdout += chunk));
        child.stderr?.on('data', (chunk) => (stderr += chunk));
        child.on('error', (error) => resolve({ status: 127, stdout, stderr: String(error) }));
        child.on('close', (status) => resolve({ status: status ?? 1, stdout, stderr }));
    });
}
