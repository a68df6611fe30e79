// From the CTI Adapter's records to this project's: pure functions. The tables below say, field by
// field, where each of this project's fields comes from; a field added to AC_CtiAdapter__c (custom
// CCP domains, presence service) gets one more row. planMigration compares what each record would
// hold with what the org already has, so a second run finds nothing to write.
import { unsendableReason } from './valuesArg.mjs';

export const ADAPTER_OBJECT = 'AC_CtiAdapter__c';
export const FEATURE_OBJECT = 'AC_Feature__c';

/**
 * @typedef {object} SourceAdapter the CTI Adapter's AC CTI Adapter record, by meaning
 * @property {string} id
 * @property {string | null} name
 * @property {string | null} instance "Amazon Connect Instance": the instance URL (or, in old records, its alias)
 * @property {string | null} region
 * @property {string | null} ssoUrl
 * @property {string | null} ssoRelayState
 *
 * @typedef {object} SourceFeature
 * @property {string} id
 * @property {string} adapterId
 * @property {string | null} name
 * @property {string | null} value
 * @property {boolean | null} active
 *
 * @typedef {{ value: string | boolean | null } | { problem: string }} FieldResult
 *
 * @typedef {object} MappingContext
 * @property {typeof import('../../force-app/main/default/lwc/ccpUrlPolicy/ccpUrlPolicy.js')} policy
 * @property {string[]} regions this project's region picklist
 * @property {number} valueMaxLength length of AC_Feature__c.Value__c
 */

/** This project's adapter fields and where each comes from. */
export const ADAPTER_TARGET_FIELDS = [
    {
        field: 'Name',
        label: 'AC CTI Adapter Name',
        map: (a) => copyName(a.name, 'CTI Adapter Name')
    },
    {
        field: 'CCP_URL__c',
        label: 'Amazon Connect CCP URL',
        required: true,
        map: (a, ctx) => ccpUrlFromInstance(a.instance, ctx.policy)
    },
    {
        field: 'Amazon_Connect_Instance_Region__c',
        label: 'Amazon Connect Instance Region',
        map: (a, ctx) => mapRegion(a.region, ctx.regions)
    },
    {
        field: 'SAML_Login_URL__c',
        label: 'SAML Login URL',
        map: (a, ctx) => samlLoginUrl(a.ssoUrl, a.ssoRelayState, ctx.policy)
    }
];

/** This project's AC Feature fields: every feature goes across as it is. */
export const FEATURE_TARGET_FIELDS = [
    { field: 'Name', label: 'AC Feature Name', map: (f) => copyName(f.name, 'AC Feature Name') },
    { field: 'Value__c', label: 'Value', map: (f, ctx) => copyValue(f.value, ctx.valueMaxLength) },
    { field: 'Active__c', label: 'Active', map: (f) => ({ value: f.active === true }) }
];

function copyName(name, label) {
    const text = (name ?? '').trim();
    if (text === '') return { problem: `its ${label} is empty` };
    return sendable(text, label);
}

function copyValue(value, maxLength) {
    if (value === null || value === '') return { value: null };
    if (value.length > maxLength) {
        return {
            problem: `its Value has ${value.length} characters; this project's Value holds ${maxLength}`
        };
    }
    return sendable(value, 'Value');
}

function sendable(text, label) {
    const reason = unsendableReason(text);
    return reason
        ? { problem: `its ${label} cannot be written: ${reason}; enter it by hand` }
        : { value: text };
}

/**
 * The CCP URL from "Amazon Connect Instance", which holds the instance's URL (on awsapps.com, the
 * docs say to keep it up to ".com"). Whatever path it has, the CCP is at the path its domain serves
 * it from; the shared URL policy decides which domain that is and whether the result is allowed.
 * @returns {FieldResult}
 */
