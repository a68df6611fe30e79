/**
 * A stateful stand-in for the `connect` global of amazon-connect-streams, for unit tests only.
 * It behaves like Streams plus Connect where the softphone depends on it: initCCP appends the CCP
 * iframe, the agent becomes ready when the test says so, setState refuses a change during a live
 * contact unless the change is enqueued (the queued status applies when the contact ends), the CCP's
 * /logout signs out without changing the status (#493), and every request is recorded in order.
 * As in Streams, the page's view of the agent (the snapshot) changes only when Connect pushes agent
 * data: at once for changes made elsewhere, after the answer for the page's own setState.
 *
 * Install it in beforeEach and remove it in afterEach, as dreamhouse does with `global.L`:
 *     let control: ConnectControl;
 *     beforeEach(() => { control = installConnectMock(); });
 *     afterEach(() => uninstallConnectMock());
 *
 * Several softphones of one browser share one agent: `createConnectService()` is Connect with that
 * agent, and each `service.openPage()` is one page's Streams (its own event bus and snapshot, its
 * own `connect` object and `fetch`). Connect pushes agent data to every page that is not frozen in
 * the back/forward cache; `answerMode` says how Connect answers the next requests (the model-based
 * tests try late, refused and unanswered changes).
 */

export type MockStateType = 'routable' | 'not_routable' | 'offline' | 'system' | 'error' | 'init';

export interface MockAgentState {
    name: string;
    type: MockStateType;
    agentStateARN: string | null;
}

export interface ConnectMockOptions {
    /** The agent's status when the agent data first arrives (default 'Offline'). */
    initialStateName?: string;
    /** The routing profile's name (default 'Basic Routing Profile'). */
    routingProfileName?: string;
    /** Admins can rename Connect's Offline status; this gives the offline-type state another name. */
    offlineStateName?: string;
    /** Admins can rename Available too. */
    availableStateName?: string;
    /** States added to Available, Offline, Lunch and 退席中. */
    extraStates?: MockAgentState[];
}

/** Everything the CCP side received or did, in order. */
export type TimelineEntry =
    | {
          kind: 'setState';
          stateName: string;
          enqueueNextState: boolean;
          result: 'applied' | 'enqueued' | 'refused';
      }
    | { kind: 'stateApplied'; stateName: string; cause: 'setState' | 'contactEnded' | 'agent' }
    | { kind: 'logout'; url: string; credentials: RequestCredentials | undefined }
    | { kind: 'terminate' }
    | { kind: 'coreTerminate' };

export interface SetStateCall {
    stateName: string;
    stateType: string;
    enqueueNextState: boolean;
    result: 'applied' | 'enqueued' | 'refused';
    page?: number; // which page of a service sent it (createConnectService)
    duringContact?: boolean; // a contact was live in Connect when the request arrived
    lost?: boolean; // sent from a page that was going: the message never left it (teardown experiment)
    refusedByConnect?: boolean; // refused in answer mode `refuse`, not because of a contact
}

/**
 * How Connect answers the requests that arrive from now on: `prompt` (applied, answered at once),
 * `late` (applied, the answer and the agent data wait for releaseAnswers), `refuse` (not applied,
 * answered with an error), `silent` (applied, the agent data follows, the answer never comes).
 */
export type AnswerMode = 'prompt' | 'late' | 'refuse' | 'silent';

export interface InitCcpCall {
    container: HTMLElement;
    options: Record<string, unknown>;
    iframe: HTMLIFrameElement;
}

export interface ConnectControl {
    readonly initCcpCalls: InitCcpCall[];
    readonly setStateCalls: SetStateCall[];
    readonly timeline: TimelineEntry[];
    /** The state the agent is in now, as Streams' snapshot shows it. */
    currentState(): MockAgentState;
    /** The status the agent chose (stays e.g. Available while the state is the system Busy). */
    availabilityStateName(): string;
    nextStateName(): string | null;
    hasLiveContact(): boolean;
    loggedOut(): boolean;
    /** The first agent data arrives (Streams fires agent INIT, then REFRESH). */
    agentReady(): void;
    /** In the back/forward cache: no agent data reaches the page until it is thawed. */
    freeze(): void;
    /** Back from the cache: Connect pushes the agent data it missed. */
    thaw(): void;
    /** The agent changes status elsewhere (e.g. in another CCP); no setState is recorded. */
    setCurrentState(name: string): void;
    setRoutingProfileName(name: string): void;
    /** A call connects: the state becomes the system Busy state. */
    startContact(): void;
    /** The customer hangs up: the contact stays, in after-contact work. */
    enterAfterContactWork(): void;
    /** The contact is over (ACW cleared): a queued next status applies, else the chosen one. */
    endContact(): void;
    /** Hold Connect's answers to setState until releaseAnswers() (the page may not live that long). */
    holdAnswers(): void;
    releaseAnswers(): Promise<void>;
    /** Make the next /logout request fail with this HTTP status. */
    failLogoutWith(status: number): void;
    fireAuthFail(): void;
    fireIframeRetriesExhausted(): void;
    fireAckTimeout(): void;
    fireTerminated(): void;
    /** Subscribers on the current event bus (0 after teardown). */
    subscriberCount(): number;
}

