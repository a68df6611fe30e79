// Amazon Connect's public REST API, the five operations the presence backstop calls, served by the
// Connect stand-in on the same agent model the CCP emulator and the real-time metrics page show.
//
// Paths, query names and shapes follow @aws-sdk/client-connect 3.1136.0 (its operation schemas:
// PutUserStatus `PUT /users/{InstanceId}/{UserId}/status`, GetCurrentUserData
// `POST /metrics/userdata/{InstanceId}`, ListAgentStatuses `GET /agent-status/{InstanceId}`
// (`AgentStatusTypes`, `maxResults`, `nextToken` in the query), SearchUsers `POST /search-users`,
// DescribeUser `GET /users/{InstanceId}/{UserId}`, ListUsers `GET /users-summary/{InstanceId}`); timestamps are epoch seconds (restJson1), errors
// carry `x-amzn-ErrorType`. The real client reaches it with an `endpoint` override.
// ASSUMPTIONS about real Connect: the stand-in checks that a SigV4 `Authorization` header for the
// `connect` service is present but not its signature (any static credentials are accepted); the
// throttling fault is a token bucket per operation with a burst equal to the rate.
import { INSTANCE_ARN } from './agent-model.mjs';

const INSTANCE_ID = INSTANCE_ARN.split('/').pop();
const SIGV4 = /^AWS4-HMAC-SHA256 Credential=[^/\s]+\/\d{8}\/[a-z0-9-]+\/connect\/aws4_request,/;
const STATUS_TYPE = { routable: 'ROUTABLE', not_routable: 'CUSTOM', offline: 'OFFLINE' };
const GET_CURRENT_USER_DATA_MAX_AGENTS = 100;

const ROUTES = [
    ['PUT', /^\/users\/([^/]+)\/([^/]+)\/status$/, 'PutUserStatus'],
    ['GET', /^\/users\/([^/]+)\/([^/]+)$/, 'DescribeUser'],
    ['POST', /^\/metrics\/userdata\/([^/]+)$/, 'GetCurrentUserData'],
    ['GET', /^\/agent-status\/([^/]+)$/, 'ListAgentStatuses'],
    ['POST', /^\/search-users$/, 'SearchUsers'],
    ['GET', /^\/users-summary\/([^/]+)$/, 'ListUsers']
];

class ApiError extends Error {
    constructor(status, type, message) {
        super(message);
        this.status = status;
        this.type = type;
    }
}

const seconds = (ms) => ms / 1000;
const lastSegment = (arn) => arn.split('/').pop();

function send(res, status, body, errorType) {
    const headers = { 'content-type': 'application/json', 'x-amzn-requestid': crypto.randomUUID() };
    if (errorType) headers['x-amzn-errortype'] = errorType;
    res.writeHead(status, headers);
    res.end(JSON.stringify(body));
}

async function readJson(req) {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    if (chunks.length === 0) return {};
    try {
        return JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
        throw new ApiError(400, 'InvalidRequestException', 'The request body is not JSON');
    }
}

/**
 * The REST API over a ConnectModel. `faults` is the stand-in's live fault object
 * (`connectApiRatePerSecond` throttles). `calls` counts requests per operation (answered or not).
 */
