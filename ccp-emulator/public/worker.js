// The emulated CCP SharedWorker: a small `ClientEngine` (release/connect-streams.js,
// `connect.worker.main`). It keeps one agent object `{ snapshot, configuration }`, polls the
// Connect stand-in, and answers the ports (CCP pages) with the same events the real worker sends.
// Follows Streams' source: the CONFIGURE/TERMINATE/SYNCHRONIZE/BROADCAST handlers and `onconnect`
// of ClientEngine, `pollForAgent`, `pollForAgentConfiguration` (+ permissions, states, dialable
// countries, routing profile queues), `updateAgentConfiguration`, `updateAgent`, `handleAPIRequest`,
// `handleMasterRequest`, `handleAuthFail`.
// ASSUMPTIONS / ours: the HTTP calls (POST /connect/api/<method>, POST /connect/agent-state with the
// token in X-Amz-Bearer), no WebSocket (the long-polled getAgentSnapshot carries every change), a
// 401 while polling is retried quietly (the real AWSClient retries 401s before giving up), and the
// stand-in's `configVersion` makes the worker re-read the configuration at once.
/* global SharedWorkerGlobalScope */
'use strict';

var GET_AGENT_TIMEOUT_MS = 30000;
var GET_AGENT_RECOVERY_TIMEOUT_MS = 5000;
var GET_AGENT_SUCCESS_TIMEOUT_MS = 100;
var GET_AGENT_CONFIGURATION_INTERVAL_MS = 30000;
var TIMESTAMP_KEYS = {
    startTimestamp: true,
    timestamp: true,
    timeStamp: true,
    snapshotTimestamp: true,
    queueTimestamp: true
};

var ports = {}; // stream id → MessagePort (ClientEngine.portConduitMap)
var masters = {}; // topic → stream id (MasterTopicCoordinator)
var initData = {};
var agent = null;
var nextToken = null;
var configVersion = null;
var generation = 0; // bumped on TERMINATE and on a new session, stops older poll loops
var polling = false;

function randomId() {
    return Math.random().toString(36).slice(2) + Date.now().toString(36);
}

function sendDownstream(event, data) {
    // StreamMultiplexer.send: to every connected port, errors swallowed.
    Object.keys(ports).forEach(function (id) {
        try {
            ports[id].postMessage({ event: event, data: data });
        } catch {
            // a closed port; nothing to do
        }
    });
}

function sendToPort(port, event, data) {
    port.postMessage({ event: event, data: data });
}

/** The AWS SDK hands the real worker Date objects; Streams calls getTime() on them. */
function reviveDates(value) {
    if (Array.isArray(value)) return value.map(reviveDates);
    if (value && typeof value === 'object') {
        var out = {};
        Object.keys(value).forEach(function (key) {
            var v = value[key];
            out[key] = TIMESTAMP_KEYS[key] && typeof v === 'string' ? new Date(v) : reviveDates(v);
        });
        return out;
    }
    return value;
}

/** One call to the stand-in; resolves `{ status, body }`, status 0 on a network error. */
function call(method, params) {
    var isState = method === 'putAgentState';
    var agentARN = agent && agent.configuration ? agent.configuration.agentARN : undefined;
    var body = isState
        ? {
              agentARN: agentARN,
              state: params.state,
              enqueueNextState: Boolean(params.enqueueNextState),
              requestId: params.requestId,
              origin: params.origin,
              sentAt: Date.now()
          }
        : { agentARN: agentARN, params: params || {} };
    return fetch(isState ? '/connect/agent-state' : '/connect/api/' + method, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-amz-bearer': initData.authToken || '' },
        body: JSON.stringify(body)
    })
        .then(function (res) {
            return res
                .json()
                .catch(function () {
                    return {};
                })
                .then(function (json) {
                    return { status: res.status, body: json };
                });
        })
        .catch(function (e) {
            return { status: 0, body: { type: 'NetworkError', message: String(e) } };
        });
}

/** AWSClient._formatCallError, then handleAPIRequest's JSON.stringify(err). */
function formatError(status, body) {
    return JSON.stringify({
        type: body.type,
        message: body.message,
        stack: [],
        retryStatus: 'none',
        statusCode: status
    });
}

// ---- ClientEngine.prototype.* ------------------------------------------------------------------

function handleAuthFail(data) {
    sendDownstream('auth_fail', data);
}