const EventType = {
    ACKNOWLEDGE: 'acknowledge',
    ACK_TIMEOUT: 'ack_timeout',
    AUTH_FAIL: 'auth_fail',
    IFRAME_RETRIES_EXHAUSTED: 'iframe_retries_exhausted',
    TERMINATE: 'terminate',
    TERMINATED: 'terminated'
} as const;

const AgentEvents = { INIT: 'agent::init', REFRESH: 'agent::refresh' } as const;

const AgentStateType = {
    INIT: 'init',
    ROUTABLE: 'routable',
    NOT_ROUTABLE: 'not_routable',
    OFFLINE: 'offline',
    SYSTEM: 'system',
    ERROR: 'error'
} as const;

const ContactStateType = {
    CONNECTING: 'connecting',
    CONNECTED: 'connected',
    ENDED: 'ended',
    MISSED: 'missed'
} as const;

type Listener = (...args: unknown[]) => void;

interface Subscription {
    unsubscribe(): void;
}

class MockEventBus {
    private readonly listeners = new Map<string, Set<Listener>>();

    constructor(private readonly onTrigger: (eventName: string) => void) {}

    subscribe(eventName: string, listener: Listener): Subscription {
        const set = this.listeners.get(eventName) ?? new Set<Listener>();
        set.add(listener);
        this.listeners.set(eventName, set);
        return { unsubscribe: () => set.delete(listener) };
    }

    trigger(eventName: string, data?: unknown): void {
        this.onTrigger(eventName);
        [...(this.listeners.get(eventName) ?? [])].forEach((listener) => listener(data));
    }

    unsubscribeAll(): void {
        this.listeners.clear();
    }

    count(): number {
        let total = 0;
        this.listeners.forEach((set) => (total += set.size));
        return total;
    }
}

interface SetStateCallbacks {
    success?: () => void;
    failure?: (error: unknown) => void;
}

interface MockContact {
    state: 'connected' | 'ended';
}

interface Snapshot {
    state: MockAgentState;
    since: number; // when the shown state began: Streams' getState().startTimestamp
    availabilityStateName: string;
    next: MockAgentState | null;
    contactState: MockContact['state'] | null;
}

interface GlobalWithConnect {
    connect?: unknown;
    fetch?: unknown;
}

const globalScope = globalThis as unknown as GlobalWithConnect;
let originalFetch: unknown;
let installed = false;

/** One page's Streams: its `connect` global, its `fetch`, and what it has seen. */
export interface ConnectPage {
    readonly index: number;
    readonly connect: unknown;
    readonly fetch: (url: string, init?: RequestInit) => Promise<Partial<Response>>;
    readonly initCcpCalls: InitCcpCall[];
    /** The agent data reaches this page (Streams fires agent INIT, then REFRESH). */
    agentReady(): void;
    /** In the back/forward cache: no agent data reaches the page until it is thawed. */
    freeze(): void;
    /** Back from the cache: Connect pushes the agent data it missed. */
    thaw(): void;
    /** While `run` runs, the page is going: what it posts to the CCP never leaves (pagehide). */
    whileUnloading(run: () => void): void;
    subscriberCount(): number;
    bus(): { trigger(eventName: string, data?: unknown): void };
}

export interface ConnectService
    extends Omit<
        ConnectControl,
        | 'initCcpCalls'
        | 'agentReady'
        | 'freeze'
        | 'thaw'
        | 'fireAuthFail'
        | 'fireIframeRetriesExhausted'
        | 'fireAckTimeout'
        | 'fireTerminated'
        | 'subscriberCount'
    > {
    readonly states: MockAgentState[];
    openPage(): ConnectPage;
    answerMode: AnswerMode;
    /** Sign the agent in again after a logout (a new softphone signs in). */
    signIn(): void;
    /** Answers (and the agent data with them) that Connect holds back (answer mode `late`). */
    heldAnswers(): number;
}

