import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { parseSessionEndValue } from 'c/featureValueParser';
import {
    STAY_DETECTION_MS,
    startSessionGuard,
    type GuardOutcome,
    type SessionGuard
} from 'c/sessionGuard';
import * as streamsClient from 'c/streamsClient';
import {
    installConnectMock,
    uninstallConnectMock,
    type ConnectControl,
    type ConnectMockOptions
} from '../../../../../test/jest-mocks/connect/connect';

const CCP_URL = 'https://example.my.connect.aws/ccp-v2/';

function flushPromises(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

interface Harness {
    control: ConnectControl;
    guard: SessionGuard;
    onOutcome: jest.Mock<(outcome: GuardOutcome) => void>;
    onWarning: jest.Mock;
}

let harness: Harness | null = null;

/** The real streamsClient against the Connect stand-in, the agent ready, the guard started. */
function start(value: string, connectOptions: ConnectMockOptions = {}): Harness {
    const control = installConnectMock({ initialStateName: 'Available', ...connectOptions });
    const container = document.createElement('div');
    document.body.appendChild(container);
    streamsClient.initCcp(
        container,
        { ccpUrl: CCP_URL, softphoneAllowFramed: true },
        { onAgentReady: jest.fn(), onAgentChange: jest.fn(), onFailure: jest.fn() }
    );
    control.agentReady();
    const onOutcome = jest.fn<(outcome: GuardOutcome) => void>();
    const onWarning = jest.fn();
    const guard = startSessionGuard({
        settings: parseSessionEndValue(value).settings,
        streams: streamsClient,
        target: window,
        ccpUrl: CCP_URL,
        onOutcome,
        onWarning
    });
    harness = { control, guard, onOutcome, onWarning };
    return harness;
}

function closePage(): void {
    window.dispatchEvent(new Event('beforeunload'));
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
}

function stateNames(control: ConnectControl): string[] {
    return control.setStateCalls.map((call) => call.stateName);
}

describe('c-session-guard', () => {
    afterEach(() => {
        harness?.guard.stop();
        harness = null;
        streamsClient.teardown();
        uninstallConnectMock();
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
        jest.useRealTimers();
    });

    describe('when the page goes away', () => {
        it('sets an Available agent Offline when the tab closes (pagehide)', () => {
            const { control, onOutcome } = start('Status:Offline');
            window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));

            expect(control.currentState().name).toBe('Offline');
            expect(onOutcome).toHaveBeenCalledWith(
                expect.objectContaining({
                    phase: 'sessionEnd',
                    reason: 'pagehide',
                    action: 'setState',
                    statusName: 'Offline'
                })
            );
        });

        it('changes the status once when beforeunload and pagehide both fire', () => {
            const { control, onOutcome } = start('');
            closePage();

            expect(control.setStateCalls).toEqual([
                {
                    stateName: 'Offline',
                    stateType: 'offline',
                    enqueueNextState: false,
                    result: 'applied'
                }
            ]);
            expect(
                onOutcome.mock.calls.map(([outcome]) => [
                    outcome.reason,
                    outcome.action,
                    outcome.skippedBecause
                ])
            ).toEqual([
                ['beforeunload', 'setState', undefined],
                ['pagehide', 'skipped', 'alreadyEnded']
            ]);
        });

        it("reports Connect's confirmation when the page lives to hear it", async () => {
            const { onOutcome } = start('');
            const first = harness!.guard.endSession('pagehide');
            expect(first.confirmed).toBeUndefined();

            await flushPromises();
            expect(onOutcome).toHaveBeenLastCalledWith({ ...first, confirmed: true });
        });

        it('does nothing when the agent is already in the status', () => {
            const { control, onOutcome } = start('', { initialStateName: 'Offline' });
            closePage();
            expect(control.setStateCalls).toHaveLength(0);
            expect(onOutcome.mock.calls[0][0]).toMatchObject({
                action: 'skipped',
                skippedBecause: 'alreadyInStatus'
            });
        });

        it('stops listening once stopped', () => {
            const { control, guard } = start('');
            guard.stop();
            closePage();
            expect(control.setStateCalls).toHaveLength(0);
        });
    });

    describe('when another beforeunload handler keeps the page (the user chose to stay)', () => {
        function leaveButStay(): void {
            window.dispatchEvent(new Event('beforeunload'));
        }

        it('gives the agent their status back once the page is still there', () => {
            jest.useFakeTimers();
            const { control, onOutcome } = start('');
            leaveButStay();
            expect(control.currentState().name).toBe('Offline');

            jest.advanceTimersByTime(STAY_DETECTION_MS - 1);
            expect(control.currentState().name).toBe('Offline');
            jest.advanceTimersByTime(1);
            expect(control.currentState().name).toBe('Available');
            expect(onOutcome).toHaveBeenCalledWith(
                expect.objectContaining({
                    phase: 'restore',
                    reason: 'beforeunload',
                    action: 'setState',
                    statusName: 'Available'
                })
            );
        });

        it('is armed again: leaving afterwards sets the agent Offline again', () => {
            jest.useFakeTimers();
            const { control } = start('');
            leaveButStay();
            jest.advanceTimersByTime(STAY_DETECTION_MS);
            closePage();
            expect(stateNames(control)).toEqual(['Offline', 'Available', 'Offline']);
        });

        it('restores nothing when the page does go (pagehide follows)', () => {
            jest.useFakeTimers();
            const { control } = start('');
            closePage();
            jest.advanceTimersByTime(STAY_DETECTION_MS * 2);
            expect(stateNames(control)).toEqual(['Offline']);
        });

        it('keeps a status the agent chose after staying', () => {
            jest.useFakeTimers();
            const { control } = start('');
            leaveButStay();
            control.setCurrentState('Lunch');
            jest.advanceTimersByTime(STAY_DETECTION_MS);
            expect(control.currentState().name).toBe('Lunch');
            expect(stateNames(control)).toEqual(['Offline']);
        });

        it('during a contact, replaces the queued Offline with the status the agent had', () => {
            jest.useFakeTimers();
            const { control } = start('');
            control.startContact();
            leaveButStay();
            expect(control.nextStateName()).toBe('Offline');

            jest.advanceTimersByTime(STAY_DETECTION_MS);
            expect(control.setStateCalls.at(-1)).toMatchObject({
                stateName: 'Available',
                enqueueNextState: true,
                result: 'enqueued'
            });
            control.endContact();
            expect(control.currentState().name).toBe('Available');
        });

        it('a session ended from pagehide alone starts no restore', () => {
            jest.useFakeTimers();
            const { control } = start('');
            window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
            jest.advanceTimersByTime(STAY_DETECTION_MS * 2);
            expect(stateNames(control)).toEqual(['Offline']);
        });
    });

    describe('during a live contact', () => {
        it('queues Offline as the next status; it applies when the call ends', () => {
            const { control, onOutcome } = start('');
            control.startContact();
            closePage();

            expect(control.setStateCalls).toEqual([
                {
                    stateName: 'Offline',
                    stateType: 'offline',
                    enqueueNextState: true,
                    result: 'enqueued'
                }
            ]);
            expect(onOutcome.mock.calls[0][0]).toMatchObject({
                action: 'enqueueNextState',
                statusName: 'Offline'
            });
            expect(control.currentState().name).toBe('Busy');

            control.endContact();
            expect(control.currentState().name).toBe('Offline');
        });

        it('queues it during after-contact work too', () => {
            const { control } = start('');
            control.startContact();
            control.enterAfterContactWork();
            closePage();
            expect(control.setStateCalls[0]).toMatchObject({
                enqueueNextState: true,
                result: 'enqueued'
            });
        });

        it('does not queue the status twice', async () => {
            const { control, onOutcome } = start('');
            control.startContact();
            streamsClient.setAgentState(
                { name: 'Offline', type: 'offline', arn: 'arn:aws:connect:state/offline' },
                true
            );
            await flushPromises();
            closePage();
            expect(control.setStateCalls).toHaveLength(1);
            expect(onOutcome.mock.calls[0][0]).toMatchObject({ skippedBecause: 'alreadyInStatus' });
        });
    });

    describe('Status:Logout', () => {
        it('on sign-out sets Offline first, then signs out of the CCP once Connect confirms', async () => {
            const { control, guard, onOutcome } = start('Status:Logout');
            const outcome = guard.endSession('signOut');
            expect(outcome).toMatchObject({
                action: 'logout',
                statusName: 'Offline',
                reason: 'signOut'
            });

            await flushPromises();
            expect(control.timeline).toEqual([
                {
                    kind: 'setState',
                    stateName: 'Offline',
                    enqueueNextState: false,
                    result: 'applied'
                },
                { kind: 'stateApplied', stateName: 'Offline', cause: 'setState' },
                {
                    kind: 'logout',
                    url: 'https://example.my.connect.aws/logout',
                    credentials: 'include'
                },
                { kind: 'terminate' }
            ]);
            expect(onOutcome).toHaveBeenLastCalledWith({ ...outcome, confirmed: true });
        });

        it('when the page closes, sends Offline and the logout at once', () => {
            const { control } = start('Status:Logout');
            control.holdAnswers(); // the page will not hear Connect's answer
            window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));

            expect(control.timeline.map((entry) => entry.kind)).toEqual([
                'setState',
                'stateApplied',
                'logout'
            ]);
        });

        it('after beforeunload, sets Offline at once but signs out only when the page goes', async () => {
            const { control } = start('Status:Logout');
            window.dispatchEvent(new Event('beforeunload'));
            await flushPromises(); // Connect's answer must not trigger the logout
            expect(control.timeline.map((entry) => entry.kind)).toEqual([
                'setState',
                'stateApplied'
            ]);

            window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
            expect(control.timeline.map((entry) => entry.kind)).toContain('logout');
        });

        it('a page that stays after beforeunload is not signed out and gets its status back', async () => {
            jest.useFakeTimers();
            const { control } = start('Status:Logout');
            window.dispatchEvent(new Event('beforeunload'));
            jest.advanceTimersByTime(STAY_DETECTION_MS);
            await Promise.resolve();
            expect(control.loggedOut()).toBe(false);
            expect(control.currentState().name).toBe('Available');
        });

        it('signs out at once if the page goes away while it waits for Connect', () => {
            const { control, guard } = start('Status:Logout');
            control.holdAnswers();
            guard.endSession('signOut');
            expect(control.timeline.map((entry) => entry.kind)).not.toContain('logout');

            window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
            expect(control.timeline.map((entry) => entry.kind)).toContain('logout');
        });

        it('signs out after a while even when Connect never answers', () => {
            jest.useFakeTimers();
            const { control, guard } = start('Status:Logout');
            control.holdAnswers();
            guard.endSession('signOut');
            jest.advanceTimersByTime(1999);
            expect(control.loggedOut()).toBe(false);
            jest.advanceTimersByTime(1);
            expect(control.timeline.map((entry) => entry.kind)).toContain('logout');
        });

        it('signs out an agent who is already Offline without another status change', async () => {
            const { control, guard } = start('Status:Logout', { initialStateName: 'Offline' });
            guard.endSession('signOut');
            await flushPromises();
            expect(control.setStateCalls).toHaveLength(0);
            expect(control.loggedOut()).toBe(true);
        });

        it('never logs out during a contact: queues Offline instead', async () => {
            const { control, onOutcome } = start('Status:Logout');
            control.startContact();
            closePage();
            await flushPromises();

            expect(control.setStateCalls).toEqual([
                {
                    stateName: 'Offline',
                    stateType: 'offline',
                    enqueueNextState: true,
                    result: 'enqueued'
                }
            ]);
            expect(control.loggedOut()).toBe(false);
            expect(onOutcome.mock.calls[0][0]).toMatchObject({ action: 'enqueueNextState' });
        });
    });

    describe('back/forward cache', () => {
        it('a page restored from the cache re-arms the guard and restores the initial status', () => {
            const { control, onOutcome } = start('');
            window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
            expect(control.currentState().name).toBe('Offline');

            window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
            expect(control.currentState().name).toBe('Available');
            expect(onOutcome).toHaveBeenLastCalledWith(
                expect.objectContaining({
                    phase: 'initial',
                    action: 'setState',
                    statusName: 'Available'
                })
            );

            closePage();
            expect(stateNames(control)).toEqual(['Offline', 'Available', 'Offline']);
        });

        it('restores the status also when Streams already showed the agent Offline', async () => {
            const { control } = start('');
            window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
            await flushPromises();
            window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
            expect(control.currentState().name).toBe('Available');
        });

        it('keeps a status the agent chose elsewhere while the page was away', () => {
            const { control } = start('');
            window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
            control.setCurrentState('Lunch');
            window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
            expect(control.currentState().name).toBe('Lunch');
            expect(stateNames(control)).toEqual(['Offline']);
        });

        it('an ordinary page show changes nothing', () => {
            const { control } = start('');
            window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: false }));
            expect(control.setStateCalls).toHaveLength(0);
        });
    });

    describe('IfProfileNameIncludes', () => {
        it('applies to an agent whose routing profile contains a listed text, in any case', () => {
            const { control } = start('IfProfileNameIncludes:support,sales', {
                routingProfileName: 'Tokyo Sales'
            });
            closePage();
            expect(stateNames(control)).toEqual(['Offline']);
        });

        it('leaves other agents alone, at session end and on load', () => {
            const { control, guard, onOutcome } = start('IfProfileNameIncludes:Sales', {
                routingProfileName: 'Support',
                initialStateName: 'Offline'
            });
            guard.applyInitialState();
            control.setCurrentState('Available');
            closePage();
            expect(control.setStateCalls).toHaveLength(0);
            expect(onOutcome.mock.calls.map(([outcome]) => outcome.skippedBecause)).toEqual([
                'profileNotMatched',
                'profileNotMatched',
                'alreadyEnded'
            ]);
        });
    });

    describe('IfCurrentAgentState', () => {
        it('applies when the current status is listed, in any case', () => {
            const { control } = start('Status:Offline\nIfCurrentAgentState:available,Lunch');
            closePage();
            expect(stateNames(control)).toEqual(['Offline']);
        });

        it('leaves an agent in another status alone', () => {
            const { control, onOutcome } = start('IfCurrentAgentState:Available', {
                initialStateName: 'Lunch'
            });
            closePage();
            expect(control.setStateCalls).toHaveLength(0);
            expect(onOutcome.mock.calls[0][0]).toMatchObject({ skippedBecause: 'stateNotMatched' });
        });

        it('matches the status the agent chose while a call shows them as Busy', () => {
            const { control } = start('IfCurrentAgentState:Available');
            control.startContact();
            closePage();
            expect(control.setStateCalls[0]).toMatchObject({
                stateName: 'Offline',
                result: 'enqueued'
            });
        });
    });

    describe('finding the status', () => {
        it.each([
            ['Status:lunch', 'Lunch'],
            ['Status:LUNCH', 'Lunch'],
            ['Status:退席中', '退席中']
        ])('%s sets %s', (value, expected) => {
            const { control, onWarning } = start(value);
            closePage();
            expect(stateNames(control)).toEqual([expected]);
            expect(onWarning).not.toHaveBeenCalled();
        });

        it('finds a renamed Offline by its type', () => {
            const { control } = start('Status:Offline', { offlineStateName: 'オフライン' });
            closePage();
            expect(control.currentState()).toMatchObject({ name: 'オフライン', type: 'offline' });
        });

        it('warns about an unknown status and sets Offline instead, never leaving the agent Available', () => {
            const { control, onWarning } = start('Status:Coffee', {
                offlineStateName: 'Signed off'
            });
            closePage();
            expect(onWarning).toHaveBeenCalledWith({
                code: 'unknownStatus',
                statusName: 'Coffee',
                fallbackName: 'Signed off'
            });
            expect(control.currentState().type).toBe('offline');
        });
    });

    describe('the initial status on load', () => {
        it('sets an agent who comes back Offline to Available', () => {
            const { control, guard } = start('', { initialStateName: 'Offline' });
            const outcome = guard.applyInitialState();
            expect(outcome).toMatchObject({
                phase: 'initial',
                action: 'setState',
                statusName: 'Available'
            });
            expect(control.currentState().name).toBe('Available');
        });

        it('uses InitialAgentState, and finds a renamed Available by its type', () => {
            const lunch = start('InitialAgentState:lunch', { initialStateName: 'Offline' });
            lunch.guard.applyInitialState();
            expect(lunch.control.currentState().name).toBe('Lunch');
            lunch.guard.stop();
            streamsClient.teardown();

            const renamed = start('', {
                initialStateName: 'Offline',
                availableStateName: '受付可能'
            });
            renamed.guard.applyInitialState();
            expect(renamed.control.currentState()).toMatchObject({
                name: '受付可能',
                type: 'routable'
            });
        });

        it('keeps a status the agent chose, such as Lunch', () => {
            const { control, guard } = start('', { initialStateName: 'Lunch' });
            expect(guard.applyInitialState()).toMatchObject({
                action: 'skipped',
                skippedBecause: 'notOffline'
            });
            expect(control.setStateCalls).toHaveLength(0);
        });

        it('does not touch an agent on a contact', () => {
            const { control, guard } = start('', { initialStateName: 'Offline' });
            control.startContact();
            expect(guard.applyInitialState()).toMatchObject({
                action: 'skipped',
                skippedBecause: 'liveContact'
            });
            expect(control.setStateCalls).toHaveLength(0);
        });

        it('warns about an unknown InitialAgentState and changes nothing', () => {
            const { control, guard, onWarning } = start('InitialAgentState:Training', {
                initialStateName: 'Offline'
            });
            expect(guard.applyInitialState()).toMatchObject({
                action: 'skipped',
                skippedBecause: 'unknownStatus'
            });
            expect(onWarning).toHaveBeenCalledWith({
                code: 'unknownStatus',
                statusName: 'Training'
            });
            expect(control.setStateCalls).toHaveLength(0);
            expect(control.currentState().name).toBe('Offline');
        });

        it('reports that there is no agent yet', () => {
            installConnectMock();
            const onOutcome = jest.fn();
            const guard = startSessionGuard({
                settings: parseSessionEndValue('').settings,
                streams: streamsClient,
                target: window,
                ccpUrl: CCP_URL,
                onOutcome,
                onWarning: jest.fn()
            });
            expect(guard.applyInitialState()).toMatchObject({
                action: 'skipped',
                skippedBecause: 'noAgent'
            });
            expect(guard.endSession('pagehide')).toMatchObject({
                action: 'skipped',
                skippedBecause: 'noAgent'
            });
            guard.stop();
        });
    });
});