function updateAgent() {
    if (!agent || !agent.snapshot || !agent.configuration) return;
    // Aliases ClientEngine.updateAgent adds "for backwards compatibility".
    agent.snapshot.status = agent.state;
    if (agent.snapshot.contacts.length > 1) {
        agent.snapshot.contacts.sort(function (a, b) {
            return a.state.timestamp.getTime() - b.state.timestamp.getTime();
        });
    }
    agent.snapshot.contacts.forEach(function (contact) {
        contact.status = contact.state;
        contact.connections.forEach(function (connection) {
            connection.address = connection.endpoint;
        });
        if (contact.queue !== undefined && contact.queue !== null) {
            contact.queue.queueId = contact.queue.queueARN;
        }
    });
    var routingProfile = agent.configuration.routingProfile;
    routingProfile.defaultOutboundQueue.queueId = routingProfile.defaultOutboundQueue.queueARN;
    routingProfile.queues.forEach(function (queue) {
        queue.queueId = queue.queueARN;
    });
    routingProfile.routingProfileId = routingProfile.routingProfileARN;
    sendDownstream('agent::update', agent);
}

function updateAgentConfiguration(configuration) {
    if (
        configuration.permissions &&
        configuration.dialableCountries &&
        configuration.agentStates &&
        configuration.routingProfile.queues
    ) {
        agent = agent || {};
        agent.configuration = configuration;
        updateAgent();
    }
}

function pollForAgent(gen) {
    if (gen !== generation) return;
    call('getAgentSnapshot', { nextToken: nextToken, timeout: GET_AGENT_TIMEOUT_MS }).then(
        function (result) {
            if (gen !== generation) return;
            if (result.status !== 200) {
                setTimeout(pollForAgent, GET_AGENT_RECOVERY_TIMEOUT_MS, gen);
                return;
            }
            agent = agent || {};
            agent.snapshot = reviveDates(result.body.snapshot);
            agent.snapshot.localTimestamp = Date.now();
            agent.snapshot.skew = agent.snapshot.snapshotTimestamp - agent.snapshot.localTimestamp;
            nextToken = result.body.nextToken;
            if (configVersion !== null && result.body.configVersion !== configVersion) {
                pollForAgentConfiguration({});
            }
            configVersion = result.body.configVersion;
            updateAgent();
            setTimeout(pollForAgent, GET_AGENT_SUCCESS_TIMEOUT_MS, gen);
        }
    );
}

function pollForAgentConfiguration(params) {
    var gen = generation;
    call('getAgentConfiguration', {}).then(function (result) {
        if (gen !== generation) return;
        if (result.status === 200) {
            var configuration = result.body.configuration;
            pollList('getAgentPermissions', {}, 'permissions', function (list) {
                configuration.permissions = list;
                updateAgentConfiguration(configuration);
            });
            pollList('getAgentStates', {}, 'states', function (list) {
                configuration.agentStates = list;
                updateAgentConfiguration(configuration);
            });
            pollList('getDialableCountryCodes', {}, 'countryCodes', function (list) {
                configuration.dialableCountries = list;
                updateAgentConfiguration(configuration);
            });
            pollList(
                'getRoutingProfileQueues',
                { routingProfileARN: configuration.routingProfile.routingProfileARN },
                'queues',
                function (list) {
                    configuration.routingProfile.queues = list;
                    updateAgentConfiguration(configuration);
                }
            );
        }
        if (params.repeatForever) {
            setTimeout(pollForAgentConfiguration, GET_AGENT_CONFIGURATION_INTERVAL_MS, params);
        }
    });
}

/** The paginated list calls (pollForAgentStates & co) with Streams' DEFAULT_BATCH_SIZE. */
function pollList(method, extraParams, key, done, collected, token) {
    var params = Object.assign({ nextToken: token || null, maxResults: 500 }, extraParams);
    call(method, params).then(function (result) {
        if (result.status !== 200) return;
        var all = (collected || []).concat(result.body[key]);
        if (result.body.nextToken)
            pollList(method, extraParams, key, done, all, result.body.nextToken);
        else done(all);
    });
}

function onConfigure(data) {
    // ClientEngine's CONFIGURE handler: only a configure carrying a new auth token (the CCP page's
    // own, from initSharedWorker) starts the engine; the host's softphone configure is ignored.
    if (!data || !data.authToken || data.authToken === initData.authToken) return;
    initData = data;
    if (polling) return; // the running loops pick up the new token
    startTransport();
}

/** Assumption: how often a signed-out CCP tries again (the real CCP learns of a sign-in elsewhere). */
var SIGNED_OUT_RETRY_MS = 2000;

