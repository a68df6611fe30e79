// The CDK app synthesizes with no AWS account: Template assertions on the resources and on least
// privilege, cdk-nag AwsSolutions with every acknowledgement giving its reason, the deploy-time
// settings refused with messages that say what to fix, and the bundled Lambda code loads and runs.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { generateKeyPairSync } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { loadInfra } from '../build.mjs';

const require = createRequire(import.meta.url);
const INSTANCE_ARN =
    'arn:aws:connect:ap-northeast-1:123456789012:instance/11111111-2222-4333-8444-555555555555';
const ORIGINS = [
    'https://acme.lightning.force.com',
    'https://acme--uat.sandbox.lightning.force.com'
];
const PROPS = {
    env: { account: '123456789012', region: 'ap-northeast-1' },
    connectInstanceArn: INSTANCE_ARN,
    allowedOrigins: ORIGINS,
    certificatePem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
    tokenIssuer: 'https://acme.my.salesforce.com',
    salesforceOrgId: '00D5g000004FakeAAA'
};

let infra;
let template;
let outdir;
let assembly;
let stack;
/** Stacks made only to read their template skip esbuild bundling (CDK's own switch for it). */
const unbundledApp = () =>
    new App({
        outdir: mkdtempSync(join(tmpdir(), 'presence-cdk-')),
        context: { 'aws:cdk:bundling-stacks': [] }
    });

before(async () => {
    infra = await loadInfra();
    outdir = mkdtempSync(join(tmpdir(), 'presence-cdk-'));
    const app = new App({ outdir });
    stack = new infra.PresenceStack(app, 'Presence', PROPS);
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    // Throws "Validation failed" if cdk-nag finds anything not acknowledged.
    assembly = app.synth();
    template = Template.fromStack(stack);
    process.on('exit', () => rmSync(outdir, { recursive: true, force: true }));
});

function policyStatements() {
    const policies = template.findResources('AWS::IAM::Policy');
    return Object.entries(policies).flatMap(([id, p]) =>
        p.Properties.PolicyDocument.Statement.map((s) => ({ policy: id, ...s }))
    );
}

const asList = (v) => (Array.isArray(v) ? v : [v]);

test('synthesizes with cdk-nag AwsSolutions and nothing left unacknowledged', () => {
    assert.ok(assembly.getStackByName('Presence').template.Resources);
});

test('every cdk-nag acknowledgement says why', () => {
    const reasons = [];
    const collect = (construct) => {
        for (const entry of construct.node.metadata) {
            if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
            for (const [id, reason] of Object.entries(entry.data)) reasons.push({ id, reason });
        }
        for (const child of construct.node.children) collect(child);
    };
    collect(stack);
    assert.ok(reasons.length >= 6, `found ${reasons.length} acknowledgements`);
    for (const { id, reason } of reasons) {
        assert.match(id, /^AwsSolutions::AwsSolutions-/);
        assert.ok(typeof reason === 'string' && reason.length >= 40, `${id} has no real reason`);
    }
});

test('the HTTP API has the two POST routes, CORS to the Lightning origins only, and throttling', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
        ProtocolType: 'HTTP',
        CorsConfiguration: {
            AllowOrigins: ORIGINS,
            AllowMethods: ['POST'],
            AllowHeaders: ['content-type']
        }
    });
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map(
        (r) => r.Properties.RouteKey
    );
    assert.deepEqual(routes.sort(), ['POST /heartbeat', 'POST /leave']);
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
        StageName: '$default',
        AutoDeploy: true,
        DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
        AccessLogSettings: Match.objectLike({ Format: Match.stringLikeRegexp('requestId') })
    });
    const format = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0].Properties
        .AccessLogSettings.Format;
    assert.doesNotMatch(format, /body|token/i, 'access logs never carry the body');
});

