// The local Amazon Connect stand-in: serves the emulated CCP page (/ccp-v2/), answers its worker's
// API calls, keeps agent state and history, and offers control and real-time-metrics pages.
//
// ASSUMPTION: every HTTP path and body shape below is ours. The real CCP worker talks to Connect's
// private API through the AWS SDK (`AWSClient` in release/connect-streams.js); only the method names
// (`connect.ClientMethods`) and the data shapes Streams reads are taken from Streams.
//
// Usage: `node ccp-emulator/server.mjs [--host 127.0.0.2] [--port 0]`, or import startConnectStandIn.
import { createServer } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { ConnectModel, validateConfig } from './agent-model.mjs';
import { createConnectApi } from './connect-api.mjs';
import {
    faultsFromQuery,
    renderCcpPage,
    renderIndex,
    renderLoginPage,
    renderSignedOutPage
} from './ccp-page.mjs';

const PUBLIC_DIR = join(dirname(fileURLToPath(import.meta.url)), 'public');
const STATIC_FILES = {
    '/ccp-v2/ccp.js': ['ccp.js', 'text/javascript'],
    '/ccp-v2/worker.js': ['worker.js', 'text/javascript'],
    '/ccp-v2/ccp-controls.js': ['ccp-controls.js', 'text/javascript'],
    '/ccp-v2/ccp.css': ['ccp.css', 'text/css; charset=utf-8'],
    '/real-time-metrics/': ['rtm.html', 'text/html; charset=utf-8'],
    '/real-time-metrics/rtm.js': ['rtm.js', 'text/javascript']
};
const ONE_PIXEL_GIF = Buffer.from('R0lGODlhAQABAAAAACw=', 'base64');
const FAULT_KEYS = [
    'authFail',
    'earlyAck',
    'dead',
    'slowMs',
    'apiDelayMs',
    // Presence backstop: the CCP's change is answered but never applied; the REST API throttles.
    'dropAgentState',
    'connectApiRatePerSecond'
];

/** Longest a getAgentSnapshot long poll is held (Streams asks for GET_AGENT_TIMEOUT_MS = 30000). */
const LONG_POLL_MAX_MS = 20000;
/** How many recent status changes the real-time metrics timeline shows. */
const TIMELINE_LENGTH = 30;
/** How long the earlyAck fault's slow image holds the CCP page's load event back. */
const EARLY_ACK_LOAD_DELAY_MS = 1500;

function sendJson(res, status, body, headers = {}) {
    const text = JSON.stringify(body);
    res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
        ...headers
    });
    res.end(text);
}

function sendHtml(res, html) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(html);
}