export function ccpUrlFromInstance(instance, policy) {
    const text = (instance ?? '').trim();
    const source = `Amazon Connect Instance ${text === '' ? '(empty)' : `"${text}"`}`;
    if (text === '') {
        return {
            problem: `${source}: the softphone needs the instance's URL, e.g. https://mycompany.my.connect.aws`
        };
    }
    if (/^[a-z0-9-]+$/i.test(text)) {
        return {
            problem:
                `${source} holds the instance alias, not its URL. Put the full URL into the ` +
                `adapter's Amazon Connect Instance field (https://${text.toLowerCase()}.my.connect.aws, ` +
                `or https://${text.toLowerCase()}.awsapps.com for an older instance; the CTI Adapter ` +
                `asks for it too) and run the migration again.`
        };
    }
    // The URL parser drops tabs and line breaks silently; the policy refuses them, so must we.
    // eslint-disable-next-line no-control-regex -- refusing control characters is the point
    if (/[\s\u0000-\u001f\u007f]/.test(text))
        return refused(source, policy.checkCcpUrl(text), policy);
    let url;
    try {
        url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
    } catch {
        return refused(source, policy.checkCcpUrl(text), policy);
    }
    url.search = '';
    url.hash = '';
    // The policy knows each Connect domain's CCP path: try the common one, then the one it names.
    url.pathname = '/ccp-v2/';
    let check = policy.checkCcpUrl(url.href);
    if (check.verdict === 'refused' && check.rule === 'notCcpPath' && check.expectedPath) {
        url.pathname = check.expectedPath;
        check = policy.checkCcpUrl(url.href);
    }
    return check.verdict === 'allowed' ? { value: check.url } : refused(source, check, policy);
}

function refused(source, check, policy) {
    return {
        problem: `${source} gives no allowed CCP URL: ${policy.describeRefusal(check)}`,
        rule: check.rule
    };
}

/**
 * The SAML login URL: the adapter splits it into "SSO Url" (up to the "?") and "SSO Relay State"
 * (the rest, or "&RelayState=…" when the IdP URL had no "?"); joined, they are the URL agents open.
 * @returns {FieldResult}
 */
export function samlLoginUrl(ssoUrl, relayState, policy) {
    const base = (ssoUrl ?? '').trim();
    const relay = (relayState ?? '').trim().replace(/^[?&]+/, '');
    if (base === '') {
        return relay === ''
            ? { value: null }
            : {
                  problem:
                      'SSO Relay State is set but SSO Url is empty: fill in SSO Url on the adapter, or clear the relay state'
              };
    }
    const joined = relay === '' ? base : `${base}${base.includes('?') ? '&' : '?'}${relay}`;
    const check = policy.checkSamlLoginUrl(joined);
    if (check.verdict === 'allowed') return { value: check.url };
    return {
        problem: `SSO Url and SSO Relay State give no allowed SAML login URL: ${policy.describeRefusal(check)}`
    };
}

/** @returns {FieldResult} */
export function mapRegion(region, regions) {
    const text = (region ?? '').trim().toLowerCase();
    if (text === '') return { value: null };
    if (regions.includes(text)) return { value: text };
    return {
        problem:
            `Amazon Connect Instance Region "${region.trim()}" is not one this project's ` +
            `Amazon Connect Instance Region accepts (${regions.join(', ')})`
    };
}

/**
 * @typedef {object} PlanRow
 * @property {'AC_CtiAdapter__c' | 'AC_Feature__c'} object
 * @property {string} name the record's name as the report shows it
 * @property {string} [adapterName] for a feature: its adapter
 * @property {'create' | 'update' | 'unchanged' | 'unmapped'} outcome
 * @property {string} [targetId] the existing record of this project
 * @property {Array<[string, string | boolean | null]>} values what a create or update sends
 * @property {Array<{ field: string, from: unknown, to: unknown }>} changes for an update
 * @property {string[]} reasons why the record could not be mapped (outcome unmapped)
 * @property {string[]} notes fields that could not be mapped on a record that is still written
 * @property {number} [parentRow] for a feature: the index of its adapter's row
 * @property {string | null} [value] for a feature: its Value, for the record-page check
 * @property {boolean} [active] for a feature: its Active flag
 */

/**
 * @param {{ adapters: SourceAdapter[], features: SourceFeature[] }} source
 * @param {{ adapters: Record<string, any>[], features: Record<string, any>[] }} target records of this project's objects, as queried
 * @param {MappingContext} context
 * @returns {PlanRow[]} adapters first, each followed by its features
 */
export function planMigration(source, target, context) {
    const rows = [];
    const sourceNames = countBy(source.adapters, (a) => key(a.name));
    for (const adapter of sortByName(source.adapters)) {
        const adapterRow = planAdapter(adapter, target, context, sourceNames);
        rows.push(adapterRow);
        const parentRow = rows.length - 1;
        const features = source.features.filter((f) => f.adapterId === adapter.id);
        const featureNames = countBy(features, (f) => key(f.name));
        const existing = adapterRow.targetId
            ? target.features.filter((f) => f.CTI_Adapter__c === adapterRow.targetId)
            : [];
        for (const feature of sortByName(features)) {
            rows.push({
                ...planFeature(feature, adapterRow, existing, context, featureNames),
                parentRow
            });
        }
    }
    return rows;
}

