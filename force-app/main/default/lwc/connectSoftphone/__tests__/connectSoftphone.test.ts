import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { createElement } from 'lwc';
import ConnectSoftphone from 'c/connectSoftphone';
import getSoftphoneConfig from '@salesforce/apex/AcFeatureController.getSoftphoneConfig';
import refreshSoftphoneConfig from '@salesforce/apex/AcFeatureController.refreshSoftphoneConfig';
import isSessionActive from '@salesforce/apex/AcFeatureController.isSessionActive';
import * as streamsClient from 'c/streamsClient';
import type { CcpFailure, CcpHandlers, CcpSettings } from 'c/streamsClient';
import * as sessionGuard from 'c/sessionGuard';
import type { GuardOutcome, SessionGuard, SessionGuardOptions } from 'c/sessionGuard';
import { loadScript } from 'lightning/platformResourceLoader';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LABELS } from '../labels';
import { checkCcpUrl, parseCustomDomains } from 'c/ccpUrlPolicy';
import { resourceLoaderControl } from '../../../../../test/jest-mocks/lightning/platformResourceLoader';

jest.mock(
    '@salesforce/apex/AcFeatureController.getSoftphoneConfig',
    () => ({ default: jest.fn() }),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/AcFeatureController.refreshSoftphoneConfig',
    () => ({ default: jest.fn() }),
    { virtual: true }
);
jest.mock('@salesforce/apex/AcFeatureController.isSessionActive', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('c/streamsClient', () => ({
    isStreamsLoaded: jest.fn(),
    initCcp: jest.fn(),
    getAgentView: jest.fn(),
    setAgentState: jest.fn(),
    signOut: jest.fn(),
    openLogin: jest.fn(),
    teardown: jest.fn()
}));
// A short wait keeps the "Connect never answers" test on real timers (no fake-timer axe issues).
jest.mock('c/sessionGuard', () => ({ SIGN_OUT_WAIT_MS: 30, startSessionGuard: jest.fn() }));

// The Apex import is typed as a callable and a wire adapter; this test uses it as a callable.
const mockGetConfig = getSoftphoneConfig as unknown as jest.Mock<
    (params: { adapterName: string }) => Promise<AcFeatureController.SoftphoneConfig>
>;
const mockRefreshConfig = refreshSoftphoneConfig as unknown as typeof mockGetConfig;
const mockIsSessionActive = isSessionActive as unknown as jest.Mock<() => Promise<unknown>>;
const mockStreams = jest.mocked(streamsClient);
const mockStartGuard = jest.mocked(sessionGuard.startSessionGuard);

const CCP_URL = 'https://example.my.connect.aws/ccp-v2/';

function softphoneConfig(
    rawValue: string | null | undefined,
    adapterChanges: Partial<AcFeatureController.AdapterSettings> = {}
): AcFeatureController.SoftphoneConfig {
    return {
        adapter: {
            id: 'a00000000000001AAA',
            name: 'ACLightningAdapter',
            ccpUrl: CCP_URL,
            samlLoginUrl: null,
            region: 'ap-northeast-1',
            allowFramedSoftphone: true,
            ccpLoadTimeoutSeconds: null,
            ...adapterChanges
        },
        // undefined = no active feature record (the feature is off)
        feature:
            rawValue === undefined
                ? null
                : { id: 'a01000000000001AAA', name: 'SetAgentStatusOnSessionEnd', rawValue }
    };
}

function fakeGuard(): jest.Mocked<SessionGuard> {
    const skipped: GuardOutcome = { at: 0, phase: 'initial', action: 'skipped' };
    return {
        applyInitialState: jest.fn(() => skipped),
        endSession: jest.fn(() => skipped),
        beforeSignOut: jest.fn(() => skipped),
        agentChanged: jest.fn(),
        stop: jest.fn()
    };
}

// Resolves pending promises and lets the component re-render.
function flushPromises(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

async function renderSoftphone(props: { adapterName?: string; height?: number } = {}) {
    const element = createElement('c-connect-softphone', { is: ConnectSoftphone });
    Object.assign(element, props);
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

function query(element: HTMLElement, dataId: string): HTMLElement & Record<string, unknown> {
    return element.shadowRoot!.querySelector(`[data-id="${dataId}"]`) as HTMLElement &
        Record<string, unknown>;
}

/** What the component gave the last initCcp call. */
function lastCcpStart(): { container: HTMLElement; settings: CcpSettings; handlers: CcpHandlers } {
    const [container, settings, handlers] = mockStreams.initCcp.mock.calls.at(-1)!;
    return { container, settings, handlers };
}

function guardOptions(): SessionGuardOptions {
    return mockStartGuard.mock.calls.at(-1)![0];
}

async function becomeReady(): Promise<void> {
    lastCcpStart().handlers.onAgentReady();
    await flushPromises();
}

function errorMessage(element: HTMLElement): string {
    return query(element, 'error-message')?.textContent ?? '';
}

describe('c-connect-softphone', () => {
    let guard: jest.Mocked<SessionGuard>;

    beforeEach(() => {
        guard = fakeGuard();
        mockStartGuard.mockImplementation(() => guard);
        mockGetConfig.mockResolvedValue(softphoneConfig('Status:Offline'));
        mockRefreshConfig.mockResolvedValue(softphoneConfig('Status:Offline'));
        mockStreams.isStreamsLoaded.mockReturnValue(true);
        mockStreams.getAgentView.mockReturnValue(null);
        mockStreams.signOut.mockResolvedValue(undefined);
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        resourceLoaderControl.resetMock();
        jest.clearAllMocks();
    });

    describe('while it starts', () => {
        it('shows a labelled spinner and keeps the hidden CCP container in the page', async () => {
            resourceLoaderControl.holdLoads();
            const element = await renderSoftphone();

            const spinner = element.shadowRoot!.querySelector('lightning-spinner') as unknown as {
                alternativeText: string;
            };
            expect(spinner.alternativeText).toBe('Loading the Amazon Connect softphone');
            const container = query(element, 'ccp-container');
            expect(container).not.toBeNull();
            expect(container.getAttribute('aria-hidden')).toBe('true');
            expect(container.classList).toContain('ccp_hidden');
            await expect(element).toBeAccessible();
        });

        it('loads Streams from its static resource and reads the named adapter', async () => {
            await renderSoftphone({ adapterName: 'TokyoAdapter' });

            expect(loadScript).toHaveBeenCalledWith(expect.anything(), 'AmazonConnectStreams');
            expect(mockGetConfig).toHaveBeenCalledWith({ adapterName: 'TokyoAdapter' });
        });

        it('starts the CCP in its container with the adapter settings', async () => {
            mockGetConfig.mockResolvedValue(
                softphoneConfig('', {
                    samlLoginUrl: 'https://idp.example.com/saml',
                    ccpLoadTimeoutSeconds: 12,
                    allowFramedSoftphone: false,
                    region: null
                })
            );
            const element = await renderSoftphone();

            const { container, settings } = lastCcpStart();
            expect(container).toBe(query(element, 'ccp-container'));
            expect(settings).toEqual({
                ccpUrl: CCP_URL,
                loginUrl: 'https://idp.example.com/saml',
                softphoneAllowFramed: false,
                ccpLoadTimeoutMs: 12000
            });
        });
    });

    describe('when the agent is signed in', () => {
        it('shows the CCP at the configured height with a Sign Out button', async () => {
            const element = await renderSoftphone({ height: 640 });
            await becomeReady();

            const container = query(element, 'ccp-container');
            expect(container.getAttribute('aria-hidden')).toBe('false');
            expect(container.classList).not.toContain('ccp_hidden');
            expect(container.style.height).toBe('640px');
            expect(query(element, 'sign-out-button').label).toBe('Sign Out');
            expect(element.shadowRoot!.querySelector('lightning-spinner')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('applies the initial status once the agent data arrives', async () => {
            await renderSoftphone();
            expect(guard.applyInitialState).not.toHaveBeenCalled();

            await becomeReady();

            expect(guard.applyInitialState).toHaveBeenCalledTimes(1);
        });

        it('disables Sign Out while a contact is live', async () => {
            const element = await renderSoftphone();
            await becomeReady();
            mockStreams.getAgentView.mockReturnValue({
                stateName: 'Busy',
                stateType: 'not_routable',
                availabilityStateName: 'Available',
                nextStateName: null,
                routingProfileName: 'Basic',
                hasLiveContact: true,
                states: []
            });

            lastCcpStart().handlers.onAgentChange();
            await flushPromises();

            expect(query(element, 'sign-out-button').disabled).toBe(true);
        });
    });

    describe('when the agent must sign in', () => {
        it('explains why and opens the Amazon Connect login from the Sign In button', async () => {
            const element = await renderSoftphone();
            lastCcpStart().handlers.onFailure('authFail');
            await flushPromises();

            expect(query(element, 'sign-in').textContent).toContain(
                "You aren't signed in to Amazon Connect."
            );
            query(element, 'sign-in-button').click();

            expect(mockStreams.openLogin).toHaveBeenCalledWith(lastCcpStart().settings);
            expect(query(element, 'ccp-container').getAttribute('aria-hidden')).toBe('true');
            await expect(element).toBeAccessible();
        });

        it('shows the softphone once the agent has signed in', async () => {
            const element = await renderSoftphone();
            lastCcpStart().handlers.onFailure('authFail');
            await flushPromises();

            await becomeReady();

            expect(query(element, 'sign-in')).toBeNull();
            expect(query(element, 'sign-out-button')).not.toBeNull();
        });
    });

    describe('when something fails', () => {
        const ccpFailures: Array<[CcpFailure, string]> = [
            ['loadTimeout', "didn't load in time"],
            ['iframeRetriesExhausted', 'stopped responding after several attempts']
        ];
        it.each(ccpFailures)(
            'says the CCP failed (%s) and Retry starts it again',
            async (failure, expected) => {
                const element = await renderSoftphone();
                lastCcpStart().handlers.onFailure(failure);
                await flushPromises();

                expect(errorMessage(element)).toContain(expected);
                expect(mockStreams.teardown).toHaveBeenCalledTimes(1);
                await expect(element).toBeAccessible();

                query(element, 'retry-button').click();
                await flushPromises();
                expect(mockStreams.initCcp).toHaveBeenCalledTimes(2);
                await becomeReady();
                expect(query(element, 'error')).toBeNull();
                expect(query(element, 'sign-out-button')).not.toBeNull();
            }
        );

        it('shows the Apex message when the adapter is not found, and Retry asks again', async () => {
            mockGetConfig.mockRejectedValueOnce({
                body: {
                    message:
                        'No AC CTI Adapter named Missing is visible to you. Check the name in App Builder.'
                },
                status: 500
            });
            const element = await renderSoftphone({ adapterName: 'Missing' });

            expect(errorMessage(element)).toBe(
                'The settings of the AC CTI Adapter "Missing" couldn\'t be read: ' +
                    'No AC CTI Adapter named Missing is visible to you. Check the name in App Builder.'
            );
            expect(mockStreams.initCcp).not.toHaveBeenCalled();
            await expect(element).toBeAccessible();

            query(element, 'retry-button').click();
            await flushPromises();

            // Retry reads the records again, not the cached answer of the first load.
            expect(mockGetConfig).toHaveBeenCalledTimes(1);
            expect(mockRefreshConfig).toHaveBeenCalledWith({ adapterName: 'Missing' });
            expect(mockStreams.initCcp).toHaveBeenCalledTimes(1);
        });

        it('says the Streams static resource could not be loaded, and Retry loads it again', async () => {
            resourceLoaderControl.failLoads({ type: 'error' }); // a failed <script> gives no message
            const element = await renderSoftphone();

            expect(errorMessage(element)).toBe(
                'The Amazon Connect Streams library (static resource AmazonConnectStreams) ' +
                    "couldn't be loaded: No details were given."
            );
            expect(mockStreams.initCcp).not.toHaveBeenCalled();
            await expect(element).toBeAccessible();

            resourceLoaderControl.releaseLoads();
            query(element, 'retry-button').click();
            await flushPromises();

            expect(loadScript).toHaveBeenCalledTimes(2);
            expect(mockStreams.initCcp).toHaveBeenCalledTimes(1);
        });

        it('treats a resource that defines no Streams as a failed load', async () => {
            mockStreams.isStreamsLoaded.mockReturnValue(false);
            const element = await renderSoftphone();

            expect(errorMessage(element)).toContain('static resource AmazonConnectStreams');
        });

        it('names the adapter when it has no CCP URL', async () => {
            mockGetConfig.mockResolvedValue(softphoneConfig(undefined, { ccpUrl: null }));
            const element = await renderSoftphone();

            expect(errorMessage(element)).toBe(
                'The AC CTI Adapter "ACLightningAdapter" has no CCP URL. Ask your admin to enter it.'
            );
        });

        it('shows why the CCP could not start', async () => {
            mockStreams.initCcp.mockImplementationOnce(() => {
                throw new Error('Invalid URL');
            });
            const element = await renderSoftphone();

            expect(errorMessage(element)).toBe(
                "The contact control panel (CCP) couldn't start: Invalid URL"
            );
            expect(guard.stop).toHaveBeenCalled();
        });
    });

    describe('an adapter URL outside the URL policy', () => {
        interface PolicyCase {
            field: string;
            input: string;
            customDomains?: string;
            expect: string;
        }
        const table = JSON.parse(
            readFileSync(
                join(__dirname, '../../ccpUrlPolicy/__tests__/data/urlPolicyCases.json'),
                'utf8'
            )
        ) as { cases: PolicyCase[] };
        const refusedCcpUrls = table.cases
            .filter((c) => c.field === 'ccpUrl' && !['allowed', 'blank'].includes(c.expect))
            .map((c): [string, string, PolicyCase] => [c.expect, c.input, c]);

        function detailsRow(element: HTMLElement, term: string): string | undefined {
            const rows = [...element.shadowRoot!.querySelectorAll('[data-id="details-row"]')];
            const row = rows.find(
                (candidate) =>
                    candidate.querySelector('[data-id="details-term"]')?.textContent === term
            );
            return row?.querySelector('[data-id="details-text"]')?.textContent?.trim();
        }

        it.each(refusedCcpUrls)(
            'refuses a CCP URL (%s: %s) with no iframe, names the field to fix, and Details names the rule',
            async (rule, input, testCase) => {
                mockGetConfig.mockResolvedValue(
                    softphoneConfig('Status:Offline', {
                        ccpUrl: input,
                        customCcpDomains: testCase.customDomains ?? null
                    })
                );
                const element = await renderSoftphone();

                expect(mockStreams.initCcp).not.toHaveBeenCalled();
                expect(mockStartGuard).not.toHaveBeenCalled();
                expect(errorMessage(element)).toBe(
                    'The Amazon Connect CCP URL of the AC CTI Adapter ACLightningAdapter is not an ' +
                        'address the softphone may open, so nothing was opened. Ask your Salesforce ' +
                        'admin to correct the Amazon Connect CCP URL field on that adapter record; ' +
                        'Details says which rule it breaks.'
                );
                const why = detailsRow(element, 'Why Amazon Connect CCP URL was refused');
                const refusal = checkCcpUrl(input, parseCustomDomains(testCase.customDomains));
                const host = refusal.verdict === 'refused' ? (refusal.host ?? '') : '';
                const expectedPath =
                    refusal.verdict === 'refused' ? (refusal.expectedPath ?? '') : '';
                const expectedRule: Record<string, string> = {
                    notAUrl: LABELS.urlRuleNotAUrl,
                    notHttps: LABELS.urlRuleNotHttps,
                    hasCredentials: LABELS.urlRuleHasCredentials,
                    hasQueryOrFragment: LABELS.urlRuleHasQueryOrFragment,
                    hasPort: LABELS.urlRuleHasPort,
                    notConnectDomain: `Its host ${host} is not an Amazon Connect domain (<instance>.my.connect.aws, <instance>.govcloud.connect.aws or <instance>.awsapps.com) and is not listed in the adapter's Custom CCP Domains.`,
                    notCcpPath: `It is not the Contact Control Panel: on ${host} the CCP is at ${expectedPath}.`
                };
                expect(why).toBe(expectedRule[rule]);
                expect(query(element, 'retry-button')).not.toBeNull();
            }
        );

        it('is accessible while it shows a refused URL', async () => {
            mockGetConfig.mockResolvedValue(
                softphoneConfig('', { ccpUrl: 'http://evil.example.com/ccp-v2/' })
            );
            const element = await renderSoftphone();
            (query(element, 'details') as unknown as HTMLDetailsElement).open = true;
            await flushPromises();
            await expect(element).toBeAccessible();
        });

        it('refuses a SAML login URL that is not https and names that field', async () => {
            mockGetConfig.mockResolvedValue(
                softphoneConfig('', { samlLoginUrl: 'http://idp.example.com/sso' })
            );
            const element = await renderSoftphone();

            expect(mockStreams.initCcp).not.toHaveBeenCalled();
            expect(errorMessage(element)).toContain(
                'Ask your Salesforce admin to correct the SAML Login URL field'
            );
            expect(detailsRow(element, 'Why SAML Login URL was refused')).toBe(
                LABELS.urlRuleNotHttps
            );
        });

        it('opens a CCP on a custom domain the adapter lists, at the normalized address', async () => {
            mockGetConfig.mockResolvedValue(
                softphoneConfig('', {
                    ccpUrl: 'https://CCP.Example.co.jp/connect/ccp-v2',
                    customCcpDomains: 'other.example.com, ccp.example.co.jp'
                })
            );
            await renderSoftphone();

            expect(lastCcpStart().settings.ccpUrl).toBe(
                'https://ccp.example.co.jp/connect/ccp-v2/'
            );
        });

        it('opens the CCP once the admin fixed the record and the agent pressed Retry', async () => {
            mockGetConfig.mockResolvedValue(
                softphoneConfig('', { ccpUrl: 'https://evil.example.com/ccp-v2/' })
            );
            // The cacheable read would still give the old record: only a fresh read sees the fix.
            mockRefreshConfig.mockResolvedValue(softphoneConfig(''));
            const element = await renderSoftphone();
            expect(mockStreams.initCcp).not.toHaveBeenCalled();

            query(element, 'retry-button').click();
            await flushPromises();

            expect(mockRefreshConfig).toHaveBeenCalledTimes(1);
            expect(lastCcpStart().settings.ccpUrl).toBe(CCP_URL);
            await becomeReady();
            expect(query(element, 'error')).toBeNull();
        });
    });

    describe('a CCP that never answers', () => {
        it('gives Streams a load timeout that cannot outlast the 55 s deadline', async () => {
            mockGetConfig.mockResolvedValue(softphoneConfig('', { ccpLoadTimeoutSeconds: 999 }));
            await renderSoftphone();

            const timeout = lastCcpStart().settings.ccpLoadTimeoutMs ?? 0;
            expect(timeout).toBeGreaterThan(50000);
            expect(timeout).toBeLessThanOrEqual(55000);
        });

        it('leaves Streams its own default when the adapter sets no timeout', async () => {
            await renderSoftphone();
            expect(lastCcpStart().settings.ccpLoadTimeoutMs).toBeUndefined();
        });

        it('ends "Loading…" with the load-timeout error and Retry 55 s after it started, whatever hangs', async () => {
            jest.useFakeTimers();
            try {
                mockGetConfig.mockReturnValue(new Promise(() => {})); // Apex never answers either
                const element = createElement('c-connect-softphone', { is: ConnectSoftphone });
                document.body.appendChild(element);
                await jest.advanceTimersByTimeAsync(54000);
                expect(query(element, 'error')).toBeNull();

                await jest.advanceTimersByTimeAsync(1000);
                expect(errorMessage(element)).toBe(LABELS.errorLoadTimeout);
                expect(query(element, 'retry-button')).not.toBeNull();
            } finally {
                jest.useRealTimers();
            }
        });
    });

    describe('settings that need attention', () => {
        it('lists each malformed line of the Value with its line number, without blocking', async () => {
            mockGetConfig.mockResolvedValue(
                softphoneConfig('Stauts:Offline\nSessionEndTimer:soon\nOffline')
            );
            const element = await renderSoftphone();
            await becomeReady();

            const notice = element.shadowRoot!.querySelector('[role="status"]')!;
            expect(notice.querySelector('summary')!.textContent).toBe(
                'The softphone settings need attention (3)'
            );
            const items = Array.from(notice.querySelectorAll('[data-id="notice"]')).map(
                (item) => item.textContent
            );
            expect(items).toEqual([
                'Line 1: "Stauts" is not a known setting and is ignored. Did you mean "Status"?',
                'Line 2: "SessionEndTimer" must be a whole number of seconds, not "soon"; the default applies.',
                'Line 3: "Offline" is not written as Key:Value and is ignored.'
            ]);
            expect(query(element, 'notices').hasAttribute('open')).toBe(false);
            expect(query(element, 'sign-out-button')).not.toBeNull();
            await expect(element).toBeAccessible();
        });

        it('adds the session guard warning about an unknown status', async () => {
            mockGetConfig.mockResolvedValue(softphoneConfig('Status:Lunch Break'));
            const element = await renderSoftphone();

            guardOptions().onWarning({
                code: 'unknownStatus',
                statusName: 'Lunch Break',
                fallbackName: 'Offline'
            });
            await flushPromises();

            expect(query(element, 'notice').textContent).toBe(
                'Amazon Connect has no status named "Lunch Break"; "Offline" is used instead.'
            );
        });

        it('shows no notice for a valid Value', async () => {
            const element = await renderSoftphone();

            expect(element.shadowRoot!.querySelector('[role="status"]')).toBeNull();
        });
    });

    describe('the SetAgentStatusOnSessionEnd feature', () => {
        it('starts the session guard with the parsed settings when the feature is active', async () => {
            mockGetConfig.mockResolvedValue(softphoneConfig('Status:Logout\nSessionEndTimer:0'));
            await renderSoftphone();

            const options = guardOptions();
            expect(options.settings.sessionEndStatus).toEqual({ kind: 'logout' });
            expect(options.settings.sessionEndTimerSeconds).toBe(0);
            expect(options.streams.initCcp).toBe(mockStreams.initCcp);
            expect(options.target).toBe(window);
            expect(options.ccpUrl).toBe(CCP_URL);
        });

        it('does not start the guard when no active feature record exists', async () => {
            mockGetConfig.mockResolvedValue(softphoneConfig(undefined));
            const element = await renderSoftphone();
            await becomeReady();

            expect(mockStartGuard).not.toHaveBeenCalled();
            expect(mockStreams.initCcp).toHaveBeenCalledTimes(1);
            expect(query(element, 'sign-out-button')).not.toBeNull();
        });
    });

    describe('signing out', () => {
        it('signs out directly when the feature is off', async () => {
            mockGetConfig.mockResolvedValue(softphoneConfig(undefined));
            const element = await renderSoftphone();
            await becomeReady();

            query(element, 'sign-out-button').click();
            await flushPromises();

            expect(mockStreams.signOut).toHaveBeenCalledWith(CCP_URL);
            expect(query(element, 'signed-out').textContent).toContain(
                "You're signed out of Amazon Connect."
            );
            expect(mockStreams.teardown).toHaveBeenCalledTimes(1);
            await expect(element).toBeAccessible();
        });

        it('sets the session-end status first and signs out once Connect confirms it', async () => {
            const element = await renderSoftphone();
            await becomeReady();
            const sent: GuardOutcome = {
                at: 1,
                phase: 'sessionEnd',
                reason: 'signOut',
                action: 'setState',
                statusName: 'Offline'
            };
            guard.endSession.mockReturnValue(sent);

            query(element, 'sign-out-button').click();
            expect(guard.endSession).toHaveBeenCalledWith('signOut');
            expect(mockStreams.signOut).not.toHaveBeenCalled();

            guardOptions().onOutcome({ ...sent, confirmed: true });
            await flushPromises();

            expect(mockStreams.signOut).toHaveBeenCalledWith(CCP_URL);
            expect(query(element, 'signed-out')).not.toBeNull();
        });

        it('signs out anyway when Connect does not answer in time', async () => {
            const element = await renderSoftphone();
            await becomeReady();
            guard.endSession.mockReturnValue({
                at: 1,
                phase: 'sessionEnd',
                reason: 'signOut',
                action: 'setState',
                statusName: 'Offline'
            });

            query(element, 'sign-out-button').click();
            await new Promise((resolve) => setTimeout(resolve, 50)); // longer than SIGN_OUT_WAIT_MS

            expect(mockStreams.signOut).toHaveBeenCalledWith(CCP_URL);
            expect(query(element, 'signed-out')).not.toBeNull();
        });

        it('leaves the sign-out to the guard for Status:Logout', async () => {
            const element = await renderSoftphone();
            await becomeReady();
            const loggingOut: GuardOutcome = {
                at: 1,
                phase: 'sessionEnd',
                reason: 'signOut',
                action: 'logout',
                statusName: 'Offline'
            };
            guard.endSession.mockReturnValue(loggingOut);

            query(element, 'sign-out-button').click();
            guardOptions().onOutcome({ ...loggingOut, confirmed: true });
            await flushPromises();

            expect(mockStreams.signOut).not.toHaveBeenCalled();
            expect(query(element, 'signed-out')).not.toBeNull();
        });

        it('tells the other tabs once it has signed out, so that their softphones follow', async () => {
            mockGetConfig.mockResolvedValue(softphoneConfig('Status:Offline'));
            await renderSoftphone();
            await becomeReady();
            const tabs = guardOptions().tabs!;
            const announce = jest.spyOn(tabs, 'announce');
            guard.endSession.mockReturnValue({
                at: 1,
                phase: 'sessionEnd',
                reason: 'signOut',
                action: 'skipped',
                skippedBecause: 'alreadyInStatus'
            });
            const element = document.body.querySelector('c-connect-softphone') as HTMLElement;

            query(element, 'sign-out-button').click();
            await flushPromises();

            expect(mockStreams.signOut).toHaveBeenCalledWith(CCP_URL);
            expect(announce).toHaveBeenCalledWith({ type: 'signOut' });
            expect(mockStreams.signOut.mock.invocationCallOrder[0]).toBeLessThan(
                announce.mock.invocationCallOrder[0]
            );
        });

        it('shows the signed-out state when the softphone of another tab signed out', async () => {
            const element = await renderSoftphone();
            await becomeReady();

            guardOptions().onSignedOutElsewhere!();
            await flushPromises();

            expect(query(element, 'signed-out')).not.toBeNull();
            expect(mockStreams.teardown).toHaveBeenCalledTimes(1);
            expect(guard.stop).toHaveBeenCalled();
        });

        it('asks Apex whether the Salesforce session is still valid; a failed call reaches the guard as a failure', async () => {
            await renderSoftphone();
            const check = guardOptions().isSessionActive!;

            mockIsSessionActive.mockResolvedValue(true);
            await expect(check()).resolves.toBe(true);
            mockIsSessionActive.mockRejectedValue({ status: 401, body: { message: 'expired' } });
            await expect(check()).rejects.toBeTruthy();
        });

        it('shows why signing out failed', async () => {
            mockGetConfig.mockResolvedValue(softphoneConfig(undefined));
            mockStreams.signOut.mockRejectedValue(new Error('Amazon Connect logout answered 503'));
            const element = await renderSoftphone();
            await becomeReady();

            query(element, 'sign-out-button').click();
            await flushPromises();

            expect(errorMessage(element)).toBe(
                'Signing out of Amazon Connect failed: Amazon Connect logout answered 503'
            );
        });

        it('shows the signed-out state when the CCP ends in another tab, and signs in again', async () => {
            const element = await renderSoftphone();
            await becomeReady();

            lastCcpStart().handlers.onFailure('terminated');
            await flushPromises();
            expect(query(element, 'signed-out')).not.toBeNull();
            expect(guard.stop).toHaveBeenCalled();

            query(element, 'sign-in-again-button').click();
            await flushPromises();

            expect(mockStreams.initCcp).toHaveBeenCalledTimes(2);
        });
    });

    it('removes every listener when it leaves the page and ignores later CCP events', async () => {
        const element = await renderSoftphone();
        const { handlers } = lastCcpStart();

        document.body.removeChild(element);
        handlers.onAgentReady();
        await flushPromises();

        expect(guard.stop).toHaveBeenCalledTimes(1);
        expect(mockStreams.teardown).toHaveBeenCalledTimes(1);
        expect(guard.applyInitialState).not.toHaveBeenCalled();
    });

    describe('its words', () => {
        const metadata = join(__dirname, '../../../');

        function labelNames(file: string, element: 'fullName' | 'name'): string[] {
            const xml = readFileSync(join(metadata, file), 'utf8');
            return Array.from(xml.matchAll(new RegExp(`<${element}>([^<]+)</${element}>`, 'g')))
                .map((match) => match[1])
                .sort();
        }

        it('come from Custom Labels that exist in the labels metadata', () => {
            // A label missing from the metadata would reach the user as its path ("c.Name").
            const missing = Object.values(LABELS).filter((text) => text.startsWith('c.'));
            expect(missing).toEqual([]);
        });

        it('are all translated into Japanese', () => {
            expect(labelNames('translations/ja.translation-meta.xml', 'name')).toEqual(
                labelNames('labels/CustomLabels.labels-meta.xml', 'fullName')
            );
        });
    });
});
