import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { createElement } from 'lwc';
import ConnectSoftphone from 'c/connectSoftphone';
import getSoftphoneConfig from '@salesforce/apex/AcFeatureController.getSoftphoneConfig';
import * as streamsClient from 'c/streamsClient';
import type { AgentView, CcpHandlers } from 'c/streamsClient';
import * as sessionGuard from 'c/sessionGuard';
import type { GuardOutcome, SessionGuard, SessionGuardOptions } from 'c/sessionGuard';
import { resourceLoaderControl } from '../../../../../test/jest-mocks/lightning/platformResourceLoader';

jest.mock(
    '@salesforce/apex/AcFeatureController.getSoftphoneConfig',
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

const mockGetConfig = getSoftphoneConfig as unknown as jest.Mock<
    (params: { adapterName: string }) => Promise<AcFeatureController.SoftphoneConfig>
>;
const mockStreams = jest.mocked(streamsClient);
const mockStartGuard = jest.mocked(sessionGuard.startSessionGuard);

// 2025-01-15 09:30:05 UTC: 1:30:05 AM in the user's time zone (Jest's @salesforce/i18n/timeZone
// is America/Los_Angeles, its locale en-US). ICU may put a narrow no-break space before AM.
const SENT_AT = Date.UTC(2025, 0, 15, 9, 30, 5);
const SENT_TIME = /^1:30:05\sAM/;

const SALES_AGENT: AgentView = {
    stateName: 'Available',
    stateType: 'routable',
    availabilityStateName: 'Available',
    nextStateName: null,
    routingProfileName: 'Tokyo Sales',
    hasLiveContact: false,
    states: []
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
        // undefined = no active feature record (the feature is off)
        feature:
            rawValue === undefined
                ? null
                : { id: 'a01000000000001AAA', name: 'SetAgentStatusOnSessionEnd', rawValue }
    };
}

