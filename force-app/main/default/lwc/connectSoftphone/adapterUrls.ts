/**
 * The adapter's URLs through the one URL policy (c/ccpUrlPolicy), before anything is created or
 * requested: a refused CCP URL or SAML login URL means no iframe and no request. The refusal is told
 * in words: which field the admin must fix, and which rule it breaks.
 */
import { checkCcpUrl, checkSamlLoginUrl, parseCustomDomains } from 'c/ccpUrlPolicy';
import type { UrlRefusal, UrlRule } from 'c/ccpUrlPolicy';
import { LABELS, formatLabel } from './labels';

export type AdapterUrls =
    | { verdict: 'allowed'; ccpUrl: string; loginUrl: string | null } // normalized by the policy
    | { verdict: 'refused'; refusal: UrlRefusal };

/** The URL fields the softphone opens, named as on the adapter record. */
const FIELD_LABELS: Record<'ccpUrl' | 'samlLoginUrl', string> = {
    ccpUrl: LABELS.fieldCcpUrl,
    samlLoginUrl: LABELS.fieldSamlLoginUrl
};

// A Record over the union makes the compiler ask for words when the policy gains a rule.
const RULE_LABELS: Record<UrlRule, (refusal: UrlRefusal) => string> = {
    blank: () => LABELS.urlRuleBlank,
    notAUrl: () => LABELS.urlRuleNotAUrl,
    notHttps: () => LABELS.urlRuleNotHttps,
    hasCredentials: () => LABELS.urlRuleHasCredentials,
    hasQueryOrFragment: () => LABELS.urlRuleHasQueryOrFragment,
    notConnectDomain: (refusal) => formatLabel(LABELS.urlRuleNotConnectDomain, refusal.host ?? ''),
    hasPort: () => LABELS.urlRuleHasPort,
    notCcpPath: (refusal) =>
        formatLabel(LABELS.urlRuleNotCcpPath, refusal.host ?? '', refusal.expectedPath ?? '')
};

export function checkAdapterUrls(adapter: AcFeatureController.AdapterSettings): AdapterUrls {
    const ccp = checkCcpUrl(adapter.ccpUrl, parseCustomDomains(adapter.customCcpDomains));
    if (ccp.verdict !== 'allowed') {
        // checkCcpUrl never answers 'blank': an empty CCP URL is refused by the 'blank' rule.
        return { verdict: 'refused', refusal: ccp as UrlRefusal };
    }
    const login = checkSamlLoginUrl(adapter.samlLoginUrl);
    if (login.verdict === 'refused') {
        return { verdict: 'refused', refusal: login };
    }
    return {
        verdict: 'allowed',
        ccpUrl: ccp.url,
        loginUrl: login.verdict === 'allowed' ? login.url : null
    };
}

/** The field's name as the admin sees it on the record. */
export function refusedFieldLabel(refusal: UrlRefusal): string {
    return refusal.field === 'samlLoginUrl' ? FIELD_LABELS.samlLoginUrl : FIELD_LABELS.ccpUrl;
}

/** The rule the URL breaks, in words, for the Details view. */
export function describeRefusedRule(refusal: UrlRefusal): string {
    return RULE_LABELS[refusal.rule](refusal);
}
