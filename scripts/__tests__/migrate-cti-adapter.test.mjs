// `npm run migrate:cti-adapter`: the command as an admin runs it, against a stand-in for the
// Salesforce CLI (fixtures/sf-stand-in/sf, first on PATH) that keeps an org in a JSON file and answers
// in the CLI's own JSON shapes (checked against the real CLI pointed at the same org served over the
// REST API on loopback); plus the pure parts (URL mapping, --values encoding, the plan) checked
// against the shared URL policy table, the CLI's own --values reader and a model of the org.
//   node --test scripts/__tests__/
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { HELP, OPTIONS, parseMigrateArgs } from '../migrate-cti-adapter/args.mjs';
import {
    ADAPTER_TARGET_FIELDS,
    ccpUrlFromInstance,
    planMigration,
    samlLoginUrl
} from '../migrate-cti-adapter/mapping.mjs';
import { readLabels } from '../migrate-cti-adapter/recordPageCheck.mjs';
import { valueMaxLength } from '../migrate-cti-adapter/runMigration.mjs';
import { MAPPABLE_LABELS } from '../migrate-cti-adapter/sourceSchema.mjs';
import * as sfCli from '../migrate-cti-adapter/sfCli.mjs';
import { startRestOrg } from './fixtures/sf-stand-in/restOrg.mjs';
import { encodeValues, unsendableReason } from '../migrate-cti-adapter/valuesArg.mjs';
import { importForceAppModule } from '../lib/forceAppModule.mjs';
import { repoRoot, supportedRegions } from '../setup-org/projectFacts.mjs';
import { UsageError } from '../setup-org/usageError.mjs';

/** This project's adapter fields with no CTI Adapter counterpart: a migration leaves their defaults. */
const FIELDS_THE_CTI_ADAPTER_LACKS = {
    CCP_Custom_Domains__c: null,
    Presence_Certificate_Name__c: null,
    Presence_Service_URL__c: null,
    Presence_Username_Field__c: null,
    Presence_Username_Strip_Domain__c: false
};

// The CLI's own --values reader (not exported by the package: imported by its file).
const { stringToDictionary } = await import(
    path.join(repoRoot, 'node_modules/@salesforce/plugin-data/lib/dataUtils.js')
);
const SCRIPT = path.join(repoRoot, 'scripts', 'migrate-cti-adapter.mjs');
const STAND_IN = path.join(repoRoot, 'scripts', '__tests__', 'fixtures', 'sf-stand-in');
const ANSWERS = path.join(STAND_IN, 'answers');
const SEED_ORG = path.join(STAND_IN, 'orgs', 'seed-org.json');
const SOURCE_ADAPTER = 'amazonconnect__AC_CtiAdapter__c';
const SOURCE_FEATURE = 'amazonconnect__AC_Fixture_Setting__c';
const F = {
    instance: 'amazonconnect__Fixture_Instance__c',
    region: 'amazonconnect__Fixture_Region__c',
    ssoUrl: 'amazonconnect__Fixture_Sso_Url__c',
    relay: 'amazonconnect__Fixture_Sso_Relay__c',
    adapter: 'amazonconnect__Fixture_Adapter__c',
    value: 'amazonconnect__Fixture_Value__c',
    active: 'amazonconnect__Fixture_Active__c'
};
const WRITES = new Set(['create', 'update']);

const tempDirs = [];
after(() => tempDirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** An org to run against: the seed's, changed by `edit` (which gets the parsed state). */
function standInOrg(edit = () => {}) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrate-cti-adapter-test-'));
    tempDirs.push(dir);
    const state = JSON.parse(fs.readFileSync(SEED_ORG, 'utf8'));
    edit(state);
    const file = path.join(dir, 'state.json');
    fs.writeFileSync(file, JSON.stringify(state, null, 4));
    return { dir, file, read: () => JSON.parse(fs.readFileSync(file, 'utf8')) };
}

function describeFixture(name) {
    return JSON.parse(fs.readFileSync(path.join(ANSWERS, `describe-${name}.json`), 'utf8'));
}

/** Puts an edited describe inline in the state (the stand-in accepts a file name or the result). */
function editDescribe(state, name, edit) {
    const result = describeFixture(name).result;
    edit(result);
    state.describes[name] = result;
}

/** Runs the command as npm run would, with the stand-in `sf` first on PATH. */
function migrate(org, args) {
    const log = path.join(org.dir, `calls-${Date.now()}-${Math.random()}.log`);
    const run = spawnSync(process.execPath, [SCRIPT, ...args], {
        cwd: repoRoot,
        encoding: 'utf8',
        env: {
            ...process.env,
            PATH: `${STAND_IN}${path.delimiter}${process.env.PATH}`,
            SF_STAND_IN_STATE: org.file,
            SF_STAND_IN_LOG: log
        }
    });
    const calls = fs.existsSync(log)
        ? fs
              .readFileSync(log, 'utf8')
              .trim()
              .split('\n')
              .map((line) => JSON.parse(line))
        : [];
    return {
        status: run.status,
        out: run.stdout,
        err: run.stderr,
        calls,
        writes: calls.filter((argv) => argv[0] === 'data' && WRITES.has(argv[1]))
    };
}

function addAdapter(state, { id, name, instance, region = null, ssoUrl = null, relay = null }) {
    state.records[SOURCE_ADAPTER].push({
        Id: id,
        Name: name,
        [F.instance]: instance,
        [F.region]: region,
        [F.ssoUrl]: ssoUrl,
        [F.relay]: relay
    });
}

function addFeature(state, { id, adapterId, name, value, active }) {
    state.records[SOURCE_FEATURE].push({
        Id: id,
        Name: name,
        [F.adapter]: adapterId,
        [F.value]: value,
        [F.active]: active
    });
}

const SEED_ADAPTER_ID = 'a0FJ8000001AbCdEAK';

describe('migrate:cti-adapter --help', () => {
    it('explains every option, with an example of each value', () => {
        const run = spawnSync(process.execPath, [SCRIPT, '--help'], { encoding: 'utf8' });
        assert.equal(run.status, 0);
        for (const option of Object.keys(OPTIONS)) {
            assert.match(run.stdout, new RegExp(`--${option}\\b`), `--help mentions --${option}`);
        }
        for (const { label } of MAPPABLE_LABELS)
            assert.ok(run.stdout.includes(`"${label}"`), label);
        assert.equal(run.stdout.trim(), HELP);
        assert.match(HELP, /Exit status: 0 .* 1 .* 2 .* 3 /s);
    });
});

