// `npm run setup:org`: the command line as a user runs it (dry runs, refusals, help), the generated
// Trusted URL checked by the Salesforce CLI's own converter, and the live-run step logic driven by a
// stand-in for the CLI (no org is reachable from tests).
//   node --test scripts/__tests__/
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseSetupArgs } from '../setup-org/args.mjs';
import { lightningOrigin } from '../setup-org/nextSteps.mjs';
import { repoRoot, supportedRegions } from '../setup-org/projectFacts.mjs';
import { runSetup, StepFailedError } from '../setup-org/runSetup.mjs';

const SCRIPT = path.join(repoRoot, 'scripts', 'setup-org.mjs');
const GOOD_URL = 'https://mycompany.my.connect.aws/ccp-v2/';
const SF_ENV = { SF_DISABLE_TELEMETRY: 'true', SF_AUTOUPDATE_DISABLE: 'true' };
// Every CspTrustedSite field the Metadata API documents (API 59.0+), so a typo cannot pass.
const CSP_FIELDS = new Set([
    'canAccessCamera',
    'canAccessMicrophone',
    'context',
    'description',
    'endpointUrl',
    'isActive',
    'isApplicableToConnectSrc',
    'isApplicableToFontSrc',
    'isApplicableToFrameSrc',
    'isApplicableToImgSrc',
    'isApplicableToMediaSrc',
    'isApplicableToStyleSrc',
    'mobileExtension'
]);

