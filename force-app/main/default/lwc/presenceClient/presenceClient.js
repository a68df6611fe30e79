/**
 * The thin effects of the presence backstop (docs/presence-protocol.md): the tab leader's heartbeat
 * loop, the `leave` beacon of every session end, and the Apex token kept fresh. Every decision is
 * in `c/presenceDecisions`; this module only sends, listens and reports.
 */
import { HEARTBEAT_TIMEOUT_MS, endpointUrl, heartbeatBody, heartbeatIntervalFor, interpretAnswer, leaveBody, tokenIsValid, tokenNeedsRefresh } from 'c/presenceDecisions';
const BROWSER_ID_KEY = 'connectSoftphone:presenceBrowserId';
export function startPresenceClient(options) {
    const now = options.now ?? Date.now;
    const doFetch = options.fetch ?? ((input, init) => window.fetch(input, init));
    const sendBeacon = options.sendBeacon ?? ((url, body) => window.navigator.sendBeacon(url, body));
    const browserId = readBrowserId(options.storage);
    const tabId = options.tabId ?? options.tabs?.tabId ?? randomId();
    let token = options.token;
    let tokenRequest = null;
    let timer;
    let inFlight = false;
    let pendingAck = null;
    let left = false;
    let stopped = false;
    let thresholdSeconds = null; // as the service last said
    const isLeader = () => (options.tabs ? options.tabs.isLeader() : true);
    const refreshToken = () => {
        if (!tokenNeedsRefresh(token, now())) {
            return Promise.resolve();
        }
        tokenRequest ??= options
            .fetchToken()
            .then((fresh) => {
            token = fresh;
        }, (error) => {
            if (!stopped) {
                options.onLink({
                    kind: 'tokenFailed',
                    at: now(),
                    message: messageOf(error)
                });
            }
        })
            .finally(() => {
            tokenRequest = null;
        });
        return tokenRequest;
    };
    const heartbeat = async () => {
        await refreshToken();
        const settings = options.readSettings();
        if (stopped ||
            left ||
            inFlight ||
            !isLeader() ||
            !settings ||
            !tokenIsValid(token, now())) {
            return;
        }
        inFlight = true;
        const ack = pendingAck;
        const body = heartbeatBody({
            token: token.token,
            browserId,
            tabIds: [tabId, ...(options.tabs?.liveTabIds() ?? []).filter((id) => id !== tabId)],
            settings,
            ackActionId: ack
        });
        const abort = typeof AbortController === 'function' ? new AbortController() : null;
        // eslint-disable-next-line @lwc/lwc/no-async-operation -- bounds the wait for the service
        const timeout = window.setTimeout(() => abort?.abort(), HEARTBEAT_TIMEOUT_MS);
        const post = () => doFetch(endpointUrl(options.serviceUrl, 'heartbeat'), {
            method: 'POST',
            headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
            body,
            credentials: 'omit',
            cache: 'no-store',
            ...(abort ? { signal: abort.signal } : {})
        });
        try {
            // One retry, straight from the failure: a network callback is not throttled in a
            // hidden tab, where the next timer may be a minute away (experiments/hidden-tab).
            const response = await post().catch((error) => {
                if (abort?.signal.aborted) {
                    throw error;
                }
                return post();
            });
            const outcome = interpretAnswer(response.status, await response.text(), now());
            if (stopped) {
                return;
            }
            if (outcome.link.kind === 'answered') {
                thresholdSeconds = outcome.link.thresholdSeconds;
                if (ack !== null && pendingAck === ack) {
                    pendingAck = null;
                }
            }
            options.onLink(outcome.link);
            if (outcome.action) {
                options.onAction(outcome.action);
            }
        }
        catch (error) {
            if (!stopped) {
                options.onLink({ kind: 'unreachable', at: now(), detail: messageOf(error) });
            }
        }
        finally {
            window.clearTimeout(timeout);
            inFlight = false;
        }
    };
    const schedule = () => {
        window.clearTimeout(timer);
        if (stopped || left) {
            return;
        }
        // A chain of timeouts, not an interval: a slow answer never stacks heartbeats.
        // eslint-disable-next-line @lwc/lwc/no-async-operation -- the heartbeat loop
        timer = window.setTimeout(() => {
            heartbeat().finally(schedule);
        }, heartbeatIntervalFor(thresholdSeconds));
    };
    const sendLeave = () => {
        const settings = options.readSettings();
        if (left || stopped || !settings || !tokenIsValid(token, now())) {
            return;
        }
        left = true;
        const body = leaveBody({
            token: token.token,
            browserId,
            tabId,
            remainingTabIds: options.tabs?.liveTabIds() ?? [],
            settings
        });
        try {
            // text/plain needs no preflight; the browser delivers it after the page is gone.
            sendBeacon(endpointUrl(options.serviceUrl, 'leave'), new Blob([body], { type: 'text/plain;charset=UTF-8' }));
        }
        catch {
            // No beacon (blocked): the no-sign-of-life path still covers this departure.
        }
    };
    const onPageHide = () => {
        sendLeave();
        window.clearTimeout(timer);
    };
    const onPageShow = (event) => {
        if (event.persisted && !stopped) {
            left = false; // back from the back/forward cache: alive again
            heartbeat().finally(schedule);
        }
    };
    // Another tab leaving: say at once that this one lives. A message runs promptly even in a
    // hidden tab, whose next timer may be a minute away, so the service never repairs a "last
    // tab" leave while this tab remains.
    const unsubscribe = options.tabs?.subscribe((message) => {
        if (message.type === 'leaving' && !stopped && !left) {
            heartbeat().finally(schedule);
        }
    });
    options.target.addEventListener('pagehide', onPageHide);
    options.target.addEventListener('pageshow', onPageShow);
    options.onLink({ kind: 'waiting' });
    refreshToken();
    schedule();
    return {
        beatNow() {
            heartbeat().finally(schedule);
        },
        acknowledge(actionId) {
            pendingAck = actionId;
        },
        leave() {
            sendLeave();
            window.clearTimeout(timer);
            if (left) {
                options.onLink({ kind: 'left', at: now() });
            }
        },
        stop() {
            stopped = true;
            unsubscribe?.();
            window.clearTimeout(timer);
            options.target.removeEventListener('pagehide', onPageHide);
            options.target.removeEventListener('pageshow', onPageShow);
        }
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
