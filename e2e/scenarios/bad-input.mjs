// Bad input at every door (issue 10). Each refused kind of adapter URL: the configuration API (the
// adapter's validation rules) refuses to save it; a record that predates the rules reaches the
// softphone, which shows which field the admin must fix and, in Details, the rule it breaks, while
// no CCP iframe is created and no request leaves the page for any host but the Salesforce origin.
// And a CCP that never answers, refuses the connection or is not the CCP ends in the load-timeout
// error with Retry, within the adapter's CCP load timeout (or Streams' default), never after 60 s.
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../preview/build.mjs';
import { readCustomLabels } from '../../preview/lib/labels.mjs';
import { check, waitUntil } from '../lib/check.mjs';
import { FAILING_KINDS, startFailingHost } from '../lib/failing-hosts.mjs';
import { READY_TIMEOUT_MS, panelText, waitForSoftphoneReady } from '../lib/pages.mjs';

const LABELS = readCustomLabels(
    join(PROJECT_ROOT, 'force-app/main/default/labels/CustomLabels.labels-meta.xml')
);
const label = (name, ...values) =>
    LABELS.get(name).replace(/\{(\d+)\}/g, (_, index) => values[Number(index)]);

const FIELD_LABELS = {
    ccpUrl: label('ConnectSoftphone_FieldCcpUrl'),
    samlLoginUrl: label('ConnectSoftphone_FieldSamlLoginUrl')
};
/** The words the preview's configuration API uses for each field (describeRefusal). */
const API_FIELD_NAMES = { ccpUrl: 'CCP URL', samlLoginUrl: 'SAML Login URL' };
/** After the error shows, how long to keep watching for a late request. */
const QUIET_MS = 1000;
/** Mounting and compiling under LWS, Apex and Streams before initCCP starts its timer. */
const START_SLACK_MS = 8000;
/** The promise: never on "Loading…" longer than 60 s after the softphone started. */
const LOAD_DEADLINE_MS = 60000;

/** PUT /api/config with the seed adapter changed; `validationRules: false` = an older record. */
async function saveAdapter(t, changes, { validationRules = true } = {}) {
    const origin = t.preview.origin;
    const current = await (await fetch(new URL('/api/config', origin))).json();
    const [seed, ...others] = current.adapters;
    const response = await fetch(
        new URL(`/api/config${validationRules ? '' : '?validationRules=off'}`, origin),
        {
            method: 'PUT',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ adapters: [{ ...seed, ...changes }, ...others] })
        }
    );
    return { status: response.status, body: await response.json() };
}

/** Every request the browser makes, with the page's own origin for comparison. */
function recordRequests(t) {
    const requests = [];
    t.context.on('request', (request) => requests.push(request.url()));
    return requests;
}

async function waitForError(page, text, timeoutMs) {
    const alert = page.getByRole('alert').filter({ hasText: text });
    try {
        await alert.waitFor({ state: 'visible', timeout: timeoutMs });
    } catch {
        check(false, `expected the error "${text}"; the panel shows ${await panelText(page)}`);
    }
    const retry = page.getByRole('button', { name: label('ConnectSoftphone_RetryButton') });
    check(await retry.isVisible(), 'the error has no Retry button');
    return { alert, retry };
}

async function detailsText(page, term) {
    await page.locator('summary', { hasText: label('ConnectSoftphone_DetailsSummary') }).click();
    const row = page.locator('[data-id="details-row"]', { hasText: term });
    return (await row.locator('[data-id="details-text"]').innerText({ timeout: 2000 })).trim();
}

/**
 * @param {{ kind: string, field: 'ccpUrl' | 'samlLoginUrl', url: (t) => string,
 *   customCcpDomains?: string | null, rule: string, ruleText: (url: string) => string }} spec
 */