const tempDirs = [];
function tempDir() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'setup-org-test-'));
    tempDirs.push(dir);
    return dir;
}
after(() => tempDirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/**
 * Runs the script with `npm` and `npx` on PATH replaced by recorders, so a test sees any command
 * the script tried to run instead of it reaching a real org or rebuilding the repo.
 */
function runScript(args) {
    const fakeBin = tempDir();
    const calls = path.join(fakeBin, 'calls.log');
    for (const name of ['npm', 'npx']) {
        const file = path.join(fakeBin, name);
        fs.writeFileSync(file, `#!/bin/sh\necho "${name} $*" >> "${calls}"\nexit 99\n`);
        fs.chmodSync(file, 0o755);
    }
    const result = spawnSync(process.execPath, [SCRIPT, ...args], {
        cwd: repoRoot,
        encoding: 'utf8',
        env: { ...process.env, PATH: `${fakeBin}${path.delimiter}${process.env.PATH}` }
    });
    const ran = fs.existsSync(calls) ? fs.readFileSync(calls, 'utf8').trim().split('\n') : [];
    return { status: result.status, stdout: result.stdout, stderr: result.stderr, ran };
}

function readJson(file) {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
}

const xml = new XMLParser({ parseTagValue: false, ignoreAttributes: false });

describe('setup:org --dry-run', () => {
    const out = tempDir();
    const folder = path.join(out, 'my-org');
    const run = runScript([
        '--target-org',
        'my-org',
        '--ccp-url',
        'https://mycompany.my.connect.aws/ccp-v2',
        '--region',
        'eu-west-2',
        '--saml-login-url',
        'https://idp.example.com/sso/saml?RelayState=connect',
        '--agent',
        'agent1@mycompany.com',
        '--agent',
        'agent2@mycompany.com',
        '--adapter-name',
        'LondonAdapter',
        '--output-dir',
        out,
        '--dry-run'
    ]);
    const cspFile = path.join(
        folder,
        'cspTrustedSites',
        'AmazonConnect_mycompany.cspTrustedSite-meta.xml'
    );

    it('exits 0 and runs no command at all', () => {
        assert.equal(run.status, 0, run.stderr);
        assert.deepEqual(run.ran, []);
    });

    it('says it added the missing trailing slash', () => {
        assert.match(
            run.stdout,
            /added the trailing slash to the CCP URL: https:\/\/mycompany\.my\.connect\.aws\/ccp-v2\//
        );
    });

    it('prints every step in order with the exact command', () => {
        const expected = [
            '[1/7] Check that the Salesforce CLI is logged in to my-org',
            '$ npx sf org display --target-org my-org --json',
            '[2/7] Build',
            '$ npm run build',
            '[3/7] Write the deploy folder',
            `$ npx sf project deploy start --source-dir force-app --source-dir ${folder}/cspTrustedSites --target-org my-org`,
            '[5/7] Assign permission sets',
            '$ npx sf org assign permset --name Connect_Softphone_Admin --target-org my-org --json',
            '$ npx sf org assign permset --name Connect_Softphone_Agent --on-behalf-of agent1@mycompany.com --on-behalf-of agent2@mycompany.com --target-org my-org --json',
            '[6/7] Import the configuration records',
            `$ npx sf data import tree --plan ${folder}/data/plan.json --target-org my-org`,
            '[7/7] What is left for you',
            'Approved origins',
            'https://<your-domain>.lightning.force.com',
            'Amazon Connect Console',
            'AC CTI Adapter Name: LondonAdapter'
        ];
        let from = 0;
        for (const text of expected) {
            const at = run.stdout.indexOf(text, from);
            assert.ok(at >= 0, `missing or out of order: ${text}\n${run.stdout}`);
            from = at + text.length;
        }
    });

    it('writes a Trusted URL for the instance origin with frame-src and connect-src', () => {
        const source = fs.readFileSync(cspFile, 'utf8');
        assert.equal(XMLValidator.validate(source), true);
        const site = xml.parse(source).CspTrustedSite;
        assert.equal(site['@_xmlns'], 'http://soap.sforce.com/2006/04/metadata');
        assert.equal(site.endpointUrl, 'https://mycompany.my.connect.aws');
        assert.equal(site.context, 'All');
        assert.equal(site.isActive, 'true');
        assert.equal(site.isApplicableToFrameSrc, 'true');
        assert.equal(site.isApplicableToConnectSrc, 'true');
        assert.equal(site.canAccessMicrophone, 'true');
        const unknown = Object.keys(site).filter((k) => !k.startsWith('@_') && !CSP_FIELDS.has(k));
        assert.deepEqual(unknown, []);
        // The Metadata API reads fields in the WSDL's (alphabetical) order.
        const names = Object.keys(site).filter((k) => !k.startsWith('@_'));
        assert.deepEqual(names, [...names].sort());
    });

    it("writes the data plan with this org's values filled in", () => {
        const plan = readJson(path.join(folder, 'data', 'plan.json'));
        assert.deepEqual(plan, readJson(path.join(repoRoot, 'data', 'plan.json')));
        const [adapter] = readJson(path.join(folder, 'data', 'AC_CtiAdapter__c.json')).records;
        assert.equal(adapter.Name, 'LondonAdapter');
        assert.equal(adapter.CCP_URL__c, 'https://mycompany.my.connect.aws/ccp-v2/');
        assert.equal(adapter.Amazon_Connect_Instance_Region__c, 'eu-west-2');
        assert.equal(
            adapter.SAML_Login_URL__c,
            'https://idp.example.com/sso/saml?RelayState=connect'
        );
        assert.equal(adapter.attributes.referenceId, 'ACLightningAdapterRef');
        const [feature] = readJson(path.join(folder, 'data', 'AC_Feature__c.json')).records;
        assert.equal(feature.CTI_Adapter__c, '@ACLightningAdapterRef');
        assert.equal(feature.Value__c, 'Status:Offline');
    });

    it('writes a Trusted URL that sf project convert source turns into a CspTrustedSite', () => {
        const mdapi = path.join(tempDir(), 'mdapi');
        const convert = spawnSync(
            'npx',
            [
                '--no-install',
                'sf',
                'project',
                'convert',
                'source',
                '-d',
                mdapi,
                '-r',
                path.join(folder, 'cspTrustedSites'),
                '--json'
            ],
            { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, ...SF_ENV } }
        );
        assert.equal(convert.status, 0, convert.stdout + convert.stderr);
        const types = [
            xml.parse(fs.readFileSync(path.join(mdapi, 'package.xml'), 'utf8')).Package.types
        ].flat();
        assert.deepEqual(types, [{ members: 'AmazonConnect_mycompany', name: 'CspTrustedSite' }]);
        const converted = fs.readFileSync(
            path.join(mdapi, 'cspTrustedSites', 'AmazonConnect_mycompany.cspTrustedSite'),
            'utf8'
        );
        assert.equal(
            xml.parse(converted).CspTrustedSite.endpointUrl,
            'https://mycompany.my.connect.aws'
        );
    });
});

