// The HTTP API's Lambda: POST /heartbeat and POST /leave (API Gateway v2 payload format 2.0).
// It only records signs of life; it has no Connect permissions. The sweeper acts.
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Log } from './log';
import { MAX_BODY_BYTES, parseHeartbeat, parseLeave } from './protocol';
import type { Clock } from './quota';
import { applyHeartbeat, applyLeave } from './presence';
import { pendingActionFor } from './rules';
import type { PresenceStore } from './store';
import { verifyToken, type Identity, type TokenPolicy } from './token';

export interface ApiDeps {
    store: PresenceStore;
    policy: TokenPolicy;
    allowedOrigins: string[];
    thresholdSeconds: number;
    clock: Clock;
    log: Log;
}

type Result = APIGatewayProxyStructuredResultV2;

function header(event: APIGatewayProxyEventV2, name: string): string | undefined {
    const headers = event.headers ?? {};
    return headers[name] ?? headers[name.toLowerCase()];
}

function json(status: number, body: unknown, origin: string | null): Result {
    return {
        statusCode: status,
        headers: {
            'content-type': 'application/json',
            'cache-control': 'no-store',
            ...(origin ? { 'access-control-allow-origin': origin, vary: 'Origin' } : {})
        },
        body: JSON.stringify(body)
    };
}

export function createApiHandler(deps: ApiDeps) {
    const thresholdMs = deps.thresholdSeconds * 1000;

    async function heartbeat(body: string, origin: string): Promise<Result> {
        const parsed = parseHeartbeat(body);
        if (!parsed.ok) return json(400, { error: 'badRequest', message: parsed.message }, origin);
        const request = parsed.value;
        const identity = await authenticate(request.token);
        if (!identity) return json(401, { error: 'badToken' }, origin);
        const now = deps.clock.now();
        const stored = await deps.store.update(identity.org, identity.username, (current) =>
            applyHeartbeat(current, identity, request, now)
        );
        deps.log('heartbeat', {
            org: identity.org,
            username: identity.username,
            browserId: request.browserId,
            tabs: request.tabIds.length
        });
        return json(
            200,
            {
                v: 1,
                thresholdSeconds: deps.thresholdSeconds,
                serverTime: now,
                action: stored ? pendingActionFor(stored, request.browserId) : null
            },
            origin
        );
    }

    async function leave(body: string, origin: string): Promise<Result> {
        const parsed = parseLeave(body);
        if (!parsed.ok) return json(400, { error: 'badRequest', message: parsed.message }, origin);
        const request = parsed.value;
        const identity = await authenticate(request.token);
        if (!identity) return json(401, { error: 'badToken' }, origin);
        const now = deps.clock.now();
        const stored = await deps.store.update(identity.org, identity.username, (current) =>
            applyLeave(current, identity, request, now, thresholdMs)
        );
        const lastTab = stored?.pendingLeaveAt === now;
        deps.log('leave', {
            org: identity.org,
            username: identity.username,
            browserId: request.browserId,
            lastTab
        });
        return json(202, {}, origin);
    }

    async function authenticate(token: string): Promise<Identity | null> {
        const check = await verifyToken(token, deps.policy, deps.clock.now());
        if (check.ok) return check.identity;
        deps.log('tokenRefused', { reason: check.reason });
        return null;
    }

    return async function handler(event: APIGatewayProxyEventV2): Promise<Result> {
        const origin = header(event, 'origin') ?? null;
        if (!origin || !deps.allowedOrigins.includes(origin)) {
            deps.log('originRefused', { origin });
            return json(403, { error: 'originNotAllowed' }, null);
        }
        // HTTP APIs have no body-size setting: the limit is enforced here.
        const raw = event.body ?? '';
        const body = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
        if (Buffer.byteLength(body, 'utf8') > MAX_BODY_BYTES) {
            return json(413, { error: 'bodyTooLarge' }, origin);
        }
        const method = event.requestContext?.http?.method;
        const path = event.rawPath;
        if (method === 'POST' && path === '/heartbeat') return heartbeat(body, origin);
        if (method === 'POST' && path === '/leave') return leave(body, origin);
        return json(404, { error: 'notFound' }, origin);
    };
}