export function createConnectService(options: ConnectMockOptions = {}): ConnectService {
    const offlineName = options.offlineStateName ?? 'Offline';
    const states: MockAgentState[] = [
        {
            name: options.availableStateName ?? 'Available',
            type: 'routable',
            agentStateARN: 'arn:aws:connect:state/available'
        },
        { name: offlineName, type: 'offline', agentStateARN: 'arn:aws:connect:state/offline' },
        { name: 'Lunch', type: 'not_routable', agentStateARN: 'arn:aws:connect:state/lunch' },
        { name: '退席中', type: 'not_routable', agentStateARN: 'arn:aws:connect:state/away' },
        ...(options.extraStates ?? [])
    ];
    const busy: MockAgentState = { name: 'Busy', type: 'system', agentStateARN: null };
    const afterContactWork: MockAgentState = {
        name: 'AfterContactWork',
        type: 'system',
        agentStateARN: null
    };

    const setStateCalls: SetStateCall[] = [];
    const timeline: TimelineEntry[] = [];
    const pages: PageState[] = [];
    let chosen = findState(states, options.initialStateName ?? offlineName);
    let next: MockAgentState | null = null;
    let contact: MockContact | null = null;
    let routingProfileName = options.routingProfileName ?? 'Basic Routing Profile';
    let loggedOut = false;
    let logoutFailure: number | null = null;
    let heldAnswers: (() => void)[] | null = null;
    // When the shown state began, as Connect stamps it; every change gets a later stamp.
    let since = Date.now();
    const stateBegan = (): void => {
        since = Math.max(Date.now(), since + 1);
    };

    const shownState = (): MockAgentState => {
        if (contact) {
            return contact.state === 'connected' ? busy : afterContactWork;
        }
        return chosen;
    };
    // Streams' snapshot: what a page knows, updated only when Connect pushes agent data.
    const capture = (): Snapshot => ({
        state: { ...shownState() },
        since,
        availabilityStateName: chosen.name,
        next: next ? { ...next } : null,
        contactState: contact?.state ?? null
    });
    const refresh = (): void => {
        pages.forEach((page) => page.refresh());
    };
    // Connect answers asynchronously; the state itself changed when the request arrived.
    const answer = (deliver: () => void): void => {
        if (heldAnswers) {
            heldAnswers.push(deliver);
        } else {
            Promise.resolve().then(deliver);
        }
    };

    interface PageState {
        refresh(): void;
    }

    const service: ConnectService = {
        states,
        setStateCalls,
        timeline,
        answerMode: 'prompt',
        currentState: () => ({ ...shownState() }),
        availabilityStateName: () => chosen.name,
        nextStateName: () => next?.name ?? null,
        hasLiveContact: () => contact !== null,
        loggedOut: () => loggedOut,
        signIn() {
            loggedOut = false;
        },
        heldAnswers: () => heldAnswers?.length ?? 0,
        setCurrentState(name) {
            chosen = findState(states, name);
            stateBegan();
            timeline.push({ kind: 'stateApplied', stateName: chosen.name, cause: 'agent' });
            refresh();
        },
        setRoutingProfileName(name) {
            routingProfileName = name;
            refresh();
        },
        startContact() {
            contact = { state: 'connected' };
            stateBegan();
            refresh();
        },
        enterAfterContactWork() {
            if (contact) {
                contact.state = 'ended';
                stateBegan();
                refresh();
            }
        },
        endContact() {
            contact = null;
            stateBegan();
            if (next) {
                chosen = next;
                next = null;
                timeline.push({
                    kind: 'stateApplied',
                    stateName: chosen.name,
                    cause: 'contactEnded'
                });
            }
            refresh();
        },
        holdAnswers() {
            heldAnswers = heldAnswers ?? [];
        },
        async releaseAnswers() {
            const pending = heldAnswers ?? [];
            heldAnswers = null;
            pending.forEach((deliver) => deliver());
            await Promise.resolve();
        },
        failLogoutWith(status) {
            logoutFailure = status;
        },
        openPage
    };

    /** A request that reached Connect: applied, queued behind the contact, or refused. */
    const receive = (
        page: number,
        requested: MockAgentState,
        enqueueNextState: boolean,
        lost: boolean
    ): SetStateCall => {
        const target = states.find((state) => state.agentStateARN === requested.agentStateARN);
        const duringContact = contact !== null;
        let refusedByConnect = false;
        let result: SetStateCall['result'];
        if (lost) {
            result = 'refused'; // never arrived: nothing changed
        } else if (!target || (contact && !enqueueNextState)) {
            result = 'refused'; // Connect refuses a status change during a live contact
        } else if (service.answerMode === 'refuse') {
            result = 'refused';
            refusedByConnect = true;
        } else if (contact) {
            result = 'enqueued';
            next = target;
        } else {
            result = 'applied';
            chosen = target;
            next = null;
            stateBegan();
        }
        const stateName = target?.name ?? requested.name;
        const call: SetStateCall = {
            stateName,
            stateType: requested.type,
            enqueueNextState,
            result,
            page,
            duringContact,
            ...(lost ? { lost } : {}),
            ...(refusedByConnect ? { refusedByConnect } : {})
        };
        setStateCalls.push(call);
        if (!lost) {
            timeline.push({ kind: 'setState', stateName, enqueueNextState, result });
        }
        if (result === 'applied') {
            timeline.push({ kind: 'stateApplied', stateName, cause: 'setState' });
        }
        return call;
    };

    function openPage(): ConnectPage {
        const index = pages.length;
        const initCcpCalls: InitCcpCall[] = [];
        const recordBusEvent = (eventName: string): void => {
            if (eventName === EventType.TERMINATE) {
                timeline.push({ kind: 'terminate' });
            }
        };
        let bus = new MockEventBus(recordBusEvent);
        let agentInitialized = false;
        let frozen = false;
        let unloading = false;
        let snapshot = capture();
        const pageState: PageState = {
            refresh() {
                if (frozen) {
                    return;
                }
                snapshot = capture();
                if (agentInitialized) {
                    bus.trigger(AgentEvents.REFRESH, new Agent());
                }
            }
        };
        pages.push(pageState);

        class Agent {
            constructor() {
                if (!agentInitialized) {
                    throw new Error('StateError: The agent is not yet initialized!');
                }
            }
            getState(): MockAgentState & { startTimestamp: Date } {
                return { ...snapshot.state, startTimestamp: new Date(snapshot.since) };
            }
            getNextState(): MockAgentState | null {
                return snapshot.next ? { ...snapshot.next } : null;
            }
            getAvailabilityState(): { state: string; timeStamp: Date } {
                return { state: snapshot.availabilityStateName, timeStamp: new Date(0) };
            }
            getContacts(): { getState(): { type: string } }[] {
                const contactState = snapshot.contactState;
                return contactState ? [{ getState: () => ({ type: contactState }) }] : [];
            }
            getAgentStates(): MockAgentState[] {
                return states.map((state) => ({ ...state }));
            }
            getRoutingProfile(): { name: string; routingProfileARN: string } {
                return { name: routingProfileName, routingProfileARN: 'arn:aws:connect:profile/1' };
            }
            onRefresh(listener: Listener): Subscription {
                return bus.subscribe(AgentEvents.REFRESH, listener);
            }
            setState(
                requested: MockAgentState,
                callbacks?: SetStateCallbacks,
                setOptions?: { enqueueNextState?: boolean }
            ): void {
                const enqueueNextState = Boolean(setOptions?.enqueueNextState);
                const call = receive(index, requested, enqueueNextState, unloading);
                if (call.lost || service.answerMode === 'silent') {
                    // No answer: a lost message has none; a silent Connect still pushes agent data.
                    if (!call.lost) {
                        Promise.resolve().then(refresh);
                    }
                    return;
                }
                if (service.answerMode === 'late') {
                    service.holdAnswers();
                }
                answer(() => {
                    if (call.result === 'refused') {
                        callbacks?.failure?.({
                            type: 'InvalidStateException',
                            message:
                                service.answerMode === 'refuse'
                                    ? 'Connect refused the change'
                                    : 'Agent has a live contact; enqueue the next state'
                        });
                    } else {
                        callbacks?.success?.();
                    }
                    refresh();
                });
            }
        }

        const fakeConnect = {
            EventType,
            AgentEvents,
            AgentStateType,
            ContactStateType,
            Agent,
            agent(listener: (agent: Agent) => void): Subscription {
                const subscription = bus.subscribe(AgentEvents.INIT, listener as Listener);
                if (agentInitialized) {
                    listener(new Agent());
                }
                return subscription;
            },
            core: {
                initCCP(container: HTMLElement, initOptions: Record<string, unknown>): void {
                    bus = new MockEventBus(recordBusEvent);
                    const iframe = document.createElement('iframe');
                    iframe.name = 'Amazon Connect CCP';
                    iframe.src = String(initOptions.ccpUrl);
                    container.appendChild(iframe);
                    initCcpCalls.push({ container, options: initOptions, iframe });
                },
                getEventBus(): MockEventBus {
                    return bus;
                },
                onAuthFail(listener: Listener): Subscription {
                    return bus.subscribe(EventType.AUTH_FAIL, listener);
                },
                onIframeRetriesExhausted(listener: Listener): Subscription {
                    return bus.subscribe(EventType.IFRAME_RETRIES_EXHAUSTED, listener);
                },
                terminate(): void {
                    timeline.push({ kind: 'coreTerminate' });
                    bus.unsubscribeAll();
                    agentInitialized = false;
                }
            }
        };

        const fakeFetch = (url: string, init?: RequestInit): Promise<Partial<Response>> => {
            if (!url.endsWith('/logout')) {
                return Promise.reject(new TypeError(`The Connect stand-in has no ${url}`));
            }
            timeline.push({ kind: 'logout', url, credentials: init?.credentials });
            const status = logoutFailure ?? 200;
            logoutFailure = null;
            if (status === 200) {
                loggedOut = true; // the status stays what it was (#493)
            }
            return Promise.resolve({ ok: status === 200, status });
        };

        return {
            index,
            connect: fakeConnect,
            fetch: fakeFetch,
            initCcpCalls,
            agentReady() {
                agentInitialized = true;
                snapshot = capture();
                bus.trigger(AgentEvents.INIT, new Agent());
                pageState.refresh();
            },
            freeze() {
                frozen = true;
            },
            thaw() {
                frozen = false;
                pageState.refresh();
            },
            whileUnloading(run) {
                unloading = true;
                try {
                    run();
                } finally {
                    unloading = false;
                }
            },
            subscriberCount: () => bus.count(),
            bus: () => bus
        };
    }

    return service;
}

