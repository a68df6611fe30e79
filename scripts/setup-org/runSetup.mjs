// The setup steps in order. Each prints what it does and the exact command; a dry run writes the
// deploy folder but runs nothing. A real run stops at the first failing command. Every step is safe
// to repeat: a permission set already assigned and an adapter already imported count as done.
import path from 'node:path';
import {
    assignAdminCommand,
    assignAgentsCommand,
    buildCommand,
    deployCommand,
    findAdapterCommand,
    formatCommand,
    importCommand,
    orgDisplayCommand
} from './commands.mjs';
import { CSP_DIR, PRESENCE_SITE_NAME, writeDeployFolder } from './deployFolder.mjs';
import { leftForTheHuman, lightningOrigin } from './nextSteps.mjs';
import { DATA_PLAN_FILE, projectApiVersion, repoRoot } from './projectFacts.mjs';

const STEP_COUNT = 7;

/** A command that failed; message says which and what it printed. */
export class StepFailedError extends Error {
    constructor(step, command, detail) {
        super(
            `Step ${step} failed: ${formatCommand(command)}\n${detail}\n` +
                'Fix the problem and run setup again: the steps that already ran are safe to repeat.'
        );
        this.name = 'StepFailedError';
    }
}

/**
 * @param {import('./args.mjs').SetupOptions} options
 * @param {{ exec: (command: import('./commands.mjs').Command) =>
 *   Promise<{ status: number, stdout: string, stderr: string }>, log: (line: string) => void }} io
 */
export async function runSetup(options, { exec, log }) {
    const { targetOrg, ccp, dryRun } = options;
    const folder = path.join(options.outputDir, targetOrg);
    const shown = (file) => displayPath(file);
    let stepNumber = 0;
    const step = (title) => {
        stepNumber += 1;
        log(`\n[${stepNumber}/${STEP_COUNT}] ${title}`);
    };
    /** Prints the command; runs it unless this is a dry run. Returns its result, or null. */
    const run = async (command) => {
        log(`  $ ${formatCommand(command)}`);
        if (dryRun) return null;
        const result = await exec(command);
        if (result.status !== 0 && !command.capture) {
            throw new StepFailedError(
                stepNumber,
                command,
                `It exited with ${result.status}; its output is above.`
            );
        }
        return result;
    };

    log(
        `Setting up org "${targetOrg}" for the Amazon Connect softphone with ${ccp.ccpUrl}` +
            (dryRun
                ? '\nDry run: every command is printed and none is run; the deploy folder is ' +
                  'written so you can inspect it. Nothing touches the org.'
                : '')
    );
    for (const note of ccp.notes) log(`Note: ${note}`);

    // First, so an org the CLI cannot reach fails in seconds, before the build and any file.
    step(`Check that the Salesforce CLI is logged in to ${targetOrg}`);
    const display = orgDisplayCommand(targetOrg);
    const displayed = await run(display);
    let origin = null;
    if (displayed) {
        const org = parseJson(displayed.stdout);
        if (displayed.status !== 0 || !org?.result) {
            throw new StepFailedError(
                stepNumber,
                display,
                `  ${org?.message?.trim() ?? (displayed.stderr || displayed.stdout).trim()}\n` +
                    `  Log in first: npx sf org login web --alias ${targetOrg}`
            );
        }
        origin = lightningOrigin(org.result.instanceUrl);
        log(`  ${org.result.username ?? targetOrg} at ${org.result.instanceUrl}`);
    }

    step('Build the deployable .js and the Streams static resource');
    await run(buildCommand());

    step(`Write the deploy folder ${shown(folder)}`);
    const written = writeDeployFolder({
        folder,
        origin: ccp.origin,
        instance: ccp.instance,
        apiVersion: projectApiVersion(),
        planFile: DATA_PLAN_FILE,
        record: {
            ccpUrl: ccp.ccpUrl,
            customCcpDomains: ccp.customDomains.length ? ccp.customDomains.join(', ') : undefined,
            adapterName: options.adapterName,
            region: options.region,
            samlLoginUrl: options.samlLoginUrl,
            presenceServiceUrl: options.presenceService?.url,
            presenceCertificate: options.presenceCertificate
        },
        presenceOrigin: options.presenceService?.origin
    });
    log(
        `  wrote ${shown(written.cspFile)}\n` +
            `        Trusted URL ${written.siteName}: ${ccp.origin}, context All, frame-src and connect-src`
    );
    if (written.presenceCspFile) {
        log(
            `  wrote ${shown(written.presenceCspFile)}\n` +
                `        Trusted URL ${PRESENCE_SITE_NAME}: ${options.presenceService.origin}, context All, connect-src`
        );
    }
    log(
        `  wrote ${shown(written.planFile)} and ${written.dataFiles.length} record file(s)\n` +
            `        AC CTI Adapter ${options.adapterName}: CCP URL ${ccp.ccpUrl}, ` +
            `region ${options.region ?? '(not set)'}, SAML login URL ${options.samlLoginUrl ?? '(not set)'}`
    );

    step('Deploy the softphone and the Trusted URL');
    await run(deployCommand(targetOrg, [shown(path.join(folder, CSP_DIR))]));

    step('Assign permission sets');
    await assignPermissionSets(run, stepNumber, assignAdminCommand(targetOrg), log);
    if (options.agents.length > 0) {
        await assignPermissionSets(
            run,
            stepNumber,
            assignAgentsCommand(targetOrg, options.agents),
            log
        );
    }

    step('Import the configuration records (AC CTI Adapter and its session-end feature)');
    log(`  first, does ${options.adapterName} exist already? (setup never makes a second one)`);
    const query = findAdapterCommand(targetOrg, options.adapterName);
    const found = await run(query);
    const existing = found ? (readJson(found, stepNumber, query).result?.totalSize ?? 0) : 0;
    if (existing > 0) {
        log(
            `  ${options.adapterName} already exists in ${targetOrg}: left as it is, nothing imported.\n` +
                '  To change it, edit the record (App Launcher → AC CTI Adapters), or delete it and run setup again.'
        );
    } else {
        if (!dryRun) log('  it does not: importing');
        await run(importCommand(targetOrg, shown(written.planFile)));
    }

    step('What is left for you');
    for (const line of leftForTheHuman({ ...options, lightningOrigin: origin })) log(line);
    log(dryRun ? '\nDry run finished: nothing was run against the org.' : '\nSetup finished.');
}

