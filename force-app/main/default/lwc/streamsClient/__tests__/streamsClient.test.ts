import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import {
    getAgentView,
    initCcp,
    isStreamsLoaded,
    openLogin,
    setAgentState,
    signOut,
    teardown,
    type CcpHandlers,
    type CcpSettings
} from 'c/streamsClient';
import {
    installConnectMock,
    uninstallConnectMock,
    type ConnectControl
} from '../../../../../test/jest-mocks/connect/connect';

const CCP_URL = 'https://example.my.connect.aws/ccp-v2/';
const CCP_ORIGIN = 'https://example.my.connect.aws';

const SETTINGS: CcpSettings = { ccpUrl: CCP_URL, softphoneAllowFramed: true };

function flushPromises(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

function createHandlers(): jest.Mocked<CcpHandlers> {
    return { onAgentReady: jest.fn(), onAgentChange: jest.fn(), onFailure: jest.fn() };
}

function createContainer(): HTMLElement {
    const container = document.createElement('div');
    document.body.appendChild(container);
    return container;
}

const messageRecorders: ((event: MessageEvent) => void)[] = [];

/** What Streams' conduit sees: every `message` that reaches a normal listener on window. */
function recordMessages(): MessageEvent[] {
    const seen: MessageEvent[] = [];
    const recorder = (event: MessageEvent): void => {
        seen.push(event);
    };
    messageRecorders.push(recorder);
    window.addEventListener('message', recorder);
    return seen;
}

function postFrom(source: Window | null, origin: string, data: unknown): void {
    window.dispatchEvent(new MessageEvent('message', { data, origin, source }));
}

describe('c-streams-client', () => {
    let control: ConnectControl;

    beforeEach(() => {
        control = installConnectMock();
    });

    afterEach(() => {
        messageRecorders
            .splice(0)
            .forEach((recorder) => window.removeEventListener('message', recorder));
        teardown();
        uninstallConnectMock();
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
        jest.restoreAllMocks();
    });

    it('knows whether the Streams script has been loaded', () => {
        expect(isStreamsLoaded()).toBe(true);
        uninstallConnectMock();
        expect(isStreamsLoaded()).toBe(false);
    });

    it('starts the CCP in the container with login pop-up, SAML URL, region and timeout', () => {
        const container = createContainer();
        initCcp(
            container,
            {
                ccpUrl: CCP_URL,
                loginUrl: 'https://idp.example.com/saml',
                region: 'ap-northeast-1',
                softphoneAllowFramed: false,
                ccpLoadTimeoutMs: 10000
            },
            createHandlers()
        );

        expect(control.initCcpCalls).toHaveLength(1);
        expect(control.initCcpCalls[0].container).toBe(container);
        expect(control.initCcpCalls[0].options).toEqual({
            ccpUrl: CCP_URL,
            loginPopup: false,
            loginUrl: 'https://idp.example.com/saml',
            region: 'ap-northeast-1',
            softphone: { allowFramedSoftphone: false },
            ccpLoadTimeout: 10000
        });
        expect(container.querySelector('iframe')).not.toBeNull();
    });

    it('leaves optional CCP options out when they are not configured', () => {
        initCcp(createContainer(), SETTINGS, createHandlers());
        expect(control.initCcpCalls[0].options).toEqual({
            ccpUrl: CCP_URL,
            loginPopup: false,
            softphone: { allowFramedSoftphone: true }
        });
    });

    describe('the LWS postMessage race mitigation', () => {
        it('holds a CCP message sent before the iframe loaded and re-delivers it intact after load', () => {
            const seen = recordMessages();
            initCcp(createContainer(), SETTINGS, createHandlers());
            const iframe = control.initCcpCalls[0].iframe;
            const data = { event: 'acknowledge', data: { id: 'port-1' } };

            postFrom(iframe.contentWindow, CCP_ORIGIN, data);
            expect(seen).toHaveLength(0);

            iframe.dispatchEvent(new Event('load'));
            expect(seen).toHaveLength(1);
            expect(seen[0].data).toEqual(data);
            expect(seen[0].origin).toBe(CCP_ORIGIN);
            expect(seen[0].source).toBe(iframe.contentWindow);
        });

        it('re-delivers several held messages in the order they came', () => {
            const seen = recordMessages();
            initCcp(createContainer(), SETTINGS, createHandlers());
            const iframe = control.initCcpCalls[0].iframe;

            postFrom(iframe.contentWindow, CCP_ORIGIN, { event: 'acknowledge' });
            postFrom(iframe.contentWindow, CCP_ORIGIN, { event: 'agent::update' });
            iframe.dispatchEvent(new Event('load'));

            expect(seen.map((event) => (event.data as { event: string }).event)).toEqual([
                'acknowledge',
                'agent::update'
            ]);
        });

        it('passes CCP messages straight through once the iframe has loaded', () => {
            const seen = recordMessages();
            initCcp(createContainer(), SETTINGS, createHandlers());
            const iframe = control.initCcpCalls[0].iframe;
            iframe.dispatchEvent(new Event('load'));

            postFrom(iframe.contentWindow, CCP_ORIGIN, { event: 'synchronize' });
            expect(seen).toHaveLength(1);
        });

        it('lets messages from other origins through untouched while it waits', () => {
            const seen = recordMessages();
            initCcp(createContainer(), SETTINGS, createHandlers());

            const data = { hello: 'salesforce' };
            postFrom(window, 'https://example.lightning.force.com', data);

            expect(seen).toHaveLength(1);
            expect(seen[0].data).toBe(data);
            expect(seen[0].origin).toBe('https://example.lightning.force.com');
        });

        it('holds again for an iframe that Streams recreates after a load timeout', async () => {
            const seen = recordMessages();
            const container = createContainer();
            initCcp(container, SETTINGS, createHandlers());
            control.initCcpCalls[0].iframe.dispatchEvent(new Event('load'));

            // Streams' _replaceCCPIframe removes the iframe and appends a new one.
            control.initCcpCalls[0].iframe.remove();
            const replacement = document.createElement('iframe');
            replacement.name = 'Amazon Connect CCP';
            container.appendChild(replacement);
            await flushPromises();

            postFrom(replacement.contentWindow, CCP_ORIGIN, { event: 'acknowledge' });
            expect(seen).toHaveLength(0);
            replacement.dispatchEvent(new Event('load'));
            expect(seen).toHaveLength(1);
        });
    });

    describe('reports why the CCP cannot be used', () => {
        it.each<[string, (control: ConnectControl) => void, string]>([
            ['sign-in failed', (c) => c.fireAuthFail(), 'authFail'],
            [
                'the iframe retries ran out',
                (c) => c.fireIframeRetriesExhausted(),
                'iframeRetriesExhausted'
            ],
            ['the CCP did not answer in time', (c) => c.fireAckTimeout(), 'loadTimeout'],
            ['the CCP session ended', (c) => c.fireTerminated(), 'terminated']
        ])('%s', (_label, fire, failure) => {
            const handlers = createHandlers();
            initCcp(createContainer(), SETTINGS, handlers);
            fire(control);
            expect(handlers.onFailure).toHaveBeenCalledTimes(1);
            expect(handlers.onFailure).toHaveBeenCalledWith(failure);
        });
    });

    it('reports the agent once ready, then every refresh', async () => {
        const handlers = createHandlers();
        initCcp(createContainer(), SETTINGS, handlers);
        expect(getAgentView()).toBeNull();

        control.agentReady();
        expect(handlers.onAgentReady).toHaveBeenCalledTimes(1);

        control.startContact();
        control.endContact();
        await flushPromises();
        expect(handlers.onAgentReady).toHaveBeenCalledTimes(1);
        expect(handlers.onAgentChange.mock.calls.length).toBeGreaterThanOrEqual(2);
    });

    it('shows the agent as plain data: state, chosen status, profile, contacts and statuses', () => {
        control = installConnectMock({
            initialStateName: 'Available',
            routingProfileName: 'Sales JP'
        });
        initCcp(createContainer(), SETTINGS, createHandlers());
        control.agentReady();

        expect(getAgentView()).toEqual({
            stateName: 'Available',
            stateType: 'routable',
            stateSince: expect.any(Number), // getState().startTimestamp
            availabilityStateName: 'Available',
            nextStateName: null,
            routingProfileName: 'Sales JP',
            hasLiveContact: false,
            states: [
                { name: 'Available', type: 'routable', arn: 'arn:aws:connect:state/available' },
                { name: 'Offline', type: 'offline', arn: 'arn:aws:connect:state/offline' },
                { name: 'Lunch', type: 'not_routable', arn: 'arn:aws:connect:state/lunch' },
                { name: '退席中', type: 'not_routable', arn: 'arn:aws:connect:state/away' }
            ]
        });
    });

    it('counts a call and its after-contact work as a live contact', () => {
        control = installConnectMock({ initialStateName: 'Available' });
        initCcp(createContainer(), SETTINGS, createHandlers());
        control.agentReady();

        control.startContact();
        expect(getAgentView()).toMatchObject({
            stateName: 'Busy',
            availabilityStateName: 'Available',
            hasLiveContact: true
        });
        control.enterAfterContactWork();
        expect(getAgentView()?.hasLiveContact).toBe(true);
        control.endContact();
        expect(getAgentView()?.hasLiveContact).toBe(false);
    });

    it('sets a status and reports Connect\u2019s answer', async () => {
        initCcp(createContainer(), SETTINGS, createHandlers());
        control.agentReady();
        const onResult = jest.fn();

        const result = setAgentState(
            { name: 'Lunch', type: 'not_routable', arn: 'arn:aws:connect:state/lunch' },
            false,
            onResult
        );

        expect(result).toBe('sent');
        // The request is posted before setAgentState returns: Connect already has it.
        expect(control.currentState().name).toBe('Lunch');
        expect(onResult).not.toHaveBeenCalled();
        await flushPromises();
        expect(onResult).toHaveBeenCalledWith(true);
    });

    it('reports Connect refusing a change during a contact, and queues it when asked to', async () => {
        initCcp(createContainer(), SETTINGS, createHandlers());
        control.agentReady();
        control.startContact();
        const offline = { name: 'Offline', type: 'offline', arn: 'arn:aws:connect:state/offline' };
        const refused = jest.fn();
        const queued = jest.fn();

        setAgentState(offline, false, refused);
        setAgentState(offline, true, queued);
        await flushPromises();

        expect(refused).toHaveBeenCalledWith(
            false,
            expect.stringContaining('InvalidStateException')
        );
        expect(queued).toHaveBeenCalledWith(true);
        expect(getAgentView()?.nextStateName).toBe('Offline');
    });

    it('says there is no agent before the agent data arrives', () => {
        initCcp(createContainer(), SETTINGS, createHandlers());
        const onResult = jest.fn();
        expect(
            setAgentState({ name: 'Offline', type: 'offline', arn: null }, false, onResult)
        ).toBe('noAgent');
        expect(control.setStateCalls).toHaveLength(0);
    });

    it('signs out the way Streams does: /logout with the session cookie, then TERMINATE', async () => {
        initCcp(createContainer(), SETTINGS, createHandlers());
        await signOut(CCP_URL);
        expect(control.timeline).toEqual([
            {
                kind: 'logout',
                url: 'https://example.my.connect.aws/logout',
                credentials: 'include'
            },
            { kind: 'terminate' }
        ]);
        expect(control.loggedOut()).toBe(true);
    });

    it('signs out of an older awsapps.com instance under its /connect path', async () => {
        initCcp(createContainer(), SETTINGS, createHandlers());
        await signOut('https://example.awsapps.com/connect/ccp-v2');
        expect(control.timeline[0]).toMatchObject({
            url: 'https://example.awsapps.com/connect/logout'
        });
    });

    it('reports a failed logout instead of leaving Salesforce', async () => {
        initCcp(createContainer(), SETTINGS, createHandlers());
        control.failLogoutWith(503);
        await expect(signOut(CCP_URL)).rejects.toThrow('503');
        expect(control.timeline.map((entry) => entry.kind)).toEqual(['logout']);
    });

    describe('opens the sign-in page', () => {
        it('at the SAML URL when there is one', () => {
            const open = jest.spyOn(window, 'open').mockReturnValue(null);
            openLogin({ ...SETTINGS, loginUrl: 'https://idp.example.com/saml' });
            expect(open).toHaveBeenCalledWith('https://idp.example.com/saml', expect.any(String));
        });

        it('in one window that a second click reuses, closed once the agent is signed in', () => {
            const loginWindow = { focus: jest.fn(), close: jest.fn() } as unknown as Window;
            const open = jest.spyOn(window, 'open').mockReturnValue(loginWindow);
            initCcp(createContainer(), SETTINGS, createHandlers());
            openLogin(SETTINGS);
            openLogin(SETTINGS);
            expect(open).toHaveBeenNthCalledWith(1, CCP_URL, 'AmazonConnectLogin');
            expect(open).toHaveBeenNthCalledWith(2, CCP_URL, 'AmazonConnectLogin');
            expect(loginWindow.close).not.toHaveBeenCalled();
            control.agentReady();
            expect(loginWindow.close).toHaveBeenCalledTimes(1);
        });

        it('at the CCP otherwise, and copes with LWS returning no window', () => {
            const open = jest.spyOn(window, 'open').mockReturnValue(null);
            expect(() => openLogin(SETTINGS)).not.toThrow();
            expect(open).toHaveBeenCalledWith(CCP_URL, expect.any(String));
        });
    });

    describe('teardown', () => {
        it('unsubscribes from Streams, terminates it and removes the CCP iframe', () => {
            const handlers = createHandlers();
            const container = createContainer();
            initCcp(container, SETTINGS, handlers);
            control.agentReady();
            expect(control.subscriberCount()).toBeGreaterThan(0);

            teardown();

            expect(control.timeline).toContainEqual({ kind: 'coreTerminate' });
            expect(control.subscriberCount()).toBe(0);
            expect(container.querySelector('iframe')).toBeNull();
            control.fireAuthFail();
            expect(handlers.onFailure).not.toHaveBeenCalled();
            expect(getAgentView()).toBeNull();
        });

        it('stops holding CCP messages', () => {
            const seen = recordMessages();
            initCcp(createContainer(), SETTINGS, createHandlers());
            teardown();

            postFrom(window, CCP_ORIGIN, { event: 'acknowledge' });
            expect(seen).toHaveLength(1);
        });

        it('lets the CCP start again afterwards', () => {
            initCcp(createContainer(), SETTINGS, createHandlers());
            teardown();
            const handlers = createHandlers();
            initCcp(createContainer(), SETTINGS, handlers);
            control.fireTerminated();
            expect(handlers.onFailure).toHaveBeenCalledWith('terminated');
        });
    });
});