test('two Node 22 functions bundled with esbuild; one sweeper at a time, within its minute', () => {
    template.resourceCountIs('AWS::Lambda::Function', 2);
    template.allResourcesProperties('AWS::Lambda::Function', {
        Runtime: 'nodejs22.x',
        Architectures: ['arm64']
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
        Timeout: 60,
        ReservedConcurrentExecutions: 1,
        Environment: {
            Variables: Match.objectLike({
                THRESHOLD_SECONDS: '90',
                LEAVE_GRACE_SECONDS: '15',
                PUT_USER_STATUS_PER_SECOND: '2',
                CONNECT_INSTANCE_ARN: INSTANCE_ARN,
                ALLOWED_ORIGINS: ORIGINS.join(',')
            })
        }
    });
});

test('EventBridge Scheduler starts the sweeper every minute, without piling up retries', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: 'rate(1 minute)',
        State: 'ENABLED',
        Target: Match.objectLike({
            RetryPolicy: { MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 60 }
        })
    });
});

test('DynamoDB is on demand, with TTL and point-in-time recovery', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
        BillingMode: 'PAY_PER_REQUEST',
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }]
    });
});

test('least privilege: Connect actions only for the sweeper, only on the one instance, no Resource "*"', () => {
    const statements = policyStatements();
    for (const s of statements) {
        assert.ok(!asList(s.Resource).includes('*'), `Resource "*" in ${s.policy}`);
        assert.ok(
            !asList(s.Action).some((a) => a.endsWith(':*')),
            `wildcard action in ${s.policy}`
        );
    }
    const connect = statements.filter((s) =>
        asList(s.Action).some((a) => a.startsWith('connect:'))
    );
    assert.ok(
        connect.every((s) => /^SweeperRole/.test(s.policy)),
        'only the sweeper calls Connect'
    );
    const actions = connect.flatMap((s) => asList(s.Action)).sort();
    assert.deepEqual(actions, [
        'connect:GetCurrentUserData',
        'connect:ListAgentStatuses',
        'connect:ListUsers',
        'connect:PutUserStatus',
        'connect:SearchUsers'
    ]);
    for (const s of connect) {
        for (const resource of asList(s.Resource)) {
            assert.ok(
                resource === INSTANCE_ARN || resource.startsWith(`${INSTANCE_ARN}/`),
                `${resource} is outside the instance`
            );
        }
    }
    const put = connect.find((s) => asList(s.Action).includes('connect:PutUserStatus'));
    assert.deepEqual(asList(put.Resource).sort(), [
        `${INSTANCE_ARN}/agent-state/*`,
        `${INSTANCE_ARN}/agent/*`
    ]);
    const dynamo = statements.filter((s) =>
        asList(s.Action).some((a) => a.startsWith('dynamodb:'))
    );
    const apiDynamo = dynamo
        .filter((s) => /^ApiRole/.test(s.policy))
        .flatMap((s) => asList(s.Action));
    assert.deepEqual(apiDynamo.sort(), ['dynamodb:GetItem', 'dynamodb:PutItem']);
    const sweeperDynamo = dynamo
        .filter((s) => /^SweeperRole/.test(s.policy))
        .flatMap((s) => asList(s.Action));
    assert.deepEqual(sweeperDynamo.sort(), [
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:Scan'
    ]);
    // No managed policies (AWSLambdaBasicExecutionRole grants logs on every log group).
    for (const role of Object.values(template.findResources('AWS::IAM::Role'))) {
        assert.equal(role.Properties.ManagedPolicyArns, undefined);
    }
});

test('alarms on sweeper errors, a sweeper that stopped running, Connect throttling and API errors', () => {
    template.resourceCountIs('AWS::CloudWatch::Alarm', 4);
    template.hasResourceProperties('AWS::Logs::MetricFilter', {
        FilterPattern: '{ $.event = "connectThrottled" }',
        MetricTransformations: [Match.objectLike({ MetricName: 'ConnectThrottled' })]
    });
    template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
    template.hasOutput('PresenceServiceUrl', {});
});