/** One page with the agent, installed as the `connect` global (and `fetch`) of the test. */
export function installConnectMock(options: ConnectMockOptions = {}): ConnectControl {
    const service = createConnectService(options);
    const page = service.openPage();
    if (!installed) {
        originalFetch = globalScope.fetch;
    }
    globalScope.connect = page.connect;
    globalScope.fetch = page.fetch;
    installed = true;
    const { setStateCalls } = service;
    return {
        initCcpCalls: page.initCcpCalls,
        // Single-page tests compare whole calls: without the fields only a service records.
        get setStateCalls() {
            return setStateCalls.map(({ stateName, stateType, enqueueNextState, result }) => ({
                stateName,
                stateType,
                enqueueNextState,
                result
            }));
        },
        timeline: service.timeline,
        currentState: service.currentState,
        availabilityStateName: service.availabilityStateName,
        nextStateName: service.nextStateName,
        hasLiveContact: service.hasLiveContact,
        loggedOut: service.loggedOut,
        agentReady: page.agentReady,
        freeze: page.freeze,
        thaw: page.thaw,
        setCurrentState: service.setCurrentState,
        setRoutingProfileName: service.setRoutingProfileName,
        startContact: service.startContact,
        enterAfterContactWork: service.enterAfterContactWork,
        endContact: service.endContact,
        holdAnswers: service.holdAnswers,
        releaseAnswers: service.releaseAnswers,
        failLogoutWith: service.failLogoutWith,
        fireAuthFail: () => page.bus().trigger(EventType.AUTH_FAIL),
        fireIframeRetriesExhausted: () => page.bus().trigger(EventType.IFRAME_RETRIES_EXHAUSTED),
        fireAckTimeout: () => page.bus().trigger(EventType.ACK_TIMEOUT),
        fireTerminated: () => page.bus().trigger(EventType.TERMINATED),
        subscriberCount: page.subscriberCount
    };
}

export function uninstallConnectMock(): void {
    delete globalScope.connect;
    if (originalFetch === undefined) {
        delete globalScope.fetch;
    } else {
        globalScope.fetch = originalFetch;
    }
    originalFetch = undefined;
    installed = false;
}

function findState(states: MockAgentState[], name: string): MockAgentState {
    const found = states.find((state) => state.name === name);
    if (!found) {
        throw new Error(`The Connect stand-in has no agent state named ${name}`);
    }
    return found;
}
