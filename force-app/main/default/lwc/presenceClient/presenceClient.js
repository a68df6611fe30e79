/**
 * The thin effects of the presence backstop (docs/presence-protocol.md): the tab leader's heartbeat
 * loop, the `leave` beacon of every session end, and the Apex token kept fresh. Every decision is
 * in `c/presenceDecisions`; this module only sends, listens and reports.
 */
import { HEARTBEAT_TIMEOUT_MS, endpointUrl, heartbeatBody, heartbeatIntervalFor, interpretAnswer, leaveBody, tokenIsValid, tokenNeedsRefresh } from 'c/presenceDecisions';
const BROWSER_ID_KEY = 'connectSoftphone:presenceBrowserId';
export function startPresenceClient(options) {
    const now = options.now ?? Date.now;
    const run = {
        options,
        now,
        doFetch: options.fetch ?? ((input, init) => window.fetch(input, init)),
        sendBeacon: options.sendBeacon ??
            ((url, body) => window.navigator.sendBeacon(url, body)),
        browserId: readBrowserId(options.storage),
        tabId: options.tabId ?? options.tabs?.tabId ?? randomId(),
        tokens: keepToken(options.token, options.fetchToken, now, (error) => {
            if (!run.stopped) {
                options.onLink({ kind: 'tokenFailed', at: now(), message: messageOf(error) });
            }
        }),
        left: false,
        stopped: false
    };
    const heartbeats = createHeartbeatLoop(run);
    const stopListening = listenToLifecycle(run, heartbeats);
    options.onLink({ kind: 'waiting' });
    run.tokens.refresh();
    heartbeats.schedule();
    return {
        beatNow: heartbeats.beatNow,
        acknowledge: heartbeats.acknowledge,
        leave() {
            sendLeave(run);
            heartbeats.pause();
            if (run.left) {
                options.onLink({ kind: 'left', at: now() });
            }
        },
        stop() {
            run.stopped = true;
            stopListening();
            heartbeats.pause();
        }
    };
}
/** Holds the Apex token and renews it before it runs out, in every tab (a leave needs one too). */
function keepToken(initial, fetchToken, now, onFailure) {
    let token = initial;
    let request = null;
    return {
        current: () => token,
        refresh() {
            if (!tokenNeedsRefresh(token, now())) {
                return Promise.resolve();
            }
            request ??= fetchToken()
                .then((fresh) => {
                token = fresh;
            }, onFailure)
                .finally(() => {
                request = null;
            });
            return request;
        }
    };
}
function createHeartbeatLoop(run) {
    const state = {
        timer: undefined,
        inFlight: false,
        pendingAck: null,
        thresholdSeconds: null
    };
    const beatNow = () => {
        sendHeartbeat(run, state).finally(schedule);
    };
    const schedule = () => {
        window.clearTimeout(state.timer);
        if (run.stopped || run.left) {
            return;
        }
        // A chain of timeouts, not an interval: a slow answer never stacks heartbeats.
        // eslint-disable-next-line @lwc/lwc/no-async-operation -- the heartbeat loop
        state.timer = window.setTimeout(beatNow, heartbeatIntervalFor(state.thresholdSeconds));
    };
    return {
        beatNow,
        schedule,
        pause() {
            window.clearTimeout(state.timer);
        },
        acknowledge(actionId) {
            state.pendingAck = actionId;
        }
    };
}
/** One heartbeat, sent only by the tab leader with an agent to speak for and a valid token. */
async function sendHeartbeat(run, state) {
    await run.tokens.refresh();
    const settings = run.options.readSettings();
    const token = run.tokens.current();
    if (run.stopped ||
        run.left ||
        state.inFlight ||
        !isLeader(run.options.tabs) ||
        !settings ||
        !tokenIsValid(token, run.now())) {
        return;
    }
    state.inFlight = true;
    const ack = state.pendingAck;
    const body = heartbeatBody({
        token: token.token,
        browserId: run.browserId,
        tabIds: [
            run.tabId,
            ...(run.options.tabs?.liveTabIds() ?? []).filter((id) => id !== run.tabId)
        ],
        settings,
        ackActionId: ack
    });
    const abort = typeof AbortController === 'function' ? new AbortController() : null;
    // eslint-disable-next-line @lwc/lwc/no-async-operation -- bounds the wait for the service
    const timeout = window.setTimeout(() => abort?.abort(), HEARTBEAT_TIMEOUT_MS);
    try {
        const url = endpointUrl(run.options.serviceUrl, 'heartbeat');
        const response = await postWithOneRetry(run.doFetch, url, body, abort);
        const outcome = interpretAnswer(response.status, await response.text(), run.now());
        if (!run.stopped) {
            takeAnswer(run, state, outcome, ack);
        }
    }
    catch (error) {
        if (!run.stopped) {
            run.options.onLink({ kind: 'unreachable', at: run.now(), detail: messageOf(error) });
        }
    }
    finally {
        window.clearTimeout(timeout);
        state.inFlight = false;
    }
}
/** A lone tab has no coordinator and leads. */
function isLeader(tabs) {
    return tabs ? tabs.isLeader() : true;
}
/**
 * POSTs the heartbeat, and once more straight from a failure: a network callback is not throttled
 * in a hidden tab, where the next timer may be a minute away (experiments/hidden-tab). A request
 * that timed out is not retried.
 */
