import { newId } from 'c/tabCoordinator';
/** How long a sign-out waits for Connect to confirm Offline before it signs out anyway. */
export const SIGN_OUT_WAIT_MS = 2000;
/**
 * A page still alive this long after the `beforeunload` that ended its session was not left:
 * another handler's "Leave site?" prompt kept it, or the navigation became a download. Timers do
 * not run while the prompt shows, so this fires right after "Stay" once the time has passed. Long
 * enough that a slow navigation (the page lives until the next one answers) is not taken for a stay:
 * the guard would restore the status, and the later `pagehide` could not change it again.
 */
export const STAY_DETECTION_MS = 5000;
/**
 * How long a tab waits after another tab's `leaving` before restoring the status: long enough that
 * the other tabs of a window closing together have run their own `beforeunload` (then they never
 * restore), short enough that the agent is unroutable for well under 2 s.
 */
export const LEAVING_GRACE_MS = 400;
/** A session check not answered by then counts as a session gone: the agent stays as set. */
export const SESSION_CHECK_TIMEOUT_MS = 3000;
const OFFLINE = { kind: 'builtin', type: 'offline', name: 'Offline' };
export function startSessionGuard(options) {
    const { settings, streams, target } = options;
    let ended = false;
    let pendingSignOut = null;
    let stayTimer;
    // The last change this guard sent, until Streams' snapshot shows it (one update later): a
    // decision made before then (a session end right after load, a page restored from the
    // back/forward cache) must see the agent as Connect will, not as the snapshot still says.
    let lastChange = null;
    const seeAsConnectWill = (view) => lastChange && !view.hasLiveContact && sameName(view.stateName, lastChange.fromStateName)
        ? { ...view, stateName: lastChange.sent.name, stateType: lastChange.sent.type }
        : view;
    const agentChanged = () => {
        const view = streams.getAgentView();
        if (lastChange && view && !sameName(view.stateName, lastChange.fromStateName)) {
            lastChange = null; // the snapshot shows the change (or the agent moved on)
        }
    };
    const { tabs } = options;
    let leaving = false; // this page is going: it never restores for another tab
    let sessionOver = false; // a logout or sign-out was announced: nobody restores
    let logoutSeen = false; // this page is navigating to Salesforce's logout
    let stopped = false;
    let graceTimer;
    let pendingLeaving = null;
    const report = (outcome) => {
        options.onOutcome(outcome);
        return outcome;
    };
    const skip = (phase, skippedBecause, reason) => report({
        at: Date.now(),
        phase,
        action: 'skipped',
        skippedBecause,
        ...(reason ? { reason } : {})
    });
    /** Sends the change; Connect's answer, if the page lives, becomes a second outcome. */
    const send = (outcome, state, enqueueNextState, afterAnswer) => {
        const result = streams.setAgentState(state, enqueueNextState, (ok) => {
            const confirmation = afterAnswer ? afterAnswer(ok) : Promise.resolve(ok);
            confirmation.then((confirmed) => options.onOutcome({ ...outcome, confirmed }));
        });
        if (result === 'noAgent') {
            return report({
                at: outcome.at,
                phase: outcome.phase,
                action: 'skipped',
                skippedBecause: 'noAgent',
                ...(outcome.reason ? { reason: outcome.reason } : {})
            });
        }
        return report(outcome);
    };
    /** Unknown names fall back to Offline: the agent is never left Available. */
    const resolveSessionEndStatus = (view) => {
        const state = resolveStatus(settings.sessionEndStatus, view.states);
        if (state) {
            return state;
        }
        const fallback = resolveStatus(OFFLINE, view.states);
        options.onWarning({
            code: 'unknownStatus',
            statusName: statusName(settings.sessionEndStatus),
            ...(fallback ? { fallbackName: fallback.name } : {})
        });
        return fallback;
    };
    /**
     * Offline first, because the CCP's /logout leaves the status as it was (#493); then Streams'
     * logout. A page that is going away signs out at once, or, after `beforeunload`, from `pagehide`
     * (the page may still stay; signOut's keepalive request outlives the page); a page that stays
     * waits for Connect's answer (or SIGN_OUT_WAIT_MS) so that the logout does not overtake the
     * status change.
     */
    const logOut = (outcome, offline, view) => {
        const { reason } = outcome;
        let timer;
        let signedOut = null;
        const signOutNow = () => {
            if (!signedOut) {
                pendingSignOut = null;
                window.clearTimeout(timer);
                signedOut = streams.signOut(options.ccpUrl).then(() => true, () => false);
            }
            return signedOut;
        };
        if (sameName(view.stateName, offline.name)) {
            const signOutAndReport = () => {
                signOutNow().then((confirmed) => options.onOutcome({ ...outcome, confirmed }));
            };
            if (reason === 'beforeunload') {
                pendingSignOut = signOutAndReport;
            }
            else {
                signOutAndReport();
            }
            return report(outcome);
        }
        const signOutLater = () => {
            signOutNow();
        };
        if (reason !== 'pagehide') {
            pendingSignOut = signOutLater;
        }
        if (reason === 'signOut') {
            // eslint-disable-next-line @lwc/lwc/no-async-operation -- never wait forever for Connect's answer
            timer = window.setTimeout(signOutLater, SIGN_OUT_WAIT_MS);
        }
        // After beforeunload the answer must not sign out: the page may still stay.
        const afterAnswer = reason === 'beforeunload'
            ? undefined
            : async (ok) => (await signOutNow()) && ok;
        const reported = send(outcome, offline, false, afterAnswer);
        if (reason === 'pagehide' || (reason === 'signOut' && reported.action === 'skipped')) {
            signOutNow();
        }
        return reported;
    };
    /**
     * The page stayed after the beforeunload that ended its session: undo the change, unless the
     * agent has moved on since (another status, or the contact's queued status changed).
     */
    const restoreStatus = (before, sent) => {
        const now = streams.getAgentView();
        if (!now) {
            return;
        }
        // Behind a contact the queued status counts, else the status itself. Streams' snapshot may
        // not show the change yet: unchanged counts as not moved on (sending again is harmless).
        const mark = (view) => before.hasLiveContact ? view.nextStateName : view.stateName;
        const movedOn = ![sent.name, mark(before)].some((name) => sameNullable(name, mark(now)));
        // What the agent had: their status, or behind a contact the queued status, else the one
        // they chose (queuing the current status again clears the queued one).
        const wanted = before.hasLiveContact
            ? (before.nextStateName ?? before.availabilityStateName)
            : before.stateName;
        const state = wanted ? before.states.find((s) => sameName(s.name, wanted)) : undefined;
        if (movedOn || !state || sameName(state.name, sent.name)) {
            return;
        }
        send({
            at: Date.now(),
            phase: 'restore',
            reason: 'beforeunload',
            action: now.hasLiveContact ? 'enqueueNextState' : 'setState',
            statusName: state.name
        }, state, now.hasLiveContact);
    };
    /**
     * After a beforeunload-triggered session end: if the page is still here later, it stayed. It
     * is a tab among the others again; with nothing sent there is nothing to undo.
     */
    const watchForStay = (before, sent) => {
        window.clearTimeout(stayTimer);
        // eslint-disable-next-line @lwc/lwc/no-async-operation -- fires only if the page survived
        stayTimer = window.setTimeout(() => {
            stayTimer = undefined;
            leaving = false;
            logoutSeen = false;
            tabs?.rejoin();
            if (!before || !sent) {
                return;
            }
            ended = false; // re-armed: the next session end sends again
            lastChange = null;
            pendingSignOut = null; // a Status:Logout waiting for pagehide is not done
            restoreStatus(before, sent);
        }, STAY_DETECTION_MS);
    };
    /**
     * Tells the other tabs what this session end changed, and leaves the record a page coming
     * back (reload, back/forward cache) reads. Behind a contact the status that counts is the
     * queued one, else the one the agent chose.
     */
    const announceLeaving = (view, sent, reason) => {
        if (!tabs || logoutSeen) {
            return;
        }
        const previousName = view.hasLiveContact
            ? (view.nextStateName ?? view.availabilityStateName ?? view.stateName)
            : view.stateName;
        const previousType = view.hasLiveContact
            ? view.states.find((state) => sameName(state.name, previousName))?.type
            : view.stateType;
        const sessionEndId = newId(Date.now());
        const previousStatus = {
            name: previousName,
            wasRoutable: previousType === 'routable',
            hadLiveContact: view.hasLiveContact
        };
        tabs.writeSessionEnd({
            sessionEndId,
            endedAt: Date.now(),
            previousStatusName: previousStatus.name,
            previousWasRoutable: previousStatus.wasRoutable,
            setStatusName: sent.name
        });
        tabs.announce({
            type: 'leaving',
            sessionEndId,
            previousStatus,
            setStatusName: sent.name,
            reason
        });
    };
    /** This page is going: out of the registry, no restore for others; a logout tells them. */
    const startLeaving = () => {
        leaving = true;
        window.clearTimeout(graceTimer);
        pendingLeaving = null;
        tabs?.leave();
        if (logoutSeen) {
            tabs?.announce({ type: 'logout' });
            tabs?.clearSessionEnd();
        }
    };
    /** Resolves false when the session is gone, the check fails, or it does not answer in time. */
    const checkSession = () => {
        const check = options.isSessionActive;
        if (!check) {
            return Promise.resolve(true);
        }
        return new Promise((resolve) => {
            // eslint-disable-next-line @lwc/lwc/no-async-operation -- never wait forever for Apex
            const timer = window.setTimeout(() => resolve(false), SESSION_CHECK_TIMEOUT_MS);
            const settle = (active) => {
                window.clearTimeout(timer);
                resolve(active);
            };
            check().then((active) => settle(active === true), () => settle(false));
        });
    };
    /**
     * Another tab's session end set the agent's status although this tab stays: the leader puts
     * back what the agent had, unless the agent moved on, a logout or sign-out was announced, or
     * the Salesforce session is gone. Behind a contact the status is queued again.
     */
    const restoreForOtherTab = async (message) => {
        const blocked = () => leaving || sessionOver || stopped;
        if (blocked() || !tabs?.isLeader()) {
            return;
        }
        const active = await checkSession();
        if (!active || blocked()) {
            return;
        }
        const view = streams.getAgentView();
        if (!view) {
            return;
        }
        const { previousStatus, setStatusName } = message;
        // Streams' snapshot may still show the previous status: Connect has the change anyway.
        const mark = view.hasLiveContact ? view.nextStateName : view.stateName;
        const expected = [setStatusName, previousStatus.name];
        const unchanged = expected.some((name) => sameNullable(name, mark)) ||
            (view.hasLiveContact && mark === null);
        const state = view.states.find((candidate) => sameName(candidate.name, previousStatus.name));
        if (!unchanged || !state || sameName(state.name, setStatusName)) {
            return;
        }
        tabs.clearSessionEnd(message.sessionEndId);
        send({
            at: Date.now(),
            phase: 'restore',
            action: view.hasLiveContact ? 'enqueueNextState' : 'setState',
            statusName: state.name
        }, state, view.hasLiveContact);
    };
    const onTabMessage = (message) => {
        if (message.type === 'logout' || message.type === 'signOut') {
            sessionOver = true;
            window.clearTimeout(graceTimer);
            pendingLeaving = null;
            if (message.type === 'signOut') {
                options.onSignedOutElsewhere?.();
            }
            return;
        }
        if (leaving || sessionOver) {
            return;
        }
        // Tabs of one window leave together: the first message holds the status the agent had
        // (the later ones may have seen the first change already); each one restarts the wait.
        pendingLeaving = pendingLeaving ?? message;
        window.clearTimeout(graceTimer);
        // eslint-disable-next-line @lwc/lwc/no-async-operation -- a closing tab never gets here
        graceTimer = window.setTimeout(() => {
            const leavingMessage = pendingLeaving;
            pendingLeaving = null;
            if (leavingMessage) {
                restoreForOtherTab(leavingMessage);
            }
        }, LEAVING_GRACE_MS);
    };
    const unsubscribe = tabs?.subscribe(onTabMessage);
    const applyInitialState = () => {
        const view = streams.getAgentView();
        if (!view) {
            return skip('initial', 'noAgent');
        }
        if (!profileMatches(view, settings.profileNameIncludes)) {
            return skip('initial', 'profileNotMatched');
        }
        if (view.hasLiveContact) {
            return skip('initial', 'liveContact');
        }
        const pending = lastChange && sameName(view.stateName, lastChange.fromStateName)
            ? lastChange.sent
            : null;
        lastChange = null;
        const current = pending ?? { name: view.stateName, type: view.stateType };
        // Back within SessionEndTimer seconds of this browser's last session end: a reload, not
        // a new login. The agent gets back what they had (Lunch stays Lunch).
        const record = tabs?.readSessionEnd() ?? null;
        if (record) {
            tabs?.clearSessionEnd(record.sessionEndId);
            const previous = view.states.find((s) => sameName(s.name, record.previousStatusName));
            const recent = Date.now() - record.endedAt <= settings.sessionEndTimerSeconds * 1000;
            if (recent && previous && sameName(current.name, record.setStatusName)) {
                if (sameName(previous.name, current.name)) {
                    return skip('initial', 'alreadyInStatus');
                }
                lastChange = { fromStateName: view.stateName, sent: previous };
                return send({
                    at: Date.now(),
                    phase: 'initial',
                    action: 'setState',
                    statusName: previous.name
                }, previous, false);
            }
        }
        // Only an agent who comes back Offline is moved: a status chosen since (Lunch) is kept.
        if (current.type !== 'offline') {
            return skip('initial', 'notOffline');
        }
        const state = resolveStatus(settings.initialAgentState, view.states);
        if (!state) {
            options.onWarning({
                code: 'unknownStatus',
                statusName: statusName(settings.initialAgentState)
            });
            return skip('initial', 'unknownStatus');
        }
        if (sameName(state.name, current.name)) {
            return skip('initial', 'alreadyInStatus');
        }
        lastChange = { fromStateName: view.stateName, sent: state };
        return send({ at: Date.now(), phase: 'initial', action: 'setState', statusName: state.name }, state, false);
    };
    const endSession = (reason) => {
        if (ended) {
            pendingSignOut?.(); // the page is going now: sign out without waiting for the answer
            return skip('sessionEnd', 'alreadyEnded', reason);
        }
        ended = true; // the first event wins: one status change per session end
        if (reason !== 'signOut') {
            startLeaving();
        }
        const skipLeaving = (skippedBecause) => {
            if (reason === 'beforeunload') {
                watchForStay(null, null); // nothing to undo, but the tab may still stay
            }
            return skip('sessionEnd', skippedBecause, reason);
        };
        const snapshot = streams.getAgentView();
        if (!snapshot) {
            return skipLeaving('noAgent');
        }
        const view = seeAsConnectWill(snapshot);
        if (!profileMatches(view, settings.profileNameIncludes)) {
            return skipLeaving('profileNotMatched');
        }
        if (!currentStateMatches(view, settings.currentAgentStates)) {
            return skipLeaving('stateNotMatched');
        }
        // Status:Logout signs out of the CCP, which every tab shares: while other tabs of this
        // browser live, the session goes on there, so this tab only sets Offline like any other
        // session end (and the survivors put the status back).
        const logoutWanted = settings.sessionEndStatus.kind === 'logout';
        const othersRemain = reason !== 'signOut' && (tabs?.liveTabIds().length ?? 0) > 0;
        const logout = logoutWanted && !othersRemain;
        const state = logoutWanted
            ? resolveStatus(OFFLINE, view.states)
            : resolveSessionEndStatus(view);
        if (!state) {
            return skipLeaving('noAgent'); // no offline-type state: no agent data yet
        }
        const base = {
            at: Date.now(),
            phase: 'sessionEnd',
            reason,
            statusName: state.name
        };
        let outcome;
        if (view.hasLiveContact) {
            // Connect refuses a change during a contact; queue it so it applies when the contact
            // ends. Logout is never done during a contact: Offline is queued instead.
            if (view.nextStateName !== null && sameName(view.nextStateName, state.name)) {
                return skipLeaving('alreadyInStatus');
            }
            outcome = send({ ...base, action: 'enqueueNextState' }, state, true);
        }
        else if (logout) {
            outcome = logOut({ ...base, action: 'logout' }, state, view);
        }
        else {
            if (sameName(view.stateName, state.name)) {
                return skipLeaving('alreadyInStatus');
            }
            lastChange = { fromStateName: view.stateName, sent: state };
            outcome = send({ ...base, action: 'setState' }, state, false);
        }
        if (reason === 'beforeunload') {
            watchForStay(outcome.action === 'skipped' ? null : view, outcome.action === 'skipped' ? null : state);
        }
        if (reason !== 'signOut' && !logout && outcome.action !== 'skipped') {
            announceLeaving(view, state, reason);
        }
        return outcome;
    };
    const onPageHide = () => {
        window.clearTimeout(stayTimer); // the page is going after all
        stayTimer = undefined;
        endSession('pagehide');
    };
    const onBeforeUnload = () => {
        endSession('beforeunload');
    };
    // A page restored from the back/forward cache is a new session: re-arm and restore.
    const onPageShow = (event) => {
        if (event.persisted) {
            ended = false;
            leaving = false;
            logoutSeen = false;
            tabs?.rejoin();
            applyInitialState();
        }
    };
    // Salesforce's Log Out is a navigation to /secur/logout.jsp: the Navigation API names the
    // destination before the page unloads, so the other tabs can be told not to restore.
    const navigation = target.navigation;
    const onNavigate = (event) => {
        const url = event.destination?.url;
        if (url && isSalesforceLogout(url)) {
            logoutSeen = true;
            tabs?.announce({ type: 'logout' });
            tabs?.clearSessionEnd();
        }
    };
    target.addEventListener('pagehide', onPageHide);
    target.addEventListener('beforeunload', onBeforeUnload);
    target.addEventListener('pageshow', onPageShow);
    try {
        navigation?.addEventListener('navigate', onNavigate);
    }
    catch {
        // not reachable here (a sandbox may hide it): the session check still stops restores
    }
    return {
        applyInitialState,
        endSession,
        agentChanged,
        stop() {
            target.removeEventListener('pagehide', onPageHide);
            target.removeEventListener('beforeunload', onBeforeUnload);
            target.removeEventListener('pageshow', onPageShow);
            try {
                navigation?.removeEventListener('navigate', onNavigate);
            }
            catch {
                // never added
            }
            stopped = true;
            unsubscribe?.();
            window.clearTimeout(stayTimer);
            window.clearTimeout(graceTimer);
            pendingSignOut?.();
        }
    };
}
/**
 * Built-ins (Offline/Available) match a state of that name first, else Connect's state of that type
 * (admins may rename them); any other name matches case-insensitively.
 */
