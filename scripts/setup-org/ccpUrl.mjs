// Checks the CCP URL a user typed and works out what the org must trust: the instance's origin and a
// metadata-safe name for it. Pure functions: every refusal is a UsageError whose message says what is
// wrong and how to fix it.
import { UsageError } from './usageError.mjs';

export const CCP_URL_EXAMPLE = 'https://mycompany.my.connect.aws/ccp-v2/';
const LEGACY_EXAMPLE = 'https://mycompany.awsapps.com/connect/ccp-v2/';

// A Connect instance alias is one DNS label.
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const CONNECT_HOST = new RegExp(`^(${LABEL})\\.my\\.connect\\.aws$`);
const LEGACY_HOST = new RegExp(`^(${LABEL})\\.awsapps\\.com$`);

/**
 * @typedef {object} CcpTarget
 * @property {string} ccpUrl normalized, always ending in /ccp-v2/
 * @property {string} origin https://host, what the CSP Trusted URL and Connect's approved origins name
 * @property {string} instance the instance alias (Connect domains) or the host (custom domains)
 * @property {'connect' | 'legacy' | 'custom'} domainKind
 * @property {string[]} notes what was changed or assumed, for the user to read
 */

/**
 * @param {string} raw the --ccp-url value
 * @param {{ customDomain: boolean }} options
 * @returns {CcpTarget}
 */
export function parseCcpUrl(raw, { customDomain }) {
    const text = raw.trim();
    let url;
    try {
        url = new URL(text);
    } catch {
        throw new UsageError(
            `--ccp-url ${quote(text)} is not a URL. Give the full address of your instance's ` +
                `Contact Control Panel, for example ${CCP_URL_EXAMPLE}`
        );
    }
    if (url.protocol !== 'https:') {
        throw new UsageError(
            `--ccp-url ${text} must use https: Amazon Connect serves the CCP only over https. ` +
                `Example: ${CCP_URL_EXAMPLE}`
        );
    }
    if (url.username || url.password) {
        throw new UsageError(
            `--ccp-url ${text} contains a user name or password; remove it. Example: ${CCP_URL_EXAMPLE}`
        );
    }
    if (url.search || url.hash) {
        throw new UsageError(
            `--ccp-url ${text} has a query or fragment (${url.search}${url.hash}); the softphone ` +
                `needs the plain CCP address. Example: ${CCP_URL_EXAMPLE}`
        );
    }

    const host = url.hostname;
    const connect = CONNECT_HOST.exec(host);
    const legacy = LEGACY_HOST.exec(host);
    const notes = [];
    let domainKind;
    let instance;
    let expectedPath;
    if (connect) {
        domainKind = 'connect';
        instance = connect[1];
        expectedPath = '/ccp-v2/';
    } else if (legacy) {
        domainKind = 'legacy';
        instance = legacy[1];
        expectedPath = '/connect/ccp-v2/';
    } else if (customDomain) {
        domainKind = 'custom';
        instance = host;
        expectedPath = null;
    } else {
        throw new UsageError(
            `--ccp-url host ${host} is not an Amazon Connect domain. Connect serves the CCP from ` +
                `<instance>.my.connect.aws (${CCP_URL_EXAMPLE}) or, for older instances, ` +
                `<instance>.awsapps.com (${LEGACY_EXAMPLE}). If your instance really is served ` +
                `from your own domain, add --custom-domain.`
        );
    }
    if (url.port && domainKind !== 'custom') {
        throw new UsageError(
            `--ccp-url ${text} names port ${url.port}; Amazon Connect serves the CCP on the ` +
                `default https port. Remove ":${url.port}". Example: ${CCP_URL_EXAMPLE}`
        );
    }

    let path = url.pathname;
    const pathOk = expectedPath
        ? path === expectedPath || path === expectedPath.slice(0, -1)
        : /\/ccp-v2\/?$/.test(path);
    if (!pathOk) {
        const wanted = expectedPath ?? '<path>/ccp-v2/';
        const example = `https://${host}${expectedPath ?? '/ccp-v2/'}`;
        throw new UsageError(
            `--ccp-url path ${path} is not the Contact Control Panel: on ${host} the CCP is at ` +
                `${wanted} (the admin website and other pages cannot be embedded). Use ${example}`
        );
    }
    if (!path.endsWith('/')) {
        path += '/';
        notes.push(`added the trailing slash to the CCP URL: ${url.origin}${path}`);
    }
    if (domainKind === 'custom') {
        notes.push(
            `${host} is not an Amazon Connect domain; trusting it because --custom-domain was given`
        );
    }
    return { ccpUrl: `${url.origin}${path}`, origin: url.origin, instance, domainKind, notes };
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