function refusedUrlScenario(spec) {
    return {
        name: `bad input: ${spec.kind} (${spec.field}) is refused by the configuration API, and the softphone opens nothing`,
        async run(t) {
            const url = spec.url(t);
            const changes = {
                [spec.field]: url,
                ...(spec.customCcpDomains !== undefined
                    ? { customCcpDomains: spec.customCcpDomains }
                    : {})
            };
            const saved = await saveAdapter(t, changes);
            const apiError = saved.body.errors?.[0] ?? '';
            check(
                saved.status === 400 && apiError.includes(API_FIELD_NAMES[spec.field]),
                `the configuration API should refuse ${url}; it answered ${saved.status} ${JSON.stringify(saved.body)}`
            );
            const older = await saveAdapter(t, changes, { validationRules: false });
            check(
                older.status === 200,
                `could not store the older record: ${JSON.stringify(older.body)}`
            );

            const requests = recordRequests(t);
            const page = await t.openConsole();
            const fieldLabel = FIELD_LABELS[spec.field];
            await waitForError(
                page,
                label('ConnectSoftphone_ErrorUrlRefused', fieldLabel, 'ACLightningAdapter'),
                READY_TIMEOUT_MS
            );
            const why = await detailsText(
                page,
                label('ConnectSoftphone_DetailsUrlRefusedTerm', fieldLabel)
            );
            check(
                why === spec.ruleText(url),
                `Details should name the rule: "${spec.ruleText(url)}"; it says "${why}"`
            );
            if (spec.screenshot) {
                await t.screenshot(spec.screenshot, page);
            }
            await page.waitForTimeout(QUIET_MS);

            const iframes = await page.locator('iframe[name="Amazon Connect CCP"]').count();
            check(iframes === 0, `a CCP iframe was created (${iframes})`);
            const origin = t.preview.origin;
            // blob: URLs of the page's own origin (LWS) and data: URLs never reach the network.
            const elsewhere = requests.filter(
                (request) => !request.startsWith('data:') && new URL(request).origin !== origin
            );
            check(
                elsewhere.length === 0,
                `requests left the page for another host: ${JSON.stringify(elsewhere.slice(0, 5))}`
            );
            await t.standIn.expectNoChange({ history: 0, requests: 0 }, 'no CCP was opened', 0);
        }
    };
}

const standInTls = (t) => new URL(t.preview.ccpUrl);

const REFUSED_URLS = [
    {
        kind: 'http:// (the stand-in itself, unencrypted)',
        field: 'ccpUrl',
        url: (t) => `${t.preview.standIn.url}/ccp-v2/`,
        ruleText: () => label('CcpUrlPolicy_NotHttps'),
        screenshot: 'url-refused.png'
    },
    {
        kind: 'a working CCP on a host the adapter does not list',
        field: 'ccpUrl',
        url: (t) => t.preview.ccpUrl,
        customCcpDomains: null,
        ruleText: (url) => label('CcpUrlPolicy_NotConnectDomain', new URL(url).hostname)
    },
    {
        kind: 'a look-alike of a Connect domain',
        field: 'ccpUrl',
        url: (t) => `https://mycompany.my.connect.aws.${standInTls(t).hostname}.nip.io/ccp-v2/`,
        ruleText: (url) => label('CcpUrlPolicy_NotConnectDomain', new URL(url).hostname)
    },
    {
        kind: 'credentials in the URL',
        field: 'ccpUrl',
        url: (t) => `https://admin:secret@${standInTls(t).host}/ccp-v2/`,
        ruleText: () => label('CcpUrlPolicy_HasCredentials')
    },
    {
        kind: 'a query on the CCP URL',
        field: 'ccpUrl',
        url: (t) => `${t.preview.ccpUrl}?authFail=1`,
        ruleText: () => label('CcpUrlPolicy_HasQueryOrFragment')
    },
    {
        kind: 'a page that is not the CCP path',
        field: 'ccpUrl',
        url: (t) => `https://${standInTls(t).host}/real-time-metrics/`,
        ruleText: (url) => label('CcpUrlPolicy_NotCcpPath', new URL(url).hostname, '/ccp-v2/')
    },
    {
        kind: 'a port on an Amazon Connect domain',
        field: 'ccpUrl',
        url: () => 'https://mycompany.my.connect.aws:8443/ccp-v2/',
        ruleText: () => label('CcpUrlPolicy_HasPort')
    },
    {
        kind: 'a URL that does not parse',
        field: 'ccpUrl',
        url: () => 'https://my company.my.connect.aws/ccp-v2/',
        ruleText: () => label('CcpUrlPolicy_NotAUrl')
    },
    {
        kind: 'javascript: scheme',
        field: 'ccpUrl',
        url: () => 'javascript:alert(1)',
        ruleText: () => label('CcpUrlPolicy_NotHttps')
    },
    {
        kind: 'an http SAML login URL',
        field: 'samlLoginUrl',
        url: (t) => `${t.preview.standIn.url}/login`,
        ruleText: () => label('CcpUrlPolicy_NotHttps')
    }
];

