/**
 * The thin part of the session guard that acts: it feeds the page's events to the pure
 * `c/guardMachine` and carries out the commands it returns, against `c/streamsClient`,
 * `c/tabCoordinator` and the window. It is the only part of the guard that touches them.
 */
import type { SessionEndSettings } from 'c/featureValueParser';
import type { TabCoordinator } from 'c/tabCoordinator';
import { newId } from 'c/tabCoordinator';
import { isSalesforceLogout } from 'c/agentStatus';
import { initialGuardState, transition } from 'c/guardMachine';
import type {
    GuardCommand,
    GuardEvent,
    GuardOutcome,
    GuardState,
    GuardWarning,
    TabsView,
    TimerName
} from 'c/guardMachine';

/** The part of `c/streamsClient` the guard uses (the real module in the component and tests). */
export interface GuardStreams {
    getAgentView: (typeof import('c/streamsClient'))['getAgentView'];
    setAgentState: (typeof import('c/streamsClient'))['setAgentState'];
    signOut: (typeof import('c/streamsClient'))['signOut'];
}

export interface GuardRunnerOptions {
    settings: SessionEndSettings;
    streams: GuardStreams;
    target: Window;
    ccpUrl: string; // for Status:Logout, which signs out of the CCP
    onOutcome(outcome: GuardOutcome): void;
    onWarning(warning: GuardWarning): void;
    tabs?: TabCoordinator;
    isSessionActive?(): Promise<boolean>;
    onSignedOutElsewhere?(): void;
}

export interface GuardRunner {
    /** Decides the event and carries it out; returns the outcome it reported last, if any. */
    dispatch(event: GuardEvent): GuardOutcome | null;
    /** For tests and diagnostics: the machine's current state. */
    state(): GuardState;
}

