import { newId } from 'c/tabCoordinator';
import { isSalesforceLogout } from 'c/agentStatus';
import { initialGuardState, transition } from 'c/guardMachine';
export function startGuardRunner(options) {
    const { streams, tabs } = options;
    let state = initialGuardState();
    // A command may call back into the guard (onSignedOutElsewhere stops it): events that arrive
    // while one is carried out wait for it, so every event sees the state the last one left.
    const queue = [];
    let busy = false;
    let lastReported = null;
    const report = (outcome) => {
        lastReported = outcome;
        options.onOutcome(outcome);
    };
    const dispatch = (event) => {
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
        }
        finally {
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
function tabsView(tabs) {
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
/** One window timer per name; a timer that fires becomes a `timerFired` event. */
function startTimers(dispatch) {
    const running = new Map();
    const cancel = (timer) => {
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
function listenToPage(target, tabs, dispatch) {
    const onPageHide = () => {
        dispatch({ type: 'sessionEnd', reason: 'pagehide' });
    };
    const onBeforeUnload = () => {
        dispatch({ type: 'sessionEnd', reason: 'beforeunload' });
    };
    const onPageShow = (event) => {
        if (event.persisted) {
            dispatch({ type: 'pageRestored' });
        }
    };
    // Salesforce's Log Out is a navigation to /secur/logout.jsp: the Navigation API names the
    // destination before the page unloads, so the other tabs can be told not to restore.
    const navigation = target.navigation;
    const onNavigate = (event) => {
        const url = event.destination?.url;
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
    }
    catch {
        // not reachable here (a sandbox may hide it): the session check still stops restores
    }
    return () => {
        target.removeEventListener('pagehide', onPageHide);
        target.removeEventListener('beforeunload', onBeforeUnload);
        target.removeEventListener('pageshow', onPageShow);
        try {
            navigation?.removeEventListener('navigate', onNavigate);
        }
        catch {
            // never added
        }
        unsubscribe?.();
    };
}
/** Carries out one command; Connect's, Apex's and the sign-out's answers come back as events. */
function commandExecutor(options, dispatch, report, timers, release) {
    const { streams, tabs } = options;
    const signOuts = new Map();
    const signOut = (signOutId) => {
        let signedOut = signOuts.get(signOutId);
        if (!signedOut) {
            signedOut = streams.signOut(options.ccpUrl).then(() => true, () => false);
            signOuts.set(signOutId, signedOut);
        }
        return signedOut;
    };
    const confirm = (outcome, confirmed) => {
        confirmed.then((value) => options.onOutcome({ ...outcome, confirmed: value }));
    };
    const setStatus = (command) => {
        const { outcome } = command;
        const result = streams.setAgentState(command.state, command.enqueueNextState, (ok) => {
            dispatch({ type: 'changeAnswered', changeId: command.changeId, ok });
            const signedOut = command.confirm === 'answer'
                ? Promise.resolve(true)
                : (signOuts.get(command.confirm.signOutId) ?? Promise.resolve(false));
            confirm(outcome, signedOut.then((done) => done && ok));
        });
        if (result === 'noAgent') {
            // Streams lost its agent since the view was read: nothing was sent.
            const { at, phase, reason } = outcome;
            const skipped = {
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
    const checkSession = (checkId) => {
        const answer = options.isSessionActive ? options.isSessionActive() : Promise.resolve(true);
        answer.then((active) => dispatch({ type: 'sessionChecked', checkId, active: active === true }), () => dispatch({ type: 'sessionChecked', checkId, active: false }));
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
function unknownCommand(_command) {
    // nothing to do
}