test('an alarm topic, when given, is notified by every alarm', () => {
    const app = unbundledApp();
    const topic = 'arn:aws:sns:ap-northeast-1:123456789012:contact-centre-alarms';
    const stack = new infra.PresenceStack(app, 'WithTopic', { ...PROPS, alarmTopicArn: topic });
    Template.fromStack(stack).allResourcesProperties('AWS::CloudWatch::Alarm', {
        AlarmActions: [topic]
    });
});

test('deploy-time settings are refused with a message that says which one and how to fix it', () => {
    const context = {
        connectInstanceArn: INSTANCE_ARN,
        allowedOrigins: ORIGINS.join(','),
        certificatePem: PROPS.certificatePem,
        tokenIssuer: PROPS.tokenIssuer,
        salesforceOrgId: PROPS.salesforceOrgId
    };
    const read = (overrides) => (key) => ({ ...context, ...overrides })[key];
    const noFile = () => assert.fail('no file expected');
    assert.equal(infra.settingsFromContext(read({}), noFile).thresholdSeconds, undefined);
    const refusals = [
        [{ connectInstanceArn: undefined }, /-c connectInstanceArn=… is required/],
        [
            { connectInstanceArn: 'arn:aws:connect:us-east-1:1:instance/x' },
            /must look like arn:aws:connect/
        ],
        [{ allowedOrigins: 'https://acme.lightning.force.com/' }, /not an https origin/],
        [{ allowedOrigins: 'http://acme.lightning.force.com' }, /not an https origin/],
        [{ certificatePem: 'MIIB' }, /must be PEM/],
        [{ salesforceOrgId: '00D5g000004Fake' }, /18-character id/],
        [{ tokenIssuer: 'https://acme.my.salesforce.com/path' }, /My Domain URL/],
        [{ thresholdSeconds: '20' }, /thresholdSeconds must be a number ≥ 30/]
    ];
    for (const [overrides, message] of refusals) {
        assert.throws(() => infra.settingsFromContext(read(overrides), noFile), message);
    }
    const fromFile = infra.settingsFromContext(
        read({ certificatePem: undefined, certificateFile: 'sf.crt' }),
        (path) => (path === 'sf.crt' ? PROPS.certificatePem : '')
    );
    assert.equal(fromFile.certificatePem, PROPS.certificatePem);
});

test('the bundled API handler loads and answers (jose and the SDK bundled for the Lambda runtime)', async () => {
    const assets = readdirSync(outdir).filter((d) => d.startsWith('asset.'));
    assert.equal(assets.length, 2);
    const saved = { ...process.env };
    Object.assign(process.env, {
        TABLE_NAME: 't',
        TOKEN_ISSUER: PROPS.tokenIssuer,
        SALESFORCE_ORG_ID: PROPS.salesforceOrgId,
        CERTIFICATE_PEM: generateKeyPairSync('rsa', { modulusLength: 2048 })
            .publicKey.export({ type: 'spki', format: 'pem' })
            .toString(),
        ALLOWED_ORIGINS: ORIGINS.join(','),
        CONNECT_INSTANCE_ARN: INSTANCE_ARN,
        AWS_REGION: 'ap-northeast-1'
    });
    try {
        const answers = [];
        for (const asset of assets) {
            const { handler } = require(join(outdir, asset, 'index.js'));
            assert.equal(typeof handler, 'function');
            if (handler.length === 1) {
                answers.push(
                    await handler({
                        rawPath: '/heartbeat',
                        headers: { origin: 'https://evil.example.com' },
                        requestContext: { http: { method: 'POST' } },
                        body: '{}'
                    })
                );
            }
        }
        assert.deepEqual(
            answers.map((a) => [a.statusCode, JSON.parse(a.body)]),
            [[403, { error: 'originNotAllowed' }]]
        );
    } finally {
        process.env = saved;
    }
});
