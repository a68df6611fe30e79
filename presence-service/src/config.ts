// The service's settings, read once from the environment (the CDK stack's parameters end up here).
import { instanceIdFrom } from './connect';

export const MIN_THRESHOLD_SECONDS = 30;

export interface ServiceConfig {
    tableName: string;
    issuer: string;
    orgId: string;
    certificatePem: string;
    allowedOrigins: string[];
    thresholdSeconds: number;
    leaveGraceSeconds: number;
    connectInstanceArn: string;
    putUserStatusPerSecond: number;
    readsPerSecond: number;
    sweepEverySeconds: number;
    /** Local run only: dynalite and the Connect stand-in. */
    dynamoEndpoint?: string;
    connectEndpoint?: string;
    region: string;
}

function required(env: Record<string, string | undefined>, name: string): string {
    const value = env[name];
    if (!value) throw new Error(`${name} is not set`);
    return value;
}

function number(env: Record<string, string | undefined>, name: string, fallback: number) {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
    return value;
}

/** `allowShortThreshold`: local runs and e2e only, so a scenario need not wait 30 s. */
export function configFromEnv(
    env: Record<string, string | undefined>,
    { allowShortThreshold = false } = {}
): ServiceConfig {
    const thresholdSeconds = number(env, 'THRESHOLD_SECONDS', 90);
    if (thresholdSeconds < MIN_THRESHOLD_SECONDS && !allowShortThreshold) {
        throw new Error(`THRESHOLD_SECONDS must be at least ${MIN_THRESHOLD_SECONDS}`);
    }
    const connectInstanceArn = required(env, 'CONNECT_INSTANCE_ARN');
    instanceIdFrom(connectInstanceArn);
    return {
        tableName: required(env, 'TABLE_NAME'),
        issuer: required(env, 'TOKEN_ISSUER'),
        orgId: required(env, 'SALESFORCE_ORG_ID'),
        certificatePem: required(env, 'CERTIFICATE_PEM'),
        allowedOrigins: required(env, 'ALLOWED_ORIGINS')
            .split(',')
            .map((o) => o.trim())
            .filter(Boolean),
        thresholdSeconds,
        leaveGraceSeconds: number(env, 'LEAVE_GRACE_SECONDS', 15),
        connectInstanceArn,
        putUserStatusPerSecond: number(env, 'PUT_USER_STATUS_PER_SECOND', 2),
        readsPerSecond: number(env, 'CONNECT_READS_PER_SECOND', 2),
        sweepEverySeconds: number(env, 'SWEEP_EVERY_SECONDS', 10),
        dynamoEndpoint: env.DYNAMODB_ENDPOINT || undefined,
        connectEndpoint: env.CONNECT_ENDPOINT || undefined,
        region: env.AWS_REGION || connectInstanceArn.split(':')[3]
    };
}
