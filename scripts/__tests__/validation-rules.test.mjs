// The adapter's validation rules are a copy of c/ccpUrlPolicy in formula language. These tests run
// the rules' own formula text (scripts/lib/sfFormula.mjs) over the policy's shared table of cases
// and over every combination of URL parts below, and fail when the two copies disagree.
//
// What this proves: for these inputs, the formula as written (REGEX patterns, the host-in-list
// test) gives the policy's verdict. What it cannot prove: that Salesforce's formula engine treats
// every function exactly like this evaluator (it follows the formula reference: blank fields are
// "", TRIM removes spaces and tabs, REGEX is a full match), nor agreement on inputs outside these
// sets, such as percent-encoded or international host names, which the browser's URL parser
// normalizes and the formula does not.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { importForceAppModule } from '../lib/forceAppModule.mjs';
import { compileFormula } from '../lib/sfFormula.mjs';
import { decodeXml } from '../../preview/lib/labels.mjs';

const ROOT = path.join(import.meta.dirname, '..', '..');
const OBJECT_DIR = path.join(ROOT, 'force-app/main/default/objects/AC_CtiAdapter__c');
const TABLE = JSON.parse(
    readFileSync(
        path.join(
            ROOT,
            'force-app/main/default/lwc/ccpUrlPolicy/__tests__/data/urlPolicyCases.json'
        ),
        'utf8'
    )
);
const policy = await importForceAppModule('ccpUrlPolicy');

function readRule(name) {
    const xml = readFileSync(
        path.join(OBJECT_DIR, 'validationRules', `${name}.validationRule-meta.xml`),
        'utf8'
    );
    const formula = decodeXml(
        /<errorConditionFormula\s*>([\s\S]*?)<\/errorConditionFormula>/.exec(xml)[1]
    );
    return {
        active: /<active>true<\/active>/.test(xml),
        message: decodeXml(/<errorMessage\s*>([\s\S]*?)<\/errorMessage>/.exec(xml)[1]),
        errorField: /<errorDisplayField>([^<]+)<\/errorDisplayField>/.exec(xml)?.[1],
        refuses: compileFormula(formula)
    };
}

const ccpRule = readRule('CCP_URL_Policy');
const samlRule = readRule('SAML_Login_URL_Policy');
const domainsRule = readRule('CCP_Custom_Domains_Hosts');

/** A record as the rule sees it: a blank text field is null. */
function record(fields) {
    return {
        CCP_URL__c: null,
        CCP_Custom_Domains__c: null,
        SAML_Login_URL__c: null,
        ...Object.fromEntries(
            Object.entries(fields).map(([key, value]) => [key, value === '' ? null : value])
        )
    };
}

