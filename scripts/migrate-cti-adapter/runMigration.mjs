// The migration in order: find the CTI Adapter's objects and fields, read the records, plan, write
// (unless --dry-run), report. Effects go through the injected `sf`, so tests drive it with a
// stand-in CLI and a dry run provably writes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { EXIT } from './args.mjs';
import { ADAPTER_OBJECT, FEATURE_OBJECT, planMigration } from './mapping.mjs';
import { CannotStartError, findSourceSchema, readRecords } from './readOrg.mjs';
import { loadRecordPageCheck, readLabels } from './recordPageCheck.mjs';
import { SchemaError } from './sourceSchema.mjs';
import { formatTable, formatValueChecks } from './report.mjs';
import { createRecordCommand, updateRecordCommand } from './sfCli.mjs';
import { encodeValues } from './valuesArg.mjs';
import { importForceAppModule } from '../lib/forceAppModule.mjs';
import { defaultDir } from '../lib/projectFiles.mjs';
import { supportedRegions } from '../setup-org/projectFacts.mjs';

const DEFAULT_ADAPTER_NAME = 'ACLightningAdapter';
const VALUE_FIELD_FILE = path.join(
    defaultDir,
    'objects',
    FEATURE_OBJECT,
    'fields',
    'Value__c.field-meta.xml'
);

/** The Value field's length, from the metadata that deploys. */
export function valueMaxLength() {
    const xml = fs.readFileSync(VALUE_FIELD_FILE, 'utf8');
    return Number(/<length>(\d+)<\/length>/.exec(xml)[1]);
}

/**
 * @param {import('./args.mjs').MigrateOptions} options
 * @param {{ sf: (command: import('./sfCli.mjs').SfCommand) => Promise<import('./sfCli.mjs').SfAnswer>, log: (line: string) => void }} io
 * @returns {Promise<number>} the exit status
 */
export async function runMigration(options, { sf, log }) {
    const { targetOrg, dryRun } = options;
    log(
        `Migrating the Amazon Connect CTI Adapter's records in ${targetOrg}${dryRun ? ' (dry run: nothing is written)' : ''}`
    );
    let rows;
    try {
        log("Finding the CTI Adapter's objects and fields by label:");
        const schema = await findSourceSchema(options, sf, log);
        const { source, target } = await readRecords(options, schema, sf);
        log(
            `Read ${source.adapters.length} AC CTI Adapter(s) and ${source.features.length} AC Feature(s) ` +
                `from the CTI Adapter; this project has ${target.adapters.length} of those adapters already.`
        );
        const context = {
            policy: await importForceAppModule('ccpUrlPolicy'),
            regions: supportedRegions(),
            valueMaxLength: valueMaxLength()
        };
        rows = planMigration(source, target, context);
    } catch (error) {
        if (!(error instanceof CannotStartError || error instanceof SchemaError)) throw error;
        log('');
        log(`migrate:cti-adapter: ${error.message}`);
        return EXIT.cannotStart;
    }

    if (!dryRun) await write(rows, targetOrg, sf);

    log('');
    for (const line of formatTable(rows, dryRun)) log(line);
    const labels = await readLabels(options.language);
    const check = await loadRecordPageCheck(options.language);
    for (const line of formatValueChecks(rows, check, (name) => labels.get(name) ?? name))
        log(line);

    const problems = rows.filter(
        (r) => r.outcome === 'unmapped' || r.failure || r.notes.length
    ).length;
    log('');
    log(summary(rows, dryRun, problems));
    for (const line of nextSteps(rows, dryRun, options)) log(line);
    return problems ? EXIT.notAllMapped : EXIT.ok;
}

/** Adapters first (a new feature needs its adapter's Id), then features; one record per command. */
async function write(rows, targetOrg, sf) {
    const createdIds = new Map();
    for (const [index, row] of rows.entries()) {
        if (row.outcome !== 'create' && row.outcome !== 'update') continue;
        let values = row.values;
        if (row.object === FEATURE_OBJECT && row.outcome === 'create') {
            const parent = rows[row.parentRow];
            const parentId = parent.targetId ?? createdIds.get(row.parentRow);
            if (!parentId) {
                row.failure = `not written: its adapter ${parent.name} was not created`;
                continue;
            }
            values = [...values, ['CTI_Adapter__c', parentId]];
        }
        const command =
            row.outcome === 'create'
                ? createRecordCommand(targetOrg, row.object, encodeValues(values))
                : updateRecordCommand(targetOrg, row.object, row.targetId, encodeValues(values));
        const answer = await sf(command);
        if (!answer.ok) {
            const verb = row.outcome === 'create' ? 'create' : 'update';
            row.failure = `the org refused to ${verb} it (sf data ${verb} record): ${answer.error.name}: ${answer.error.message}`;
            continue;
        }
        if (row.outcome === 'create') {
            createdIds.set(index, answer.result.id);
            row.createdId = answer.result.id;
        }
    }
}

function summary(rows, dryRun, problems) {
    const count = (outcome) => rows.filter((r) => !r.failure && r.outcome === outcome).length;
    const failed = rows.filter((r) => r.failure).length;
    const verb = dryRun ? 'would be' : 'were';
    const parts = [
        `${count('create')} ${verb} created`,
        `${count('update')} ${verb} updated`,
        `${count('unchanged')} left alone`,
        `${count('unmapped')} could not be mapped`
    ];
    if (failed) parts.push(`${failed} failed`);
    const tail = problems
        ? ' See the Details column for what to fix, then run the migration again.'
        : '';
    return `${rows.length} record(s): ${parts.join(', ')}.${tail}`;
}

function nextSteps(rows, dryRun, { targetOrg }) {
    if (rows.length === 0) return [];
    const lines = [];
    if (dryRun) {
        lines.push(
            `To write these records: npm run migrate:cti-adapter -- --target-org ${targetOrg} (without --dry-run).`
        );
        return lines;
    }
    const adapters = rows.filter(
        (r) => r.object === ADAPTER_OBJECT && r.outcome !== 'unmapped' && !r.failure
    );
    if (adapters.length === 0) return lines;
    lines.push(
        'Next: open an AC Feature record (App Launcher → AC CTI Adapters → the adapter → Features) to see ' +
            "the same Value check, and the softphone's Details view to see the settings it loaded."
    );
    const others = adapters.filter((r) => r.name !== DEFAULT_ADAPTER_NAME).map((r) => r.name);
    if (others.length) {
        lines.push(
            `The softphone reads ${DEFAULT_ADAPTER_NAME} unless told otherwise: to use ${others.join(' or ')}, ` +
                'set AC CTI Adapter Name on the Amazon Connect Softphone utility item (App Manager → your console app → Utility Items).'
        );
    }
    return lines;
}
