// One browser with 1–4 softphone pages for the model-based tests: the real c/sessionGuard (machine
// and runner), the real c/tabCoordinator over a shared storage and BroadcastChannel stand-in, and
// per page the real c/streamsClient (its own module instance) against one Connect stand-in agent.
// The world plays what the component and the browser do: open, close, reload, back/forward cache,
// Salesforce logout, Sign Out; fake timers carry time.
import { jest } from '@jest/globals';
import { parseSessionEndValue, type SessionEndSettings } from 'c/featureValueParser';
import {
    SIGN_OUT_WAIT_MS,
    startSessionGuard,
    type GuardOutcome,
    type SessionGuard
} from 'c/sessionGuard';
import type * as StreamsClient from 'c/streamsClient';
import {
    startTabCoordinator,
    type MessageChannelLike,
    type TabCoordinator
} from 'c/tabCoordinator';
import { createChannelHub, createSharedStorage } from '../jest-mocks/browser/tabs';
import {
    createConnectService,
    type AnswerMode,
    type ConnectPage,
    type ConnectService
} from '../jest-mocks/connect/connect';

export const CCP_URL = 'https://example.my.connect.aws/ccp-v2/';
const LOGOUT_URL = 'https://example.my.salesforce.com/secur/logout.jsp';

export type SessionCheckMode = 'ok' | 'fails' | 'hangs';

export interface Softphone {
    readonly id: number; // in the order opened: "tab 3"
    readonly page: ConnectPage;
    readonly tabs: TabCoordinator;
    readonly target: Window;
    readonly streams: typeof StreamsClient;
    readonly module: typeof StreamsClient; // the page's own instance of c/streamsClient
    guard: SessionGuard | null; // null once signed out
    status: 'open' | 'frozen' | 'evicted' | 'closed' | 'signedOut';
    readonly outcomes: GuardOutcome[];
    readonly openedAfterLogout: number; // world.logouts when it opened
    onSignOutAnswered?: () => void;
    promptedAt: number; // the last "Leave site?" prompt the user stayed on
}

interface GlobalWithConnect {
    connect?: unknown;
    fetch?: unknown;
}
const globalScope = globalThis as unknown as GlobalWithConnect;

/** Every Streams call of a page sees that page's `connect` (one global in Jest, one per page in a browser). */
function bindToPage(module: typeof StreamsClient, page: ConnectPage): typeof StreamsClient {
    const within = <T>(run: () => T): T => {
        globalScope.connect = page.connect;
        globalScope.fetch = page.fetch;
        return run();
    };
    return {
        ...module,
        initCcp: (...args) => within(() => module.initCcp(...args)),
        getAgentView: () => within(() => module.getAgentView()),
        setAgentState: (...args) => within(() => module.setAgentState(...args)),
        signOut: (url) => within(() => module.signOut(url)),
        teardown: () => within(() => module.teardown())
    };
}

// Module instances whose page is gone (torn down, so no state left): reused, loading is slow.
const idleStreamsClients: (typeof StreamsClient)[] = [];

function takeStreamsClient(): typeof StreamsClient {
    return idleStreamsClients.pop() ?? loadStreamsClient();
}

function loadStreamsClient(): typeof StreamsClient {
    let loaded: typeof StreamsClient | undefined;
    jest.isolateModules(() => {
        // One module instance per page: its own subscriptions, as in separate browser tabs.
        loaded = require('c/streamsClient') as typeof StreamsClient;
    });
    return loaded!;
}

export interface WorldOptions {
    value: string;
    initialStateName: string;
}

export class BrowserWorld {
    readonly service: ConnectService;
    readonly settings: SessionEndSettings;
    readonly phones: Softphone[] = [];
    readonly trace: string[] = [];
    private readonly storage = createSharedStorage();
    private readonly hub = createChannelHub();
    sessionValid = true;
    sessionCheckMode: SessionCheckMode = 'ok';
    logouts = 0; // Salesforce logouts and Sign Outs so far
    private pendingSignOuts: Promise<void>[] = [];
    signOutsInFlight = 0; // the softphone waits up to SIGN_OUT_WAIT_MS for Connect, then signs out

    constructor(readonly options: WorldOptions) {
        this.service = createConnectService({ initialStateName: options.initialStateName });
        this.settings = parseSessionEndValue(options.value).settings;
    }