describe('the adapter validation rules agree with the URL policy', () => {
    it('are active and point the admin at the field to fix', () => {
        assert.equal(ccpRule.active, true);
        assert.equal(ccpRule.errorField, 'CCP_URL__c');
        assert.equal(samlRule.active, true);
        assert.equal(samlRule.errorField, 'SAML_Login_URL__c');
        assert.equal(domainsRule.errorField, 'CCP_Custom_Domains__c');
        assert.match(ccpRule.message, /https:\/\/<instance>\.my\.connect\.aws\/ccp-v2\//);
        assert.match(ccpRule.message, /Custom CCP Domains/);
    });

    it('have messages within the 255 characters the platform allows, in English and Japanese', () => {
        const translation = readFileSync(
            path.join(
                ROOT,
                'force-app/main/default/objectTranslations/AC_CtiAdapter__c-ja/AC_CtiAdapter__c-ja.objectTranslation-meta.xml'
            ),
            'utf8'
        );
        const japanese = new Map(
            [...translation.matchAll(/<validationRules>([\s\S]*?)<\/validationRules>/g)].map(
                ([, block]) => [
                    /<name>([^<]+)<\/name>/.exec(block)[1],
                    decodeXml(/<errorMessage\s*>([\s\S]*?)<\/errorMessage>/.exec(block)[1])
                ]
            )
        );
        for (const [name, rule] of Object.entries({
            CCP_URL_Policy: ccpRule,
            SAML_Login_URL_Policy: samlRule,
            CCP_Custom_Domains_Hosts: domainsRule
        })) {
            assert.ok(rule.message.length <= 255, `${name}: ${rule.message.length} characters`);
            assert.ok(japanese.has(name), `${name} has no Japanese message`);
            assert.ok(japanese.get(name).length <= 255, `${name} (ja) is too long`);
        }
    });

    it('a blank CCP URL is refused by the field itself (required), as the policy refuses it', () => {
        const field = readFileSync(
            path.join(OBJECT_DIR, 'fields/CCP_URL__c.field-meta.xml'),
            'utf8'
        );
        assert.match(field, /<required>true<\/required>/);
    });

    for (const testCase of TABLE.cases.filter((c) => c.field !== 'presenceServiceUrl')) {
        const refusedByPolicy = testCase.expect !== 'allowed' && testCase.expect !== 'blank';
        it(`${testCase.field} ${JSON.stringify(testCase.input)}${testCase.customDomains ? ` (custom: ${testCase.customDomains})` : ''} → ${testCase.expect}`, () => {
            const blankCcp = testCase.field === 'ccpUrl' && testCase.expect === 'blank';
            const refused =
                testCase.field === 'ccpUrl'
                    ? ccpRule.refuses(
                          record({
                              CCP_URL__c: testCase.input.trim() === '' ? '' : testCase.input,
                              CCP_Custom_Domains__c: testCase.customDomains ?? ''
                          })
                      )
                    : samlRule.refuses(
                          record({
                              SAML_Login_URL__c: testCase.input.trim() === '' ? '' : testCase.input
                          })
                      );
            // A blank CCP URL passes the rule and is stopped by <required> (test above).
            assert.equal(refused, blankCcp ? false : refusedByPolicy);
        });
    }

    it('gives the policy verdict for every combination of scheme, credentials, host, port, path and query', () => {
        const schemes = ['https://', 'HTTPS://', 'http://', 'ftp://'];
        const credentials = ['', 'admin:secret@', 'user@'];
        const hosts = [
            'mycompany.my.connect.aws',
            'agency.govcloud.connect.aws',
            'MyCompany.awsapps.com',
            'ccp.example.co.jp',
            'other.example.com',
            'a.b.my.connect.aws',
            'mycompany.my.connect.aws.evil.example.com'
        ];
        const ports = ['', ':443', ':8443'];
        const paths = ['/ccp-v2/', '/ccp-v2', '/connect/ccp-v2/', '/', '/home', '/x/y/ccp-v2/', ''];
        const suffixes = ['', '?x=1', '#top'];
        const lists = ['', 'ccp.example.co.jp', 'example.co.jp; ccp.example.co.jp'];
        const disagreements = [];
        let count = 0;
        for (const scheme of schemes)
            for (const credential of credentials)
                for (const host of hosts)
                    for (const port of ports)
                        for (const urlPath of paths)
                            for (const suffix of suffixes)
                                for (const list of lists) {
                                    const url = `${scheme}${credential}${host}${port}${urlPath}${suffix}`;
                                    const verdict = policy.checkCcpUrl(
                                        url,
                                        policy.parseCustomDomains(list)
                                    ).verdict;
                                    const refused = ccpRule.refuses(
                                        record({ CCP_URL__c: url, CCP_Custom_Domains__c: list })
                                    );
                                    count++;
                                    if (refused !== (verdict !== 'allowed')) {
                                        disagreements.push(
                                            `${url} [${list}]: policy ${verdict}, rule ${refused ? 'refuses' : 'allows'}`
                                        );
                                    }
                                }
        assert.ok(count > 10000);
        assert.deepEqual(disagreements.slice(0, 10), []);
    });

    it('accepts host lists as parseCustomDomains reads them and refuses anything else', () => {
        for (const list of [
            'ccp.example.co.jp',
            ' ccp.example.co.jp, other.example.com ;x.example.org',
            '127.0.0.2'
        ]) {
            assert.equal(domainsRule.refuses(record({ CCP_Custom_Domains__c: list })), false, list);
        }
        for (const list of [
            'https://ccp.example.co.jp',
            'ccp.example.co.jp/ccp-v2/',
            'ccp.example.co.jp:8443',
            '*.example.co.jp'
        ]) {
            assert.equal(domainsRule.refuses(record({ CCP_Custom_Domains__c: list })), true, list);
        }
    });
});
