/**
 * The thin effects of the presence backstop (docs/presence-protocol.md): the tab leader's heartbeat
 * loop, the `leave` beacon of every session end, and the Apex token kept fresh. Every decision is
 * in `c/presenceDecisions`; this module only sends, listens and reports.
 */
import {
    HEARTBEAT_TIMEOUT_MS,
    endpointUrl,
    heartbeatBody,
    heartbeatIntervalFor,
    interpretAnswer,
    leaveBody,
    tokenIsValid,
    tokenNeedsRefresh
} from 'c/presenceDecisions';
import type {
    PresenceAction,
    PresenceLink,
    PresenceSettings,
    PresenceToken
} from 'c/presenceDecisions';
import type { TabCoordinator } from 'c/tabCoordinator';

const BROWSER_ID_KEY = 'connectSoftphone:presenceBrowserId';

export interface PresenceClientOptions {
    serviceUrl: string; // already checked (checkServiceUrl)
    token: PresenceToken | null; // the one the first Apex call gave, if any
    fetchToken(): Promise<PresenceToken>; // Apex PresenceTokenController.getPresenceToken
    tabs: TabCoordinator | null; // null: this tab is alone and leads
    /** The effective settings, or null while there is no agent to speak for (no heartbeat then). */
    readSettings(): PresenceSettings | null;
    onLink(link: PresenceLink): void;
    onAction(action: PresenceAction): void;
    target: Window;
    storage: Storage | null;
    now?: () => number;
    fetch?: typeof fetch;
    sendBeacon?: (url: string, body: Blob) => boolean;
    /** Default: a tabCoordinator id when there is one, else a random one. */
    tabId?: string;
}

export interface PresenceClient {
    /** Sends a heartbeat now if this tab leads (the agent just became ready: a reload says "back"). */
    beatNow(): void;
    /** The next heartbeat tells the service that this action's notice was shown. */
    acknowledge(actionId: string): void;
    /** The softphone's Sign Out: a leave beacon, and no more heartbeats. */
    leave(): void;
    stop(): void;
}

export function startPresenceClient(options: PresenceClientOptions): PresenceClient {
    const now = options.now ?? Date.now;
    const doFetch = options.fetch ?? ((input, init) => window.fetch(input, init));
    const sendBeacon =
        options.sendBeacon ?? ((url: string, body: Blob) => window.navigator.sendBeacon(url, body));
    const browserId = readBrowserId(options.storage);
    const tabId = options.tabId ?? options.tabs?.tabId ?? randomId();
    let token = options.token;
    let tokenRequest: Promise<void> | null = null;
    let timer: number | undefined;
    let inFlight = false;
    let pendingAck: string | null = null;
    let left = false;
    let stopped = false;
    let thresholdSeconds: number | null = null; // as the service last said

    const isLeader = (): boolean => (options.tabs ? options.tabs.isLeader() : true);

    const refreshToken = (): Promise<void> => {
        if (!tokenNeedsRefresh(token, now())) {
            return Promise.resolve();
        }
        tokenRequest ??= options
            .fetchToken()
            .then(
                (fresh) => {
                    token = fresh;
                },
                (error: unknown) => {
                    if (!stopped) {
                        options.onLink({
                            kind: 'tokenFailed',
                            at: now(),
                            message: messageOf(error)
                        });
                    }
                }
            )
            .finally(() => {
                tokenRequest = null;
            });
        return tokenRequest;
    };

    const heartbeat = async (): Promise<void> => {
        await refreshToken();
        const settings = options.readSettings();
        if (
            stopped ||
            left ||
            inFlight ||
            !isLeader() ||
            !settings ||
            !tokenIsValid(token, now())
        ) {
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
        const post = () =>
            doFetch(endpointUrl(options.serviceUrl, 'heartbeat'), {
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
            const response = await post().catch((error: unknown) => {
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
        } catch (error) {
            if (!stopped) {
                options.onLink({ kind: 'unreachable', at: now(), detail: messageOf(error) });
            }
        } finally {
            window.clearTimeout(timeout);
            inFlight = false;
        }
    };

    const schedule = (): void => {
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

    const sendLeave = (): void => {
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
            sendBeacon(
                endpointUrl(options.serviceUrl, 'leave'),
                new Blob([body], { type: 'text/plain;charset=UTF-8' })
            );
        } catch {
            // No beacon (blocked): the no-sign-of-life path still covers this departure.
        }
    };

    const onPageHide = (): void => {
        sendLeave();
        window.clearTimeout(timer);
    };
    const onPageShow = (event: PageTransitionEvent): void => {
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
    options.target.addEventListener('pageshow', onPageShow as EventListener);
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
            options.target.removeEventListener('pageshow', onPageShow as EventListener);
        }
    };
}

/** One id per browser profile, so the service can tell this browser's tabs from another's. */
function readBrowserId(storage: Storage | null): string {
    try {
        const known = storage?.getItem(BROWSER_ID_KEY);
        if (known) {
            return known;
        }
        const fresh = randomId();
        storage?.setItem(BROWSER_ID_KEY, fresh);
        return fresh;
    } catch {
        return randomId(); // blocked storage: this page is its own browser
    }
}

function randomId(): string {
    const bytes = new Uint8Array(12);
    window.crypto.getRandomValues(bytes);
    return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function messageOf(error: unknown): string {
    if (error && typeof error === 'object') {
        const body = (error as { body?: { message?: unknown } }).body;
        if (typeof body?.message === 'string') {
            return body.message; // an Apex AuraHandledException
        }
        if (typeof (error as { message?: unknown }).message === 'string') {
            return (error as { message: string }).message;
        }
    }
    return String(error);
}
