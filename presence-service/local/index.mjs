// The presence service on loopback, for `npm start`, e2e and the benchmark: dynalite for DynamoDB,
// an RSA key pair standing in for the Salesforce certificate, the real handlers behind a small HTTP
// adapter (API Gateway v2 HTTP API payload 2.0 in and out), and the sweeper on a loop instead of
// EventBridge Scheduler. Connect is the ccp-emulator's REST API (connectEndpoint).
//
//   const presence = await startPresenceService({ connectEndpoint: standIn.url, allowedOrigins });
//   presence.url, presence.issuer, presence.orgId, await presence.signToken(claims), await presence.stop()
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { INSTANCE_ARN } from '../../ccp-emulator/agent-model.mjs';
import { loadService } from '../build.mjs';

export const LOCAL_ISSUER = 'https://softphone-preview.my.salesforce.com';
export const LOCAL_ORG_ID = '00D5g000004Fake0AA';
const TOKEN_LIFETIME_SECONDS = 600;
const CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
const TABLE_NAME = 'presence';
/** A pass may work as long as the Lambda's invocation budget; the next starts when it ends. */
const PASS_BUDGET_MS = 55000;

function listen(server, host, port) {
    return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve(server.address().port));
    });
}

async function readBody(req) {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
}

/** The API Gateway v2 (payload format 2.0) event a Lambda proxy integration receives. */
function toEvent(req, body) {
    const url = new URL(req.url, 'http://local');
    const headers = {};
    for (const [name, value] of Object.entries(req.headers)) {
        headers[name] = Array.isArray(value) ? value.join(',') : value;
    }
    const now = Date.now();
    return {
        version: '2.0',
        routeKey: `${req.method} ${url.pathname}`,
        rawPath: url.pathname,
        rawQueryString: url.search.slice(1),
        headers,
        requestContext: {
            accountId: 'local',
            apiId: 'local',
            domainName: req.headers.host,
            domainPrefix: 'local',
            http: {
                method: req.method,
                path: url.pathname,
                protocol: `HTTP/${req.httpVersion}`,
                sourceIp: req.socket.remoteAddress,
                userAgent: req.headers['user-agent'] ?? ''
            },
            requestId: randomUUID(),
            routeKey: `${req.method} ${url.pathname}`,
            stage: '$default',
            time: new Date(now).toUTCString(),
            timeEpoch: now
        },
        body,
        isBase64Encoded: false
    };
}

/** dynalite on loopback with the presence table (the stack's key schema), for runs and benches. */
export async function startLocalDynamo(host = '127.0.0.3') {
    const dynamo = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
    const dynamoPort = await listen(dynamo, host, 0);
    const dynamoEndpoint = `http://${host}:${dynamoPort}`;
    const admin = new DynamoDBClient({
        region: 'us-east-1',
        endpoint: dynamoEndpoint,
        credentials: CREDENTIALS
    });
    await admin.send(
        new CreateTableCommand({
            TableName: TABLE_NAME,
            AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
            KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
            BillingMode: 'PAY_PER_REQUEST'
        })
    );
    admin.destroy();
    const close = () => new Promise((resolve) => dynamo.close(() => resolve()));
    return { dynamo, dynamoEndpoint, tableName: TABLE_NAME, credentials: CREDENTIALS, close };
}

/**
 * Starts the service. Options (all optional but connectEndpoint): host, port, connectEndpoint,
 * instanceArn, thresholdSeconds (90), leaveGraceSeconds (15), sweepEverySeconds (5),
 * allowedOrigins ([]), putUserStatusPerSecond (2), readsPerSecond (2), issuer, orgId, log (false).
 */
