// Checks the CCP URL a user typed and works out what the org must trust: the instance's origin and a
// metadata-safe name for it. The decision is the shared URL policy (c/ccpUrlPolicy, the module the
// softphone and the preview run); this file words each refusal for the command line: every refusal
// is a UsageError whose message says what is wrong and how to fix it.
import { importForceAppModule } from '../lib/forceAppModule.mjs';
import { UsageError } from './usageError.mjs';

const policy = await importForceAppModule('ccpUrlPolicy');

export const CCP_URL_EXAMPLE = policy.CCP_URL_EXAMPLE;
const LEGACY_EXAMPLE = 'https://mycompany.awsapps.com/connect/ccp-v2/';

/**
 * @typedef {object} CcpTarget
 * @property {string} ccpUrl normalized, always ending in /ccp-v2/
 * @property {string} origin https://host, what the CSP Trusted URL and Connect's approved origins name
 * @property {string} instance the instance alias (Connect domains) or the host (custom domains)
 * @property {'connect' | 'govcloud' | 'legacy' | 'custom'} domainKind
 * @property {string[]} customDomains what the adapter's Custom CCP Domains field must list
 * @property {string[]} notes what was changed or assumed, for the user to read
 */

/** One sentence per policy rule, in the command's words (`--ccp-url`, `--custom-domain`). */
const CCP_REFUSALS = {
    blank: () =>
        `--ccp-url is empty. Give your instance's CCP address, for example ${CCP_URL_EXAMPLE}`,
    notAUrl: (check) =>
        `--ccp-url ${quote(check.text)} is not a URL. Give the full address of your instance's ` +
        `Contact Control Panel, for example ${CCP_URL_EXAMPLE}`,
    notHttps: (check) =>
        `--ccp-url ${check.text} must use https: Amazon Connect serves the CCP only over https. ` +
        `Example: ${CCP_URL_EXAMPLE}`,
    hasCredentials: (check) =>
        `--ccp-url ${check.text} contains a user name or password; remove it. Example: ${CCP_URL_EXAMPLE}`,
    hasQueryOrFragment: (check) =>
        `--ccp-url ${check.text} has a query or fragment (after "?" or "#"); the softphone ` +
        `needs the plain CCP address. Example: ${CCP_URL_EXAMPLE}`,
    notConnectDomain: (check) =>
        `--ccp-url host ${check.host} is not an Amazon Connect domain. Connect serves the CCP from ` +
        `<instance>.my.connect.aws (${CCP_URL_EXAMPLE}), <instance>.govcloud.connect.aws or, for ` +
        `older instances, <instance>.awsapps.com (${LEGACY_EXAMPLE}). If your instance really is ` +
        `served from your own domain, add --custom-domain.`,
    hasPort: (check) => {
        const port = new URL(check.text).port;
        return (
            `--ccp-url ${check.text} names port ${port}; Amazon Connect serves the CCP on the ` +
            `default https port. Remove ":${port}". Example: ${CCP_URL_EXAMPLE}`
        );
    },
    notCcpPath: (check, { customDomain }) =>
        `--ccp-url path ${new URL(check.text).pathname} is not the Contact Control Panel: on ` +
        `${check.host} the CCP is at ${customDomain ? '<path>/ccp-v2/' : check.expectedPath} ` +
        `(the admin website and other pages cannot be embedded). Use https://${check.host}${check.expectedPath}`
};

/**
 * @param {string} raw the --ccp-url value
 * @param {{ customDomain: boolean }} options --custom-domain trusts the URL's host as the adapter's
 *   Custom CCP Domains entry (the softphone and the validation rule then accept it)
 * @returns {CcpTarget}
 */
export function parseCcpUrl(raw, { customDomain }) {
    let host = null;
    try {
        host = new URL(raw.trim()).hostname || null;
    } catch {
        host = null;
    }
    const customDomains = customDomain && host ? [host] : [];
    const check = policy.checkCcpUrl(raw, customDomains);
    if (check.verdict !== 'allowed') {
        throw new UsageError(CCP_REFUSALS[check.rule](check, { customDomain }));
    }
    const notes = [];
    const given = new URL(raw.trim());
    if (!given.pathname.endsWith('/')) {
        notes.push(`added the trailing slash to the CCP URL: ${check.url}`);
    }
    if (check.domainKind === 'custom') {
        notes.push(
            `${check.host} is not an Amazon Connect domain; trusting it because --custom-domain was ` +
                `given (the adapter's Custom CCP Domains will list it)`
        );
    }
    return {
        ccpUrl: check.url,
        origin: check.origin,
        instance: check.instance,
        domainKind: check.domainKind,
        customDomains: check.domainKind === 'custom' ? [check.host] : [],
        notes
    };
}

/** Words for a refused --saml-login-url, by policy rule. */
const SAML_REFUSALS = {
    notAUrl: (check) =>
        `--saml-login-url ${quote(check.text)} is not a URL. Give your identity provider's full login ` +
        `URL for Amazon Connect, starting with https://`,
    notHttps: (check) =>
        `--saml-login-url ${check.text} must use https: agents type their password there.`,
    hasCredentials: (check) =>
        `--saml-login-url ${check.text} contains a user name or password; remove the part before "@".`
};

/**
 * @param {string | undefined} raw the --saml-login-url value
 * @returns {string | undefined} the normalized URL, or undefined when not given or blank
 */
export function parseSamlLoginUrl(raw) {
    if (raw === undefined) return undefined;
    const check = policy.checkSamlLoginUrl(raw);
    if (check.verdict === 'blank') return undefined;
    if (check.verdict === 'refused') {
        throw new UsageError(
            (
                SAML_REFUSALS[check.rule] ??
                ((c) => `--saml-login-url: ${policy.describeRefusal(c)}`)
            )(check)
        );
    }
    return check.url;
}

const PRESENCE_REFUSALS = {
    notAUrl: (check) =>
        `--presence-service-url "${check.text}" is not a URL. Give the PresenceApiUrl that ` +
        `npx cdk deploy printed, starting with https://`,
    notHttps: (check) =>
        `--presence-service-url ${check.text} must start with https://: agents' browsers send ` +
        `their presence tokens there.`,
    hasCredentials: (check) =>
        `--presence-service-url ${check.text} holds a user name or password; remove the part ` +
        `before "@".`
};

/**
 * The presence backstop's URL, through the shared policy: https on any host, no credentials.
 * @param {string | undefined} raw the --presence-service-url value
 * @returns {{ url: string, origin: string } | undefined} undefined when not given or blank
 */
export function parsePresenceServiceUrl(raw) {
    if (raw === undefined) return undefined;
    const check = policy.checkPresenceServiceUrl(raw);
    if (check.verdict === 'blank') return undefined;
    if (check.verdict === 'refused') {
        throw new UsageError(
            (
                PRESENCE_REFUSALS[check.rule] ??
                ((c) => `--presence-service-url: ${policy.describeRefusal(c)}`)
            )(check)
        );
    }
    return { url: check.url, origin: check.origin };
}

/**
 * The CspTrustedSite developer name for an instance: letters, digits and single underscores,
 * starting with a letter and not ending in an underscore, at most 80 characters.
 */
export function trustedSiteName(instance) {
    const safe = instance
        .replace(/[^A-Za-z0-9]+/g, '_')
        .replace(/^_+|_+$/g, '')
        .replace(/_+/g, '_');
    return `AmazonConnect_${safe}`.slice(0, 80).replace(/_+$/, '');
}

function quote(text) {
    return text === '' ? '(empty)' : `"${text}"`;
}
