import { newId } from 'c/tabCoordinator';
import { isSalesforceLogout } from 'c/agentStatus';
import { initialGuardState, transition } from 'c/guardMachine';
export function startGuardRunner(options) {
    const { streams, target, tabs } = options;
    let state = initialGuardState();
    const timers = new Map();
    const signOuts = new Map();
    // A command may call back into the guard (onSignedOutElsewhere stops it): events that arrive
    // while one is carried out wait for it, so every event sees the state the last one left.
    const queue = [];
    let busy = false;
    let lastReported = null;
    const tabsView = () => {
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
    const report = (outcome) => {
        lastReported = outcome;
        options.onOutcome(outcome);
    };
    const signOut = (signOutId) => {
        let signedOut = signOuts.get(signOutId);
        if (!signedOut) {
            signedOut = streams.signOut(options.ccpUrl).then(() => true, () => false);
            signOuts.set(signOutId, signedOut);
        }
        return signedOut;
    };
    const setStatus = (command) => {
        const { outcome, confirm } = command;
        const result = streams.setAgentState(command.state, command.enqueueNextState, (ok) => {
            dispatch({ type: 'changeAnswered', changeId: command.changeId, ok });
            const confirmed = confirm === 'answer'
                ? Promise.resolve(ok)
                : (signOuts.get(confirm.signOutId) ?? Promise.resolve(false)).then((signedOut) => signedOut && ok);
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
    const startTimer = (timer, ms) => {
        window.clearTimeout(timers.get(timer));
        // eslint-disable-next-line @lwc/lwc/no-async-operation -- the machine's timers: stay, grace, check, sign-out wait
        const id = window.setTimeout(() => {
            timers.delete(timer);
            dispatch({ type: 'timerFired', timer });
        }, ms);
        timers.set(timer, id);
    };
    const cancelTimer = (timer) => {
        window.clearTimeout(timers.get(timer));
        timers.delete(timer);
    };
    const checkSession = (checkId) => {
        const check = options.isSessionActive;
        const answer = check ? check() : Promise.resolve(true);
        answer.then((active) => dispatch({ type: 'sessionChecked', checkId, active: active === true }), () => dispatch({ type: 'sessionChecked', checkId, active: false }));
    };
    const execute = (command) => {
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
    function dispatch(event) {
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
    }
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
    function release() {
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
        timers.forEach((id) => window.clearTimeout(id));
        timers.clear();
    }
    return { dispatch, state: () => state };
}
/** Every command type is carried out above; a new one fails to typecheck here. */
function unknownCommand(_command) {
    // nothing to do
}
