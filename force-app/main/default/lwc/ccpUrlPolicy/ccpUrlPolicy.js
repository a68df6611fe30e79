/**
 * The one URL policy of the project. Every door a URL comes through applies it: the softphone before
 * it creates the CCP iframe, the adapter's validation rule (same rules, kept in step by the shared
 * table in __tests__/data/urlPolicyCases.json), the preview's configuration API, setup:org and the
 * CTI Adapter migration. Pure functions, no platform imports, so Node scripts import the compiled .js.
 *
 * - CCP URL: https, no user name or password, no query or fragment, on an Amazon Connect domain at the
 *   CCP's path, or on a custom domain that the adapter lists explicitly (any path ending in /ccp-v2/).
 * - SAML login URL and presence service URL: https on any host, no user name or password; optional.
 */
const DNS_LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
/** Host patterns of Amazon Connect and the CCP path each serves (GovCloud: *.govcloud.connect.aws). */
const CONNECT_DOMAINS = [
    {
        kind: 'connect',
        host: new RegExp(`^(${DNS_LABEL})\\.my\\.connect\\.aws$`),
        ccpPath: '/ccp-v2/'
    },
    {
        kind: 'govcloud',
        host: new RegExp(`^(${DNS_LABEL})\\.govcloud\\.connect\\.aws$`),
        ccpPath: '/ccp-v2/'
    },
    {
        kind: 'legacy',
        host: new RegExp(`^(${DNS_LABEL})\\.awsapps\\.com$`),
        ccpPath: '/connect/ccp-v2/'
    }
];
const CUSTOM_CCP_PATH = /\/ccp-v2\/?$/;
const MAX_TEXT = 200;
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const SPACE_OR_CONTROL = /[\s\u0000-\u001f\u007f]/;
/**
 * The custom CCP domains an adapter lists: host names separated by commas, semicolons, spaces or
 * new lines, compared without case. A blank field lists none.
 */
