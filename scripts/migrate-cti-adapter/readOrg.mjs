// Reading the org through the CLI: finds the CTI Adapter's objects and fields by label, then reads
// its records and this project's records of the same names. Every way it can fail to start is a
// CannotStartError whose message says what is wrong and how to fix it.
import {
    describeCommand,
    formatCommand,
    installedPackagesCommand,
    listCustomObjectsCommand,
    queryCommand,
    soqlString
} from './sfCli.mjs';
import {
    ADAPTER_FIELDS,
    ADAPTER_OBJECT,
    FEATURE_FIELDS,
    FEATURE_OBJECT,
    NAMESPACE,
    SchemaError,
    candidatesInOrder,
    childObjectsOf,
    hasObjectLabel,
    missingObject,
    resolveFields
} from './sourceSchema.mjs';
import {
    ADAPTER_OBJECT as TARGET_ADAPTER,
    ADAPTER_TARGET_FIELDS,
    FEATURE_OBJECT as TARGET_FEATURE,
    FEATURE_TARGET_FIELDS
} from './mapping.mjs';

export class CannotStartError extends Error {
    constructor(message) {
        super(message);
        this.name = 'CannotStartError';
    }
}

const ADMIN_PERMISSION_SET = 'AC_Administrator';

/**
 * @param {{ targetOrg: string, map: Map<string, string> }} options
 * @param {(command: import('./sfCli.mjs').SfCommand) => Promise<import('./sfCli.mjs').SfAnswer>} sf
 * @param {(line: string) => void} log
 */
export async function findSourceSchema({ targetOrg, map }, sf, log) {
    const call = (command) => run(sf, command, targetOrg);
    const names = await call(listCustomObjectsCommand(targetOrg));
    const candidates = candidatesInOrder(names, /CtiAdapter/i);
    if (candidates.length === 0) await explainNoObjects(targetOrg, sf);

    const described = [];
    const describe = async (name) => {
        const answer = await sf(describeCommand(targetOrg, name));
        if (!answer.ok) {
            if (answer.error.name === 'NOT_FOUND') {
                throw new CannotStartError(
                    `${name} is not an object your user can read in ${targetOrg} (${answer.error.message}). ` +
                        'Check the API name in Setup → Object Manager, and that you have the ' +
                        `CTI Adapter's ${ADMIN_PERMISSION_SET} permission set.`
                );
            }
            throw failed(describeCommand(targetOrg, name), answer.error, targetOrg);
        }
        described.push(answer.result);
        return answer.result;
    };
    const findObject = async (object, names) => {
        const mapped = map.get(object.labels[0]);
        if (mapped) return describe(mapped);
        for (const name of names) {
            const result = await describe(name);
            if (hasObjectLabel(result, object)) return result;
        }
        throw missingObject(object, described);
    };

    const adapter = await findObject(ADAPTER_OBJECT, candidates);
    log(`  ${ADAPTER_OBJECT.labels[0]}: ${adapter.name}`);
    const feature = await findObject(
        FEATURE_OBJECT,
        candidatesInOrder(childObjectsOf(adapter), /Feature/i)
    );
    log(`  ${FEATURE_OBJECT.labels[0]}: ${feature.name}`);

    const problems = [];
    const fields = {};
    for (const [key, describeResult, wanted, options] of [
        ['adapter', adapter, ADAPTER_FIELDS, {}],
        ['feature', feature, FEATURE_FIELDS, { referenceTo: adapter.name }]
    ]) {
        try {
            fields[key] = resolveFields(describeResult, wanted, map, options);
        } catch (error) {
            if (!(error instanceof SchemaError)) throw error;
            problems.push(error.message);
        }
    }
    if (problems.length) throw new CannotStartError(problems.join('\n'));
    for (const [key, describeResult, wanted] of [
        ['adapter', adapter, ADAPTER_FIELDS],
        ['feature', feature, FEATURE_FIELDS]
    ]) {
        for (const w of wanted) {
            log(
                `    ${describeResult.name}: "${w.labels[0]}" = ${fields[key][w.key] ?? '(none: --map)'}`
            );
        }
    }
    return { adapterObject: adapter.name, featureObject: feature.name, fields };
}

/** No object of the package is visible: tell a missing package from missing access. */
async function explainNoObjects(targetOrg, sf) {
    const answer = await sf(installedPackagesCommand(targetOrg));
    const installed = answer.ok
        ? answer.result.find(
              (p) => (p.SubscriberPackageNamespace ?? '').toLowerCase() === NAMESPACE
          )
        : undefined;
    if (answer.ok && !installed) {
        throw new CannotStartError(
            `The Amazon Connect CTI Adapter package (namespace ${NAMESPACE}) is not installed in ` +
                `${targetOrg}: there is nothing to migrate. Check --target-org names the org where ` +
                'agents use the CTI Adapter today (npx sf org list shows your logins).'
        );
    }
    const version = installed ? ` (version ${installed.SubscriberPackageVersionNumber})` : '';
    const packageState = installed
        ? `The CTI Adapter package is installed${version}, but your user`
        : `Your user cannot list installed packages, and`;
    throw new CannotStartError(
        `${packageState} cannot read any of its objects in ${targetOrg}. Give yourself read ` +
            `access: assign the CTI Adapter's ${ADMIN_PERMISSION_SET} permission set (Setup → Users → ` +
            'your user → Permission Set Assignments), then run the migration again.'
    );
}

/**
 * Reads the adapters (all, or the one named), all of their AC Features, and this project's records
 * with the same names.
 */
