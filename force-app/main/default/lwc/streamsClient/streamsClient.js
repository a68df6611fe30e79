/**
 * The only code that touches the `connect` global of amazon-connect-streams. Under Lightning Web
 * Security the global is visible as `window.connect` inside the component's sandbox (in Jest it is
 * `global.connect`). Everything this module returns is plain data, never a Streams object.
 * One CCP per page is all Streams supports (#587), so the module keeps its state at module level.
 */
/** Contact states that no longer hold the agent: Connect accepts a plain status change then. */
const FINISHED_CONTACT_STATES = new Set(['missed', 'rejected', 'error']);
/** The iframe name Streams gives the CCP (`CCP_IFRAME_NAME` in the release). */
const CCP_IFRAME_NAME = 'Amazon Connect CCP';
let subscriptions = [];
let releaseMessageHold = null;
let ccpIframes = [];
function streams() {
    return window.connect;
}
export function isStreamsLoaded() {
    return typeof streams()?.core?.initCCP === 'function';
}
export function initCcp(container, settings, handlers) {
    const c = streams();
    if (!c) {
        throw new Error('Amazon Connect Streams is not loaded');
    }
    const hold = holdCcpMessagesUntilIframeLoads(container, new URL(settings.ccpUrl).origin);
    releaseMessageHold = hold.dispose;
    try {
        // Appends the CCP iframe to the container synchronously and creates the event bus.
        c.core.initCCP(container, {
            ccpUrl: settings.ccpUrl,
            // The softphone's Sign In button opens the login (openLogin). Streams' own pop-up would
            // open a second window unprompted (and popup blockers stop it without a click).
            // Streams still reloads the CCP frame until it is signed in.
            loginPopup: false,
            softphone: { allowFramedSoftphone: settings.softphoneAllowFramed },
            ...(settings.loginUrl ? { loginUrl: settings.loginUrl } : {}),
            ...(settings.region ? { region: settings.region } : {}),
            ...(settings.ccpLoadTimeoutMs ? { ccpLoadTimeout: settings.ccpLoadTimeoutMs } : {})
        });
        hold.watchIframesIn(container);
    }
    catch (error) {
        hold.dispose();
        releaseMessageHold = null;
        throw error;
    }
    const bus = c.core.getEventBus();
    let agentReadyReported = false;
    subscriptions.push(
    // SAML or CCP sign-in failed.
    c.core.onAuthFail(() => handlers.onFailure('authFail')), 
    // Streams reloaded the iframe after each load timeout and gave up.
    c.core.onIframeRetriesExhausted(() => handlers.onFailure('iframeRetriesExhausted')), 
    // The CCP did not acknowledge within ccpLoadTimeout (or stopped answering its keepalive);
    // Streams triggers ACK_TIMEOUT on its bus and there is no onAckTimeout helper.
    bus.subscribe(c.EventType.ACK_TIMEOUT, () => handlers.onFailure('loadTimeout')), 
    // The CCP's shared worker shut down (logout elsewhere, or our signOut).
    bus.subscribe(c.EventType.TERMINATED, () => handlers.onFailure('terminated')), 
    // Fires once the first agent data arrives (at once if it already has).
    c.agent((agent) => {
        if (agentReadyReported) {
            return;
        }
        agentReadyReported = true;
        closeLoginWindow();
        handlers.onAgentReady();
        subscriptions.push(agent.onRefresh(() => handlers.onAgentChange()));
    }));
}
/**
 * Lightning Web Security breaks Streams when the CCP posts its first message before the parent has
 * seen the iframe's `load` event (lws.md): hold messages from the CCP origin until then, and
 * re-dispatch them with the same data, origin and source, which is all Streams' conduit reads.
 */
function holdCcpMessagesUntilIframeLoads(container, ccpOrigin) {
    const held = [];
    const redispatched = new WeakSet();
    let waitingForLoad = false;
    const release = () => {
        waitingForLoad = false;
        for (const event of held.splice(0)) {
            const copy = new MessageEvent('message', {
                data: event.data,
                origin: event.origin,
                source: event.source
            });
            redispatched.add(copy);
            window.dispatchEvent(copy);
        }
    };
    const onMessage = (event) => {
        if (waitingForLoad && event.origin === ccpOrigin && !redispatched.has(event)) {
            event.stopImmediatePropagation(); // a capture listener on window runs before Streams'
            held.push(event);
        }
    };
    // Streams appends the iframe inside initCCP and replaces it on each load-timeout retry: hold
    // again for every new CCP iframe.
    const watchIframe = (iframe) => {
        if (iframe.name !== CCP_IFRAME_NAME || ccpIframes.includes(iframe)) {
            return;
        }
        ccpIframes.push(iframe);
        waitingForLoad = true;
        iframe.addEventListener('load', release, { once: true });
    };
    const observer = new MutationObserver((records) => {
        for (const record of records) {
            record.addedNodes.forEach((node) => {
                if (node instanceof HTMLIFrameElement) {
                    watchIframe(node);
                }
            });
        }
    });
    window.addEventListener('message', onMessage, true);
    observer.observe(container, { childList: true });
    waitingForLoad = true; // until initCCP has appended the iframe and it has loaded
    return {
        // Called right after initCCP so that no message can slip past before the observer runs.
        watchIframesIn: (element) => element.querySelectorAll('iframe').forEach(watchIframe),
        dispose: () => {
            observer.disconnect();
            window.removeEventListener('message', onMessage, true);
            ccpIframes.forEach((iframe) => iframe.removeEventListener('load', release));
            held.length = 0;
        }
    };
}
/** When the agent's state began (Connect's clock), or null if Streams does not say. */
function sinceOf(state) {
    const at = state.startTimestamp;
    const time = at ? new Date(at).getTime() : NaN;
    return Number.isFinite(time) ? time : null;
}
/** The agent as plain data, or null before Streams has the first agent data. */
export function getAgentView() {
    const agent = currentAgent();
    if (!agent) {
        return null;
    }
    try {
        const state = agent.getState();
        const nextState = agent.getNextState();
        // Absent from older snapshots; the d.ts declares it always present.
        const availability = agent.getAvailabilityState();
        return {
            stateName: state.name,
            stateType: state.type,
            stateSince: sinceOf(state),
            availabilityStateName: availability?.state ?? null,
            nextStateName: nextState?.name ?? null,
            routingProfileName: agent.getRoutingProfile()?.name ?? '',
            hasLiveContact: agent
                .getContacts()
                .some((contact) => !FINISHED_CONTACT_STATES.has(contact.getState().type)),
            states: agent.getAgentStates().map((definition) => ({
                name: definition.name,
                type: definition.type,
                arn: definition.agentStateARN ?? null
            }))
        };
    }
    catch {
        return null; // Streams throws StateError while its agent data is missing (e.g. after terminate)
    }
}
/**
 * Sends the change to the CCP; callbacks report Connect's answer if the page lives. Streams calls
 * postMessage before this returns, but Chromium hands a cross-site message on in a later task:
 * called from `beforeunload` the change reaches Connect, from `pagehide` it never does, and blocking
 * the handler after the call only delays it (experiments/teardown/RESULTS.md).
 */
