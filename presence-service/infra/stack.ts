// The presence backstop on AWS: an HTTP API (POST /heartbeat, POST /leave) in front of a Lambda that
// records signs of life in DynamoDB, and a sweeper Lambda started every minute by EventBridge
// Scheduler that sets silent agents' session-end status through Connect's public API.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
    CfnOutput,
    Duration,
    RemovalPolicy,
    Stack,
    Validations,
    type StackProps
} from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';

/** What the contact centre decides at deploy time (see presence-service/README.md). */
export interface PresenceSettingsProps {
    /** arn:aws:connect:<region>:<account>:instance/<id>: the one instance the service may touch. */
    connectInstanceArn: string;
    /** Lightning origins allowed by CORS and by the handler, e.g. https://acme.lightning.force.com */
    allowedOrigins: string[];
    /** PEM of the Salesforce certificate (Certificate and Key Management) that signs the tokens. */
    certificatePem: string;
    /** The org's My Domain URL, the tokens' `iss`. */
    tokenIssuer: string;
    /** The 18-character org id, the tokens' `org`. */
    salesforceOrgId: string;
    /** Silence after which the session-end status is set (default 90, minimum 30). */
    thresholdSeconds?: number;
    /** Wait after a last-tab leave before checking Connect (default 15). */
    leaveGraceSeconds?: number;
    /** The account's PutUserStatus quota, requests per second (default 2). */
    putUserStatusPerSecond?: number;
    /** The account's GetCurrentUserData/SearchUsers/ListAgentStatuses rate (default 2). */
    connectReadsPerSecond?: number;
    /** HTTP API throttling: steady rate and burst (defaults 50 and 100 requests per second). */
    apiRateLimit?: number;
    apiBurstLimit?: number;
    /** An SNS topic the alarms notify (optional). */
    alarmTopicArn?: string;
}

export type PresenceStackProps = StackProps & PresenceSettingsProps;

const SERVICE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PROJECT_ROOT = path.resolve(SERVICE_DIR, '..');
const LOG_RETENTION = logs.RetentionDays.ONE_MONTH;

function functionRole(scope: Construct, id: string, logGroup: logs.LogGroup): iam.Role {
    // Own roles with only this function's log group: no AWSLambdaBasicExecutionRole (logs:* on *).
    const role = new iam.Role(scope, id, {
        assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com')
    });
    role.addToPolicy(
        new iam.PolicyStatement({
            actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
            resources: [logGroup.logGroupArn, `${logGroup.logGroupArn}:log-stream:*`]
        })
    );
    return role;
}

export class PresenceStack extends Stack {
    readonly api: apigw.HttpApi;