describe('migrate:cti-adapter command line', () => {
    const refusals = [
        [[], /missing --target-org/],
        [['--target-org', 'my-org', '--adapter', ' '], /--adapter needs/],
        [['--target-org', 'my-org', '--language', 'fr'], /--language fr .* en or ja/],
        [['--target-org', 'my-org', '--map', 'Colour=x__c'], /"Colour" is not a label .* "Value"/],
        [['--target-org', 'my-org', '--map', 'Value'], /needs the form Label=ApiName/],
        [['--target-org', 'my-org', '--map', 'Value='], /"Value" is needed/],
        [['--target-org', 'my-org', '--map', 'Value=not an api name'], /is not an API name/],
        [['--target-org', 'my-org', '--ccp-url', 'x'], /unknown option --ccp-url/]
    ];
    for (const [argv, message] of refusals) {
        it(`refuses ${JSON.stringify(argv)} with the fix`, () => {
            assert.throws(
                () => parseMigrateArgs(argv),
                (error) => {
                    assert.ok(error instanceof UsageError);
                    assert.match(error.message, message);
                    return true;
                }
            );
        });
    }

    it('exits 2 and runs nothing on a usage error', () => {
        const org = standInOrg();
        const run = migrate(org, ['--target-org']);
        assert.equal(run.status, 2);
        assert.match(run.err, /--target-org needs a value/);
        assert.deepEqual(run.calls, []);
    });

    it('takes --map for a field and "--map Label=" for an optional one', () => {
        const { options } = parseMigrateArgs([
            '--target-org',
            'my-org',
            '--map',
            'value=amazonconnect__Value__c',
            '--map',
            'SSO Relay State='
        ]);
        assert.deepEqual(
            [...options.map],
            [
                ['Value', 'amazonconnect__Value__c'],
                ['SSO Relay State', '']
            ]
        );
    });
});

describe('migrate:cti-adapter on the seed org', () => {
    it('--dry-run prints the plan for ACLightningAdapter and writes nothing', () => {
        const org = standInOrg();
        const before = fs.readFileSync(org.file, 'utf8');
        const run = migrate(org, ['--target-org', 'my-org', '--dry-run']);
        assert.equal(run.status, 0, run.out + run.err);
        assert.match(run.out, /dry run: nothing is written/);
        assert.match(
            run.out,
            /would create +AC CTI Adapter ACLightningAdapter +Name = "ACLightningAdapter"/
        );
        assert.match(run.out, /CCP_URL__c = "https:\/\/mycompany\.my\.connect\.aws\/ccp-v2\/"/);
        assert.match(run.out, /Amazon_Connect_Instance_Region__c = "ap-northeast-1"/);
        assert.match(
            run.out,
            /would create +AC Feature ACLightningAdapter \/ SetAgentStatusOnSessionEnd/
        );
        assert.match(run.out, /Value__c = "Status:Offline"/);
        assert.match(run.out, /2 record\(s\): 2 would be created/);
        assert.deepEqual(run.writes, []);
        assert.equal(fs.readFileSync(org.file, 'utf8'), before);
    });

    it('creates the adapter and its feature, and a second run changes nothing', () => {
        const org = standInOrg();
        const first = migrate(org, ['--target-org', 'my-org']);
        assert.equal(first.status, 0, first.out + first.err);
        const { records } = org.read();
        assert.equal(records.AC_CtiAdapter__c.length, 1);
        const [adapter] = records.AC_CtiAdapter__c;
        assert.deepEqual(adapter, {
            Id: adapter.Id,
            Name: 'ACLightningAdapter',
            CCP_URL__c: 'https://mycompany.my.connect.aws/ccp-v2/',
            Amazon_Connect_Instance_Region__c: 'ap-northeast-1',
            // Not in the CTI Adapter: left to this project's defaults.
            ...FIELDS_THE_CTI_ADAPTER_LACKS,
            SAML_Login_URL__c: null,
            CCP_Load_Timeout_Seconds__c: null,
            Softphone_Allow_Framed__c: true
        });
        assert.deepEqual(records.AC_Feature__c, [
            {
                Id: records.AC_Feature__c[0].Id,
                Name: 'SetAgentStatusOnSessionEnd',
                Value__c: 'Status:Offline',
                Active__c: true,
                CTI_Adapter__c: adapter.Id
            }
        ]);
        assert.match(first.out, /created +AC CTI Adapter ACLightningAdapter/);
        // The CTI Adapter's own records are only read.
        assert.ok(first.writes.every((argv) => !argv.join(' ').includes('amazonconnect__')));

        const stateAfterFirst = fs.readFileSync(org.file, 'utf8');
        const second = migrate(org, ['--target-org', 'my-org']);
        assert.equal(second.status, 0, second.out + second.err);
        assert.deepEqual(second.writes, []);
        assert.match(second.out, /left alone +AC CTI Adapter ACLightningAdapter/);
        assert.match(
            second.out,
            /left alone +AC Feature ACLightningAdapter \/ SetAgentStatusOnSessionEnd/
        );
        assert.match(second.out, /2 record\(s\): 0 were created, 0 were updated, 2 left alone/);
        assert.equal(fs.readFileSync(org.file, 'utf8'), stateAfterFirst);
    });

    it('updates only the fields that differ from the CTI Adapter', () => {
        const org = standInOrg((state) => {
            state.records.AC_CtiAdapter__c.push({
                Id: 'a01J80000000000077',
                Name: 'aclightningadapter',
                CCP_URL__c: 'https://mycompany.my.connect.aws/ccp-v2/',
                Amazon_Connect_Instance_Region__c: 'us-east-1',
                SAML_Login_URL__c: null
            });
            state.records.AC_Feature__c.push({
                Id: 'a02J80000000000078',
                Name: 'SetAgentStatusOnSessionEnd',
                CTI_Adapter__c: 'a01J80000000000077',
                Value__c: 'Status:Offline',
                Active__c: true
            });
        });
        const run = migrate(org, ['--target-org', 'my-org']);
        assert.equal(run.status, 0, run.out + run.err);
        assert.equal(run.writes.length, 1);
        const values = run.writes[0][run.writes[0].indexOf('--values') + 1];
        assert.deepEqual(stringToDictionary(values), {
            Name: 'ACLightningAdapter',
            Amazon_Connect_Instance_Region__c: 'ap-northeast-1'
        });
        assert.match(run.out, /Amazon_Connect_Instance_Region__c: "us-east-1" → "ap-northeast-1"/);
        assert.match(
            run.out,
            /left alone +AC Feature ACLightningAdapter \/ SetAgentStatusOnSessionEnd/
        );
    });
});