describe('setup:org with the presence backstop', () => {
    const out = tempDir();
    const folder = path.join(out, 'my-org');
    const run = runScript([
        '--target-org',
        'my-org',
        '--ccp-url',
        GOOD_URL,
        '--presence-service-url',
        'https://abc123.execute-api.eu-west-2.amazonaws.com/',
        '--presence-certificate',
        'Presence_Signing',
        '--output-dir',
        out,
        '--dry-run'
    ]);

    it('writes a connect-src Trusted URL for the service, never a frame or the microphone', () => {
        assert.equal(run.status, 0, run.stdout + run.stderr);
        const file = path.join(
            folder,
            'cspTrustedSites',
            'Presence_Backstop_Service.cspTrustedSite-meta.xml'
        );
        const site = xml.parse(fs.readFileSync(file, 'utf8')).CspTrustedSite;
        assert.equal(site.endpointUrl, 'https://abc123.execute-api.eu-west-2.amazonaws.com');
        assert.equal(site.isApplicableToConnectSrc, 'true');
        assert.equal(site.isApplicableToFrameSrc, 'false');
        assert.equal(site.canAccessMicrophone, 'false');
        const names = Object.keys(site).filter((k) => !k.startsWith('@_'));
        assert.deepEqual(names, [...names].sort());
        assert.match(run.stdout, /Trusted URL Presence_Backstop_Service: https:\/\/abc123/);
    });

    it('fills the adapter presence fields in the data plan', () => {
        const [adapter] = readJson(path.join(folder, 'data', 'AC_CtiAdapter__c.json')).records;
        assert.equal(
            adapter.Presence_Service_URL__c,
            'https://abc123.execute-api.eu-west-2.amazonaws.com/'
        );
        assert.equal(adapter.Presence_Certificate_Name__c, 'Presence_Signing');
    });
});