export function startGuardRunner(options: GuardRunnerOptions): GuardRunner {
    const { streams, target, tabs } = options;
    let state = initialGuardState();
    const timers = new Map<TimerName, number>();
    const signOuts = new Map<string, Promise<boolean>>();
    // A command may call back into the guard (onSignedOutElsewhere stops it): events that arrive
    // while one is carried out wait for it, so every event sees the state the last one left.
    const queue: GuardEvent[] = [];
    let busy = false;
    let lastReported: GuardOutcome | null = null;

    const tabsView = (): TabsView | null => {
        if (!tabs) {
            return null;
        }
        const ids = tabs.liveTabIds();
        return {
            otherLiveTabs: ids.filter((id) => id !== tabs.tabId).length,
            isLeader: ids[0] === tabs.tabId,
            sessionEnd: tabs.readSessionEnd()
        };
    };

    const report = (outcome: GuardOutcome): void => {
        lastReported = outcome;
        options.onOutcome(outcome);
    };

    const signOut = (signOutId: string): Promise<boolean> => {
        let signedOut = signOuts.get(signOutId);
        if (!signedOut) {
            signedOut = streams.signOut(options.ccpUrl).then(
                () => true,
                () => false
            );
            signOuts.set(signOutId, signedOut);
        }
        return signedOut;
    };

    const setStatus = (command: Extract<GuardCommand, { type: 'setStatus' }>): void => {
        const { outcome, confirm } = command;
        const result = streams.setAgentState(command.state, command.enqueueNextState, (ok) => {
            dispatch({ type: 'changeAnswered', changeId: command.changeId, ok });
            const confirmed =
                confirm === 'answer'
                    ? Promise.resolve(ok)
                    : (signOuts.get(confirm.signOutId) ?? Promise.resolve(false)).then(
                          (signedOut) => signedOut && ok
                      );
            confirmed.then((value) => options.onOutcome({ ...outcome, confirmed: value }));
        });
        if (result === 'noAgent') {
            // Streams lost its agent since the view was read: nothing was sent.
            const { at, phase, reason } = outcome;
            report({
                at,
                phase,
                action: 'skipped',
                skippedBecause: 'noAgent',
                ...(reason ? { reason } : {})
            });
            return;
        }
        report(outcome);
    };

    const startTimer = (timer: TimerName, ms: number): void => {
        window.clearTimeout(timers.get(timer));
        // eslint-disable-next-line @lwc/lwc/no-async-operation -- the machine's timers: stay, grace, check, sign-out wait
        const id = window.setTimeout(() => {
            timers.delete(timer);
            dispatch({ type: 'timerFired', timer });
        }, ms);
        timers.set(timer, id);
    };
    const cancelTimer = (timer: TimerName): void => {
        window.clearTimeout(timers.get(timer));
        timers.delete(timer);
    };

    const checkSession = (checkId: string): void => {
        const check = options.isSessionActive;
        const answer = check ? check() : Promise.resolve(true);
        answer.then(
            (active) => dispatch({ type: 'sessionChecked', checkId, active: active === true }),
            () => dispatch({ type: 'sessionChecked', checkId, active: false })
        );
    };

    const execute = (command: GuardCommand): void => {
        switch (command.type) {
            case 'setStatus':
                return setStatus(command);
            case 'signOut': {
                const { confirm } = command;
                const signedOut = signOut(command.signOutId);
                if (confirm) {
                    signedOut.then((confirmed) => options.onOutcome({ ...confirm, confirmed }));
                }
                return undefined;
            }
            case 'report':
                return report(command.outcome);
            case 'warn':
                return options.onWarning(command.warning);
            case 'announce':
                return tabs?.announce(command.message);
            case 'writeSessionEnd':
                return tabs?.writeSessionEnd(command.record);
            case 'clearSessionEnd':
                return tabs?.clearSessionEnd(command.sessionEndId);
            case 'leaveTabs':
                return tabs?.leave();
            case 'rejoinTabs':
                return tabs?.rejoin();
            case 'startTimer':
                return startTimer(command.timer, command.ms);
            case 'cancelTimer':
                return cancelTimer(command.timer);
            case 'checkSession':
                return checkSession(command.checkId);
            case 'signedOutElsewhere':
                return options.onSignedOutElsewhere?.();
            case 'release':
                return release();
            default:
                return unknownCommand(command);
        }
    };

    function dispatch(event: GuardEvent): GuardOutcome | null {
        if (busy) {
            queue.push(event);
            return null;
        }
        busy = true;
        lastReported = null;
        try {
            const now = Date.now();
            const step = transition(state, event, {
                now,
                view: streams.getAgentView(),
                settings: options.settings,
                tabs: tabsView(),
                freshId: newId(now)
            });
            state = step.state;
            step.commands.forEach(execute);
        } finally {
            busy = false;
        }
        const outcome = lastReported;
        const next = queue.shift();
        if (next) {
            dispatch(next);
        }
        return outcome;
    }

    const onPageHide = (): void => {
        dispatch({ type: 'sessionEnd', reason: 'pagehide' });
    };
    const onBeforeUnload = (): void => {
        dispatch({ type: 'sessionEnd', reason: 'beforeunload' });
    };
    const onPageShow = (event: PageTransitionEvent): void => {
        if (event.persisted) {
            dispatch({ type: 'pageRestored' });
        }
    };
    // Salesforce's Log Out is a navigation to /secur/logout.jsp: the Navigation API names the
    // destination before the page unloads, so the other tabs can be told not to restore.
    const navigation = (target as Window & { navigation?: EventTarget }).navigation;
    const onNavigate = (event: Event): void => {
        const url = (event as Event & { destination?: { url?: string } }).destination?.url;
        if (url && isSalesforceLogout(url)) {
            dispatch({ type: 'navigatingToLogout' });
        }
    };
    const unsubscribe = tabs?.subscribe((message) => dispatch({ type: 'tabMessage', message }));
    target.addEventListener('pagehide', onPageHide);
    target.addEventListener('beforeunload', onBeforeUnload);
    target.addEventListener('pageshow', onPageShow);
    try {
        navigation?.addEventListener('navigate', onNavigate);
    } catch {
        // not reachable here (a sandbox may hide it): the session check still stops restores
    }

    function release(): void {
        target.removeEventListener('pagehide', onPageHide);
        target.removeEventListener('beforeunload', onBeforeUnload);
        target.removeEventListener('pageshow', onPageShow);
        try {
            navigation?.removeEventListener('navigate', onNavigate);
        } catch {
            // never added
        }
        unsubscribe?.();
        timers.forEach((id) => window.clearTimeout(id));
        timers.clear();
    }

    return { dispatch, state: () => state };
}

/** Every command type is carried out above; a new one fails to typecheck here. */
function unknownCommand(_command: never): void {
    // nothing to do
}
