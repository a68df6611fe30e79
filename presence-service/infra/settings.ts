// Deploy-time settings from CDK context (-c key=value or cdk.context.json), checked before synth.
import type { PresenceSettingsProps } from './stack';

const INSTANCE_ARN = /^arn:aws[a-z-]*:connect:[a-z0-9-]+:\d{12}:instance\/[0-9a-f-]{36}$/;
const ORG_ID = /^00D[a-zA-Z0-9]{15}$/;
const ORIGIN = /^https:\/\/[a-z0-9.-]+$/;

type Read = (key: string) => unknown;

function text(read: Read, key: string, hint: string): string {
    const value = read(key);
    if (typeof value !== 'string' || value.trim() === '') {
        throw new Error(`-c ${key}=… is required: ${hint}`);
    }
    return value.trim();
}

function optionalNumber(read: Read, key: string, min: number): number | undefined {
    const value = read(key);
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isFinite(n) || n < min)
        throw new Error(`${key} must be a number ≥ ${min}, got ${value}`);
    return n;
}

export function settingsFromContext(
    read: Read,
    readFile: (path: string, encoding: 'utf8') => string
): PresenceSettingsProps {
    const connectInstanceArn = text(
        read,
        'connectInstanceArn',
        'the Connect instance ARN (Connect console → instance → ARN)'
    );
    if (!INSTANCE_ARN.test(connectInstanceArn)) {
        throw new Error(
            `connectInstanceArn must look like arn:aws:connect:<region>:<account>:instance/<id>, got ${connectInstanceArn}`
        );
    }
    const allowedOrigins = text(
        read,
        'allowedOrigins',
        'comma-separated Lightning origins, e.g. https://acme.lightning.force.com'
    )
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean);
    for (const origin of allowedOrigins) {
        if (!ORIGIN.test(origin))
            throw new Error(
                `allowedOrigins: ${origin} is not an https origin (no path, no trailing slash)`
            );
    }
    const certificateFile = read('certificateFile');
    const certificatePem =
        typeof certificateFile === 'string' && certificateFile !== ''
            ? readFile(certificateFile, 'utf8')
            : text(
                  read,
                  'certificatePem',
                  'or -c certificateFile=<the .crt downloaded from Certificate and Key Management>'
              );
    if (!/-----BEGIN (CERTIFICATE|PUBLIC KEY)-----/.test(certificatePem)) {
        throw new Error(
            'the certificate must be PEM (-----BEGIN CERTIFICATE-----): download it from Setup → Certificate and Key Management'
        );
    }
    const tokenIssuer = text(
        read,
        'tokenIssuer',
        "the org's My Domain URL, e.g. https://acme.my.salesforce.com"
    );
    if (!ORIGIN.test(tokenIssuer))
        throw new Error(
            `tokenIssuer must be the https My Domain URL with no path, got ${tokenIssuer}`
        );
    const salesforceOrgId = text(
        read,
        'salesforceOrgId',
        'the 18-character org id (Setup → Company Information)'
    );
    if (!ORG_ID.test(salesforceOrgId))
        throw new Error(
            `salesforceOrgId must be the 18-character id starting 00D, got ${salesforceOrgId}`
        );
    const alarmTopicArn = read('alarmTopicArn');
    return {
        connectInstanceArn,
        allowedOrigins,
        certificatePem,
        tokenIssuer,
        salesforceOrgId,
        thresholdSeconds: optionalNumber(read, 'thresholdSeconds', 30),
        leaveGraceSeconds: optionalNumber(read, 'leaveGraceSeconds', 5),
        putUserStatusPerSecond: optionalNumber(read, 'putUserStatusPerSecond', 0.1),
        connectReadsPerSecond: optionalNumber(read, 'connectReadsPerSecond', 0.1),
        apiRateLimit: optionalNumber(read, 'apiRateLimit', 1),
        apiBurstLimit: optionalNumber(read, 'apiBurstLimit', 1),
        alarmTopicArn:
            typeof alarmTopicArn === 'string' && alarmTopicArn !== '' ? alarmTopicArn : undefined
    };
}
