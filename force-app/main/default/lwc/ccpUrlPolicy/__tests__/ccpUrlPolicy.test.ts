import { describe, expect, it } from '@jest/globals';
import {
    checkCcpUrl,
    checkPresenceServiceUrl,
    checkSamlLoginUrl,
    describeRefusal,
    parseCustomDomains
} from 'c/ccpUrlPolicy';
import type { UrlCheck, UrlRefusal } from 'c/ccpUrlPolicy';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface PolicyCase {
    field: 'ccpUrl' | 'samlLoginUrl' | 'presenceServiceUrl';
    input: string;
    customDomains?: string;
    expect: string;
    url?: string;
}

/** The shared table of cases (__tests__/data/urlPolicyCases.json): every copy of the policy is tested on it. */
const table = JSON.parse(readFileSync(join(__dirname, 'data', 'urlPolicyCases.json'), 'utf8')) as {
    cases: PolicyCase[];
};

const CHECKS: Record<PolicyCase['field'], (testCase: PolicyCase) => UrlCheck> = {
    ccpUrl: (testCase) => checkCcpUrl(testCase.input, parseCustomDomains(testCase.customDomains)),
    samlLoginUrl: (testCase) => checkSamlLoginUrl(testCase.input),
    presenceServiceUrl: (testCase) => checkPresenceServiceUrl(testCase.input)
};

function check(testCase: PolicyCase): UrlCheck {
    return CHECKS[testCase.field](testCase);
}

function outcome(result: UrlCheck): string {
    return result.verdict === 'refused' ? result.rule : result.verdict;
}

describe('the URL policy every door applies', () => {
    it.each(
        table.cases.map((c): [string, PolicyCase] => [`${c.field} ${JSON.stringify(c.input)}`, c])
    )('%s', (_name, testCase) => {
        const result = check(testCase);
        expect(outcome(result)).toBe(testCase.expect);
        expect(result.verdict === 'allowed' ? result.url : undefined).toBe(testCase.url);
    });

    it('names the field, what was given and how to fix it in every refusal', () => {
        const refusals = table.cases
            .map(check)
            .filter((result): result is UrlRefusal => result.verdict === 'refused');
        expect(refusals.length).toBeGreaterThan(20);
        for (const refusal of refusals) {
            const message = describeRefusal(refusal);
            expect(message).toMatch(/^(CCP URL|SAML Login URL|Presence Service URL) /);
            // What was given (or, for a foreign host, the host) is quoted back to the admin.
            expect(message).toContain(
                refusal.rule === 'notConnectDomain' ? refusal.host : refusal.text
            );
        }
    });

    it('trusts a custom domain only when the adapter lists that exact host', () => {
        expect(parseCustomDomains(' CCP.example.com,\nother.example.com; ')).toEqual([
            'ccp.example.com',
            'other.example.com'
        ]);
        expect(checkCcpUrl('https://ccp.example.com/ccp-v2/', []).verdict).toBe('refused');
        expect(checkCcpUrl('https://ccp.example.com/ccp-v2/', ['ccp.example.com']).verdict).toBe(
            'allowed'
        );
    });

    it('gives the instance alias and origin a Trusted URL needs', () => {
        const result = checkCcpUrl('https://MyCompany.awsapps.com/connect/ccp-v2');
        expect(result).toMatchObject({
            verdict: 'allowed',
            origin: 'https://mycompany.awsapps.com',
            domainKind: 'legacy',
            instance: 'mycompany'
        });
    });
});
