#!/usr/bin/env node
// `npm run migrate:cti-adapter -- --target-org <alias> [--adapter <name>] [--dry-run]`: brings the
// Amazon Connect CTI Adapter's AC CTI Adapter and AC Feature records across to this project's objects.
// Exit status: 0 all brought across, 1 something not mapped or written, 2 usage, 3 could not start.
import { EXIT, HELP, parseMigrateArgs } from './migrate-cti-adapter/args.mjs';
import { runMigration } from './migrate-cti-adapter/runMigration.mjs';
import { runSf } from './migrate-cti-adapter/sfCli.mjs';
import { UsageError } from './setup-org/usageError.mjs';

let parsed;
try {
    parsed = parseMigrateArgs(process.argv.slice(2));
} catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`migrate:cti-adapter: ${error.message}`);
    process.exit(EXIT.usage);
}

if (parsed.help) {
    console.log(HELP);
} else {
    process.exitCode = await runMigration(parsed.options, {
        sf: runSf,
        log: (line) => console.log(line)
    });
}