export function parseCustomDomains(raw) {
    return (raw ?? '')
        .split(/[\s,;]+/)
        .map((host) => host.trim().toLowerCase().replace(/\.$/, ''))
        .filter((host) => host !== '');
}
/** The CCP URL an adapter names, checked against the policy and normalized. */
export function checkCcpUrl(raw, customDomains = []) {
    const parsed = parseHttpsUrl('ccpUrl', raw);
    if (parsed.verdict !== 'parsed') {
        return parsed.verdict === 'blank' ? refuse('ccpUrl', 'blank', '') : parsed.refusal;
    }
    const { url, text } = parsed;
    const host = url.hostname;
    if (url.search || url.hash) {
        return refuse('ccpUrl', 'hasQueryOrFragment', text, host);
    }
    const connect = findConnectDomain(host);
    if (connect) {
        if (url.port) {
            return refuse('ccpUrl', 'hasPort', text, host);
        }
        if (url.pathname !== connect.ccpPath && url.pathname !== connect.ccpPath.slice(0, -1)) {
            return { ...refuse('ccpUrl', 'notCcpPath', text, host), expectedPath: connect.ccpPath };
        }
        return allowed('ccpUrl', url, connect.ccpPath, connect.kind, connect.instance);
    }
    if (customDomains.map((domain) => domain.toLowerCase()).includes(host)) {
        if (!CUSTOM_CCP_PATH.test(url.pathname)) {
            return { ...refuse('ccpUrl', 'notCcpPath', text, host), expectedPath: '/ccp-v2/' };
        }
        const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
        return allowed('ccpUrl', url, path, 'custom', host);
    }
    return refuse('ccpUrl', 'notConnectDomain', text, host);
}
/** The SAML login URL (optional): https on any host, without credentials. */
export function checkSamlLoginUrl(raw) {
    return checkOptionalHttpsUrl('samlLoginUrl', raw);
}
/** The presence service URL (optional; blank = no backstop): https on any host, without credentials. */
export function checkPresenceServiceUrl(raw) {
    return checkOptionalHttpsUrl('presenceServiceUrl', raw);
}
/** One English sentence per refusal, for Node scripts and the console; the org uses Custom Labels. */
export function describeRefusal(check) {
    const given = check.text === '' ? 'it is empty' : `"${check.text}"`;
    return REFUSAL_SENTENCES[check.rule](FIELD_NAMES[check.field], given, check);
}
const REFUSAL_SENTENCES = {
    blank: (what) => `${what} is empty. Enter your instance's CCP address, for example ${CCP_URL_EXAMPLE}`,
    notAUrl: (what, given, check) => `${what} ${given} is not a URL. Enter the full address without spaces, for example ${exampleFor(check.field)}`,
    notHttps: (what, given) => `${what} ${given} must start with https://.`,
    hasCredentials: (what, given) => `${what} ${given} contains a user name or password. Remove the part before "@".`,
    hasQueryOrFragment: (what, given) => `${what} ${given} has a query or fragment (after "?" or "#"). Remove it: the softphone needs the plain CCP address.`,
    notConnectDomain: (what, _given, check) => `${what} host ${check.host} is not an Amazon Connect domain (<instance>.my.connect.aws, <instance>.govcloud.connect.aws or <instance>.awsapps.com). If your CCP is served from your own domain, list ${check.host} in the adapter's Custom CCP Domains.`,
    hasPort: (what, given) => `${what} ${given} names a port. Amazon Connect serves the CCP on the default https port: remove ":<port>".`,
    notCcpPath: (what, given, check) => `${what} ${given} is not the Contact Control Panel: on ${check.host} the CCP is at ${check.expectedPath}. Use https://${check.host}${check.expectedPath}`
};
export const CCP_URL_EXAMPLE = 'https://mycompany.my.connect.aws/ccp-v2/';
const FIELD_NAMES = {
    ccpUrl: 'CCP URL',
    samlLoginUrl: 'SAML Login URL',
    presenceServiceUrl: 'Presence Service URL'
};
function exampleFor(field) {
    return field === 'ccpUrl' ? CCP_URL_EXAMPLE : 'https://example.com/path';
}
function checkOptionalHttpsUrl(field, raw) {
    const parsed = parseHttpsUrl(field, raw);
    if (parsed.verdict !== 'parsed') {
        return parsed.verdict === 'blank' ? { verdict: 'blank', field } : parsed.refusal;
    }
    const { url } = parsed;
    return {
        verdict: 'allowed',
        field,
        url: url.href,
        origin: url.origin,
        host: url.hostname,
        domainKind: 'any',
        instance: url.hostname
    };
}
/** The checks every URL field shares: parses, https, no credentials. */
function parseHttpsUrl(field, raw) {
    const text = (raw ?? '').trim();
    if (text === '') {
        return { verdict: 'blank' };
    }
    const refused = (rule, host) => ({
        verdict: 'refused',
        refusal: refuse(field, rule, text, host)
    });
    let url;
    try {
        url = new URL(text);
    }
    catch {
        return refused('notAUrl');
    }
    if (SPACE_OR_CONTROL.test(text)) {
        return refused('notAUrl'); // the URL parser drops tabs and new lines silently: refuse them
    }
    if (url.protocol !== 'https:') {
        return refused('notHttps');
    }
    if (url.username || url.password || text.slice(0, text.indexOf(url.hostname)).includes('@')) {
        return refused('hasCredentials', url.hostname);
    }
    if (url.hostname === '') {
        return refused('notAUrl');
    }
    return { verdict: 'parsed', url, text };
}
function findConnectDomain(host) {
    for (const domain of CONNECT_DOMAINS) {
        const match = domain.host.exec(host);
        if (match) {
            return { kind: domain.kind, instance: match[1], ccpPath: domain.ccpPath };
        }
    }
    return null;
}
function allowed(field, url, path, domainKind, instance) {
    return {
        verdict: 'allowed',
        field,
        url: `${url.origin}${path}`,
        origin: url.origin,
        host: url.hostname,
        domainKind,
        instance
    };
}
function refuse(field, rule, text, host) {
    const check = { verdict: 'refused', field, rule, text: text.slice(0, MAX_TEXT) };
    return host === undefined ? check : { ...check, host };
}
