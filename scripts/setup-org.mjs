#!/usr/bin/env node
// `npm run setup:org -- --target-org <alias> --ccp-url <url>`: the README's "Deploy to an org" steps
// in one command. Arguments are checked before anything runs; a refusal exits 2 and writes nothing.
// A failing step exits 1 with its output. --dry-run writes the deploy folder and prints every command.
import { parseSetupArgs, HELP } from './setup-org/args.mjs';
import { execCommand } from './setup-org/commands.mjs';
import { repoRoot } from './setup-org/projectFacts.mjs';
import { runSetup, StepFailedError } from './setup-org/runSetup.mjs';
import { UsageError } from './setup-org/usageError.mjs';

const EXIT_STEP_FAILED = 1;
const EXIT_USAGE = 2;

let parsed;
try {
    parsed = parseSetupArgs(process.argv.slice(2));
} catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`setup:org: ${error.message}`);
    process.exit(EXIT_USAGE);
}

if (parsed.help) {
    console.log(HELP);
} else {
    try {
        await runSetup(parsed.options, {
            exec: (command) => execCommand(command, repoRoot),
            log: (line) => console.log(line)
        });
    } catch (error) {
        if (!(error instanceof StepFailedError)) throw error;
        console.error(`\nsetup:org: ${error.message}`);
        process.exitCode = EXIT_STEP_FAILED;
    }
}