describe('migrate:cti-adapter with several adapters and features', () => {
    const org = () =>
        standInOrg((state) => {
            addAdapter(state, {
                id: 'a0FJ8000001AbCdFAK',
                name: 'SupportAdapter',
                instance: 'https://support-jp.awsapps.com/connect/login',
                region: 'AP-NORTHEAST-1',
                ssoUrl: 'https://idp.example.com/app/amazon_connect/sso/saml',
                relay: '&RelayState=https://ap-northeast-1.console.aws.amazon.com/connect/federate/1234?destination=%2Fconnect%2Fccp'
            });
            addFeature(state, {
                id: 'a0GJ8000002AbCdFAK',
                adapterId: 'a0FJ8000001AbCdFAK',
                name: 'SetAgentStatusOnSessionEnd',
                value: '\uFEFFStatus:Away\r\nIfProfileNameIncludes:On-Call\r\nSessionEndTimer:20\r\n',
                active: false
            });
            addFeature(state, {
                id: 'a0GJ8000002AbCdGAK',
                adapterId: 'a0FJ8000001AbCdFAK',
                name: 'GlobalResiliency',
                value: 'RetainAgentStateEnabled:true\nGlobalSignInEndpoint:https://example.com/x?a=b&c="d"',
                active: true
            });
            addFeature(state, {
                id: 'a0GJ8000002AbCdHAK',
                adapterId: SEED_ADAPTER_ID,
                name: 'FEATURE_CTI_ATTRIBUTES',
                value: null,
                active: false
            });
        });

    it('brings every adapter across with all of its features, inactive ones included, unchanged', () => {
        const o = org();
        const run = migrate(o, ['--target-org', 'my-org']);
        assert.equal(run.status, 0, run.out + run.err);
        const { records } = o.read();
        const byName = Object.fromEntries(records.AC_CtiAdapter__c.map((a) => [a.Name, a]));
        assert.deepEqual(Object.keys(byName).sort(), ['ACLightningAdapter', 'SupportAdapter']);
        assert.deepEqual(byName.SupportAdapter, {
            Id: byName.SupportAdapter.Id,
            Name: 'SupportAdapter',
            CCP_URL__c: 'https://support-jp.awsapps.com/connect/ccp-v2/',
            Amazon_Connect_Instance_Region__c: 'ap-northeast-1',
            SAML_Login_URL__c:
                'https://idp.example.com/app/amazon_connect/sso/saml?RelayState=https://ap-northeast-1.console.aws.amazon.com/connect/federate/1234?destination=%2Fconnect%2Fccp',
            ...FIELDS_THE_CTI_ADAPTER_LACKS,
            CCP_Load_Timeout_Seconds__c: null,
            Softphone_Allow_Framed__c: true
        });
        const features = (adapter) =>
            Object.fromEntries(
                records.AC_Feature__c.filter((f) => f.CTI_Adapter__c === byName[adapter].Id).map(
                    (f) => [f.Name, { value: f.Value__c, active: f.Active__c }]
                )
            );
        assert.deepEqual(features('SupportAdapter'), {
            SetAgentStatusOnSessionEnd: {
                value: '\uFEFFStatus:Away\r\nIfProfileNameIncludes:On-Call\r\nSessionEndTimer:20\r\n',
                active: false
            },
            GlobalResiliency: {
                value: 'RetainAgentStateEnabled:true\nGlobalSignInEndpoint:https://example.com/x?a=b&c="d"',
                active: true
            }
        });
        assert.deepEqual(features('ACLightningAdapter'), {
            FEATURE_CTI_ATTRIBUTES: { value: null, active: false },
            SetAgentStatusOnSessionEnd: { value: 'Status:Offline', active: true }
        });
        // The BOM and CRLF Value reads as the record page reads it: no problems, the timer taken.
        assert.match(
            run.out,
            /Value check: SupportAdapter \/ SetAgentStatusOnSessionEnd.*\n {2}This feature is off.*\n {2}No problems found\n.*\n {4}Status at session end: Away\n {4}Applies to routing profiles containing: On-Call\n.*\n.*\n {4}Session-end timer: 20 seconds/
        );
        assert.match(
            run.out,
            /SetAgentStatusOnSessionEnd +Name = .*\n.*Value__c = "<BOM>Status:Away\\r\\nIfProfileNameIncludes:On-Call\\r\\nSessionEndTimer:20\\r\\n"/
        );
        assert.match(
            run.out,
            /The softphone reads ACLightningAdapter unless told otherwise: to use SupportAdapter/
        );

        const again = migrate(o, ['--target-org', 'my-org']);
        assert.equal(again.status, 0, again.out);
        assert.deepEqual(again.writes, []);
        assert.match(again.out, /6 record\(s\): 0 were created, 0 were updated, 6 left alone/);
    });

    it('--adapter brings only the named adapter across', () => {
        const o = org();
        const run = migrate(o, [
            '--target-org',
            'my-org',
            '--adapter',
            'supportadapter',
            '--dry-run'
        ]);
        assert.equal(run.status, 0, run.out + run.err);
        assert.match(run.out, /would create +AC CTI Adapter SupportAdapter/);
        assert.doesNotMatch(run.out, /AC CTI Adapter ACLightningAdapter/);
        assert.match(run.out, /3 record\(s\): 3 would be created/);
    });

    it('--adapter with an unknown name lists the adapters there are', () => {
        const run = migrate(org(), ['--target-org', 'my-org', '--adapter', 'Sales']);
        assert.equal(run.status, 3);
        assert.match(
            run.out,
            /no AC CTI Adapter named "Sales" .*its adapters: ACLightningAdapter, SupportAdapter/
        );
    });
});