export function resolveStatus(ref, states) {
    if (ref.kind === 'logout') {
        return null;
    }
    const byName = states.find((state) => sameName(state.name, ref.name));
    if (byName || ref.kind === 'named') {
        return byName ?? null;
    }
    return states.find((state) => state.type === ref.type) ?? null;
}
/** Salesforce's logout page, on any My Domain. */
export function isSalesforceLogout(url) {
    try {
        return new URL(url).pathname.endsWith('/secur/logout.jsp');
    }
    catch {
        return false;
    }
}
function profileMatches(view, includes) {
    const profile = view.routingProfileName.toLowerCase();
    return includes.length === 0 || includes.some((text) => profile.includes(text.toLowerCase()));
}
/** During a contact the state is the system 'Busy'; the status the agent chose counts too. */
function currentStateMatches(view, names) {
    return (names.length === 0 ||
        names.some((name) => sameName(name, view.stateName) ||
            (view.availabilityStateName !== null && sameName(name, view.availabilityStateName))));
}
function statusName(ref) {
    return ref.kind === 'logout' ? 'Logout' : ref.name;
}
function sameName(a, b) {
    return a.trim().toLowerCase() === b.trim().toLowerCase();
}
function sameNullable(a, b) {
    return a === null || b === null ? a === b : sameName(a, b);
}