export async function startPresenceService({
    host = '127.0.0.3',
    port = 0,
    connectEndpoint,
    instanceArn = INSTANCE_ARN,
    thresholdSeconds = 90,
    leaveGraceSeconds = 15,
    sweepEverySeconds = 5,
    allowedOrigins = [],
    putUserStatusPerSecond = 2,
    readsPerSecond = 2,
    issuer = LOCAL_ISSUER,
    orgId = LOCAL_ORG_ID,
    log = false
} = {}) {
    if (!/^127\.\d+\.\d+\.\d+$/.test(host)) throw new Error(`loopback 127.x.x.x only, got ${host}`);
    if (!connectEndpoint) throw new Error('connectEndpoint (the Connect stand-in URL) is required');
    const service = await loadService();

    const { dynamo, dynamoEndpoint } = await startLocalDynamo(host);

    const { publicKey, privateKey } = await generateKeyPair('RS256', { modulusLength: 2048 });
    const config = service.configFromEnv(
        {
            TABLE_NAME,
            TOKEN_ISSUER: issuer,
            SALESFORCE_ORG_ID: orgId,
            CERTIFICATE_PEM: await exportSPKI(publicKey),
            ALLOWED_ORIGINS: allowedOrigins.join(','),
            THRESHOLD_SECONDS: String(thresholdSeconds),
            LEAVE_GRACE_SECONDS: String(leaveGraceSeconds),
            CONNECT_INSTANCE_ARN: instanceArn,
            PUT_USER_STATUS_PER_SECOND: String(putUserStatusPerSecond),
            CONNECT_READS_PER_SECOND: String(readsPerSecond),
            SWEEP_EVERY_SECONDS: String(sweepEverySeconds),
            DYNAMODB_ENDPOINT: dynamoEndpoint,
            CONNECT_ENDPOINT: connectEndpoint,
            AWS_REGION: instanceArn.split(':')[3]
        },
        { allowShortThreshold: true }
    );
    const logger = log
        ? (event, fields) => console.log('[presence]', JSON.stringify({ event, ...fields }))
        : service.silentLog;
    const options = { credentials: CREDENTIALS, log: logger };
    const handler = await service.apiHandlerFor(config, options);
    const sweeper = service.sweeperFor(config, options);

    const server = createServer(async (req, res) => {
        try {
            const origin = req.headers.origin;
            if (req.method === 'OPTIONS') {
                // What the HTTP API's CORS configuration answers for a preflight.
                const allowed = origin && allowedOrigins.includes(origin);
                res.writeHead(204, {
                    ...(allowed
                        ? {
                              'access-control-allow-origin': origin,
                              'access-control-allow-methods': 'POST',
                              'access-control-allow-headers': 'content-type',
                              'access-control-max-age': '600',
                              vary: 'Origin'
                          }
                        : {})
                });
                return res.end();
            }
            const result = await handler(toEvent(req, await readBody(req)));
            res.writeHead(result.statusCode, result.headers);
            res.end(result.body ?? '');
        } catch (error) {
            logger('adapterError', { message: String(error?.message ?? error) });
            if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
            res.end('{"error":"internal"}');
        }
    });
    const apiPort = await listen(server, host, port);

    // EventBridge Scheduler's stand-in: a pass every sweepEverySeconds.
    let stopped = false;
    let sweeping = Promise.resolve();
    let timer = null;
    const passes = { count: 0, errors: 0 };
    function schedule() {
        if (stopped) return;
        timer = setTimeout(() => {
            sweeping = sweeper
                .pass(Date.now() + PASS_BUDGET_MS)
                .then(() => (passes.count += 1))
                .catch((error) => {
                    passes.errors += 1;
                    logger('sweepError', { message: String(error?.message ?? error) });
                })
                .finally(schedule);
        }, sweepEverySeconds * 1000);
        timer.unref?.();
    }
    schedule();

    async function signToken(claims = {}) {
        const now = Math.floor(Date.now() / 1000);
        const { iat = now, exp = iat + TOKEN_LIFETIME_SECONDS, ...rest } = claims;
        return new SignJWT({ org: orgId, jti: randomUUID(), ...rest })
            .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
            .setIssuer(claims.iss ?? issuer)
            .setAudience(claims.aud ?? service.TOKEN_AUDIENCE)
            .setIssuedAt(iat)
            .setExpirationTime(exp)
            .sign(privateKey);
    }

    async function stop() {
        stopped = true;
        clearTimeout(timer);
        await sweeping;
        await new Promise((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
        });
        await new Promise((resolve) => dynamo.close(() => resolve()));
    }

    return {
        url: `http://${host}:${apiPort}`,
        issuer,
        orgId,
        thresholdSeconds,
        leaveGraceSeconds,
        signToken,
        /** Runs one sweep pass now (tests), besides the loop. */
        sweepNow: () => sweeper.pass(Date.now() + PASS_BUDGET_MS),
        /** Connect requests the sweeper sent, per operation, and 429s met. */
        connectCounts: sweeper.counts,
        passes,
        stop
    };
}