/**
 * `sf org assign permset --json` exits non-zero when any assignment fails, including one that
 * already exists; only the other failures stop setup.
 */
async function assignPermissionSets(run, stepNumber, command, log) {
    const result = await run(command);
    if (!result) return;
    const output = readJson(result, stepNumber, command);
    const failures = output.result?.failures ?? [];
    const alreadyAssigned = failures.filter((f) => /duplicate/i.test(String(f.message)));
    const realFailures = failures.filter((f) => !alreadyAssigned.includes(f));
    if (realFailures.length > 0) {
        const detail = realFailures.map((f) => `  ${f.name}: ${f.message}`).join('\n');
        throw new StepFailedError(stepNumber, command, detail);
    }
    for (const s of output.result?.successes ?? []) log(`  ${s.value} assigned to ${s.name}`);
    for (const f of alreadyAssigned) log(`  ${f.name} already had it`);
}

/** The JSON a captured command printed; a failure or unreadable output stops setup. */
function readJson(result, stepNumber, command) {
    const output = parseJson(result.stdout);
    if (!output) {
        throw new StepFailedError(
            stepNumber,
            command,
            `It exited with ${result.status} and printed:\n${(result.stdout + result.stderr).trim()}`
        );
    }
    if (result.status !== 0 && !output.result?.failures) {
        throw new StepFailedError(
            stepNumber,
            command,
            `  ${output.message ?? result.stdout.trim()}`
        );
    }
    return output;
}

function parseJson(text) {
    try {
        return JSON.parse(text);
    } catch {
        return null;
    }
}

/** Project-relative when inside the project (that is how the CLI is run), else absolute. */
function displayPath(file) {
    const relative = path.relative(repoRoot, file);
    return relative.startsWith('..') || path.isAbsolute(relative)
        ? file
        : relative.split(path.sep).join('/');
}