describe('setup:org refuses a bad command line with exit 2 and writes nothing', () => {
    const refusals = [
        {
            name: 'an http CCP URL',
            args: [
                '--target-org',
                'my-org',
                '--ccp-url',
                'http://mycompany.my.connect.aws/ccp-v2/'
            ],
            message:
                /--ccp-url http:\/\/mycompany\.my\.connect\.aws\/ccp-v2\/ must use https: Amazon Connect serves the CCP only over https\. Example: https:\/\/mycompany\.my\.connect\.aws\/ccp-v2\//
        },
        {
            name: 'a host that is not a Connect domain',
            args: ['--target-org', 'my-org', '--ccp-url', 'https://ccp.mycompany.com/ccp-v2/'],
            message: /host ccp\.mycompany\.com is not an Amazon Connect domain.*add --custom-domain/
        },
        {
            name: 'garbage',
            args: ['--target-org', 'my-org', '--ccp-url', 'not a url'],
            message:
                /--ccp-url "not a url" is not a URL.*https:\/\/mycompany\.my\.connect\.aws\/ccp-v2\//
        },
        {
            name: 'the Connect admin website instead of the CCP',
            args: [
                '--target-org',
                'my-org',
                '--ccp-url',
                'https://mycompany.my.connect.aws/connect/home'
            ],
            message:
                /path \/connect\/home is not the Contact Control Panel.*Use https:\/\/mycompany\.my\.connect\.aws\/ccp-v2\//
        },
        {
            name: 'a legacy domain without /connect',
            args: ['--target-org', 'my-org', '--ccp-url', 'https://mycompany.awsapps.com/ccp-v2/'],
            message: /Use https:\/\/mycompany\.awsapps\.com\/connect\/ccp-v2\//
        },
        {
            name: 'no --target-org',
            args: ['--ccp-url', GOOD_URL],
            message: /missing --target-org/
        },
        {
            name: 'no --ccp-url',
            args: ['--target-org', 'my-org'],
            message: /missing --ccp-url/
        },
        {
            name: '--target-org with no value before the next option',
            args: ['--target-org', '--ccp-url', GOOD_URL],
            message: /--target-org needs a value/
        },
        {
            name: 'an alias that is not a folder name',
            args: ['--target-org', '../escape', '--ccp-url', GOOD_URL],
            message: /--target-org "\.\.\/escape" is not a usable alias/
        },
        {
            name: 'an unknown option',
            args: ['--target-org', 'my-org', '--ccp-url', GOOD_URL, '--regoin', 'us-east-1'],
            message: /unknown option --regoin.*--help/
        },
        {
            name: 'an agent that is not a username',
            args: ['--target-org', 'my-org', '--ccp-url', GOOD_URL, '--agent', 'bob'],
            message: /--agent "bob" is not a Salesforce username/
        },
        {
            name: 'an http presence service URL',
            args: [
                '--target-org',
                'my-org',
                '--ccp-url',
                GOOD_URL,
                '--presence-service-url',
                'http://abc123.execute-api.eu-west-2.amazonaws.com/'
            ],
            message: /--presence-service-url http:\/\/abc123\..* must start with https:\/\//
        },
        {
            name: 'a presence certificate without the presence service URL',
            args: [
                '--target-org',
                'my-org',
                '--ccp-url',
                GOOD_URL,
                '--presence-certificate',
                'Presence_Signing'
            ],
            message: /--presence-certificate needs --presence-service-url/
        },
        {
            name: 'an http SAML login URL',
            args: [
                '--target-org',
                'my-org',
                '--ccp-url',
                GOOD_URL,
                '--saml-login-url',
                'http://idp.example.com/'
            ],
            message: /--saml-login-url http:\/\/idp\.example\.com\/ must use https/
        }
    ];
    for (const { name, args, message } of refusals) {
        it(`refuses ${name}`, () => {
            const out = path.join(tempDir(), 'out');
            const run = runScript([...args, '--output-dir', out, '--dry-run']);
            assert.equal(run.status, 2, run.stdout + run.stderr);
            assert.match(run.stderr, message);
            assert.equal(run.stdout, '');
            assert.equal(fs.existsSync(out), false, 'nothing may be written');
            assert.deepEqual(run.ran, []);
        });
    }

    it('names both missing arguments at once', () => {
        const run = runScript(['--dry-run']);
        assert.equal(run.status, 2);
        assert.match(run.stderr, /missing --target-org.*\nmissing --ccp-url/);
    });

    it("lists the regions the adapter's region picklist accepts", () => {
        const run = runScript([
            '--target-org',
            'my-org',
            '--ccp-url',
            GOOD_URL,
            '--region',
            'mars-north-1',
            '--dry-run',
            '--output-dir',
            tempDir()
        ]);
        assert.equal(run.status, 2);
        const regions = supportedRegions();
        assert.ok(regions.includes('ap-northeast-1'));
        assert.ok(run.stderr.includes(`Use one of: ${regions.join(', ')}`), run.stderr);
        assert.match(run.stderr, /Amazon_Connect_Instance_Region__c\.field-meta\.xml/);
    });
});

describe('setup:org domains', () => {
    it('accepts a custom domain when --custom-domain says so', () => {
        const out = tempDir();
        const run = runScript([
            '--target-org',
            'my-org',
            '--ccp-url',
            'https://ccp.mycompany.com/ccp-v2/',
            '--custom-domain',
            '--output-dir',
            out,
            '--dry-run'
        ]);
        assert.equal(run.status, 0, run.stderr);
        assert.match(
            run.stdout,
            /ccp\.mycompany\.com is not an Amazon Connect domain; trusting it because --custom-domain was given/
        );
        const file = path.join(
            out,
            'my-org',
            'cspTrustedSites',
            'AmazonConnect_ccp_mycompany_com.cspTrustedSite-meta.xml'
        );
        assert.equal(
            xml.parse(fs.readFileSync(file, 'utf8')).CspTrustedSite.endpointUrl,
            'https://ccp.mycompany.com'
        );
        // The adapter lists the host, so the softphone and the validation rule accept the URL.
        const [adapter] = readJson(
            path.join(out, 'my-org', 'data', 'AC_CtiAdapter__c.json')
        ).records;
        assert.equal(adapter.CCP_Custom_Domains__c, 'ccp.mycompany.com');
    });

    it('accepts a legacy awsapps.com instance and trusts its origin', () => {
        const out = tempDir();
        const run = runScript([
            '--target-org',
            'my-org',
            '--ccp-url',
            'https://old-instance.awsapps.com/connect/ccp-v2/',
            '--output-dir',
            out,
            '--dry-run'
        ]);
        assert.equal(run.status, 0, run.stderr);
        const file = path.join(
            out,
            'my-org',
            'cspTrustedSites',
            'AmazonConnect_old_instance.cspTrustedSite-meta.xml'
        );
        assert.equal(
            xml.parse(fs.readFileSync(file, 'utf8')).CspTrustedSite.endpointUrl,
            'https://old-instance.awsapps.com'
        );
        const [adapter] = readJson(
            path.join(out, 'my-org', 'data', 'AC_CtiAdapter__c.json')
        ).records;
        assert.equal(adapter.CCP_URL__c, 'https://old-instance.awsapps.com/connect/ccp-v2/');
        assert.equal(adapter.Amazon_Connect_Instance_Region__c, undefined, 'no placeholder region');
    });

    it('drops the Trusted URL of an earlier run for another instance', () => {
        const out = tempDir();
        runScript([
            '--target-org',
            'my-org',
            '--ccp-url',
            'https://first.my.connect.aws/ccp-v2/',
            '--output-dir',
            out,
            '--dry-run'
        ]);
        runScript([
            '--target-org',
            'my-org',
            '--ccp-url',
            'https://second.my.connect.aws/ccp-v2/',
            '--output-dir',
            out,
            '--dry-run'
        ]);
        assert.deepEqual(fs.readdirSync(path.join(out, 'my-org', 'cspTrustedSites')), [
            'AmazonConnect_second.cspTrustedSite-meta.xml'
        ]);
    });
});