export function setAgentState(state, enqueueNextState, onResult) {
    const agent = currentAgent();
    if (!agent) {
        return 'noAgent';
    }
    try {
        // Send Streams' own definition: putAgentState expects the object getAgentStates() gave.
        const definition = agent
            .getAgentStates()
            .find((candidate) => state.arn
            ? candidate.agentStateARN === state.arn
            : candidate.name === state.name && candidate.type === state.type) ??
            {
                agentStateARN: state.arn ?? '',
                name: state.name,
                type: state.type
            };
        // Builds the api_request and calls postMessage before returning (streams.md); the message
        // leaves this page in a task after the current one.
        agent.setState(definition, {
            success: () => onResult?.(true),
            failure: (error) => onResult?.(false, describeError(error))
        }, { enqueueNextState });
    }
    catch (error) {
        onResult?.(false, describeError(error));
    }
    return 'sent';
}
/**
 * Streams' own logout (`signOutThroughCCP` in the release): request the instance's /logout with the
 * session cookies, then TERMINATE on the bus. `keepalive` lets the request outlive a closing page.
 * Streams navigates the whole page to /logout when the request fails; that would leave Salesforce,
 * so the failure is returned instead.
 */
export async function signOut(ccpUrl) {
    const logoutUrl = `${instanceUrl(ccpUrl)}/logout`;
    const response = await window.fetch(logoutUrl, { credentials: 'include', keepalive: true });
    if (!response.ok) {
        throw new Error(`Amazon Connect logout answered ${response.status}`);
    }
    const c = streams();
    c?.core.getEventBus()?.trigger(c.EventType.TERMINATE);
}
/** A fixed name: a second click focuses the same window instead of opening another. */
const LOGIN_WINDOW_NAME = 'AmazonConnectLogin';
/** The login window the agent opened, to close once the CCP is signed in (null under LWS's noopener). */
let loginWindow = null;
/** Opens the sign-in page; works when LWS's window.open returns null (lws.md). */
export function openLogin(settings) {
    // Without a SAML URL the CCP itself redirects to the sign-in page, as Streams' getLoginUrl does.
    loginWindow = window.open(settings.loginUrl || settings.ccpUrl, LOGIN_WINDOW_NAME);
    loginWindow?.focus();
}
/** Closes the login window once the agent is signed in, as Streams' loginPopupAutoClose would. */
function closeLoginWindow() {
    loginWindow?.close();
    loginWindow = null;
}
export function teardown() {
    subscriptions.forEach((subscription) => subscription.unsubscribe());
    subscriptions = [];
    releaseMessageHold?.();
    releaseMessageHold = null;
    // Streams' own cleanup: clients become no-ops, its bus drops every subscriber.
    streams()?.core?.terminate();
    // terminate() leaves the iframe, and a later initCCP refuses to run while one exists.
    ccpIframes.forEach((iframe) => iframe.remove());
    ccpIframes = [];
}
function currentAgent() {
    const c = streams();
    if (!c) {
        return null;
    }
    try {
        return new c.Agent(); // throws until the first agent data has arrived
    }
    catch {
        return null;
    }
}
/** `https://x.my.connect.aws/ccp-v2/` → `https://x.my.connect.aws` (Streams' getConnectUrl). */
function instanceUrl(ccpUrl) {
    const position = ccpUrl.indexOf('/ccp-v2');
    return position >= 0 ? ccpUrl.slice(0, position) : new URL(ccpUrl).origin;
}
function describeError(error) {
    if (typeof error === 'string') {
        return error;
    }
    if (error instanceof Error) {
        return error.message;
    }
    if (error && typeof error === 'object') {
        const { type, message } = error;
        const parts = [type, message].filter((part) => typeof part === 'string');
        return parts.length > 0 ? parts.join(': ') : JSON.stringify(error);
    }
    return String(error);
}
