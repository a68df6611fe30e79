// The report: one row per record (what was created, updated, left alone or could not be mapped, and
// why), then the Value check of each SetAgentStatusOnSessionEnd as its record page shows it.
import { FEATURE_OBJECT } from './mapping.mjs';

const OUTCOME_WORDS = {
    dryRun: {
        create: 'would create',
        update: 'would update',
        unchanged: 'left alone',
        unmapped: 'could not be mapped',
        failed: 'failed'
    },
    run: {
        create: 'created',
        update: 'updated',
        unchanged: 'left alone',
        unmapped: 'could not be mapped',
        failed: 'failed'
    }
};

const SESSION_END_FEATURE = 'setagentstatusonsessionend';
const MAX_SHOWN = 200;

/**
 * @param {Array<import('./mapping.mjs').PlanRow & { failure?: string, createdId?: string }>} rows
 * @param {boolean} dryRun
 * @returns {string[]}
 */
export function formatTable(rows, dryRun) {
    const words = dryRun ? OUTCOME_WORDS.dryRun : OUTCOME_WORDS.run;
    const table = rows.map((row) => ({
        outcome: words[row.failure ? 'failed' : row.outcome],
        record: recordName(row),
        details: details(row)
    }));
    const width = (key, title) => Math.max(title.length, ...table.map((r) => r[key].length));
    const outcomeWidth = width('outcome', 'Outcome');
    const recordWidth = width('record', 'Record');
    const line = (outcome, record, detail) =>
        `${outcome.padEnd(outcomeWidth)}  ${record.padEnd(recordWidth)}  ${detail}`.trimEnd();
    const lines = [
        line('Outcome', 'Record', 'Details'),
        line('-'.repeat(outcomeWidth), '-'.repeat(recordWidth), '-------')
    ];
    for (const row of table) {
        const [first = '', ...rest] = row.details;
        lines.push(line(row.outcome, row.record, first));
        for (const detail of rest) lines.push(line('', '', detail));
    }
    return lines;
}

function recordName(row) {
    return row.object === FEATURE_OBJECT
        ? `AC Feature ${row.adapterName} / ${row.name}`
        : `AC CTI Adapter ${row.name}`;
}

function details(row) {
    if (row.failure) return [row.failure, ...row.notes];
    const lines = [];
    switch (row.outcome) {
        case 'create':
            lines.push(...row.values.map(([field, value]) => `${field} = ${show(value)}`));
            if (row.createdId) lines.push(`Id ${row.createdId}`);
            break;
        case 'update':
            lines.push(...row.changes.map((c) => `${c.field}: ${show(c.from)} → ${show(c.to)}`));
            break;
        case 'unchanged':
            lines.push('every field already holds what the CTI Adapter has');
            break;
        case 'unmapped':
            lines.push(...row.reasons);
            break;
    }
    return [...lines, ...row.notes];
}

/** A value as an admin can read it on one line: quotes, line breaks and a BOM made visible. */
export function show(value) {
    if (value === null || value === undefined) return '(blank)';
    if (typeof value === 'boolean') return value ? 'true (checked)' : 'false (unchecked)';
    const visible = value
        .replace(/\uFEFF/g, '<BOM>')
        .replace(/\r/g, '\\r')
        .replace(/\n/g, '\\n');
    const cut =
        visible.length > MAX_SHOWN
            ? `${visible.slice(0, MAX_SHOWN)}… (${value.length} characters)`
            : visible;
    return `"${cut}"`;
}

/**
 * The Value check of every SetAgentStatusOnSessionEnd, in the record page's words.
 * @param {import('./mapping.mjs').PlanRow[]} rows
 * @param {Awaited<ReturnType<typeof import('./recordPageCheck.mjs').loadRecordPageCheck>>} check
 * @param {(name: string) => string} label a Custom Label's text, for the heading words
 */
export function formatValueChecks(rows, check, label) {
    const lines = [];
    for (const row of rows) {
        if (row.object !== FEATURE_OBJECT || row.name.trim().toLowerCase() !== SESSION_END_FEATURE)
            continue;
        const result = check(row.value ?? null);
        lines.push(
            '',
            `${label('AcFeatureValueCheck_Title')}: ${row.adapterName} / ${row.name}, as its AC Feature record page shows it`
        );
        if (!row.active) lines.push(`  ${label('AcFeatureValueCheck_FeatureOff')}`);
        lines.push(`  ${result.summary}`);
        for (const problem of result.problems) lines.push(`    ${problem.icon}: ${problem.text}`);
        lines.push(`  ${label('AcFeatureValueCheck_SettingsHeading')}:`);
        for (const setting of result.settings) lines.push(`    ${setting.term}: ${setting.text}`);
    }
    return lines;
}