describe('migrate:cti-adapter Value check, as the AC Feature record page shows it', () => {
    // The Value of the record page's own Jest fixture, and the sentences its test expects there.
    const malformed = JSON.parse(
        fs.readFileSync(
            path.join(
                repoRoot,
                'force-app/main/default/lwc/acFeatureValueCheck/__tests__/data/malformedValue.json'
            ),
            'utf8'
        )
    ).fields.Value__c.value;
    const org = () =>
        standInOrg((state) => {
            state.records[SOURCE_FEATURE][0][F.value] = malformed;
        });

    it('prints each problem with its line, in the record page words', () => {
        const run = migrate(org(), ['--target-org', 'my-org', '--dry-run']);
        assert.equal(run.status, 0, run.out + run.err);
        const lines = run.out.split('\n').map((l) => l.trim());
        const start = lines.indexOf(
            'Problems found: 3. Fix them in the Value and save; the check runs again when you save.'
        );
        assert.ok(start > 0, run.out);
        assert.deepEqual(lines.slice(start + 1, start + 4), [
            'Error: Line 2: "Stauts" is not a known setting and is ignored. Did you mean "Status"?',
            'Error: Line 3: "Offline" is not written as Key:Value and is ignored.',
            'Warning: Line 4: "status" is set more than once. Keep one line per setting; put list items on one line, comma-separated.'
        ]);
        // The Value still goes across unchanged: the softphone ignores bad lines safely.
        assert.ok(
            run.out.includes(
                `Value__c = "${malformed.replace(/\r/g, '\\r').replace(/\n/g, '\\n')}"`
            )
        );
    });

    it('--language ja prints them as the page shows a Japanese user, from the translation file', async () => {
        const ja = await readLabels('ja');
        const run = migrate(org(), ['--target-org', 'my-org', '--dry-run', '--language', 'ja']);
        assert.equal(run.status, 0, run.out + run.err);
        assert.ok(run.out.includes(`${ja.get('AcFeatureValueCheck_ErrorIcon')}: 2 行目:`), run.out);
        assert.ok(run.out.includes(ja.get('AcFeatureValueCheck_Title')));
    });
});

describe('migrate:cti-adapter URLs and the shared URL policy', () => {
    it('refuses a CCP URL the policy refuses, with its message, and writes nothing for it', () => {
        const org = standInOrg((state) => {
            state.records[SOURCE_ADAPTER][0][F.instance] = 'http://mycompany.my.connect.aws';
            addAdapter(state, {
                id: 'a0FJ8000001AbCdJAK',
                name: 'CustomDomain',
                instance: 'https://ccp.mycorp.example'
            });
            addAdapter(state, {
                id: 'a0FJ8000001AbCdKAK',
                name: 'AliasOnly',
                instance: 'mycompany'
            });
        });
        const run = migrate(org, ['--target-org', 'my-org']);
        assert.equal(run.status, 1, run.out + run.err);
        assert.deepEqual(run.writes, []);
        assert.match(
            run.out,
            /could not be mapped +AC CTI Adapter ACLightningAdapter +Amazon Connect Instance "http:\/\/mycompany\.my\.connect\.aws" gives no allowed CCP URL: CCP URL "http:\/\/mycompany\.my\.connect\.aws\/ccp-v2\/" must start with https:\/\//
        );
        assert.match(
            run.out,
            /could not be mapped +AC Feature ACLightningAdapter \/ SetAgentStatusOnSessionEnd +its adapter ACLightningAdapter could not be brought across/
        );
        assert.match(
            run.out,
            /CustomDomain +.*host ccp\.mycorp\.example is not an Amazon Connect domain/
        );
        assert.match(
            run.out,
            /AliasOnly +Amazon Connect Instance "mycompany" holds the instance alias, not its URL/
        );
        assert.match(
            run.out,
            /0 were created, 0 were updated, 0 left alone, 4 could not be mapped/
        );
    });

    it("keeps an existing adapter's CCP URL when the CTI Adapter's gives none, and says so", () => {
        const org = standInOrg((state) => {
            state.records[SOURCE_ADAPTER][0][F.instance] = 'https://mycompany.my.connect.aws:8443';
            state.records.AC_CtiAdapter__c.push({
                Id: 'a01J80000000000077',
                Name: 'ACLightningAdapter',
                CCP_URL__c: 'https://mycompany.my.connect.aws/ccp-v2/',
                Amazon_Connect_Instance_Region__c: 'ap-northeast-1',
                SAML_Login_URL__c: null
            });
        });
        const run = migrate(org, ['--target-org', 'my-org']);
        assert.equal(run.status, 1);
        assert.match(
            run.out,
            /left alone +AC CTI Adapter ACLightningAdapter +every field already holds.*\n.*Amazon Connect CCP URL not mapped: .*names a port/
        );
        assert.equal(
            org.read().records.AC_CtiAdapter__c[0].CCP_URL__c,
            'https://mycompany.my.connect.aws/ccp-v2/'
        );
    });

    it('maps every Connect-domain case of the shared table as the softphone will check it', async () => {
        const policy = await importForceAppModule('ccpUrlPolicy');
        const { cases } = JSON.parse(
            fs.readFileSync(
                path.join(
                    repoRoot,
                    'force-app/main/default/lwc/ccpUrlPolicy/__tests__/data/urlPolicyCases.json'
                ),
                'utf8'
            )
        );
        let checked = 0;
        for (const c of cases.filter((c) => c.field === 'ccpUrl' && !c.customDomains)) {
            const result = ccpUrlFromInstance(c.input, policy);
            const asIs = policy.checkCcpUrl(c.input);
            if (asIs.verdict === 'allowed') {
                // An allowed CCP URL typed into the Instance field gives the same CCP URL.
                assert.deepEqual(result, { value: asIs.url }, c.input);
            } else if (
                ['notHttps', 'hasCredentials', 'hasPort', 'notConnectDomain'].includes(asIs.rule)
            ) {
                // What the policy refuses about the host is refused from the instance too.
                assert.equal(result.rule, asIs.rule, c.input);
                assert.ok(
                    result.problem.includes(
                        policy.describeRefusal(
                            policy.checkCcpUrl(
                                result.problem.match(/CCP URL "([^"]+)"/)?.[1] ?? c.input
                            )
                        )
                    ),
                    c.input
                );
            } else if (['notCcpPath', 'hasQueryOrFragment'].includes(asIs.rule)) {
                // The Instance field holds the instance URL: its path and query do not matter.
                const allowed = policy.checkCcpUrl(result.value);
                assert.equal(allowed.verdict, 'allowed', c.input);
                assert.equal(
                    new URL(result.value).origin,
                    new URL(c.input.trim()).origin.toLowerCase()
                );
            } else if (asIs.rule === 'notAUrl' && /^[\w.-]+\.[a-z]+\//i.test(c.input)) {
                // A host without https:// is read as https, as the CTI Adapter's own field allows.
                assert.equal(result.value, policy.checkCcpUrl(`https://${c.input}`).url, c.input);
            } else {
                assert.ok('problem' in result, c.input);
            }
            checked += 1;
        }
        assert.ok(checked >= 20, `checked ${checked} cases`);
        assert.deepEqual(
            ccpUrlFromInstance('https://mycompany.awsapps.com/connect/login', policy),
            {
                value: 'https://mycompany.awsapps.com/connect/ccp-v2/'
            }
        );
        assert.deepEqual(ccpUrlFromInstance('https://MyCompany.my.connect.aws/', policy), {
            value: 'https://mycompany.my.connect.aws/ccp-v2/'
        });
        assert.deepEqual(ccpUrlFromInstance('mycompany.my.connect.aws', policy), {
            value: 'https://mycompany.my.connect.aws/ccp-v2/'
        });
    });

    it('joins SSO Url and SSO Relay State the ways the CTI Adapter documents them', async () => {
        const policy = await importForceAppModule('ccpUrlPolicy');
        const relay =
            'RelayState=https://us-west-2.console.aws.amazon.com/connect/federate/abc?destination=%2Fconnect%2Fccp';
        assert.deepEqual(
            samlLoginUrl(
                'https://acme.my.salesforce.com/idp/login',
                `app=0sp0N000000Caid&${relay}`,
                policy
            ),
            {
                value: `https://acme.my.salesforce.com/idp/login?app=0sp0N000000Caid&${relay}`
            }
        );
        assert.deepEqual(
            samlLoginUrl(
                'https://sts.yourcorp.com/adfs/ls/idpinitiatedsignon.aspx',
                `&${relay}`,
                policy
            ),
            {
                value: `https://sts.yourcorp.com/adfs/ls/idpinitiatedsignon.aspx?${relay}`
            }
        );
        assert.deepEqual(samlLoginUrl(null, null, policy), { value: null });
        assert.match(samlLoginUrl(null, relay, policy).problem, /SSO Url is empty/);
        assert.match(
            samlLoginUrl('http://idp.example.com/sso', null, policy).problem,
            /must start with https:\/\//
        );
    });
});

