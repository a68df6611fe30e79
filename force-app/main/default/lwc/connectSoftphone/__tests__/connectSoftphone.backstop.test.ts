import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { createElement } from 'lwc';
import ConnectSoftphone from 'c/connectSoftphone';
import getSoftphoneConfig from '@salesforce/apex/AcFeatureController.getSoftphoneConfig';
import getPresenceToken from '@salesforce/apex/PresenceTokenController.getPresenceToken';
import * as streamsClient from 'c/streamsClient';
import type { AgentView, CcpHandlers } from 'c/streamsClient';
import * as sessionGuard from 'c/sessionGuard';
import type { GuardOutcome, SessionGuard } from 'c/sessionGuard';
import * as presenceClient from 'c/presenceClient';
import type { PresenceClient, PresenceClientOptions } from 'c/presenceClient';
import type { PresenceAction } from 'c/presenceDecisions';

jest.mock(
    '@salesforce/apex/AcFeatureController.getSoftphoneConfig',
    () => ({ default: jest.fn() }),
    { virtual: true }
);
jest.mock('@salesforce/apex/AcFeatureController.isSessionActive', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock(
    '@salesforce/apex/PresenceTokenController.getPresenceToken',
    () => ({ default: jest.fn() }),
    { virtual: true }
);
jest.mock('c/streamsClient', () => ({
    isStreamsLoaded: jest.fn(),
    initCcp: jest.fn(),
    getAgentView: jest.fn(),
    setAgentState: jest.fn(),
    signOut: jest.fn(),
    openLogin: jest.fn(),
    teardown: jest.fn()
}));
jest.mock('c/sessionGuard', () => ({ SIGN_OUT_WAIT_MS: 30, startSessionGuard: jest.fn() }));
jest.mock('c/presenceClient', () => ({ startPresenceClient: jest.fn() }));

const mockGetConfig = getSoftphoneConfig as unknown as jest.Mock<
    (params: { adapterName: string }) => Promise<AcFeatureController.SoftphoneConfig>
>;
const mockGetToken = getPresenceToken as unknown as jest.Mock<
    (params: { adapterName: string }) => Promise<PresenceTokenController.PresenceToken>
>;
const mockStreams = jest.mocked(streamsClient);
const mockStartGuard = jest.mocked(sessionGuard.startSessionGuard);
const mockStartPresence = jest.mocked(presenceClient.startPresenceClient);

// 2025-01-15 09:30:05 UTC is 1:30:05 AM in Jest's time zone (America/Los_Angeles, en-US).
const ACTED_AT = Date.UTC(2025, 0, 15, 9, 30, 5);

const AGENT: AgentView = {
    stateName: 'Offline',
    stateType: 'offline',
    availabilityStateName: 'Offline',
    nextStateName: null,
    routingProfileName: 'Tokyo Sales',
    hasLiveContact: false,
    states: [
        { name: 'Available', type: 'routable', arn: 'arn:available' },
        { name: 'Offline', type: 'offline', arn: 'arn:offline' }
    ]
};

const ACTION: PresenceAction = {
    actionId: 'act-1',
    at: ACTED_AT,
    path: 'noSignOfLife',
    statusName: 'Offline',
    previousStatusName: 'Available',
    queued: false
};

function softphoneConfig(rawValue: string | undefined): AcFeatureController.SoftphoneConfig {
    return {
        adapter: {
            id: 'a00000000000001AAA',
            name: 'ACLightningAdapter',
            ccpUrl: 'https://example.my.connect.aws/ccp-v2/',
            samlLoginUrl: null,
            region: null,
            allowFramedSoftphone: true,
            ccpLoadTimeoutSeconds: null
        },
        feature:
            rawValue === undefined
                ? null
                : { id: 'a01000000000001AAA', name: 'SetAgentStatusOnSessionEnd', rawValue }
    };
}

function fakeGuard(): SessionGuard {
    const skipped: GuardOutcome = { at: 0, phase: 'initial', action: 'skipped' };
    return {
        applyInitialState: jest.fn(() => skipped),
        endSession: jest.fn(() => skipped),
        beforeSignOut: jest.fn(() => skipped),
        agentChanged: jest.fn(),
        stop: jest.fn()
    };
}

function fakePresence(): jest.Mocked<PresenceClient> {
    return { beatNow: jest.fn(), acknowledge: jest.fn(), leave: jest.fn(), stop: jest.fn() };
}

function flushPromises(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

async function renderReady(): Promise<HTMLElement> {
    const element = createElement('c-connect-softphone', { is: ConnectSoftphone });
    document.body.appendChild(element);
    await flushPromises();
    (mockStreams.initCcp.mock.calls.at(-1)![2] as CcpHandlers).onAgentReady();
    await flushPromises();
    return element;
}

function query(
    element: HTMLElement,
    dataId: string
): (HTMLElement & Record<string, unknown>) | null {
    return element.shadowRoot!.querySelector(`[data-id="${dataId}"]`);
}

function presenceOptions(): PresenceClientOptions {
    return mockStartPresence.mock.calls.at(-1)![0];
}

function presenceRowText(element: HTMLElement): string | undefined {
    const rows = [...element.shadowRoot!.querySelectorAll('[data-id="details-row"]')];
    const row = rows.find(
        (item) =>
            item.querySelector('[data-id="details-term"]')?.textContent === 'Presence backstop'
    );
    return row?.querySelector('[data-id="details-text"]')?.textContent?.trim();
}

async function openDetails(element: HTMLElement): Promise<void> {
    (query(element, 'details') as unknown as HTMLDetailsElement).open = true;
    await flushPromises();
}

describe('c-connect-softphone with the presence backstop', () => {
    let presence: jest.Mocked<PresenceClient>;

    beforeEach(() => {
        presence = fakePresence();
        mockStartGuard.mockImplementation(fakeGuard);
        mockStartPresence.mockImplementation(() => presence);
        mockGetConfig.mockResolvedValue(softphoneConfig('Status:Offline'));
        mockGetToken.mockResolvedValue({
            serviceUrl: 'https://presence.example.com/',
            token: 'jws',
            expiresAt: Date.now() + 600000
        });
        mockStreams.isStreamsLoaded.mockReturnValue(true);
        mockStreams.getAgentView.mockReturnValue(AGENT);
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('starts when the feature is on and the adapter names the service, and says it waits', async () => {
        const element = await renderReady();

        expect(mockGetToken).toHaveBeenCalledWith({ adapterName: 'ACLightningAdapter' });
        expect(presenceOptions().serviceUrl).toBe('https://presence.example.com/');
        expect(presence.beatNow).toHaveBeenCalled();
        expect(presenceOptions().readSettings()).toEqual({
            sessionEndStatus: { kind: 'offline' },
            ifCurrentAgentStates: [],
            profileMatched: true
        });
        presenceOptions().onLink({ kind: 'waiting' });
        await openDetails(element);
        expect(presenceRowText(element)).toBe('On; no answer from the service yet');
    });

    it('says in Details when the service last answered and the threshold it applies', async () => {
        const element = await renderReady();
        presenceOptions().onLink({ kind: 'answered', at: ACTED_AT, thresholdSeconds: 90 });
        await openDetails(element);

        expect(presenceRowText(element)).toMatch(
            /^On: the service answered at 1:30:05\sAM\. With no sign of life for 90 s it sets the session-end status\.$/
        );
        await expect(element).toBeAccessible();
    });

    it('says the service could not be reached, and the softphone stays as it was', async () => {
        const element = await renderReady();
        presenceOptions().onLink({ kind: 'unreachable', at: ACTED_AT, detail: 'Failed to fetch' });
        await openDetails(element);

        expect(presenceRowText(element)).toMatch(/could not be reached .*\(Failed to fetch\)/);
        expect(query(element, 'ready')).not.toBeNull();
    });

    it('stays off, and says so, when the adapter names no service URL', async () => {
        mockGetToken.mockResolvedValue({});
        const element = await renderReady();
        await openDetails(element);

        expect(mockStartPresence).not.toHaveBeenCalled();
        expect(presenceRowText(element)).toBe(
            'Off: the adapter ACLightningAdapter names no Presence Service URL. The softphone works as without it.'
        );
    });

    it('refuses a plain http URL to another machine and says what to fix', async () => {
        mockGetToken.mockResolvedValue({ serviceUrl: 'http://presence.example.com/' });
        const element = await renderReady();
        await openDetails(element);

        expect(mockStartPresence).not.toHaveBeenCalled();
        expect(presenceRowText(element)).toContain('must start with https://');
    });

    it("shows Apex's message when no token can be minted", async () => {
        mockGetToken.mockRejectedValue({
            body: {
                message:
                    'The AC CTI Adapter X has a Presence Service URL but no Presence Certificate Name.'
            }
        });
        const element = await renderReady();
        await openDetails(element);

        expect(mockStartPresence).not.toHaveBeenCalled();
        expect(presenceRowText(element)).toContain('no Presence Certificate Name');
    });

    it('is not used at all while the session-end feature is off', async () => {
        mockGetConfig.mockResolvedValue(softphoneConfig(undefined));
        await renderReady();

        expect(mockGetToken).not.toHaveBeenCalled();
        expect(mockStartPresence).not.toHaveBeenCalled();
    });

    it('tells the agent what the service did and when, with one button back', async () => {
        const element = await renderReady();
        presenceOptions().onAction(ACTION);
        await flushPromises();

        expect(query(element, 'backstop-text')!.textContent).toMatch(
            /^At 1:30:05\sAM this browser had given no sign of life for a while, so the presence backstop set your status to Offline\.$/
        );
        expect(query(element, 'backstop-restore')!.label).toBe('Back to Available');
        expect(presence.acknowledge).toHaveBeenCalledWith('act-1');
        expect(mockStreams.setAgentState).not.toHaveBeenCalled(); // never on its own
        await expect(element).toBeAccessible();
    });

    it("restores the agent's previous status on the click, then the notice goes", async () => {
        mockStreams.setAgentState.mockImplementation((_state, _enqueue, onResult) => {
            onResult?.(true);
            return 'sent';
        });
        const element = await renderReady();
        presenceOptions().onAction(ACTION);
        await flushPromises();

        query(element, 'backstop-restore')!.click();
        await flushPromises();

        expect(mockStreams.setAgentState).toHaveBeenCalledWith(
            AGENT.states[0],
            false,
            expect.any(Function)
        );
        expect(query(element, 'backstop-notice')).toBeNull();

        presenceOptions().onAction(ACTION); // the service repeats itself before the ack lands
        await flushPromises();
        expect(query(element, 'backstop-notice')).toBeNull();
    });

    it('says so when Connect refuses the way back, and keeps the button', async () => {
        mockStreams.setAgentState.mockImplementation((_state, _enqueue, onResult) => {
            onResult?.(false, 'InvalidStateException');
            return 'sent';
        });
        const element = await renderReady();
        presenceOptions().onAction(ACTION);
        await flushPromises();
        query(element, 'backstop-restore')!.click();
        await flushPromises();

        expect(query(element, 'backstop-error')!.textContent!.trim()).toBe(
            'Amazon Connect did not accept Available. Choose a status in the softphone.'
        );
        expect(query(element, 'backstop-restore')).not.toBeNull();
        await expect(element).toBeAccessible();
    });

    it('says so when the previous status no longer exists', async () => {
        const element = await renderReady();
        presenceOptions().onAction({ ...ACTION, previousStatusName: 'Training' });
        await flushPromises();
        query(element, 'backstop-restore')!.click();
        await flushPromises();

        expect(mockStreams.setAgentState).not.toHaveBeenCalled();
        expect(query(element, 'backstop-error')!.textContent).toContain('Training is not among');
    });

    it('says when a change was queued behind a contact, and queues the way back too', async () => {
        mockStreams.getAgentView.mockReturnValue({ ...AGENT, hasLiveContact: true });
        const element = await renderReady();
        presenceOptions().onAction({ ...ACTION, path: 'leaveRepair', queued: true });
        await flushPromises();

        expect(query(element, 'backstop-text')!.textContent).toMatch(
            /Amazon Connect did not get the change.*It took effect after your contact ended\.$/
        );
        query(element, 'backstop-restore')!.click();
        expect(mockStreams.setAgentState).toHaveBeenCalledWith(
            AGENT.states[0],
            true,
            expect.any(Function)
        );
    });

    it('goes away on Dismiss without changing the status', async () => {
        const element = await renderReady();
        presenceOptions().onAction(ACTION);
        await flushPromises();
        query(element, 'backstop-dismiss')!.click();
        await flushPromises();

        expect(query(element, 'backstop-notice')).toBeNull();
        expect(mockStreams.setAgentState).not.toHaveBeenCalled();
    });

    it("sends a leave on the softphone's Sign Out and stops", async () => {
        mockStreams.signOut.mockResolvedValue(undefined);
        const element = await renderReady();
        query(element, 'sign-out-button')!.click();
        await flushPromises();
        await new Promise((resolve) => setTimeout(resolve, 50));

        expect(presence.leave).toHaveBeenCalled();
        expect(presence.stop).toHaveBeenCalled();
    });
});