export function createConnectApi({ model, faults, now = () => Date.now() }) {
    const calls = {};
    const throttled = {};
    const buckets = new Map();
    const putUserStatusLog = [];

    function match(method, path) {
        for (const [m, pattern, operation] of ROUTES) {
            const found = m === method && pattern.exec(path);
            if (found) return { operation, params: found.slice(1).map(decodeURIComponent) };
        }
        return null;
    }

    function takeToken(operation) {
        const rate = Number(faults.connectApiRatePerSecond) || 0;
        if (rate <= 0) return true;
        const t = now();
        const bucket = buckets.get(operation) ?? { tokens: rate, at: t };
        bucket.tokens = Math.min(rate, bucket.tokens + seconds(t - bucket.at) * rate);
        bucket.at = t;
        buckets.set(operation, bucket);
        if (bucket.tokens < 1) return false;
        bucket.tokens -= 1;
        return true;
    }

    function checkInstance(instanceId) {
        if (instanceId !== INSTANCE_ID && instanceId !== INSTANCE_ARN) {
            throw new ApiError(
                404,
                'ResourceNotFoundException',
                `Instance not found: ${instanceId}`
            );
        }
    }

    function agentById(userId) {
        for (const agent of model.agents.values()) {
            if (lastSegment(agent.agentARN) === userId || agent.agentARN === userId) return agent;
        }
        throw new ApiError(404, 'ResourceNotFoundException', `User not found: ${userId}`);
    }

    function statusById(id) {
        const status = model.config.statuses.find(
            (s) => lastSegment(model.statusRecord(s, 0).agentStateARN) === id
        );
        if (!status) throw new ApiError(404, 'ResourceNotFoundException', `Agent status ${id}`);
        return status;
    }

    function summary(status) {
        const arn = model.statusRecord(status, 0).agentStateARN;
        return {
            Id: lastSegment(arn),
            Arn: arn,
            Name: status.name,
            Type: STATUS_TYPE[status.type],
            LastModifiedTime: 0,
            LastModifiedRegion: INSTANCE_ARN.split(':')[3]
        };
    }

    function user(agent) {
        const profile = model.routingProfile();
        return {
            Id: lastSegment(agent.agentARN),
            Arn: agent.agentARN,
            Username: agent.username,
            RoutingProfileId: lastSegment(profile.routingProfileARN),
            SecurityProfileIds: [],
            IdentityInfo: {},
            PhoneConfig: { PhoneType: 'SOFT_PHONE', AutoAccept: false }
        };
    }

    /** PutUserStatus: behind a contact it sets the next status, as Connect documents. */
    function putUserStatus([instanceId, userId], body) {
        checkInstance(instanceId);
        const agent = agentById(userId);
        if (typeof body.AgentStatusId !== 'string') {
            throw new ApiError(400, 'InvalidParameterException', 'AgentStatusId is required');
        }
        const target = statusById(body.AgentStatusId);
        const arrivedAt = now();
        let outcome;
        if (model.hasLiveContact(agent)) {
            agent.nextState = { status: model.statusRecord(target, arrivedAt), arrivedAt };
            outcome = 'enqueued';
        } else if (target.name === agent.status.name) {
            outcome = 'unchanged';
        } else {
            model.recordChange(agent, target, { source: 'backstop', arrivedAt });
            outcome = 'applied';
        }
        putUserStatusLog.push({ agent: agent.username, status: target.name, outcome, arrivedAt });
        model.changed();
        return {};
    }

    function getCurrentUserData([instanceId], body) {
        checkInstance(instanceId);
        const ids = body.Filters?.Agents;
        if (!Array.isArray(ids) || ids.length === 0) {
            throw new ApiError(400, 'InvalidParameterException', 'Filters.Agents is required');
        }
        if (ids.length > GET_CURRENT_USER_DATA_MAX_AGENTS) {
            throw new ApiError(
                400,
                'InvalidParameterException',
                `Filters.Agents: at most ${GET_CURRENT_USER_DATA_MAX_AGENTS} agents`
            );
        }
        const profile = model.routingProfile();
        const list = [];
        for (const id of ids) {
            const agent = [...model.agents.values()].find(
                (a) => lastSegment(a.agentARN) === id || a.agentARN === id
            );
            if (!agent) continue;
            const contact = agent.contact;
            list.push({
                User: { Id: lastSegment(agent.agentARN), Arn: agent.agentARN },
                RoutingProfile: {
                    Id: lastSegment(profile.routingProfileARN),
                    Arn: profile.routingProfileARN
                },
                Status: {
                    StatusStartTimestamp: seconds(agent.status.since),
                    StatusArn: agent.status.agentStateARN,
                    StatusName: agent.status.name
                },
                ...(agent.nextState ? { NextStatus: agent.nextState.status.name } : {}),
                AvailableSlotsByChannel: { VOICE: contact ? 0 : 1, CHAT: 0, TASK: 0 },
                MaxSlotsByChannel: { VOICE: 1, CHAT: 0, TASK: 0 },
                ActiveSlotsByChannel: { VOICE: contact ? 1 : 0, CHAT: 0, TASK: 0 },
                Contacts: contact
                    ? [
                          {
                              ContactId: contact.contactId,
                              Channel: 'VOICE',
                              InitiationMethod: 'INBOUND',
                              AgentContactState: {
                                  incoming: 'INCOMING',
                                  connected: 'CONNECTED',
                                  acw: 'ENDED'
                              }[contact.phase],
                              StateStartTimestamp: seconds(contact.phaseSince),
                              ...(contact.phase === 'incoming'
                                  ? {}
                                  : { ConnectedToAgentTimestamp: seconds(contact.phaseSince) })
                          }
                      ]
                    : []
            });
        }
        return { UserDataList: list, ApproximateTotalCount: list.length };
    }

    function listAgentStatuses([instanceId], _body, query) {
        checkInstance(instanceId);
        const types = query.getAll('AgentStatusTypes');
        const list = model.config.statuses
            .map(summary)
            .filter((s) => types.length === 0 || types.includes(s.Type));
        return { AgentStatusSummaryList: list };
    }

    function searchUsers(_params, body) {
        checkInstance(body.InstanceId);
        const condition = body.SearchCriteria?.StringCondition;
        if (!condition || String(condition.FieldName).toLowerCase() !== 'username') {
            throw new ApiError(
                400,
                'InvalidParameterException',
                'SearchCriteria.StringCondition with FieldName Username is required'
            );
        }
        if (condition.ComparisonType && condition.ComparisonType !== 'EXACT') {
            throw new ApiError(400, 'InvalidParameterException', 'Only EXACT is served here');
        }
        const agent = model.agents.get(condition.Value);
        const users = agent ? [user(agent)] : [];
        return { Users: users, ApproximateTotalCount: users.length };
    }

    /** ListUsers: 100 a page at most (MaxResults), NextToken as the offset of the next page. */
    function listUsers([instanceId], _body, query) {
        checkInstance(instanceId);
        const max = Math.min(Number(query.get('maxResults')) || 100, 100);
        const offset = Number(query.get('nextToken')) || 0;
        const all = [...model.agents.values()];
        const page = all.slice(offset, offset + max).map((agent) => ({
            Id: lastSegment(agent.agentARN),
            Arn: agent.agentARN,
            Username: agent.username,
            LastModifiedTime: 0,
            LastModifiedRegion: INSTANCE_ARN.split(':')[3]
        }));
        return {
            UserSummaryList: page,
            ...(offset + max < all.length ? { NextToken: String(offset + max) } : {})
        };
    }

    function describeUser([instanceId, userId]) {
        checkInstance(instanceId);
        return { User: user(agentById(userId)) };
    }

    const OPERATIONS = {
        PutUserStatus: putUserStatus,
        GetCurrentUserData: getCurrentUserData,
        ListAgentStatuses: listAgentStatuses,
        SearchUsers: searchUsers,
        ListUsers: listUsers,
        DescribeUser: describeUser
    };

    /** Serves the request when it is one of the REST routes; returns false otherwise. */
    async function handle(req, res, url) {
        const found = match(req.method, url.pathname);
        if (!found) return false;
        const { operation, params } = found;
        calls[operation] = (calls[operation] ?? 0) + 1;
        try {
            if (!SIGV4.test(req.headers.authorization ?? '')) {
                throw new ApiError(
                    403,
                    'AccessDeniedException',
                    'A SigV4 Authorization header for the connect service is required'
                );
            }
            const body = await readJson(req);
            if (!takeToken(operation)) {
                throttled[operation] = (throttled[operation] ?? 0) + 1;
                throw new ApiError(429, 'ThrottlingException', 'Rate exceeded');
            }
            send(res, 200, OPERATIONS[operation](params, body, url.searchParams));
        } catch (error) {
            if (!(error instanceof ApiError)) throw error;
            send(res, error.status, { Message: error.message }, error.type);
        }
        return true;
    }

    function reset() {
        for (const key of Object.keys(calls)) delete calls[key];
        for (const key of Object.keys(throttled)) delete throttled[key];
        buckets.clear();
        putUserStatusLog.length = 0;
    }

    return { handle, calls, throttled, putUserStatusLog, reset, instanceId: INSTANCE_ID };
}
