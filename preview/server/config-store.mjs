// In-memory stand-in for the org's AC CTI Adapter and AC Feature records, with the field rules of
// their metadata (required CCP URL, 3-digit timeout, 32,768-character Value) and the adapter's
// validation rules: the URL policy of c/ccpUrlPolicy, the same module the softphone runs.
import { importForceAppModule } from '../../scripts/lib/forceAppModule.mjs';

const { checkCcpUrl, checkSamlLoginUrl, describeRefusal, parseCustomDomains } =
    await importForceAppModule('ccpUrlPolicy');

export const VALUE_MAX_LENGTH = 32768;
export const CUSTOM_DOMAINS_MAX_LENGTH = 255;
export const NAME_MAX_LENGTH = 80;

let idCounter = 0;
let modificationCounter = 0;

/** Salesforce-looking 18-character ids: a00 for adapters, a01 for features. */
function newId(prefix) {
    idCounter += 1;
    return `${prefix}${String(idCounter).padStart(12, '0')}AAA`;
}

function optionalText(value) {
    const text = value === undefined || value === null ? '' : String(value).trim();
    return text === '' ? null : text;
}

function toBoolean(value, fallback) {
    if (value === undefined || value === null || value === '') {
        return fallback;
    }
    return value === true || value === 'true' || value === 'on' || value === '1';
}

function normalizeFeature(input, where, errors, previous) {
    const name = optionalText(input?.name);
    if (!name) {
        errors.push(`${where}: AC Feature Name is required`);
    } else if (name.length > NAME_MAX_LENGTH) {
        errors.push(`${where}: AC Feature Name is longer than ${NAME_MAX_LENGTH} characters`);
    }
    // A long text area keeps what was typed, line breaks included; only a blank one is null.
    const value =
        input?.value === undefined || input?.value === null || String(input.value).trim() === ''
            ? null
            : String(input.value).replace(/\r\n/g, '\n');
    if (value !== null && value.length > VALUE_MAX_LENGTH) {
        errors.push(`${where}: Value is longer than ${VALUE_MAX_LENGTH} characters`);
    }
    const feature = {
        id: optionalText(input?.id) ?? newId('a01'),
        name,
        value,
        active: toBoolean(input?.active, false)
    };
    const unchanged =
        previous &&
        previous.name === feature.name &&
        previous.value === feature.value &&
        previous.active === feature.active;
    modificationCounter += unchanged ? 0 : 1;
    feature.lastModified = unchanged ? previous.lastModified : modificationCounter;
    return feature;
}

function normalizeAdapter(input, where, errors, previousById, { validationRules }) {
    const name = optionalText(input?.name);
    if (!name) {
        errors.push(`${where}: AC CTI Adapter Name is required`);
    } else if (name.length > NAME_MAX_LENGTH) {
        errors.push(`${where}: AC CTI Adapter Name is longer than ${NAME_MAX_LENGTH} characters`);
    }
    const ccpUrl = optionalText(input?.ccpUrl);
    const customCcpDomains = optionalText(input?.customCcpDomains);
    if (customCcpDomains && customCcpDomains.length > CUSTOM_DOMAINS_MAX_LENGTH) {
        errors.push(
            `${where}: Custom CCP Domains is longer than ${CUSTOM_DOMAINS_MAX_LENGTH} characters`
        );
    }
    if (!ccpUrl) {
        errors.push(`${where}: CCP URL is required`);
    }
    const samlLoginUrl = optionalText(input?.samlLoginUrl);
    // The adapter's validation rules (CCP_URL_Policy, SAML_Login_URL_Policy): the URL policy.
    const urlChecks = validationRules
        ? [
              checkCcpUrl(ccpUrl, parseCustomDomains(customCcpDomains)),
              checkSamlLoginUrl(samlLoginUrl)
          ]
        : [];
    for (const check of urlChecks) {
        if (check.verdict === 'refused' && check.rule !== 'blank') {
            errors.push(`${where}: ${describeRefusal(check)}`);
        }
    }
    // The presence backstop's fields (Presence_*__c): the URL is checked as a Url field is (the
    // softphone applies the policy itself; the local service is plain http on loopback).
    const presenceServiceUrl = optionalText(input?.presenceServiceUrl);
    if (presenceServiceUrl && !URL.canParse(presenceServiceUrl)) {
        errors.push(`${where}: Presence Service URL is not a valid URL`);
    }
    const presence = {
        presenceServiceUrl,
        presenceCertificateName: optionalText(input?.presenceCertificateName),
        presenceUsernameField: optionalText(input?.presenceUsernameField),
        presenceUsernameStripDomain: toBoolean(input?.presenceUsernameStripDomain, false)
    };
    const timeoutText = optionalText(input?.ccpLoadTimeoutSeconds);
    const ccpLoadTimeoutSeconds = timeoutText === null ? null : Number(timeoutText);
    if (
        ccpLoadTimeoutSeconds !== null &&
        !(Number.isInteger(ccpLoadTimeoutSeconds) && Math.abs(ccpLoadTimeoutSeconds) < 1000)
    ) {
        errors.push(
            `${where}: CCP Load Timeout (seconds) must be a whole number of up to 3 digits`
        );
    }
    const id = optionalText(input?.id) ?? newId('a00');
    const previousFeatures = new Map(
        (previousById.get(id)?.features ?? []).map((feature) => [feature.id, feature])
    );
    const features = (Array.isArray(input?.features) ? input.features : []).map((feature, index) =>
        normalizeFeature(
            feature,
            `${where}, feature ${index + 1}`,
            errors,
            previousFeatures.get(feature?.id)
        )
    );
    return {
        id,
        name,
        ccpUrl,
        customCcpDomains,
        samlLoginUrl,
        region: optionalText(input?.region),
        allowFramedSoftphone: toBoolean(input?.allowFramedSoftphone, true),
        ccpLoadTimeoutSeconds,
        ...presence,
        features
    };
}

/**
 * @param {() => { adapters: object[] }} seed builds the initial records (used again by reset)
 */
export function createConfigStore(seed) {
    let adapters = [];

    const store = {
        /** @returns {{ adapters: object[] }} a copy, safe to hand out */
        get() {
            return structuredClone({ adapters });
        },

        /**
         * Replaces every record; the whole change is rejected if one record is invalid.
         * `validationRules: false` stands for records saved before the adapter's validation rules
         * were deployed (a rule runs only when a record is saved): the field rules still apply.
         * @param {{ adapters: object[] }} input
         * @param {{ validationRules?: boolean }} [options]
         * @returns {{ ok: true, config: object } | { ok: false, errors: string[] }}
         */
        replace(input, { validationRules = true } = {}) {
            const errors = [];
            if (!input || !Array.isArray(input.adapters)) {
                return { ok: false, errors: ['Expected { "adapters": [...] }'] };
            }
            const previousById = new Map(adapters.map((adapter) => [adapter.id, adapter]));
            const next = input.adapters.map((adapter, index) =>
                normalizeAdapter(adapter, `adapter ${index + 1}`, errors, previousById, {
                    validationRules
                })
            );
            if (errors.length) {
                return { ok: false, errors };
            }
            adapters = next;
            return { ok: true, config: store.get() };
        },

        reset() {
            adapters = [];
            return store.replace(seed());
        }
    };
    const seeded = store.reset();
    if (!seeded.ok) {
        throw new Error(`Invalid seed configuration: ${seeded.errors.join('; ')}`);
    }
    return store;
}