function flushPromises(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

async function renderSoftphone(): Promise<HTMLElement> {
    const element = createElement('c-connect-softphone', { is: ConnectSoftphone });
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

function ccpHandlers(): CcpHandlers {
    return mockStreams.initCcp.mock.calls.at(-1)![2];
}

function guardOptions(): SessionGuardOptions {
    return mockStartGuard.mock.calls.at(-1)![0];
}

async function becomeReady(): Promise<void> {
    ccpHandlers().onAgentReady();
    await flushPromises();
}

async function reportOutcome(outcome: GuardOutcome): Promise<void> {
    guardOptions().onOutcome(outcome);
    await flushPromises();
}

function detailsOf(element: HTMLElement): HTMLDetailsElement | null {
    return element.shadowRoot!.querySelector('[data-id="details"]');
}

/** Opens the disclosure as the agent would, by its summary. */
async function openDetails(element: HTMLElement): Promise<HTMLDetailsElement> {
    const details = detailsOf(element)!;
    details.querySelector('summary')!.click();
    await flushPromises();
    return details;
}

interface ShownRow {
    term: string;
    text: string;
    meta: string | null;
}

/** Each term with its text (and the quieter line under it), as the agent reads them. */
function shownRows(element: HTMLElement): Record<string, ShownRow> {
    const rows = element.shadowRoot!.querySelectorAll('[data-id="details-row"]');
    return Object.fromEntries(
        Array.from(rows, (row) => {
            const term = row.querySelector('[data-id="details-term"]')!.textContent!.trim();
            const meta = row.querySelector('[data-id="details-meta"]')?.textContent ?? null;
            const dd = row.querySelector('[data-id="details-text"]')!.textContent!;
            const text = (meta ? dd.replace(meta, '') : dd).trim();
            return [term, { term, text, meta }];
        })
    );
}

describe('c-connect-softphone details', () => {
    let guard: jest.Mocked<SessionGuard>;

    beforeEach(() => {
        const skipped: GuardOutcome = { at: 0, phase: 'initial', action: 'skipped' };
        guard = {
            applyInitialState: jest.fn(() => skipped),
            endSession: jest.fn(() => skipped),
            beforeSignOut: jest.fn(() => skipped),
            agentChanged: jest.fn(),
            stop: jest.fn()
        };
        mockStartGuard.mockImplementation(() => guard);
        mockGetConfig.mockResolvedValue(
            softphoneConfig(
                'Status:Lunch Break\nIfProfileNameIncludes:Sales,Support\nInitialAgentState:Available'
            )
        );
        mockStreams.isStreamsLoaded.mockReturnValue(true);
        mockStreams.getAgentView.mockReturnValue(SALES_AGENT);
        mockStreams.signOut.mockResolvedValue(undefined);
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        resourceLoaderControl.resetMock();
        jest.clearAllMocks();
    });

    it('are collapsed at first and not offered while the softphone loads', async () => {
        resourceLoaderControl.holdLoads();
        const element = await renderSoftphone();
        expect(detailsOf(element)).toBeNull();

        resourceLoaderControl.releaseLoads();
        await flushPromises();
        await becomeReady();

        const details = detailsOf(element)!;
        expect(details.querySelector('summary')!.textContent).toBe('Details');
        expect(details.open).toBe(false);
    });

    it('say the feature is on, with its settings and the agent routing profile', async () => {
        const element = await renderSoftphone();
        await becomeReady();
        await openDetails(element);

        const rows = shownRows(element);
        expect(rows['Set status at session end'].text).toBe('On');
        expect(rows['Status at session end'].text).toBe('Lunch Break');
        expect(rows['Applies to routing profiles containing'].text).toBe('Sales or Support');
        expect(rows['Only when the current status is'].text).toBe('Any status');
        expect(rows['Status after login'].text).toBe('Available');
        expect(rows['Session-end timer'].text).toBe(
            '5 seconds (a return within it counts as a reload)'
        );
        expect(rows['Routing profile'].text).toBe('Tokyo Sales');
        expect(rows['Current status'].text).toBe('Available');
    });

    it('follow the agent status, including one queued behind a contact', async () => {
        const element = await renderSoftphone();
        await becomeReady();
        mockStreams.getAgentView.mockReturnValue({
            ...SALES_AGENT,
            stateName: 'Busy',
            nextStateName: 'Lunch Break',
            hasLiveContact: true
        });
        ccpHandlers().onAgentChange();
        await flushPromises();
        await openDetails(element);

        expect(shownRows(element)['Current status'].text).toBe('Busy (next: Lunch Break)');
    });

    it('say the feature is off when the adapter has no active record', async () => {
        mockGetConfig.mockResolvedValue(softphoneConfig(undefined));
        const element = await renderSoftphone();
        await becomeReady();
        await openDetails(element);

        const rows = shownRows(element);
        expect(rows['Set status at session end'].text).toBe(
            'Off: adapter ACLightningAdapter has no active SetAgentStatusOnSessionEnd AC Feature record'
        );
        expect(rows['Status at session end']).toBeUndefined();
        expect(rows['At login']).toBeUndefined();
        expect(rows['Routing profile'].text).toBe('Tokyo Sales');
    });

    it('say the feature is off for this agent when the routing profile does not match', async () => {
        mockStreams.getAgentView.mockReturnValue({ ...SALES_AGENT, routingProfileName: 'Billing' });
        const element = await renderSoftphone();
        await becomeReady();
        await reportOutcome({
            at: SENT_AT,
            phase: 'initial',
            action: 'skipped',
            skippedBecause: 'profileNotMatched'
        });
        await openDetails(element);

        const rows = shownRows(element);
        expect(rows['Set status at session end'].text).toBe(
            'Off for this agent: the routing profile does not contain Sales or Support'
        );
        expect(rows['Routing profile'].text).toBe('Billing');
        expect(rows['At login'].text).toBe('Nothing sent: the routing profile does not match');
        expect(rows['At login'].meta).toMatch(SENT_TIME);
    });

    it('show the status sent at login, then that Connect confirmed it', async () => {
        const element = await renderSoftphone();
        await becomeReady();
        const sent: GuardOutcome = {
            at: SENT_AT,
            phase: 'initial',
            action: 'setState',
            statusName: 'Available'
        };
        await reportOutcome(sent);
        await openDetails(element);

        expect(shownRows(element)['At login'].text).toBe('Set to Available');
        expect(shownRows(element)['At login'].meta).toMatch(
            /AM · no answer from Amazon Connect yet$/
        );

        await reportOutcome({ ...sent, confirmed: true });

        const row = shownRows(element)['At login'];
        expect(row.meta).toMatch(SENT_TIME);
        expect(row.meta).toMatch(/ · confirmed by Amazon Connect$/);
    });

    it('still show what Sign Out sent after the agent is signed out', async () => {
        const signOutOutcome: GuardOutcome = {
            at: SENT_AT,
            phase: 'sessionEnd',
            reason: 'signOut',
            action: 'setState',
            statusName: 'Lunch Break'
        };
        guard.endSession.mockImplementation(() => {
            const { onOutcome } = guardOptions();
            onOutcome(signOutOutcome);
            onOutcome({ ...signOutOutcome, confirmed: false }); // Connect said no
            return signOutOutcome;
        });
        const element = await renderSoftphone();
        await becomeReady();

        (element.shadowRoot!.querySelector('[data-id="sign-out-button"]') as HTMLElement).click();
        await flushPromises();
        await flushPromises();

        expect(element.shadowRoot!.querySelector('[data-id="signed-out"]')).not.toBeNull();
        await openDetails(element);
        const rows = shownRows(element);
        expect(rows['At session end (Sign Out)'].text).toBe('Set to Lunch Break');
        expect(rows['At session end (Sign Out)'].meta).toMatch(/ · refused by Amazon Connect$/);
        expect(rows['Routing profile']).toBeUndefined(); // no live agent data once signed out
    });

    it('keep what the first session end sent when a later page event finds it ended', async () => {
        const element = await renderSoftphone();
        await becomeReady();
        await reportOutcome({
            at: SENT_AT,
            phase: 'sessionEnd',
            reason: 'beforeunload',
            action: 'enqueueNextState',
            statusName: 'Lunch Break'
        });
        await reportOutcome({
            at: SENT_AT + 1000,
            phase: 'sessionEnd',
            reason: 'pagehide',
            action: 'skipped',
            skippedBecause: 'alreadyEnded'
        });
        await openDetails(element);

        expect(shownRows(element)['At session end (leaving the page)'].text).toBe(
            'Lunch Break queued as the next status'
        );
        expect(shownRows(element)['At session end (page closed)']).toBeUndefined();
    });

    it('stay available when the CCP fails to load', async () => {
        const element = await renderSoftphone();
        ccpHandlers().onFailure('loadTimeout');
        await flushPromises();
        await openDetails(element);

        expect(element.shadowRoot!.querySelector('[data-id="error"]')).not.toBeNull();
        expect(shownRows(element)['Set status at session end'].text).toBe('On');
        expect(shownRows(element)['At login'].text).toBe('No status change yet');
    });

    it('are accessible when expanded', async () => {
        const element = await renderSoftphone();
        await becomeReady();
        await reportOutcome({
            at: SENT_AT,
            phase: 'initial',
            action: 'setState',
            statusName: 'Available',
            confirmed: true
        });
        const details = await openDetails(element);

        expect(details.open).toBe(true);
        await expect(element).toBeAccessible();
    });
});