describe('migrate:cti-adapter when the org refuses a write', () => {
    it("reports the org's message, leaves the adapter's features unwritten and exits 1", () => {
        const org = standInOrg((state) => {
            state.validationRules = [
                {
                    object: 'AC_CtiAdapter__c',
                    field: 'CCP_URL__c',
                    mustMatch: '^https://[a-z0-9-]+\\.awsapps\\.com/',
                    message: 'Amazon Connect CCP URL: only awsapps.com in this org'
                }
            ];
        });
        const run = migrate(org, ['--target-org', 'my-org']);
        assert.equal(run.status, 1, run.out);
        assert.match(
            run.out,
            /failed +AC CTI Adapter ACLightningAdapter +.*FIELD_CUSTOM_VALIDATION_EXCEPTION: Amazon Connect CCP URL: only awsapps\.com in this org/
        );
        assert.match(
            run.out,
            /failed +AC Feature ACLightningAdapter \/ SetAgentStatusOnSessionEnd +not written: its adapter ACLightningAdapter was not created/
        );
        assert.match(run.out, /0 were created, .* 2 failed/);
        assert.deepEqual(org.read().records.AC_CtiAdapter__c, []);
    });
});

describe('migrate:cti-adapter when it cannot start', () => {
    it('names a label it cannot find and the --map that fixes it; the --map then works', () => {
        const org = standInOrg((state) =>
            editDescribe(state, SOURCE_FEATURE, (d) => {
                d.fields.find((f) => f.name === F.value).label = 'Feature Value';
            })
        );
        const run = migrate(org, ['--target-org', 'my-org']);
        assert.equal(run.status, 3);
        assert.match(
            run.out,
            /No field labelled "Value" on amazonconnect__AC_Fixture_Setting__c .*--map "Value=<API name>"/
        );
        assert.match(run.out, /Labels are read in your Salesforce user's language/);
        assert.deepEqual(run.writes, []);

        const mapped = migrate(org, ['--target-org', 'my-org', '--map', `Value=${F.value}`]);
        assert.equal(mapped.status, 0, mapped.out);
        assert.equal(org.read().records.AC_Feature__c[0].Value__c, 'Status:Offline');
    });

    it('goes on without an optional field the adapter version lacks, when told so', () => {
        const org = standInOrg((state) =>
            editDescribe(state, SOURCE_ADAPTER, (d) => {
                d.fields = d.fields.filter((f) => f.label !== 'SSO Relay State');
            })
        );
        const run = migrate(org, ['--target-org', 'my-org', '--dry-run']);
        assert.equal(run.status, 3);
        assert.match(
            run.out,
            /No field labelled "SSO Relay State".*add --map "SSO Relay State=" to go on without it/
        );
        const mapped = migrate(org, [
            '--target-org',
            'my-org',
            '--dry-run',
            '--map',
            'SSO Relay State='
        ]);
        assert.equal(mapped.status, 0, mapped.out);
    });

    it('finds the fields by the Japanese labels a Japanese-speaking admin sees', () => {
        const org = standInOrg((state) => {
            editDescribe(state, SOURCE_FEATURE, (d) => {
                d.fields.find((f) => f.name === F.value).label = '値';
                d.fields.find((f) => f.name === F.active).label = 'アクティブ';
            });
            editDescribe(state, SOURCE_ADAPTER, (d) => {
                d.label = 'AC CTI アダプタ';
            });
        });
        const run = migrate(org, ['--target-org', 'my-org', '--dry-run']);
        assert.equal(run.status, 0, run.out);
        assert.match(run.out, /"Value" = amazonconnect__Fixture_Value__c/);
    });

    it('says the package is missing when it is not installed', () => {
        const org = standInOrg((state) => {
            state.describes = {};
            state.installedPackages = [];
        });
        const run = migrate(org, ['--target-org', 'my-org']);
        assert.equal(run.status, 3);
        assert.match(
            run.out,
            /CTI Adapter package \(namespace amazonconnect\) is not installed in my-org: there is nothing to migrate/
        );
        assert.deepEqual(run.writes, []);
    });

    it('says the user lacks read access when the package is there but its objects are not visible', () => {
        const org = standInOrg((state) => {
            state.unreadable = Object.keys(state.describes);
        });
        const run = migrate(org, ['--target-org', 'my-org']);
        assert.equal(run.status, 3);
        assert.match(
            run.out,
            /package is installed \(version 5\.32\.0\.1\), but your user cannot read any of its objects in my-org.*AC_Administrator permission set/
        );
    });

    it('says what to do when the AC Feature object cannot be found', () => {
        const org = standInOrg((state) => {
            state.unreadable = [SOURCE_FEATURE];
            editDescribe(state, SOURCE_ADAPTER, (d) => {
                d.childRelationships = d.childRelationships.filter(
                    (c) => c.childSObject !== SOURCE_FEATURE
                );
            });
        });
        const run = migrate(org, ['--target-org', 'my-org']);
        assert.equal(run.status, 3);
        assert.match(
            run.out,
            /No object of the amazonconnect package is labelled "AC Feature" \(looked at: .*amazonconnect__AC_CtiScript__c "AC CTI Script"\)\. If your user cannot read it, assign .*AC_Administrator.*--map "AC Feature=<API name>"/
        );
    });

    it('says which field the user cannot read', () => {
        const org = standInOrg((state) => {
            state.unreadableFields = [`${SOURCE_FEATURE}.${F.value}`];
        });
        const run = migrate(org, ['--target-org', 'my-org']);
        assert.equal(run.status, 3);
        assert.match(
            run.out,
            /A field the migration reads is not readable by your user in my-org: No such column 'amazonconnect__Fixture_Value__c'/
        );
    });

    it('tells the admin to log in when the CLI has no login for the org', () => {
        const run = migrate(standInOrg(), ['--target-org', 'other-org']);
        assert.equal(run.status, 3);
        assert.match(
            run.out,
            /no login for "other-org"\. Log in first: npx sf org login web --alias other-org/
        );
        assert.equal(run.calls.length, 1);
    });

    it('tells the admin to deploy this project first when its objects are not in the org', () => {
        const run = migrate(
            standInOrg((state) => (state.projectDeployed = false)),
            ['--target-org', 'my-org']
        );
        assert.equal(run.status, 3);
        assert.match(
            run.out,
            /This project's objects are not in my-org .*sObject type 'AC_CtiAdapter__c' is not supported.*npm run setup:org/
        );
    });
});

describe('migrate:cti-adapter fixtures', () => {
    /** The member names of a type in jsforce's types/common.d.ts, the types `sf` returns. */
    function typeKeys(typeName) {
        const dts = fs.readFileSync(
            path.join(repoRoot, 'node_modules/@jsforce/jsforce-node/lib/types/common.d.ts'),
            'utf8'
        );
        const body = new RegExp(
            `export type ${typeName} = (?:\\w+ & )?\\{([\\s\\S]*?)\\n\\};`
        ).exec(dts)[1];
        return [...body.matchAll(/^ {4}(\w+)\??:/gm)].map((m) => m[1]).sort();
    }

    it("describe answers carry exactly the keys of the CLI's DescribeSObjectResult and Field types", () => {
        const objectKeys = [
            ...typeKeys('DescribeSObjectResult'),
            ...typeKeys('DescribeGlobalSObjectResult')
        ].sort();
        for (const file of fs.readdirSync(ANSWERS).filter((f) => f.startsWith('describe-'))) {
            const answer = JSON.parse(fs.readFileSync(path.join(ANSWERS, file), 'utf8'));
            assert.deepEqual(Object.keys(answer).sort(), [
                '$comment',
                'result',
                'status',
                'warnings'
            ]);
            assert.deepEqual(Object.keys(answer.result).sort(), objectKeys, file);
            for (const field of answer.result.fields)
                assert.deepEqual(
                    Object.keys(field).sort(),
                    typeKeys('Field'),
                    `${file} ${field.name}`
                );
            for (const child of answer.result.childRelationships) {
                assert.deepEqual(Object.keys(child).sort(), typeKeys('ChildRelationship'), file);
            }
            for (const info of answer.result.recordTypeInfos)
                assert.deepEqual(Object.keys(info).sort(), typeKeys('RecordTypeInfo'), file);
        }
    });
});

describe('migrate:cti-adapter commands', () => {
    it("uses only commands and flags the project's sf CLI declares (its plugins' oclif manifests)", () => {
        const manifests = ['plugin-data', 'plugin-schema', 'plugin-packaging'].map(
            (plugin) =>
                JSON.parse(
                    fs.readFileSync(
                        path.join(
                            repoRoot,
                            'node_modules/@salesforce',
                            plugin,
                            'oclif.manifest.json'
                        ),
                        'utf8'
                    )
                ).commands
        );
        const commands = Object.assign({}, ...manifests);
        const built = [
            sfCli.listCustomObjectsCommand('my-org'),
            sfCli.describeCommand('my-org', 'X__c'),
            sfCli.installedPackagesCommand('my-org'),
            sfCli.queryCommand('my-org', 'SELECT Id FROM X__c'),
            sfCli.createRecordCommand('my-org', 'X__c', 'Name="a"'),
            sfCli.updateRecordCommand('my-org', 'X__c', 'a01J80000000000001', 'Name="a"')
        ];
        for (const { args } of built) {
            const words = args.slice(
                0,
                args.findIndex((a) => a.startsWith('--'))
            );
            const command = commands[words.join(':')];
            assert.ok(command, `sf ${words.join(' ')} exists`);
            for (const flag of args.filter((a) => a.startsWith('--')).map((a) => a.slice(2))) {
                assert.ok(command.flags[flag], `sf ${words.join(' ')} --${flag}`);
            }
        }
    });
});

describe('migrate:cti-adapter stand-in answers as the real sf CLI does', () => {
    // The real CLI (node_modules/.bin/sf 2.146.3) logged in to the stand-in's org served over the
    // REST API on loopback, with its own HOME so no login of the user is read or written.
    const REAL_SF = path.join(repoRoot, 'node_modules', '.bin', 'sf');
    let home;
    let server;
    let real;
    let standIn;
    const env = () => ({
        ...process.env,
        HOME: home,
        USERPROFILE: home,
        PATH: `${path.join(repoRoot, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH}`,
        SF_DISABLE_TELEMETRY: 'true',
        SF_AUTOUPDATE_DISABLE: 'true',
        SF_SKIP_NEW_VERSION_CHECK: 'true'
    });
    const spawnAsync = (program, args, extraEnv = {}) =>
        new Promise((resolve) => {
            const child = spawn(program, args, { cwd: repoRoot, env: { ...env(), ...extraEnv } });
            let stdout = '';
            child.stdout.on('data', (chunk) => (stdout += chunk));
            child.stderr.resume();
            child.on('close', (status) => resolve({ status, stdout }));
        });
    /** What differs between two runs of the same command by nature: where the code ran. */
    const comparable = (stdout) => {
        const json = JSON.parse(stdout);
        delete json.stack;
        delete json.cause;
        return json;
    };

    before(async () => {
        real = standInOrg();
        standIn = standInOrg();
        home = path.join(real.dir, 'home');
        fs.mkdirSync(home);
        server = await startRestOrg(real.file);
        const login = await spawnAsync(
            REAL_SF,
            [
                'org',
                'login',
                'access-token',
                '--instance-url',
                server.url,
                '--no-prompt',
                '--alias',
                'my-org',
                '--json'
            ],
            { SF_ACCESS_TOKEN: '00DJ8000000AbCd!AQEAQstandin' }
        );
        assert.equal(login.status, 0, login.stdout);
    });
    after(() => server?.close());

    it('prints the same for every command the migration runs, answers and errors alike', async () => {
        const reads = [
            sfCli.listCustomObjectsCommand('my-org'),
            sfCli.describeCommand('my-org', SOURCE_ADAPTER),
            sfCli.describeCommand('my-org', 'Nope__c'),
            sfCli.installedPackagesCommand('my-org'),
            sfCli.queryCommand(
                'my-org',
                `SELECT Id, Name, ${F.instance} FROM ${SOURCE_ADAPTER} ORDER BY Name`
            ),
            sfCli.queryCommand('my-org', 'SELECT Id FROM Nope__c')
        ];
        const writes = [
            sfCli.createRecordCommand(
                'my-org',
                'AC_CtiAdapter__c',
                encodeValues([
                    ['Name', 'Sales'],
                    ['CCP_URL__c', 'https://sales.my.connect.aws/ccp-v2/']
                ])
            ),
            sfCli.updateRecordCommand(
                'my-org',
                'AC_CtiAdapter__c',
                'a01J80000000000001',
                encodeValues([
                    ['Amazon_Connect_Instance_Region__c', 'ap-northeast-1'],
                    ['SAML_Login_URL__c', null]
                ])
            ),
            sfCli.createRecordCommand(
                'my-org',
                'AC_CtiAdapter__c',
                encodeValues([['Name', 'NoCcpUrl']])
            ),
            sfCli.createRecordCommand(
                'my-org',
                'AC_Feature__c',
                encodeValues([
                    ['Name', 'SetAgentStatusOnSessionEnd'],
                    ['Value__c', '\uFEFFStatus:"Away"\r\nIfProfileNameIncludes:On-Call'],
                    ['Active__c', true],
                    ['CTI_Adapter__c', 'a01J80000000000001']
                ])
            ),
            sfCli.queryCommand(
                'my-org',
                'SELECT Id, Name, Value__c, Active__c, CTI_Adapter__c FROM AC_Feature__c'
            )
        ];
        const both = (command) =>
            Promise.all([
                spawnAsync(REAL_SF, command.args),
                spawnAsync(path.join(STAND_IN, 'sf'), command.args, {
                    SF_STAND_IN_STATE: standIn.file
                })
            ]);
        const answers = [...(await Promise.all(reads.map(both)))];
        for (const command of writes) answers.push(await both(command)); // in order: ids follow
        for (const [index, [fromReal, fromStandIn]] of answers.entries()) {
            const shown = sfCli.formatCommand([...reads, ...writes][index]);
            assert.equal(fromStandIn.status, fromReal.status, shown);
            assert.deepEqual(comparable(fromStandIn.stdout), comparable(fromReal.stdout), shown);
        }
        assert.ok(answers.some(([r]) => r.status !== 0) && answers.some(([r]) => r.status === 0));
        assert.deepEqual(standIn.read(), real.read(), 'the same records after the same writes');
    });
});

describe('migrate:cti-adapter --values', () => {
    const text = fc.string({
        unit: fc.constantFrom(
            'a',
            'Z',
            ' ',
            '\t',
            '\r',
            '\n',
            '\uFEFF',
            '"',
            "'",
            '=',
            '{',
            '}',
            ':',
            ',',
            '退',
            '\\',
            '&',
            '1'
        ),
        maxLength: 40
    });

    it('the CLI reads back exactly the text and checkbox sent, whatever the text', () => {
        fc.assert(
            fc.property(text, text, fc.boolean(), (name, value, active) => {
                fc.pre(!unsendableReason(name) && !unsendableReason(value));
                const sent = encodeValues([
                    ['Name', name],
                    ['Value__c', value],
                    ['Active__c', active]
                ]);
                assert.deepEqual(stringToDictionary(sent), {
                    Name: name,
                    Value__c: value,
                    Active__c: active
                });
            }),
            { numRuns: 3000 }
        );
    });

    it('refuses exactly the texts the CLI would change', () => {
        for (const value of ['true', ' FALSE ', '{"a":1}', '{}']) {
            assert.ok(unsendableReason(value), value);
            assert.notDeepEqual(
                stringToDictionary(`Value__c="${value.replace(/"/g, '')}"`).Value__c,
                value
            );
        }
        for (const value of ['Enabled:true', '{not json}', 'x}{'])
            assert.equal(unsendableReason(value), null, value);
    });
});

describe('migrate:cti-adapter plan, against a model of the org', () => {
    // Any CTI Adapter content, written to an org that may already hold some of it: after one
    // migration, planning again finds nothing to write, and every feature holds its Value unchanged.
    const name = fc.constantFrom(
        'ACLightningAdapter',
        'aclightningadapter',
        'Sales',
        'Support',
        ' Sales ',
        ''
    );
    const featureName = fc.constantFrom(
        'SetAgentStatusOnSessionEnd',
        'GlobalResiliency',
        'setagentstatusonsessionend',
        'X'
    );
    const value = fc.option(
        fc.string({
            unit: fc.constantFrom('S', ':', '\r', '\n', '\uFEFF', '"', ' ', 'x'),
            maxLength: 12
        }),
        { nil: null }
    );
    const instance = fc.constantFrom(
        'https://mycompany.my.connect.aws',
        'https://old.awsapps.com/connect/login',
        'http://x.my.connect.aws',
        'alias',
        null
    );
    const region = fc.constantFrom('ap-northeast-1', 'US-EAST-1', 'eu-west-1', null);
    const source = fc
        .array(
            fc.record({
                name,
                instance,
                region,
                features: fc.array(
                    fc.record({
                        name: featureName,
                        value,
                        active: fc.option(fc.boolean(), { nil: null })
                    }),
                    { maxLength: 3 }
                )
            }),
            { maxLength: 4 }
        )
        .map((adapters) => ({
            adapters: adapters.map((a, i) => ({
                id: `A${i}`,
                name: a.name,
                instance: a.instance,
                region: a.region,
                ssoUrl: null,
                ssoRelayState: null
            })),
            features: adapters.flatMap((a, i) =>
                a.features.map((f, j) => ({ id: `F${i}${j}`, adapterId: `A${i}`, ...f }))
            )
        }));

    /** Applies a plan as the org would: '' and null are stored as null. */
    function apply(plan, target) {
        let next = 0;
        const createdIds = new Map();
        for (const [index, row] of plan.entries()) {
            const values = Object.fromEntries(row.values.map(([k, v]) => [k, v === '' ? null : v]));
            if (row.outcome === 'create') {
                const id = `T${next++}`;
                createdIds.set(index, id);
                if (row.object === 'AC_CtiAdapter__c') target.adapters.push({ Id: id, ...values });
                else
                    target.features.push({
                        Id: id,
                        CTI_Adapter__c:
                            plan[row.parentRow].targetId ?? createdIds.get(row.parentRow),
                        ...values
                    });
            } else if (row.outcome === 'update') {
                const list = row.object === 'AC_CtiAdapter__c' ? target.adapters : target.features;
                Object.assign(
                    list.find((r) => r.Id === row.targetId),
                    values
                );
            }
        }
    }

    it('a second plan after applying the first writes nothing', async () => {
        const context = {
            policy: await importForceAppModule('ccpUrlPolicy'),
            regions: supportedRegions(),
            valueMaxLength: valueMaxLength()
        };
        fc.assert(
            fc.property(source, (src) => {
                const target = { adapters: [], features: [] };
                apply(planMigration(src, target, context), target);
                const again = planMigration(src, target, context);
                assert.deepEqual(
                    again.filter((r) => r.outcome === 'create' || r.outcome === 'update'),
                    []
                );
                for (const row of again.filter(
                    (r) => r.object === 'AC_Feature__c' && r.outcome === 'unchanged'
                )) {
                    const stored = target.features.find((f) => f.Id === row.targetId);
                    const from = src.features.find(
                        (f) =>
                            f.name?.trim().toLowerCase() === row.name.toLowerCase() &&
                            src.adapters.find((a) => a.id === f.adapterId)?.name?.trim() ===
                                row.adapterName
                    );
                    assert.equal(stored.Value__c ?? null, from.value === '' ? null : from.value);
                    assert.equal(stored.Active__c, from.active === true);
                }
            }),
            { numRuns: 400 }
        );
    });

    const context = async () => ({
        policy: await importForceAppModule('ccpUrlPolicy'),
        regions: supportedRegions(),
        valueMaxLength: valueMaxLength()
    });
    const adapter = (over = {}) => ({
        id: 'A1',
        name: 'ACLightningAdapter',
        instance: 'https://mycompany.my.connect.aws',
        region: null,
        ssoUrl: null,
        ssoRelayState: null,
        ...over
    });

    it('writes an adapter without a region this project does not list, and says why', async () => {
        const [row] = planMigration(
            { adapters: [adapter({ region: 'eu-west-1' })], features: [] },
            { adapters: [], features: [] },
            await context()
        );
        assert.equal(row.outcome, 'create');
        assert.deepEqual(
            row.values.map(([field]) => field),
            ['Name', 'CCP_URL__c']
        );
        assert.match(
            row.notes[0],
            /Amazon Connect Instance Region not mapped: .*"eu-west-1" is not one .*ap-northeast-1/
        );
    });

    it('does not guess between two records of the same name', async () => {
        const ctx = await context();
        const twice = planMigration(
            {
                adapters: [adapter(), adapter({ id: 'A2', name: 'aclightningadapter ' })],
                features: []
            },
            { adapters: [], features: [] },
            ctx
        );
        assert.deepEqual(
            twice.map((r) => r.outcome),
            ['unmapped', 'unmapped']
        );
        assert.match(twice[0].reasons[0], /has 2 adapters named/);
        const features = planMigration(
            {
                adapters: [adapter()],
                features: [
                    {
                        id: 'F1',
                        adapterId: 'A1',
                        name: 'SetAgentStatusOnSessionEnd',
                        value: 'Status:Offline',
                        active: true
                    },
                    {
                        id: 'F2',
                        adapterId: 'A1',
                        name: 'setagentstatusonsessionend',
                        value: 'Status:Away',
                        active: true
                    }
                ]
            },
            { adapters: [], features: [] },
            ctx
        );
        assert.deepEqual(
            features.map((r) => r.outcome),
            ['create', 'unmapped', 'unmapped']
        );
        const targets = planMigration(
            { adapters: [adapter()], features: [] },
            {
                adapters: [
                    { Id: 'T1', Name: 'ACLightningAdapter' },
                    { Id: 'T2', Name: 'ACLIGHTNINGADAPTER' }
                ],
                features: []
            },
            ctx
        );
        assert.match(
            targets[0].reasons[0],
            /this project has 2 AC CTI Adapters named "ACLightningAdapter" \(T1, T2\)/
        );
    });

    it("refuses a Value longer than this project's Value field holds, rather than cut it", async () => {
        const ctx = await context();
        const long = 'x'.repeat(ctx.valueMaxLength + 1);
        const rows = planMigration(
            {
                adapters: [adapter()],
                features: [{ id: 'F1', adapterId: 'A1', name: 'Big', value: long, active: true }]
            },
            { adapters: [], features: [] },
            ctx
        );
        assert.equal(rows[1].outcome, 'unmapped');
        assert.match(
            rows[1].reasons[0],
            new RegExp(`Value has ${long.length} characters; this project's Value holds 32768`)
        );
    });

    it("maps every field of this project's adapter that the CTI Adapter has a counterpart for", () => {
        assert.deepEqual(
            ADAPTER_TARGET_FIELDS.map((f) => f.field),
            ['Name', 'CCP_URL__c', 'Amazon_Connect_Instance_Region__c', 'SAML_Login_URL__c']
        );
    });
});