    constructor(scope: Construct, id: string, props: PresenceStackProps) {
        super(scope, id, props);
        const instanceArn = props.connectInstanceArn;
        const thresholdSeconds = props.thresholdSeconds ?? 90;

        const table = new dynamodb.Table(this, 'Presence', {
            partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
            billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
            timeToLiveAttribute: 'expiresAt',
            pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
            encryption: dynamodb.TableEncryption.AWS_MANAGED,
            // Only live presence is kept (items expire 14 days after an agent's last sign of
            // life): nothing to keep once the service is removed.
            removalPolicy: RemovalPolicy.DESTROY
        });

        const environment = {
            TABLE_NAME: table.tableName,
            TOKEN_ISSUER: props.tokenIssuer,
            SALESFORCE_ORG_ID: props.salesforceOrgId,
            CERTIFICATE_PEM: props.certificatePem,
            ALLOWED_ORIGINS: props.allowedOrigins.join(','),
            THRESHOLD_SECONDS: String(thresholdSeconds),
            LEAVE_GRACE_SECONDS: String(props.leaveGraceSeconds ?? 15),
            CONNECT_INSTANCE_ARN: instanceArn,
            PUT_USER_STATUS_PER_SECOND: String(props.putUserStatusPerSecond ?? 2),
            CONNECT_READS_PER_SECOND: String(props.connectReadsPerSecond ?? 2),
            SWEEP_EVERY_SECONDS: '10',
            NODE_OPTIONS: '--enable-source-maps'
        };
        const common = {
            runtime: lambda.Runtime.NODEJS_22_X,
            architecture: lambda.Architecture.ARM_64,
            memorySize: 256,
            environment,
            projectRoot: PROJECT_ROOT,
            depsLockFilePath: path.join(PROJECT_ROOT, 'package-lock.json'),
            bundling: {
                format: OutputFormat.CJS,
                target: 'node22',
                minify: true,
                sourceMap: true,
                // The pinned SDK goes in the bundle rather than the runtime's own copy.
                externalModules: [],
                forceDockerBundling: false
            }
        };

        const apiLogs = new logs.LogGroup(this, 'ApiLogs', {
            retention: LOG_RETENTION,
            removalPolicy: RemovalPolicy.DESTROY
        });
        const apiFunction = new NodejsFunction(this, 'ApiFunction', {
            ...common,
            description: 'Presence backstop: records heartbeats and leaves (no Connect access)',
            entry: path.join(SERVICE_DIR, 'src', 'handlers', 'api.ts'),
            timeout: Duration.seconds(10),
            logGroup: apiLogs,
            role: functionRole(this, 'ApiRole', apiLogs)
        });
        table.grant(apiFunction, 'dynamodb:GetItem', 'dynamodb:PutItem');

        const sweeperLogs = new logs.LogGroup(this, 'SweeperLogs', {
            retention: LOG_RETENTION,
            removalPolicy: RemovalPolicy.DESTROY
        });
        const sweeperRole = functionRole(this, 'SweeperRole', sweeperLogs);
        const sweeper = new NodejsFunction(this, 'SweeperFunction', {
            ...common,
            description: 'Presence backstop: sets silent agents to their session-end status',
            entry: path.join(SERVICE_DIR, 'src', 'handlers', 'sweeper.ts'),
            timeout: Duration.seconds(60),
            // One sweeper at a time: two would share the PutUserStatus quota and race.
            reservedConcurrentExecutions: 1,
            logGroup: sweeperLogs,
            role: sweeperRole
        });
        table.grant(sweeper, 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Scan');
        // Connect: the one instance, the four actions the sweeper calls (Service Authorization
        // Reference resource types: PutUserStatus on agent + agent-status; GetCurrentUserData on
        // the instance and the agents it filters on; ListAgentStatuses, ListUsers and
        // SearchUsers on the instance). Agents and statuses are created by admins after deployment, hence `/*`.
        sweeperRole.addToPolicy(
            new iam.PolicyStatement({
                actions: ['connect:PutUserStatus'],
                resources: [`${instanceArn}/agent/*`, `${instanceArn}/agent-state/*`]
            })
        );
        sweeperRole.addToPolicy(
            new iam.PolicyStatement({
                actions: ['connect:GetCurrentUserData'],
                resources: [instanceArn, `${instanceArn}/agent/*`]
            })
        );
        sweeperRole.addToPolicy(
            new iam.PolicyStatement({
                actions: ['connect:ListAgentStatuses', 'connect:ListUsers', 'connect:SearchUsers'],
                resources: [instanceArn]
            })
        );

        const schedulerRole = new iam.Role(this, 'SchedulerRole', {
            assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com')
        });
        new scheduler.Schedule(this, 'SweepEveryMinute', {
            description: 'Starts the presence sweeper; it sweeps several times within the minute',
            schedule: scheduler.ScheduleExpression.rate(Duration.minutes(1)),
            target: new targets.LambdaInvoke(sweeper, {
                // The next minute's invocation comes anyway: no retries piling up.
                retryAttempts: 0,
                maxEventAge: Duration.minutes(1),
                role: schedulerRole
            })
        });

        const accessLogs = new logs.LogGroup(this, 'ApiAccessLogs', {
            retention: LOG_RETENTION,
            removalPolicy: RemovalPolicy.DESTROY
        });
        this.api = new apigw.HttpApi(this, 'PresenceApi', {
            description: 'Presence backstop for the Amazon Connect softphone',
            createDefaultStage: false,
            corsPreflight: {
                allowOrigins: props.allowedOrigins,
                allowMethods: [apigw.CorsHttpMethod.POST],
                allowHeaders: ['content-type'],
                maxAge: Duration.minutes(10)
            }
        });
        const integration = new HttpLambdaIntegration('Handler', apiFunction, {
            payloadFormatVersion: apigw.PayloadFormatVersion.VERSION_2_0
        });
        for (const route of ['/heartbeat', '/leave']) {
            this.api.addRoutes({ path: route, methods: [apigw.HttpMethod.POST], integration });
        }
        this.api.addStage('DefaultStage', {
            stageName: '$default',
            autoDeploy: true,
            throttle: {
                rateLimit: props.apiRateLimit ?? 50,
                burstLimit: props.apiBurstLimit ?? 100
            },
            // Ids and outcomes only: the body (which carries the token) is never logged.
            accessLogSettings: {
                destination: new apigw.LogGroupLogDestination(accessLogs),
                format: AccessLogFormat.custom(
                    JSON.stringify({
                        requestId: '$context.requestId',
                        time: '$context.requestTimeEpoch',
                        route: '$context.routeKey',
                        status: '$context.status',
                        error: '$context.error.message',
                        latencyMs: '$context.responseLatency'
                    })
                )
            }
        });

        // Alarms: the sweeper failing, and Connect answering 429 more than backoff absorbs.
        const alarmTopic = props.alarmTopicArn
            ? sns.Topic.fromTopicArn(this, 'AlarmTopic', props.alarmTopicArn)
            : null;
        const throttleMetric = new logs.MetricFilter(this, 'ConnectThrottled', {
            logGroup: sweeperLogs,
            filterPattern: logs.FilterPattern.stringValue('$.event', '=', 'connectThrottled'),
            metricNamespace: 'ConnectSoftphonePresence',
            metricName: 'ConnectThrottled',
            metricValue: '1',
            defaultValue: 0
        }).metric({ statistic: 'Sum', period: Duration.minutes(5) });
        const alarms = [
            sweeper
                .metricErrors({ period: Duration.minutes(5) })
                .createAlarm(this, 'SweeperErrors', {
                    alarmDescription:
                        'The presence sweeper failed: silent agents may stay Available',
                    threshold: 1,
                    evaluationPeriods: 1,
                    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING
                }),
            sweeper
                .metricInvocations({ period: Duration.minutes(5) })
                .createAlarm(this, 'SweeperNotRunning', {
                    alarmDescription: 'The presence sweeper has not run for 5 minutes',
                    threshold: 1,
                    comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
                    evaluationPeriods: 1,
                    treatMissingData: cloudwatch.TreatMissingData.BREACHING
                }),
            throttleMetric.createAlarm(this, 'ConnectThrottling', {
                alarmDescription:
                    'Connect throttled the sweeper (429) 10+ times in 5 minutes: raise the quota or PutUserStatusPerSecond is above it',
                threshold: 10,
                evaluationPeriods: 1,
                treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING
            }),
            apiFunction
                .metricErrors({ period: Duration.minutes(5) })
                .createAlarm(this, 'ApiErrors', {
                    alarmDescription: 'The presence API failed: heartbeats are not recorded',
                    threshold: 5,
                    evaluationPeriods: 1,
                    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING
                })
        ];
        if (alarmTopic) {
            for (const alarm of alarms) alarm.addAlarmAction(new cwActions.SnsAction(alarmTopic));
        }

        new CfnOutput(this, 'PresenceServiceUrl', {
            description: 'Put this URL in the adapter field "Presence Service URL"',
            value: this.api.apiEndpoint
        });

        this.acknowledgeNagFindings(
            instanceArn,
            [apiFunction, sweeper],
            sweeperRole,
            schedulerRole
        );
    }

    /** cdk-nag AwsSolutions findings this design accepts, each with the reason. */
    private acknowledgeNagFindings(
        instanceArn: string,
        functions: NodejsFunction[],
        sweeperRole: iam.Role,
        schedulerRole: iam.Role
    ) {
        const nag = (id: string) => `AwsSolutions::AwsSolutions-${id}`;
        for (const fn of functions) {
            Validations.of(fn).acknowledge({
                id: nag('L1'),
                reason: 'Node.js 22 is the runtime this service is built and tested for (esbuild target node22); moving to a newer runtime is a tested change, not an automatic one.'
            });
            const logGroup = fn.logGroup.node.defaultChild as logs.CfnLogGroup;
            Validations.of(fn.role!).acknowledge({
                id: nag(`IAM5[Resource::<${this.getLogicalId(logGroup)}.Arn>:log-stream:*]`),
                reason: "Lambda creates its log streams at run time with generated names; the grant is limited to the function's own log group."
            });
        }
        for (const kind of ['agent', 'agent-state']) {
            Validations.of(sweeperRole).acknowledge({
                id: nag(`IAM5[Resource::${instanceArn}/${kind}/*]`),
                reason: 'Scoped to the one Connect instance: its agents and agent statuses are created by admins after deployment, so they cannot be listed here.'
            });
        }
        const sweeperFn = functions[1].node.defaultChild as lambda.CfnFunction;
        Validations.of(schedulerRole).acknowledge({
            id: nag(`IAM5[Resource::<${this.getLogicalId(sweeperFn)}.Arn>:*]`),
            reason: "The scheduler's role may invoke only the sweeper function (and its versions), as the LambdaInvoke target grants."
        });
        Validations.of(this.api).acknowledge({
            id: nag('APIG4'),
            reason: 'Each request carries a short-lived RS256 token signed by Salesforce in its body, verified by the handler. navigator.sendBeacon cannot send an Authorization header, so an API Gateway JWT authorizer (which reads headers) cannot be used.'
        });
    }
}