function startTransport() {
    // getWebSocketUrl → createTransport; on success polling starts, on 401 handleAuthFail().
    call('createTransport', { transportType: 'web_socket' }).then(function (result) {
        if (result.status === 200) {
            polling = true;
            generation += 1;
            pollForAgent(generation);
            pollForAgentConfiguration({ repeatForever: true });
        } else if (result.status === 401) {
            handleAuthFail();
            // Assumption, not from Streams: once the agent signs in from the login window, the CCP
            // becomes authorized without a reload (Connect's CCP pages share one SharedWorker).
            setTimeout(startTransport, SIGNED_OUT_RETRY_MS);
        } else {
            sendDownstream('webSocket::init_failure');
        }
    });
}

function handleAPIRequest(port, request) {
    var params = Object.assign({}, request.params);
    if (request.method === 'putAgentState') params.requestId = request.requestId;
    // Ours: the CCP page's own controls mark their requests `origin: 'agent'` (see ccp.js).
    if (request.origin === 'agent') params.origin = 'agent';
    call(request.method, params).then(function (result) {
        if (result.status === 401) {
            // handleAPIRequest's authFailure: AUTH_FAIL with {authorize: true}, no api_response.
            handleAuthFail({ authorize: true });
            return;
        }
        var ok = result.status === 200;
        // EventFactory.createResponse(API_RESPONSE, request, data, err)
        sendToPort(port, 'api_response', {
            event: 'api_response',
            requestId: request.requestId,
            data: ok ? result.body : null,
            err: ok ? null : formatError(result.status, result.body)
        });
    });
}

function handleMasterRequest(port, portId, request) {
    var topic = request.params.topic;
    var masterId = masters[topic] || null;
    var data;
    if (request.method === 'becomeMaster') {
        var takeOver = Boolean(masterId) && masterId !== portId;
        masters[topic] = portId;
        data = { masterId: portId, takeOver: takeOver, topic: topic };
        if (takeOver) {
            sendDownstream('master_response', {
                event: 'master_response',
                requestId: request.requestId,
                data: data,
                err: null
            });
        }
    } else {
        if (!masterId && !request.params.shouldNotBecomeMasterIfNone) {
            masters[topic] = portId;
            masterId = portId;
        }
        data = { masterId: masterId, isMaster: portId === masterId, topic: topic };
    }
    sendToPort(port, 'master_response', {
        event: 'master_response',
        requestId: request.requestId,
        data: data,
        err: null
    });
}

function onTerminate() {
    // connect.core.terminate() turns the clients into NullClients: polling stops.
    generation += 1;
    polling = false;
    sendDownstream('terminated');
}

function removePort(id) {
    delete ports[id];
    Object.keys(masters).forEach(function (topic) {
        if (masters[topic] === id) delete masters[topic];
    });
    sendDownstream('update_connected_ccps', { length: Object.keys(ports).length });
}

function onPortMessage(port, id, message) {
    if (!message || !message.event) return;
    var data = message.data;
    switch (message.event) {
        case 'configure':
            onConfigure(data);
            break;
        case 'synchronize':
            sendDownstream('acknowledge');
            break;
        case 'api_request':
            handleAPIRequest(port, data);
            break;
        case 'master_request':
            handleMasterRequest(port, id, data);
            break;
        case 'terminate':
            onTerminate();
            break;
        case 'broadcast':
            sendDownstream(data.event, data.data);
            break;
        case 'reload_agent_configuration':
            pollForAgentConfiguration({});
            break;
        case 'close':
            removePort(id);
            break;
        default:
            // outer_context_info, iframe_style, tab_id, send_logs, log, ...: nothing to do here.
            break;
    }
}

// ClientEngine's `global.onconnect`: register the port, ack it with its id, count the CCPs.
function onConnect(port) {
    var id = randomId();
    ports[id] = port;
    port.addEventListener('message', function (messageEvent) {
        onPortMessage(port, id, messageEvent.data);
    });
    port.start();
    sendToPort(port, 'acknowledge', { id: id });
    sendDownstream('update_connected_ccps', { length: Object.keys(ports).length });
    if (agent !== null) updateAgent();
}

if (typeof SharedWorkerGlobalScope !== 'undefined' && self instanceof SharedWorkerGlobalScope) {
    self.addEventListener('connect', function (event) {
        onConnect(event.ports[0]);
    });
} else {
    // Dedicated Worker fallback (see ccp.js): the worker global is the one and only port.
    onConnect({
        postMessage: function (message) {
            self.postMessage(message);
        },
        addEventListener: function (type, listener) {
            self.addEventListener(type, listener);
        },
        start: function () {}
    });
}