function postWithOneRetry(doFetch, url, body, abort) {
    const post = () => doFetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
        body,
        credentials: 'omit',
        cache: 'no-store',
        ...(abort ? { signal: abort.signal } : {})
    });
    return post().catch((error) => {
        if (abort?.signal.aborted) {
            throw error;
        }
        return post();
    });
}
/** Hands on the service's answer, and learns its threshold for the next interval. */
function takeAnswer(run, state, outcome, ack) {
    if (outcome.link.kind === 'answered') {
        state.thresholdSeconds = outcome.link.thresholdSeconds;
        // Delivered; an acknowledgement that came in meanwhile waits for the next heartbeat.
        if (ack !== null && state.pendingAck === ack) {
            state.pendingAck = null;
        }
    }
    run.options.onLink(outcome.link);
    if (outcome.action) {
        run.options.onAction(outcome.action);
    }
}
/** The leave beacon, once per departure, and only with settings and a token the service accepts. */
function sendLeave(run) {
    const settings = run.options.readSettings();
    const token = run.tokens.current();
    if (run.left || run.stopped || !settings || !tokenIsValid(token, run.now())) {
        return;
    }
    run.left = true;
    const body = leaveBody({
        token: token.token,
        browserId: run.browserId,
        tabId: run.tabId,
        remainingTabIds: run.options.tabs?.liveTabIds() ?? [],
        settings
    });
    try {
        // text/plain needs no preflight; the browser delivers it after the page is gone.
        run.sendBeacon(endpointUrl(run.options.serviceUrl, 'leave'), new Blob([body], { type: 'text/plain;charset=UTF-8' }));
    }
    catch {
        // No beacon (blocked): the no-sign-of-life path still covers this departure.
    }
}
/** Follows the page going and coming back, and other tabs leaving. Answers the way to stop. */
function listenToLifecycle(run, heartbeats) {
    const onPageHide = () => {
        sendLeave(run);
        heartbeats.pause();
    };
    const onPageShow = (event) => {
        if (event.persisted && !run.stopped) {
            run.left = false; // back from the back/forward cache: alive again
            heartbeats.beatNow();
        }
    };
    // Another tab leaving: say at once that this one lives. A message runs promptly even in a
    // hidden tab, whose next timer may be a minute away, so the service never repairs a "last
    // tab" leave while this tab remains.
    const unsubscribe = run.options.tabs?.subscribe((message) => {
        if (message.type === 'leaving' && !run.stopped && !run.left) {
            heartbeats.beatNow();
        }
    });
    run.options.target.addEventListener('pagehide', onPageHide);
    run.options.target.addEventListener('pageshow', onPageShow);
    return () => {
        unsubscribe?.();
        run.options.target.removeEventListener('pagehide', onPageHide);
        run.options.target.removeEventListener('pageshow', onPageShow);
    };
}
/** One id per browser profile, so the service can tell this browser's tabs from another's. */
function readBrowserId(storage) {
    try {
        const known = storage?.getItem(BROWSER_ID_KEY);
        if (known) {
            return known;
        }
        const fresh = randomId();
        storage?.setItem(BROWSER_ID_KEY, fresh);
        return fresh;
    }
    catch {
        return randomId(); // blocked storage: this page is its own browser
    }
}
function randomId() {
    const bytes = new Uint8Array(12);
    window.crypto.getRandomValues(bytes);
    return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
function messageOf(error) {
    if (error && typeof error === 'object') {
        const body = error.body;
        if (typeof body?.message === 'string') {
            return body.message; // an Apex AuraHandledException
        }
        if (typeof error.message === 'string') {
            return error.message;
        }
    }
    return String(error);
}
