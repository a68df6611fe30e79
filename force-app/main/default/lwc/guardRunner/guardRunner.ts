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

type Dispatch = (event: GuardEvent) => GuardOutcome | null;

export function startGuardRunner(options: GuardRunnerOptions): GuardRunner {
    const { streams, tabs } = options;
    let state = initialGuardState();
    // A command may call back into the guard (onSignedOutElsewhere stops it): events that arrive
    // while one is carried out wait for it, so every event sees the state the last one left.
    const queue: GuardEvent[] = [];
    let busy = false;
    let lastReported: GuardOutcome | null = null;
    const report = (outcome: GuardOutcome): void => {
        lastReported = outcome;
        options.onOutcome(outcome);
    };

    const dispatch: Dispatch = (event) => {
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
                tabs: tabsView(tabs),
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
    };

    const timers = startTimers(dispatch);
    const removeListeners = listenToPage(options.target, tabs, dispatch);
    const execute = commandExecutor(options, dispatch, report, timers, () => {
        removeListeners();
        timers.cancelAll();
    });
    return { dispatch, state: () => state };
}

/** What this browser's tabs know, read just before each event is decided. */
function tabsView(tabs: TabCoordinator | undefined): TabsView | null {
    if (!tabs) {
        return null;
    }
    const ids = tabs.liveTabIds();
    return {
        otherLiveTabs: ids.filter((id) => id !== tabs.tabId).length,
        isLeader: ids[0] === tabs.tabId,
        sessionEnd: tabs.readSessionEnd()
    };
}

interface Timers {
    start(timer: TimerName, ms: number): void; // restarts a running one
    cancel(timer: TimerName): void;
    cancelAll(): void;
}

/** One window timer per name; a timer that fires becomes a `timerFired` event. */
function startTimers(dispatch: Dispatch): Timers {
    const running = new Map<TimerName, number>();
    const cancel = (timer: TimerName): void => {
        window.clearTimeout(running.get(timer));
        running.delete(timer);
    };
    return {
        start(timer, ms) {
            cancel(timer);
            // eslint-disable-next-line @lwc/lwc/no-async-operation -- the machine's timers: stay, grace, check, sign-out wait, resume
            const id = window.setTimeout(() => {
                running.delete(timer);
                dispatch({ type: 'timerFired', timer });
            }, ms);
            running.set(timer, id);
        },
        cancel,
        cancelAll() {
            running.forEach((id) => window.clearTimeout(id));
            running.clear();
        }
    };
}

/** The page's events as the machine's; returns what removes the listeners. */
function listenToPage(
    target: Window,
    tabs: TabCoordinator | undefined,
    dispatch: Dispatch
): () => void {
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
    return () => {
        target.removeEventListener('pagehide', onPageHide);
        target.removeEventListener('beforeunload', onBeforeUnload);
        target.removeEventListener('pageshow', onPageShow);
        try {
            navigation?.removeEventListener('navigate', onNavigate);
        } catch {
            // never added
        }
        unsubscribe?.();
    };
}

/** Carries out one command; Connect's, Apex's and the sign-out's answers come back as events. */
function commandExecutor(
    options: GuardRunnerOptions,
    dispatch: Dispatch,
    report: (outcome: GuardOutcome) => void,
    timers: Timers,
    release: () => void
): (command: GuardCommand) => void {
    const { streams, tabs } = options;
    const signOuts = new Map<string, Promise<boolean>>();
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
    const confirm = (outcome: GuardOutcome, confirmed: Promise<boolean>): void => {
        confirmed.then((value) => options.onOutcome({ ...outcome, confirmed: value }));
    };

    const setStatus = (command: Extract<GuardCommand, { type: 'setStatus' }>): void => {
        const { outcome } = command;
        const result = streams.setAgentState(command.state, command.enqueueNextState, (ok) => {
            dispatch({ type: 'changeAnswered', changeId: command.changeId, ok });
            const signedOut =
                command.confirm === 'answer'
                    ? Promise.resolve(true)
                    : (signOuts.get(command.confirm.signOutId) ?? Promise.resolve(false));
            confirm(
                outcome,
                signedOut.then((done) => done && ok)
            );
        });
        if (result === 'noAgent') {
            // Streams lost its agent since the view was read: nothing was sent.
            const { at, phase, reason } = outcome;
            const skipped: GuardOutcome = {
                at,
                phase,
                action: 'skipped',
                skippedBecause: 'noAgent'
            };
            report(reason ? { ...skipped, reason } : skipped);
            return;
        }
        report(outcome);
    };

    const checkSession = (checkId: string): void => {
        const answer = options.isSessionActive ? options.isSessionActive() : Promise.resolve(true);
        answer.then(
            (active) => dispatch({ type: 'sessionChecked', checkId, active: active === true }),
            () => dispatch({ type: 'sessionChecked', checkId, active: false })
        );
    };

    return (command) => {
        switch (command.type) {
            case 'setStatus':
                return setStatus(command);
            case 'signOut': {
                const signedOut = signOut(command.signOutId);
                return command.confirm ? confirm(command.confirm, signedOut) : undefined;
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
                return timers.start(command.timer, command.ms);
            case 'cancelTimer':
                return timers.cancel(command.timer);
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
}

/** Every command type is carried out above; a new one fails to typecheck here. */
function unknownCommand(_command: never): void {
    // nothing to do
}