function planAdapter(adapter, target, context, sourceNames) {
    const name = (adapter.name ?? '').trim();
    const base = {
        object: ADAPTER_OBJECT,
        name: name || `(no name, Id ${adapter.id})`,
        values: [],
        changes: [],
        reasons: [],
        notes: []
    };
    if (sourceNames.get(key(adapter.name)) > 1) {
        return unmapped(
            base,
            `the CTI Adapter has ${sourceNames.get(key(adapter.name))} adapters named "${name}": rename all but one and run again`
        );
    }
    const matches = target.adapters.filter((t) => key(t.Name) === key(name));
    if (matches.length > 1) {
        return unmapped(
            base,
            `this project has ${matches.length} AC CTI Adapters named "${name}" (${matches.map((t) => t.Id).join(', ')}): delete all but one and run again`
        );
    }
    return compareRecord(base, adapter, matches[0], ADAPTER_TARGET_FIELDS, context);
}

function planFeature(feature, adapterRow, existing, context, featureNames) {
    const name = (feature.name ?? '').trim();
    const base = {
        object: FEATURE_OBJECT,
        name: name || `(no name, Id ${feature.id})`,
        adapterName: adapterRow.name,
        values: [],
        changes: [],
        reasons: [],
        notes: [],
        value: feature.value,
        active: feature.active === true
    };
    if (adapterRow.outcome === 'unmapped') {
        return unmapped(base, `its adapter ${adapterRow.name} could not be brought across`);
    }
    if (featureNames.get(key(feature.name)) > 1) {
        return unmapped(
            base,
            `the adapter has ${featureNames.get(key(feature.name))} AC Features named "${name}": delete all but one and run again`
        );
    }
    const matches = existing.filter((t) => key(t.Name) === key(name));
    if (matches.length > 1) {
        return unmapped(
            base,
            `this project's ${adapterRow.name} has ${matches.length} AC Features named "${name}": delete all but one and run again`
        );
    }
    const row = compareRecord(base, feature, matches[0], FEATURE_TARGET_FIELDS, context);
    // A field of a feature that cannot be copied unchanged stops the feature: half a feature would
    // not be "unchanged".
    return row.notes.length ? unmapped({ ...row, notes: [] }, ...row.notes) : row;
}

/** Maps each field, then decides: create, update (only what differs), unchanged, or unmapped. */
function compareRecord(base, record, existing, fields, context) {
    const mapped = [];
    const notes = [];
    for (const spec of fields) {
        const result = spec.map(record, context);
        if ('problem' in result) {
            if (spec.field === 'Name') return unmapped(base, result.problem);
            if (spec.required && !existing) {
                return unmapped(
                    base,
                    `${result.problem}. Without a CCP URL the adapter cannot be created`
                );
            }
            notes.push(`${spec.label} not mapped: ${result.problem}`);
            continue;
        }
        mapped.push([spec.field, result.value]);
    }
    if (!existing) {
        return { ...base, outcome: 'create', values: mapped.filter(([, v]) => v !== null), notes };
    }
    const changes = mapped
        .filter(([field, value]) => !sameValue(existing[field], value))
        .map(([field, value]) => ({ field, from: existing[field] ?? null, to: value }));
    return {
        ...base,
        outcome: changes.length ? 'update' : 'unchanged',
        targetId: existing.Id,
        values: changes.map(({ field, to }) => [field, to]),
        changes,
        notes
    };
}

function unmapped(base, ...reasons) {
    return { ...base, outcome: 'unmapped', values: [], changes: [], reasons };
}

/** The org gives back an empty text as null and a checkbox as a boolean. */
function sameValue(current, next) {
    const normalize = (v) => (v === '' || v === undefined ? null : v);
    return normalize(current) === normalize(next);
}

/** Names match as SOQL's = matches them: without case; surrounding spaces do not count. */
function key(name) {
    return (name ?? '').trim().toLowerCase();
}

function countBy(items, keyOf) {
    const counts = new Map();
    for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
    return counts;
}

function sortByName(records) {
    return [...records].sort(
        (a, b) => key(a.name).localeCompare(key(b.name)) || a.id.localeCompare(b.id)
    );
}
