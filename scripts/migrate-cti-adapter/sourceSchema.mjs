// Where the CTI Adapter keeps its records, found by label: its managed package's object and field API
// names are not public, so the describes (`sf sobject describe`) are searched for the labels the
// adapter's documentation names. Pure functions; every miss is a SchemaError that names the label
// and the --map that fixes it.

export const NAMESPACE = 'amazonconnect';
export const NAMESPACE_PREFIX = `${NAMESPACE}__`;

/**
 * The labels looked up. `labels`: what describe returns for an English-speaking user, then the
 * Japanese the package shows (as the seed how-to's screenshots show it: 値, アクティブ, AC CTI アダプタ).
 * `optional`: an older adapter may lack the field; `--map "<label>="` says so and the run goes on.
 */
export const ADAPTER_OBJECT = {
    key: 'adapterObject',
    labels: ['AC CTI Adapter', 'AC CTI アダプタ']
};
export const FEATURE_OBJECT = { key: 'featureObject', labels: ['AC Feature'] };

export const ADAPTER_FIELDS = [
    { key: 'name', labels: ['CTI Adapter Name'] },
    { key: 'instance', labels: ['Amazon Connect Instance'] },
    { key: 'region', labels: ['Amazon Connect Instance Region'], optional: true },
    { key: 'ssoUrl', labels: ['SSO Url'], optional: true },
    { key: 'ssoRelayState', labels: ['SSO Relay State'], optional: true }
];

export const FEATURE_FIELDS = [
    { key: 'name', labels: ['AC Feature Name'] },
    { key: 'value', labels: ['Value', '値'] },
    { key: 'active', labels: ['Active', 'アクティブ'] },
    { key: 'adapter', labels: ['CTI Adapter'], reference: true }
];

/** Every label --map accepts, with what it names. */
export const MAPPABLE_LABELS = [
    { label: ADAPTER_OBJECT.labels[0], what: 'object' },
    { label: FEATURE_OBJECT.labels[0], what: 'object' },
    ...ADAPTER_FIELDS.map((field) => ({ label: field.labels[0], what: 'adapterField', field })),
    ...FEATURE_FIELDS.map((field) => ({ label: field.labels[0], what: 'featureField', field }))
];

/** The run cannot go on: the message says what is missing and how to fix it. */
export class SchemaError extends Error {
    constructor(message) {
        super(message);
        this.name = 'SchemaError';
    }
}

const LANGUAGE_HINT =
    "Labels are read in your Salesforce user's language: if it is not English, switch it to " +
    'English for the run (Settings → Language & Time Zone) or name the field with --map.';

/**
 * Orders the package's objects so the likely one is described first (the documentation writes the
 * adapter object as AC_CtiAdapter); every candidate is still checked by its label.
 * @param {string[]} names API names from `sf sobject list`
 * @param {RegExp} likely
 */
export function candidatesInOrder(names, likely) {
    const own = names.filter((name) => name.startsWith(NAMESPACE_PREFIX) && name.endsWith('__c'));
    return [
        ...own.filter((name) => likely.test(name)),
        ...own.filter((name) => !likely.test(name))
    ];
}

/** True when the describe's object label is one the wanted object is known by. */
export function hasObjectLabel(describe, object) {
    return object.labels.some((label) => sameLabel(describe.label, label));
}

/**
 * The package's objects that have a lookup to the adapter: where its AC Features can live.
 * @param {import('@jsforce/jsforce-node').DescribeSObjectResult} adapterDescribe
 */
export function childObjectsOf(adapterDescribe) {
    return [
        ...new Set(
            adapterDescribe.childRelationships
                .map((child) => child.childSObject)
                .filter((name) => name.startsWith(NAMESPACE_PREFIX))
        )
    ];
}

/**
 * Resolves each wanted field to its API name by label, or by --map.
 * @param {{ name: string, label: string, fields: { name: string, label: string, type: string, referenceTo?: string[] | null }[] }} describe
 * @param {typeof ADAPTER_FIELDS} wanted
 * @param {Map<string, string>} map label → API name ('' = the org has no such field)
 * @param {{ referenceTo?: string }} [options] the object a reference field must point to
 * @returns {Record<string, string | null>} key → API name, null for an optional field mapped to ''
 */
export function resolveFields(describe, wanted, map, options = {}) {
    const resolved = {};
    const problems = [];
    for (const field of wanted) {
        const label = field.labels[0];
        if (map.has(label)) {
            const apiName = map.get(label);
            if (apiName === '') {
                if (!field.optional) {
                    problems.push(
                        `--map "${label}=" leaves out a field the migration needs; give its API name.`
                    );
                } else resolved[field.key] = null;
                continue;
            }
            const found = describe.fields.find(
                (f) => f.name.toLowerCase() === apiName.toLowerCase()
            );
            if (!found) {
                problems.push(
                    `--map "${label}=${apiName}": ${describe.name} has no field ${apiName}. ` +
                        `Its fields are: ${describe.fields.map((f) => `${f.name} ("${f.label}")`).join(', ')}.`
                );
                continue;
            }
            resolved[field.key] = found.name;
            continue;
        }
        const matches = describe.fields.filter((f) =>
            field.labels.some((known) => sameLabel(f.label, known))
        );
        const usable = field.reference
            ? matches.filter(
                  (f) =>
                      f.type === 'reference' && (f.referenceTo ?? []).includes(options.referenceTo)
              )
            : matches;
        if (usable.length === 1) {
            resolved[field.key] = usable[0].name;
        } else if (usable.length === 0) {
            problems.push(missingLabel(describe, field));
        } else {
            problems.push(
                `${describe.name} has ${usable.length} fields labelled "${label}" ` +
                    `(${usable.map((f) => f.name).join(', ')}). Say which one with --map "${label}=<API name>".`
            );
        }
    }
    if (problems.length) throw new SchemaError(problems.join('\n'));
    return resolved;
}

function missingLabel(describe, field) {
    const label = field.labels[0];
    const optionalHint = field.optional
        ? ` If your version of the CTI Adapter has no such field, add --map "${label}=" to go on without it.`
        : '';
    return (
        `No field labelled "${label}" on ${describe.name} (label "${describe.label}"). ` +
        `Name it by hand with --map "${label}=<API name>" (Setup → Object Manager → ` +
        `${describe.label} → Fields & Relationships shows each label's Field Name).${optionalHint} ` +
        LANGUAGE_HINT
    );
}

/** Labels compare as an admin reads them: case and surrounding space do not matter. */
function sameLabel(a, b) {
    return String(a).trim().toLowerCase() === String(b).trim().toLowerCase();
}

/** The message for an object that no describe carries the label of. */
export function missingObject(object, described) {
    const label = object.labels[0];
    return new SchemaError(
        `No object of the ${NAMESPACE} package is labelled "${label}" ` +
            `(looked at: ${described.map((d) => `${d.name} "${d.label}"`).join(', ') || 'none'}). ` +
            `If your user cannot read it, assign the CTI Adapter's AC_Administrator permission set; ` +
            `otherwise name it with --map "${label}=<API name>" (Setup → Object Manager shows each ` +
            `object's API Name). ${LANGUAGE_HINT}`
    );
}