    live(): Softphone[] {
        return this.phones.filter((phone) => phone.status === 'open');
    }
    withGuard(): Softphone[] {
        return this.live().filter((phone) => phone.guard !== null);
    }
    frozen(): Softphone[] {
        return this.phones.filter((phone) => phone.status === 'frozen');
    }

    /** A console tab opens and its softphone loads; after a logout or Sign Out, a new sign-in. */
    open(): Softphone {
        if (this.service.loggedOut()) {
            this.service.signIn();
        }
        this.sessionValid = true;
        const id = this.phones.length + 1;
        const page = this.service.openPage();
        const target = new EventTarget() as unknown as Window;
        (target as unknown as { navigation: EventTarget }).navigation = new EventTarget();
        const module = takeStreamsClient();
        const streams = bindToPage(module, page);
        let phone: Softphone;
        const channel = this.frozenAware(() => phone, this.hub.open());
        const tabs = startTabCoordinator({ storage: this.storage, channel });
        const outcomes: GuardOutcome[] = [];
        const guard = startSessionGuard({
            settings: this.settings,
            streams,
            target,
            ccpUrl: CCP_URL,
            onOutcome: (outcome) => {
                outcomes.push(outcome);
                if (outcome.reason === 'signOut' && outcome.confirmed !== undefined) {
                    phone.onSignOutAnswered?.();
                }
            },
            onWarning: () => undefined,
            tabs,
            isSessionActive: () => this.checkSession(),
            onSignedOutElsewhere: () => this.showSignedOut(phone)
        });
        phone = {
            id,
            page,
            tabs,
            target,
            streams,
            module,
            guard,
            status: 'open',
            outcomes,
            openedAfterLogout: this.logouts,
            promptedAt: -Infinity
        };
        this.phones.push(phone);
        const container = document.createElement('div');
        // Not attached: a connected iframe would give jsdom a whole browsing context per page.
        streams.initCcp(
            container,
            { ccpUrl: CCP_URL, softphoneAllowFramed: true },
            {
                onAgentReady: () => phone.guard?.applyInitialState(),
                onAgentChange: () => phone.guard?.agentChanged(),
                onFailure: () => undefined
            }
        );
        page.agentReady();
        return phone;
    }

    /** The page goes: beforeunload reaches Connect, what pagehide posts never leaves the page. */
    unload(phone: Softphone, persisted = false): void {
        phone.target.dispatchEvent(new Event('beforeunload'));
        phone.page.whileUnloading(() => {
            phone.target.dispatchEvent(new PageTransitionEvent('pagehide', { persisted }));
        });
    }

    /** Only the page's first half of leaving: another handler's prompt keeps it ("Stay"). */
    promptStay(phone: Softphone): void {
        phone.promptedAt = Date.now();
        phone.target.dispatchEvent(new Event('beforeunload'));
    }

    close(phone: Softphone): void {
        if (phone.status === 'open') {
            this.unload(phone);
        }
        this.discard(phone, 'closed');
    }

    /** Into the back/forward cache: frozen, no agent data, and a channel message evicts it. */
    navigateAway(phone: Softphone): void {
        this.unload(phone, true);
        phone.page.freeze();
        phone.status = 'frozen';
    }

    /** Back from the cache: pageshow first, then Streams catches up (or later: `thawLater`). */
    comeBack(phone: Softphone, thawLater: boolean): Softphone | null {
        if (phone.status === 'evicted') {
            this.discard(phone, 'closed');
            return this.open(); // evicted from the cache: an ordinary load
        }
        phone.status = 'open';
        const pageshow = new PageTransitionEvent('pageshow', { persisted: true });
        if (thawLater) {
            phone.target.dispatchEvent(pageshow);
            phone.page.thaw();
        } else {
            phone.page.thaw();
            phone.target.dispatchEvent(pageshow);
        }
        return phone;
    }

    /** Salesforce's Log Out in this tab: a navigation to /secur/logout.jsp; the session is gone. */
    salesforceLogout(phone: Softphone): void {
        const navigate = Object.assign(new Event('navigate'), { destination: { url: LOGOUT_URL } });
        (phone.target as unknown as { navigation: EventTarget }).navigation.dispatchEvent(navigate);
        this.sessionValid = false;
        this.logouts++;
        this.close(phone);
    }