describe('setup:org --help', () => {
    it('prints every option and writes nothing', () => {
        const out = path.join(tempDir(), 'out');
        const run = runScript(['--help', '--output-dir', out]);
        assert.equal(run.status, 0);
        for (const option of [
            '--target-org',
            '--ccp-url',
            '--region',
            '--saml-login-url',
            '--agent',
            '--adapter-name',
            '--custom-domain',
            '--output-dir',
            '--dry-run'
        ]) {
            assert.ok(run.stdout.includes(option), `help lacks ${option}`);
        }
        assert.equal(fs.existsSync(out), false);
        assert.deepEqual(run.ran, []);
    });
});

describe('setup:org without --dry-run (CLI stand-in)', () => {
    const json = (status, body) => ({ status, stdout: JSON.stringify({ status, ...body }) });
    const knownOrg = json(0, {
        result: { username: 'admin@acme.com', instanceUrl: 'https://acme.my.salesforce.com' }
    });

    // Unless a test says otherwise: a logged-in org, assignments that succeed, no adapter yet.
    const DEFAULT_ANSWERS = [
        [/org display/, knownOrg],
        [/assign permset/, json(0, { result: { successes: [], failures: [] } })],
        [/data query/, json(0, { result: { totalSize: 0, records: [] } })]
    ];

    /** A stand-in for the CLI: answers by command, records what ran. */
    function fakeCli(answers) {
        const ran = [];
        const exec = async (command) => {
            const line = [command.program, ...command.args].join(' ');
            ran.push(line);
            const answer = [...answers, ...DEFAULT_ANSWERS].find(([pattern]) =>
                pattern.test(line)
            )?.[1];
            return { status: 0, stdout: '', stderr: '', ...answer };
        };
        return { ran, exec };
    }
    const options = (extra = []) =>
        parseSetupArgs([
            '--target-org',
            'acme',
            '--ccp-url',
            GOOD_URL,
            '--output-dir',
            tempDir(),
            ...extra
        ]).options;

    it("runs every step and fills in the org's Lightning origin", async () => {
        const lines = [];
        const cli = fakeCli([
            [
                /assign permset/,
                json(0, {
                    result: {
                        successes: [{ name: 'admin@acme.com', value: 'Connect_Softphone_Admin' }],
                        failures: []
                    }
                })
            ],
            [/data query/, json(0, { result: { totalSize: 0, records: [] } })],
            [/org display/, json(0, { result: { instanceUrl: 'https://acme.my.salesforce.com' } })]
        ]);
        await runSetup(options(), { exec: cli.exec, log: (l) => lines.push(l) });
        assert.deepEqual(
            cli.ran.map((l) => l.split(' --')[0]),
            [
                'npx sf org display',
                'npm run build',
                'npx sf project deploy start',
                'npx sf org assign permset',
                'npx sf data query',
                'npx sf data import tree'
            ]
        );
        const text = lines.join('\n');
        assert.match(text, /Connect_Softphone_Admin assigned to admin@acme\.com/);
        assert.match(text, /Add origin:\n\s+https:\/\/acme\.lightning\.force\.com/);
        assert.match(text, /Setup finished\./);
    });

    it('stops at the first failing command and runs nothing after it', async () => {
        const cli = fakeCli([[/project deploy start/, { status: 1 }]]);
        await assert.rejects(
            runSetup(options(), { exec: cli.exec, log: () => {} }),
            (error) =>
                error instanceof StepFailedError &&
                /Step 4 failed: npx sf project deploy start .*--target-org acme/.test(
                    error.message
                ) &&
                /exited with 1; its output is above/.test(error.message)
        );
        assert.equal(cli.ran.length, 3);
    });

    it('counts an existing permission set assignment and an existing adapter as done (safe to run again)', async () => {
        const lines = [];
        const duplicate = json(1, {
            result: {
                successes: [],
                failures: [
                    {
                        name: 'agent@acme.com',
                        message: 'Duplicate PermissionSetAssignment. Assignee: 005xx'
                    }
                ]
            }
        });
        const cli = fakeCli([
            [/assign permset/, duplicate],
            [/data query/, json(0, { result: { totalSize: 1, records: [{ Id: 'a00xx' }] } })]
        ]);
        await runSetup(options(['--agent', 'agent@acme.com']), {
            exec: cli.exec,
            log: (l) => lines.push(l)
        });
        assert.ok(!cli.ran.some((l) => l.includes('data import tree')), 'no second adapter');
        assert.match(lines.join('\n'), /ACLightningAdapter already exists in acme: left as it is/);
        assert.match(lines.join('\n'), /agent@acme\.com already had it/);
    });

    it('stops when a permission set cannot be assigned, naming the user and the reason', async () => {
        const cli = fakeCli([
            [
                /assign permset/,
                json(1, {
                    result: {
                        successes: [],
                        failures: [
                            {
                                name: 'gone@acme.com',
                                message: 'No record found for SELECT Id FROM User'
                            }
                        ]
                    }
                })
            ]
        ]);
        await assert.rejects(
            runSetup(options(), { exec: cli.exec, log: () => {} }),
            /Step 5 failed: .*\n\s+gone@acme\.com: No record found/
        );
        assert.ok(!cli.ran.some((l) => l.includes('data')));
    });

    it('stops before building anything when the CLI is not logged in to the org', async () => {
        const cli = fakeCli([
            [
                /org display/,
                json(1, {
                    name: 'NamedOrgNotFoundError',
                    message: 'No authorization information found for acme.'
                })
            ]
        ]);
        await assert.rejects(
            runSetup(options(), { exec: cli.exec, log: () => {} }),
            /Step 1 failed: npx sf org display --target-org acme --json\n\s+No authorization information found for acme\.\n\s+Log in first: npx sf org login web --alias acme/
        );
        assert.equal(cli.ran.length, 1);
    });

    it("stops with the CLI's message when a captured command fails outright", async () => {
        const cli = fakeCli([
            [
                /data query/,
                json(1, {
                    name: 'INVALID_TYPE',
                    message: "sObject type 'AC_CtiAdapter__c' is not supported."
                })
            ]
        ]);
        await assert.rejects(
            runSetup(options(), { exec: cli.exec, log: () => {} }),
            /Step 6 failed: .*\n\s+sObject type 'AC_CtiAdapter__c' is not supported\./
        );
        assert.ok(!cli.ran.some((l) => l.includes('data import tree')));
    });
});

describe("the Lightning origin for Connect's approved origins", () => {
    it('follows the My Domain of production, sandbox and scratch orgs', () => {
        assert.equal(
            lightningOrigin('https://acme.my.salesforce.com'),
            'https://acme.lightning.force.com'
        );
        assert.equal(
            lightningOrigin('https://acme--uat.sandbox.my.salesforce.com'),
            'https://acme--uat.sandbox.lightning.force.com'
        );
        assert.equal(
            lightningOrigin('https://speed-ruby-1234.scratch.my.salesforce.com'),
            'https://speed-ruby-1234.scratch.lightning.force.com'
        );
        assert.equal(lightningOrigin('https://na1.salesforce.com'), null);
    });
});