/**
 * A CCP host that fails: the load-timeout error with Retry, within the adapter's timeout (or
 * Streams' default of 5 s when blank) plus the time the page takes to get to initCCP.
 */
function loadTimeoutScenario(kind, timeoutSeconds) {
    const waitMs = (timeoutSeconds ?? 5) * 1000;
    return {
        name: `load timeout: a CCP host that ${describeKind(kind)} ends in the load-timeout error with Retry within ${timeoutSeconds === null ? "Streams' default 5 s" : `the adapter's ${timeoutSeconds} s`}`,
        async run(t) {
            const host = await startFailingHost(kind);
            try {
                const saved = await saveAdapter(t, {
                    ccpUrl: host.ccpUrl,
                    ccpLoadTimeoutSeconds: timeoutSeconds
                });
                check(
                    saved.status === 200,
                    `could not save ${host.ccpUrl}: ${JSON.stringify(saved.body)}`
                );
                const started = Date.now();
                const page = await t.openConsole();
                const text = label('ConnectSoftphone_ErrorLoadTimeout');
                const { retry } = await waitForError(page, text, waitMs + START_SLACK_MS);
                const elapsed = Date.now() - started;
                check(
                    elapsed <= waitMs + START_SLACK_MS && elapsed < LOAD_DEADLINE_MS,
                    `the error took ${elapsed} ms`
                );
                check(
                    kind === 'refusesConnection' || host.requests() > 0,
                    'the softphone never tried the failing host: the scenario tested nothing'
                );
                // Retry tries again and ends the same way: never "Loading…" without limit.
                await retry.click();
                await waitUntil(
                    async () =>
                        (await page.getByRole('alert').filter({ hasText: text }).count()) > 0,
                    {
                        timeoutMs: waitMs + START_SLACK_MS,
                        describe: async () => `after Retry the panel shows ${await panelText(page)}`
                    }
                );
                await t.standIn.expectNoChange({ history: 0, requests: 0 }, 'no CCP answered', 0);
            } finally {
                await host.close();
            }
        }
    };
}

function describeKind(kind) {
    return {
        neverAnswers: 'never answers',
        refusesConnection: 'refuses the connection',
        notTheCcp: 'answers with a page that is not the CCP'
    }[kind];
}

/** Issue 10, item 5: the admin fixes the record while the agent looks at the error; Retry sees it. */
const retryAfterFixScenario = {
    name: "bad input: after the admin lists the CCP's host, the agent's Retry opens the CCP and the agent is Available",
    async run(t) {
        const host = new URL(t.preview.ccpUrl).hostname;
        const older = await saveAdapter(t, { customCcpDomains: null }, { validationRules: false });
        check(older.status === 200, `could not store the record: ${JSON.stringify(older.body)}`);
        const page = await t.openConsole();
        const { retry } = await waitForError(
            page,
            label('ConnectSoftphone_ErrorUrlRefused', FIELD_LABELS.ccpUrl, 'ACLightningAdapter'),
            READY_TIMEOUT_MS
        );
        const fixed = await saveAdapter(t, { customCcpDomains: host });
        check(fixed.status === 200, `the fix was refused: ${JSON.stringify(fixed.body)}`);
        await retry.click();
        await waitForSoftphoneReady(page);
        await t.standIn.waitForChangeTo('Available');
    }
};

export const badInputScenarios = [
    retryAfterFixScenario,
    ...REFUSED_URLS.map(refusedUrlScenario),
    ...FAILING_KINDS.map((kind) => loadTimeoutScenario(kind, 3)),
    loadTimeoutScenario('neverAnswers', null)
];