export async function readRecords({ targetOrg, adapter: onlyAdapter }, schema, sf) {
    const call = (command) => run(sf, command, targetOrg);
    const a = schema.fields.adapter;
    const f = schema.fields.feature;
    const adapterColumns = ['Id', a.name, a.instance, a.region, a.ssoUrl, a.ssoRelayState].filter(
        Boolean
    );
    const allAdapters = (
        await call(
            queryCommand(
                targetOrg,
                `SELECT ${unique(adapterColumns)} FROM ${schema.adapterObject} ORDER BY ${a.name}`
            )
        )
    ).records.map((r) => ({
        id: r.Id,
        name: r[a.name] ?? null,
        instance: r[a.instance] ?? null,
        region: a.region ? (r[a.region] ?? null) : null,
        ssoUrl: a.ssoUrl ? (r[a.ssoUrl] ?? null) : null,
        ssoRelayState: a.ssoRelayState ? (r[a.ssoRelayState] ?? null) : null
    }));
    const adapters = onlyAdapter
        ? allAdapters.filter(
              (r) => (r.name ?? '').trim().toLowerCase() === onlyAdapter.toLowerCase()
          )
        : allAdapters;
    if (onlyAdapter && adapters.length === 0) {
        const names = allAdapters.map((r) => r.name).join(', ') || 'none';
        throw new CannotStartError(
            `The CTI Adapter has no AC CTI Adapter named "${onlyAdapter}" in ${targetOrg} (its adapters: ${names}). ` +
                'Give --adapter one of these names, or leave it out to bring every adapter across.'
        );
    }

    const features = adapters.length
        ? (
              await call(
                  queryCommand(
                      targetOrg,
                      `SELECT ${unique(['Id', f.name, f.value, f.active, f.adapter])} FROM ${schema.featureObject} ` +
                          `WHERE ${f.adapter} IN (${adapters.map((r) => soqlString(r.id)).join(', ')}) ORDER BY ${f.name}`
                  )
              )
          ).records.map((r) => ({
              id: r.Id,
              adapterId: r[f.adapter],
              name: r[f.name] ?? null,
              value: r[f.value] ?? null,
              active: r[f.active] ?? null
          }))
        : [];

    const names = [...new Set(adapters.map((r) => (r.name ?? '').trim()).filter(Boolean))];
    const target = await readTarget(targetOrg, names, sf);
    return { source: { adapters, features }, target };
}

async function readTarget(targetOrg, names, sf) {
    if (names.length === 0) return { adapters: [], features: [] };
    const query = async (soql) => {
        const command = queryCommand(targetOrg, soql);
        const answer = await sf(command);
        if (!answer.ok && answer.error.name === 'INVALID_TYPE') {
            throw new CannotStartError(
                `This project's objects are not in ${targetOrg} (${firstLine(answer.error.message)}). ` +
                    `Deploy the project first: npm run setup:org -- --target-org ${targetOrg} --ccp-url <your CCP URL> ` +
                    '(or the "Deploy to an org" steps of the README), then run the migration again.'
            );
        }
        if (!answer.ok) throw failed(command, answer.error, targetOrg);
        return answer.result.records;
    };
    const adapterFields = unique(['Id', ...ADAPTER_TARGET_FIELDS.map((t) => t.field)]);
    const adapters = await query(
        `SELECT ${adapterFields} FROM ${TARGET_ADAPTER} WHERE Name IN (${names.map(soqlString).join(', ')})`
    );
    const featureFields = unique([
        'Id',
        'CTI_Adapter__c',
        ...FEATURE_TARGET_FIELDS.map((t) => t.field)
    ]);
    const features = adapters.length
        ? await query(
              `SELECT ${featureFields} FROM ${TARGET_FEATURE} WHERE CTI_Adapter__c IN (${adapters.map((r) => soqlString(r.Id)).join(', ')})`
          )
        : [];
    return { adapters, features };
}

async function run(sf, command, targetOrg) {
    const answer = await sf(command);
    if (!answer.ok) throw failed(command, answer.error, targetOrg);
    return answer.result;
}

/** What a failed read means for the admin, by the CLI's error name. */
export function failed(command, error, targetOrg) {
    const shown = formatCommand(command);
    switch (error.name) {
        case 'NamedOrgNotFoundError':
        case 'NoDefaultEnvError':
        case 'AuthInfoCreationError':
            return new CannotStartError(
                `The Salesforce CLI has no login for "${targetOrg}". Log in first: ` +
                    `npx sf org login web --alias ${targetOrg} (npx sf org list shows your logins).`
            );
        case 'SfNotFound':
            return new CannotStartError(
                `The Salesforce CLI (sf) was not found: ${error.message}. Run npm ci in the project, then npm run migrate:cti-adapter.`
            );
        case 'INVALID_TYPE':
        case 'INSUFFICIENT_ACCESS':
        case 'INSUFFICIENT_ACCESS_OR_READONLY':
            return new CannotStartError(
                `Your user cannot read the CTI Adapter's records in ${targetOrg}: ${firstLine(error.message)} ` +
                    `Assign yourself the CTI Adapter's ${ADMIN_PERMISSION_SET} permission set and run again.`
            );
        case 'INVALID_FIELD':
            return new CannotStartError(
                `A field the migration reads is not readable by your user in ${targetOrg}: ${firstLine(error.message)} ` +
                    `Give your user read access to it (the CTI Adapter's ${ADMIN_PERMISSION_SET} permission set has it), ` +
                    'or, if --map named it, check the API name.'
            );
        default:
            return new CannotStartError(`${shown} failed: ${error.name}: ${error.message}`);
    }
}

function firstLine(message) {
    const lines = String(message)
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    // SOQL errors put the query and a caret first, the reason last.
    return lines[lines.length - 1] ?? '';
}

function unique(columns) {
    return [...new Set(columns)].join(', ');
}
