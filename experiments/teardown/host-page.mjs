// The host page of the teardown experiment (127.0.0.1): the real connect-streams.js with a plain
// <script>, plus in-page helpers that install one candidate mechanism for sending the session-end
// status while the page is torn down. Also serves a Salesforce-like logout URL that redirects to
// /login (after 0 or N ms) and records the beacons the page sends from its lifecycle handlers.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const STREAMS_PATH = require.resolve('amazon-connect-streams/release/connect-streams.js');

// Every handler reports itself with sendBeacon (it survives the page, unlike console or CDP calls):
// which event ran, when it started (t0, ms since epoch: same clock as the stand-in's arrivedAt),
// when it returned, and whether it posted the status change.
const HOST_SCRIPT = `
window.__trial = null;
window.__beacon = function (record) {
    navigator.sendBeacon('/beacon', JSON.stringify(Object.assign({ trial: window.__trial }, record)));
};
window.__initCcp = function (ccpUrl) {
    return new Promise(function (resolve, reject) {
        connect.core.initCCP(document.getElementById('ccp'), {
            ccpUrl: ccpUrl,
            loginPopup: false,
            softphone: { allowFramedSoftphone: true }
        });
        connect.agent(function () { resolve(true); });
        setTimeout(function () { reject(new Error('agent not ready in 15 s')); }, 15000);
    });
};
window.__setState = function (type) {
    return new Promise(function (resolve) {
        var agent = new connect.Agent();
        var state = agent.getAgentStates().find(function (s) { return s.type === type; });
        agent.setState(state, {
            success: function () { resolve({ ok: true }); },
            failure: function (err) { resolve({ ok: false, err: String(err) }); }
        }, { enqueueNextState: false });
        setTimeout(function () { resolve({ ok: false, err: 'no answer in 5 s' }); }, 5000);
    });
};
/**
 * Sends Offline once, from the first of \`events\`, then blocks this thread for busyMs, either in
 * the handler itself (hold 'inline') or in a later task queued behind the outgoing message (hold
 * 'after': a message to this window, same task source as the cross-frame post, so it runs after it).
 */
window.addEventListener('message', function (event) {
    if (event.source === window && event.data && event.data.__holdMs) {
        var until = performance.now() + event.data.__holdMs;
        while (performance.now() < until) { /* hold the host thread */ }
    }
});
window.__install = function (trial, events, busyMs, hold) {
    window.__trial = trial;
    var agent = new connect.Agent();
    var offline = agent.getAgentStates().find(function (s) { return s.type === 'offline'; });
    var sent = false;
    function onEvent(event) {
        var t0 = Date.now();
        var didSend = false;
        var type = event.type === 'visibilitychange' ? 'visibilitychange:' + document.visibilityState : event.type;
        if (!sent && (events.indexOf(event.type) >= 0 || events.indexOf(type) >= 0)) {
            sent = true;
            didSend = true;
            agent.setState(offline, { success: function () {}, failure: function () {} }, { enqueueNextState: false });
            if (busyMs > 0 && hold === 'after') {
                window.postMessage({ __holdMs: busyMs }, '*');
            } else if (busyMs > 0) {
                var until = performance.now() + busyMs;
                while (performance.now() < until) { /* hold the host thread */ }
            }
        }
        window.__beacon({ type: type, t0: t0, t1: Date.now(), sent: didSend, persisted: event.persisted === true });
    }
    window.addEventListener('beforeunload', onEvent);
    window.addEventListener('pagehide', onEvent);
    document.addEventListener('visibilitychange', onEvent);
};
/** Host thread blocked for ms; returns the largest gap of a 5 ms timer in the CCP frame meanwhile. */
window.__busy = function (ms) {
    var until = performance.now() + ms;
    while (performance.now() < until) { /* hold the host thread */ }
};
/** Emulator check: setState, then remove the CCP iframe after delayMs (-1: in the same task). */
window.__setStateThenRemoveIframe = function (delayMs) {
    var agent = new connect.Agent();
    var offline = agent.getAgentStates().find(function (s) { return s.type === 'offline'; });
    var t0 = Date.now();
    agent.setState(offline, { success: function () {}, failure: function () {} }, { enqueueNextState: false });
    var remove = function () { document.querySelector('iframe').remove(); };
    if (delayMs < 0) remove(); else setTimeout(remove, delayMs);
    return t0;
};
`;

const hostPage = () => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Teardown host</title>
<script src="/connect-streams.js"></script>
<script>${HOST_SCRIPT}</script></head>
<body><div id="ccp" style="width:320px;height:480px"></div></body></html>`;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts the host on 127.0.0.1. `beacons` maps trial id → records; `logoutDelays` lists the delay
 * each /secur/logout.jsp request waited (as Salesforce's logout answers with a redirect to /login).
 */
export async function startTeardownHost({ host = '127.0.0.1', port = 0 } = {}) {
    const streams = await readFile(STREAMS_PATH);
    const beacons = new Map();
    const server = createServer((req, res) => {
        const url = new URL(req.url, `http://${req.headers.host}`);
        if (url.pathname === '/connect-streams.js') {
            res.writeHead(200, { 'content-type': 'text/javascript' });
            return res.end(streams);
        }
        if (url.pathname === '/beacon' && req.method === 'POST') {
            const chunks = [];
            req.on('data', (chunk) => chunks.push(chunk));
            req.on('end', () => {
                try {
                    const record = JSON.parse(Buffer.concat(chunks).toString('utf8'));
                    record.receivedAt = Date.now();
                    if (!beacons.has(record.trial)) beacons.set(record.trial, []);
                    beacons.get(record.trial).push(record);
                } catch {
                    // a torn beacon: nothing to record
                }
                res.writeHead(204);
                res.end();
            });
            return undefined;
        }
        if (url.pathname === '/secur/logout.jsp') {
            const delay = Math.min(Number(url.searchParams.get('delay')) || 0, 5000);
            return void sleep(delay).then(() => {
                res.writeHead(302, { location: '/login', 'cache-control': 'no-store' });
                res.end();
            });
        }
        if (url.pathname === '/login') {
            res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' });
            return res.end('<!doctype html><title>Login</title><p>Login');
        }
        if (url.pathname === '/favicon.ico') {
            res.writeHead(204);
            return res.end();
        }
        // Lightning pages are served no-store: not kept in the back/forward cache.
        res.writeHead(200, {
            'content-type': 'text/html; charset=utf-8',
            'cache-control': 'no-store'
        });
        return res.end(hostPage());
    });
    await new Promise((resolve) => server.listen(port, host, resolve));
    return {
        url: `http://${host}:${server.address().port}/`,
        beacons,
        close: () =>
            new Promise((resolve) => {
                server.close(() => resolve());
                server.closeAllConnections();
            })
    };
}

/** Another site (127.0.0.3) to navigate to. */
export async function startOtherSite({ host = '127.0.0.3', port = 0 } = {}) {
    const server = createServer((req, res) => {
        res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' });
        res.end('<!doctype html><title>Elsewhere</title><p>Another site');
    });
    await new Promise((resolve) => server.listen(port, host, resolve));
    return {
        url: `http://${host}:${server.address().port}/`,
        close: () =>
            new Promise((resolve) => {
                server.close(() => resolve());
                server.closeAllConnections();
            })
    };
}