async function readJson(req) {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    if (chunks.length === 0) return {};
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/** Lets a page on another loopback origin (the host) call us with credentials, as /logout needs. */
function corsHeaders(req) {
    const origin = req.headers.origin;
    if (!origin) return {};
    return {
        'access-control-allow-origin': origin,
        'access-control-allow-credentials': 'true',
        'access-control-allow-methods': 'GET, POST, OPTIONS',
        'access-control-allow-headers': 'content-type',
        vary: 'Origin'
    };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts the stand-in. Resolves to `{ url, ccpUrl, rtmUrl, close(), state, faults }`; `state` is the
 * live ConnectModel (history, agents), `faults` the live fault object. With `tls` (`{ cert, key }`)
 * the same routes are also served over https on a second port, and `ccpUrl` is the https one (the
 * softphone refuses a CCP that is not https); `url` (control, history) stays plain http.
 */
export async function startConnectStandIn({
    host = '127.0.0.2',
    port = 0,
    tlsPort = 0,
    tls = null,
    quiet = true
} = {}) {
    if (!/^127\.\d+\.\d+\.\d+$/.test(host)) throw new Error(`loopback 127.x.x.x only, got ${host}`);
    const model = new ConnectModel();
    const faults = {};
    const session = { signedIn: true, validTokens: new Set(), logouts: [] };
    const sseClients = new Set();
    const connectApi = createConnectApi({ model, faults });
    /** putAgentState requests the dropAgentState fault answered without applying. */
    const droppedAgentStates = [];
    const log = quiet ? () => {} : (...args) => console.log('[connect-stand-in]', ...args);

    /** The real-time metrics feed: the agents and the latest changes for the timeline. */
    const metricsEvent = () =>
        `data: ${JSON.stringify({ ...model.publicState(), history: model.history.slice(-TIMELINE_LENGTH) })}\n\n`;
    model.onChange(() => {
        const payload = metricsEvent();
        for (const res of sseClients) res.write(payload);
    });

    /** Holds a getAgentSnapshot until the model changes or the poll times out. */
    function waitForChange(sinceVersion, timeoutMs) {
        if (model.version !== sinceVersion) return Promise.resolve();
        return new Promise((resolve) => {
            const timer = setTimeout(done, timeoutMs);
            const off = model.onChange(done);
            function done() {
                clearTimeout(timer);
                off();
                resolve();
            }
        });
    }

    function isAuthorized(req) {
        const token = req.headers['x-amz-bearer'];
        return session.signedIn && !faults.authFail && session.validTokens.has(token);
    }

    /** The worker's API: one POST per connect.ClientMethods name the worker forwards. */
    async function handleApi(req, res, method) {
        const body = await readJson(req);
        const arrivedAt = Date.now();
        if (faults.apiDelayMs) await sleep(faults.apiDelayMs);
        if (!isAuthorized(req)) {
            return sendJson(res, 401, { type: 'UnauthorizedException', message: 'Unauthorized' });
        }
        const params = body.params ?? {};
        const agent = model.agentFor(body.agentARN);
        switch (method) {
            case 'createTransport':
                // The real worker opens a WebSocket with this; the emulator's worker does not need one.
                return sendJson(res, 200, {
                    webSocketTransport: {
                        url: 'ws://127.0.0.2/unused',
                        expiry: new Date(Date.now() + 3600e3).toISOString(),
                        transportLifeTimeInSeconds: 3600
                    }
                });
            case 'getAgentSnapshot': {
                const since = Number(params.nextToken);
                if (params.nextToken != null && since === model.version) {
                    const hold = Math.min(
                        Number(params.timeout) || LONG_POLL_MAX_MS,
                        LONG_POLL_MAX_MS
                    );
                    await waitForChange(since, hold);
                    if (res.destroyed) return undefined;
                }
                return sendJson(res, 200, {
                    snapshot: model.snapshot(agent),
                    nextToken: String(model.version),
                    configVersion: model.configVersion
                });
            }
            case 'getAgentConfiguration':
                return sendJson(res, 200, { configuration: model.configuration(agent) });
            case 'getAgentStates':
                return sendJson(res, 200, { states: model.agentStates(), nextToken: null });
            case 'getAgentPermissions':
                return sendJson(res, 200, {
                    permissions: ['outboundCall', 'voiceId', 'contactControlPanel'],
                    nextToken: null
                });
            case 'getDialableCountryCodes':
                return sendJson(res, 200, { countryCodes: ['us', 'jp'], nextToken: null });
            case 'getRoutingProfileQueues':
                return sendJson(res, 200, {
                    queues: model.routingProfileQueues(agent),
                    nextToken: null
                });
            case 'getEndpoints':
                return sendJson(res, 200, { endpoints: [], addresses: [], nextToken: null });
            case 'acceptContact':
                return contactApi(res, 'connected');
            case 'destroyContact':
            case 'destroyConnection':
                return contactApi(res, 'acw');
            case 'rejectContact':
                return contactApi(res, 'reject');
            case 'clearContact':
            case 'completeContact':
                return contactApi(res, 'end');
            default:
                // sendClientLogs, sendSoftphoneCallMetrics, ...: accepted and dropped.
                log('api', method, 'arrived', arrivedAt);
                return sendJson(res, 200, {});
        }
    }

    function contactApi(res, action) {
        const result = model.contactAction(action, { force: true });
        if (!result.ok) {
            return sendJson(res, 400, { type: 'InvalidStateException', message: result.error });
        }
        return sendJson(res, 200, {});
    }

    async function handleAgentState(req, res) {
        const arrivedAt = Date.now();
        const body = await readJson(req);
        if (faults.apiDelayMs) await sleep(faults.apiDelayMs);
        if (!isAuthorized(req)) {
            return sendJson(res, 401, { type: 'UnauthorizedException', message: 'Unauthorized' });
        }
        if (faults.dropAgentState) {
            droppedAgentStates.push({ requested: body.state?.name ?? null, arrivedAt });
            return sendJson(res, 200, { outcome: 'applied' });
        }
        const result = model.putAgentState(
            {
                agentARN: body.agentARN,
                state: body.state,
                enqueueNextState: body.enqueueNextState,
                requestId: body.requestId,
                // The CCP page's own status menu marks its requests (public/ccp.js), so the
                // timeline can tell the agent's choice from the softphone's (Connect cannot).
                source: body.origin === 'agent' ? 'agent' : 'ccp'
            },
            arrivedAt
        );
        log('agent-state', body.state?.name, result.outcome);
        if (!result.ok) {
            // The error fields Streams' AWSClient._formatCallError would produce from the SDK error.
            return sendJson(res, result.outcome === 'unknown' ? 404 : 409, {
                type: result.error,
                message:
                    result.outcome === 'refused'
                        ? 'The agent has a live contact; set enqueueNextState to change after it'
                        : `Unknown agent state ${JSON.stringify(body.state?.name ?? null)}`
            });
        }
        return sendJson(res, 200, { outcome: result.outcome });
    }

    function ccpPage(url, res) {
        if (!session.signedIn) return sendHtml(res, renderSignedOutPage());
        const pageFaults = { ...faults, ...faultsFromQuery(url.searchParams) };
        const authToken = `tok-${randomUUID()}`;
        // authFail as a query parameter: this page gets a token the stand-in never accepts, so the
        // worker's first call (createTransport) answers 401, as an expired Connect session would.
        // authFail through /control/faults is the browser's Connect session being signed out:
        // isAuthorized refuses every token until the fault is cleared, which stands for the agent
        // signing in from the login window. Assumption: in Connect the CCP pages share one
        // SharedWorker, so a sign-in in the login window authorizes the framed CCP's next poll.
        if (!faultsFromQuery(url.searchParams).authFail) session.validTokens.add(authToken);
        const boot = {
            authToken,
            authTokenExpiration: new Date(Date.now() + 3600e3).toISOString(),
            faults: pageFaults,
            pageId: randomUUID().slice(0, 8)
        };
        return sendHtml(
            res,
            renderCcpPage({ boot, faults: pageFaults, loadDelayMs: EARLY_ACK_LOAD_DELAY_MS })
        );
    }

    async function route(req, res) {
        const url = new URL(req.url, `http://${req.headers.host}`);
        const path = url.pathname;
        const cors = corsHeaders(req);
        if (req.method === 'OPTIONS') {
            res.writeHead(204, cors);
            return res.end();
        }
        if (req.method === 'GET' && (path === '/ccp-v2/' || path === '/ccp-v2/index.html')) {
            return ccpPage(url, res);
        }
        if (req.method === 'GET' && path === '/ccp-v2') {
            res.writeHead(302, { location: `/ccp-v2/${url.search}` });
            return res.end();
        }
        if (req.method === 'GET' && STATIC_FILES[path]) {
            const [file, type] = STATIC_FILES[path];
            const text = await readFile(join(PUBLIC_DIR, file));
            res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
            return res.end(text);
        }
        if (req.method === 'GET' && path === '/real-time-metrics') {
            res.writeHead(302, { location: '/real-time-metrics/' });
            return res.end();
        }
        if (req.method === 'GET' && path === '/ccp-v2/slow-resource') {
            await sleep(Math.min(Number(url.searchParams.get('ms')) || 0, 30000));
            res.writeHead(200, { 'content-type': 'image/gif', 'cache-control': 'no-store' });
            return res.end(ONE_PIXEL_GIF);
        }
        if (req.method === 'POST' && path.startsWith('/connect/api/')) {
            return handleApi(req, res, path.slice('/connect/api/'.length));
        }
        if (req.method === 'POST' && path === '/connect/agent-state') {
            return handleAgentState(req, res);
        }
        if (req.method === 'GET' && path === '/logout') {
            // Streams' signOutThroughCCP: fetch(<instance>/logout, {credentials:'include'}).
            // Real Connect ends the session but does NOT change the agent's status (Streams issue
            // #493): only the session is touched here.
            session.signedIn = false;
            session.validTokens.clear();
            session.logouts.push({
                at: new Date().toISOString(),
                origin: req.headers.origin ?? null
            });
            log('logout from', req.headers.origin);
            return sendJson(res, 200, {}, cors);
        }
        if (req.method === 'GET' && path === '/login') {
            session.signedIn = true;
            return sendHtml(res, renderLoginPage());
        }
        if (req.method === 'GET' && path === '/connect/history') {
            return sendJson(res, 200, model.history, cors);
        }
        if (req.method === 'GET' && path === '/connect/state') {
            return sendJson(
                res,
                200,
                {
                    ...model.publicState(),
                    session: { signedIn: session.signedIn, logouts: session.logouts },
                    faults,
                    droppedAgentStates,
                    connectApi: { calls: connectApi.calls, throttled: connectApi.throttled }
                },
                cors
            );
        }
        if (path === '/control/faults') {
            if (req.method === 'POST') {
                const body = await readJson(req);
                for (const key of FAULT_KEYS) delete faults[key];
                for (const key of FAULT_KEYS) if (body[key]) faults[key] = body[key];
            }
            return sendJson(res, 200, faults, cors);
        }
        if (req.method === 'POST' && path === '/control/reset') {
            for (const key of FAULT_KEYS) delete faults[key];
            session.signedIn = true;
            session.logouts.length = 0;
            droppedAgentStates.length = 0;
            connectApi.reset();
            model.reset();
            return sendJson(res, 200, { ok: true }, cors);
        }
        if (path === '/control/config') {
            if (req.method === 'POST') {
                const body = { ...model.config, ...(await readJson(req)) };
                const error = validateConfig(body);
                if (error) return sendJson(res, 400, { error }, cors);
                model.setConfig(body);
            }
            return sendJson(res, 200, model.config, cors);
        }
        if (req.method === 'POST' && path === '/control/agent-state') {
            const body = await readJson(req);
            const result = model.setStatusByControl(body.status);
            return sendJson(res, result.ok ? 200 : 409, result, cors);
        }
        if (req.method === 'POST' && path === '/control/contact') {
            const body = await readJson(req);
            const result = model.contactAction(body.action, { force: Boolean(body.force) });
            return sendJson(res, result.ok ? 200 : 409, result, cors);
        }
        if (req.method === 'GET' && path === '/real-time-metrics/events') {
            res.writeHead(200, {
                'content-type': 'text/event-stream',
                'cache-control': 'no-store',
                connection: 'keep-alive'
            });
            res.write(metricsEvent());
            sseClients.add(res);
            req.on('close', () => sseClients.delete(res));
            return undefined;
        }
        if (await connectApi.handle(req, res, url)) return undefined;
        if (req.method === 'GET' && path === '/favicon.ico') {
            res.writeHead(204);
            return res.end();
        }
        if (req.method === 'GET' && path === '/') {
            return sendHtml(res, renderIndex({ ccpUrl, rtmUrl }));
        }
        return sendJson(res, 404, { error: `no route ${req.method} ${path}` }, cors);
    }

    const handle = (req, res) => {
        route(req, res).catch((error) => {
            log('error', error);
            if (!res.headersSent) sendJson(res, 500, { error: String(error?.message ?? error) });
            else res.end();
        });
    };
    const listen = (server, serverPort) =>
        new Promise((resolve, reject) => {
            server.once('error', reject);
            server.listen(serverPort, host, resolve);
        });
    const server = createServer(handle);
    await listen(server, port);
    const tlsServer = tls ? createTlsServer({ cert: tls.cert, key: tls.key }, handle) : null;
    if (tlsServer) {
        await listen(tlsServer, tlsPort).catch(async (error) => {
            await new Promise((resolve) => server.close(resolve));
            throw error;
        });
    }
    const address = server.address();
    const url = `http://${host}:${address.port}`;
    const ccpUrl = tlsServer
        ? `https://${host}:${tlsServer.address().port}/ccp-v2/`
        : `${url}/ccp-v2/`;
    const rtmUrl = `${url}/real-time-metrics/`;
    // SSE keep-alive comments so proxies and the browser keep the stream open.
    const keepAlive = setInterval(() => {
        for (const res of sseClients) res.write(': keep-alive\n\n');
    }, 15000);
    keepAlive.unref();

    async function close() {
        clearInterval(keepAlive);
        for (const res of sseClients) res.end();
        sseClients.clear();
        model.changed(); // releases held long polls
        await Promise.all(
            [server, tlsServer].filter(Boolean).map(
                (each) =>
                    new Promise((resolve) => {
                        each.close(() => resolve());
                        each.closeAllConnections();
                    })
            )
        );
    }

    return { url, ccpUrl, rtmUrl, close, state: model, faults, session, connectApi };
}

function parseArgs(argv) {
    const args = { host: '127.0.0.2', port: 0 };
    for (let i = 0; i < argv.length; i += 1) {
        if (argv[i] === '--host') args.host = argv[++i];
        else if (argv[i] === '--port') args.port = Number(argv[++i]);
    }
    return args;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
    const { host, port } = parseArgs(process.argv.slice(2));
    const standIn = await startConnectStandIn({ host, port, quiet: false });
    console.log(`Connect stand-in:     ${standIn.url}/`);
    console.log(`CCP URL (ccpUrl):     ${standIn.ccpUrl}`);
    console.log(`Real-time metrics:    ${standIn.rtmUrl}`);
    console.log(`History:              ${standIn.url}/connect/history`);
    let stopping = false;
    const stop = async () => {
        if (stopping) return;
        stopping = true;
        await standIn.close();
        process.exit(0);
    };
    for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, stop);
    // Stop when the parent goes away: IPC channel closed, or re-parented to init.
    process.on('disconnect', stop);
    const parentPid = process.ppid;
    setInterval(() => {
        if (process.ppid !== parentPid) stop();
    }, 1000).unref();
}
