// The emulated CCP page: a bridge between the host window (Streams' initCCP) and the CCP's
// SharedWorker (worker.js), as the real CCP page does with `connect.core.initSharedWorker`
// (release/connect-streams.js): upstream = PortStream(worker.port), downstream =
// WindowIOStream(window, parent); every host message goes to the worker (`onAllDownstream` →
// `passUpstream`), every worker message goes to the host (`onAllUpstream` → `passDownstream`).
// Worker: a SharedWorker first, like the real CCP. In headless Chromium 156 a SharedWorker created
// from a cross-site iframe (host 127.0.0.1, CCP 127.0.0.2) fails with an `error` event (third-party
// context), so the page then falls back to a dedicated Worker running the same worker.js and replays
// what it had sent. `window.__ccpWorkerKind` says which one is in use ('shared' | 'dedicated').
// The page's own controls (ccp-controls.js) use `window.__ccpBridge`: they see every worker message
// the host sees, and send their API requests up the same port, as the real CCP's UI does.
(function () {
    'use strict';

    var boot = window.__ccpBoot;
    var faults = boot.faults || {};
    var parentWindow = window.parent;
    var port = null;
    var pending = [];
    var earlyAckId = window.__ccpEarlyAckId || null;
    var connectAckDropped = false;
    var hostConfigured = false;
    // Top level (no host frame), the page is its own parent: nothing goes "down" to a host then.
    var framed = parentWindow !== window;
    var uiListeners = [];
    var uiRequests = {}; // requestId → callback, for the page's own API requests
    var uiRequestCount = 0;
    // Debug aids read by tests: the events the host sent, in order, and when the first ack left.
    window.__ccpReceived = [];
    window.__ccpFirstAckAt = earlyAckId ? window.__ccpEarlyAckAt : null;

    function toHost(message) {
        // WindowIOStream.prototype.send: postMessage(message, '*').
        if (framed) parentWindow.postMessage(message, '*');
    }

    /** The page's own controls: `subscribe(listener)`, `request(method, params, done)`, `terminate()`. */
    window.__ccpBridge = {
        subscribe: function (listener) {
            uiListeners.push(listener);
        },
        request: function (method, params, done) {
            uiRequestCount += 1;
            var requestId = 'ccp-ui-' + uiRequestCount + '-' + boot.pageId;
            if (done) uiRequests[requestId] = done;
            toWorker({
                event: 'api_request',
                data: { requestId: requestId, method: method, params: params, origin: 'agent' }
            });
        },
        /** The CCP ends its worker (as the host's connect.core.terminate does). */
        terminate: function () {
            toWorker({ event: 'terminate' });
        }
    };

    function toWorker(message) {
        if (port) postToPort(message);
        else pending.push(message);
    }

    function onHostMessage(event) {
        // WindowIOStream.prototype.onMessage only accepts messages whose source is the other window.
        if (event.source !== parentWindow) return;
        var message = event.data;
        if (!message || !message.event) return;
        window.__ccpReceived.push(message.event);
        if (message.event === 'configure') {
            hostConfigured = true;
            // connect.core.initPageOptions: the CCP re-broadcasts the host's configure to every tab.
            toWorker({
                event: 'broadcast',
                data: { event: 'configuration::configure', data: message.data }
            });
        }
        toWorker(message);
    }

    function onWorkerMessage(event) {
        var message = event.data;
        if (!message || !message.event) return;
        if (
            earlyAckId &&
            !connectAckDropped &&
            message.event === 'acknowledge' &&
            message.data &&
            message.data.id
        ) {
            // The inline early ack already stood in for the worker's connect ack.
            connectAckDropped = true;
            return;
        }
        if (message.event === 'acknowledge' && message.data && message.data.id) {
            window.__ccpFirstAckAt = window.__ccpFirstAckAt || performance.now();
        }
        var ownRequestId =
            message.event === 'api_response' && message.data ? message.data.requestId : null;
        if (ownRequestId && uiRequests[ownRequestId]) {
            // An answer to the page's own control: the host never asked for it.
            var done = uiRequests[ownRequestId];
            delete uiRequests[ownRequestId];
            done(message.data);
            return;
        }
        uiListeners.forEach(function (listener) {
            listener(message);
        });
        toHost(message);
        if (message.event === 'terminated') {
            // initSharedWorker: "Refresh the page when we receive the TERMINATED response".
            window.location.reload();
        }
    }

    var sentBeforeReply = []; // replayed if the SharedWorker fails and a dedicated Worker takes over
    var workerReplied = false;

    function connectPort(newPort) {
        port = newPort;
        port.addEventListener('message', function (event) {
            workerReplied = true;
            sentBeforeReply = null;
            onWorkerMessage(event);
        });
        port.start();
    }

    function postToPort(message) {
        if (sentBeforeReply) sentBeforeReply.push(message);
        port.postMessage(message);
    }

    function fallBackToDedicatedWorker() {
        if (workerReplied || window.__ccpWorkerKind === 'dedicated') return;
        var replay = sentBeforeReply || [];
        var worker = new Worker('/ccp-v2/worker.js', { name: 'ConnectSharedWorker' });
        window.__ccpWorkerKind = 'dedicated';
        // A dedicated Worker is its own port: same postMessage / message event surface.
        connectPort({
            postMessage: function (message) {
                worker.postMessage(message);
            },
            addEventListener: function (type, listener) {
                worker.addEventListener(type, listener);
            },
            start: function () {}
        });
        sentBeforeReply = [];
        replay.forEach(postToPort);
    }

    function start() {
        try {
            var shared = new SharedWorker('/ccp-v2/worker.js', 'ConnectSharedWorker');
            window.__ccpWorkerKind = 'shared';
            shared.addEventListener('error', fallBackToDedicatedWorker);
            connectPort(shared.port);
        } catch {
            fallBackToDedicatedWorker();
        }
        // initSharedWorker sends its own CONFIGURE (with the session's auth token) up to the worker.
        postToPort({
            event: 'configure',
            data: {
                authToken: boot.authToken,
                authTokenExpiration: boot.authTokenExpiration,
                refreshToken: 'emulator',
                region: 'us-east-1',
                endpoint: null,
                authorizeEndpoint: '/auth/authorize'
            }
        });
        pending.forEach(postToPort);
        pending = [];
        // initSharedWorker: `global.onunload` sends CLOSE so the worker drops this port.
        window.addEventListener('pagehide', function () {
            port.postMessage({ event: 'close' });
        });
        // connect.core.checkIfConfigureReceived: ask the host again if it sent no configure.
        setTimeout(function () {
            if (!hostConfigured) toHost({ event: 'request_configure' });
        }, 1000);
    }

    window.addEventListener('message', onHostMessage);
    if (earlyAckId) {
        // Messages that arrived while this script loaded were buffered by the inline script.
        window.removeEventListener('message', window.__ccpEarlyListener);
        window.__ccpEarlyMessages.forEach(onHostMessage);
        window.__ccpEarlyMessages = [];
        start();
    } else {
        // ASSUMPTION: the real CCP's first ack comes after its load event; `slow` delays it further.
        window.addEventListener('load', function () {
            setTimeout(start, faults.slowMs || 0);
        });
    }
})();