    /** The softphone's Sign Out, as connectSoftphone does it (the button waits out a contact). */
    signOut(phone: Softphone): void {
        const guard = phone.guard;
        if (!guard) {
            return;
        }
        this.logouts++;
        // The component waits for Connect's answer to each change, at most SIGN_OUT_WAIT_MS.
        const changeThenWait = async (change: () => GuardOutcome): Promise<GuardOutcome> => {
            const answered = new Promise<void>((resolve) => {
                const timer = setTimeout(resolve, SIGN_OUT_WAIT_MS);
                phone.onSignOutAnswered = () => {
                    clearTimeout(timer);
                    resolve();
                };
            });
            const outcome = change();
            if (outcome.action === 'setState' || outcome.action === 'logout') {
                await answered;
            }
            phone.onSignOutAnswered?.();
            return outcome;
        };
        const run = async (): Promise<void> => {
            const outcome = await changeThenWait(() => guard.endSession('signOut'));
            if (outcome.action === 'enqueueNextState') {
                return;
            }
            if (outcome.action !== 'logout') {
                const again = await changeThenWait(() => guard.beforeSignOut());
                if (again.action === 'enqueueNextState') {
                    return;
                }
                await phone.streams.signOut(CCP_URL).catch(() => undefined);
            }
            if (phone.status === 'open' && phone.guard) {
                phone.tabs.announce({ type: 'signOut' });
                this.showSignedOut(phone);
            }
        };
        this.signOutsInFlight++;
        this.pendingSignOuts.push(
            run().finally(() => {
                this.signOutsInFlight--;
            })
        );
    }

    agentPicks(name: string): void {
        this.service.setCurrentState(name);
    }

    setAnswerMode(mode: AnswerMode): void {
        this.service.answerMode = mode;
    }

    async releaseAnswers(): Promise<void> {
        await this.service.releaseAnswers();
    }

    /** Apex isSessionActive as the tabs see it: gone after a logout; or failing, or never answering. */
    private checkSession(): Promise<boolean> {
        if (this.sessionCheckMode === 'hangs') {
            return new Promise(() => undefined);
        }
        if (!this.sessionValid || this.sessionCheckMode === 'fails') {
            return Promise.reject(new Error('Session expired'));
        }
        return Promise.resolve(true);
    }

    private showSignedOut(phone: Softphone): void {
        if (!phone.guard) {
            return;
        }
        phone.guard.stop();
        phone.guard = null;
        phone.tabs.stop();
        phone.streams.teardown();
        if (phone.status === 'open') {
            phone.status = 'signedOut';
        }
    }

    private discard(phone: Softphone, status: 'closed'): void {
        phone.guard?.stop();
        phone.guard = null;
        phone.tabs.stop();
        phone.streams.teardown();
        phone.status = status;
    }

    /** A message to a page in the back/forward cache evicts it (Chromium's broadcastchannel-message). */
    private frozenAware(phone: () => Softphone, channel: MessageChannelLike): MessageChannelLike {
        const wrapped = new Map<(event: MessageEvent) => void, (event: MessageEvent) => void>();
        return {
            postMessage: (message) => channel.postMessage(message),
            addEventListener: (type, listener) => {
                const guarded = (event: MessageEvent): void => {
                    const current = phone();
                    if (current.status === 'frozen') {
                        current.status = 'evicted';
                        return;
                    }
                    if (current.status === 'open' || current.status === 'signedOut') {
                        listener(event);
                    }
                };
                wrapped.set(listener, guarded);
                channel.addEventListener(type, guarded);
            },
            removeEventListener: (type, listener) => {
                const guarded = wrapped.get(listener);
                if (guarded) {
                    channel.removeEventListener(type, guarded);
                }
            },
            close: () => channel.close()
        };
    }

    /** The end of the day: every page goes (frozen ones are dropped from the cache). */
    closeEverything(): void {
        for (const phone of this.phones) {
            if (phone.status === 'open' || phone.status === 'signedOut') {
                this.close(phone);
            } else if (phone.status === 'frozen' || phone.status === 'evicted') {
                this.discard(phone, 'closed');
            }
        }
    }

    async settle(): Promise<void> {
        await Promise.all(this.pendingSignOuts.splice(0));
    }

    dispose(): void {
        for (const phone of this.phones) {
            phone.guard?.stop();
            phone.tabs.stop();
            phone.streams.teardown();
            idleStreamsClients.push(phone.module);
        }
        delete globalScope.connect;
        delete globalScope.fetch;
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    }
}
