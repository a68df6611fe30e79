/**
 * The session guard's decisions, as one pure function: (state, event, input) → (next state,
 * commands). `input` is what the agent looks like now (Streams' snapshot), the settings, and what
 * this browser's tabs know; commands are what `c/guardRunner` then does (set or queue a status,
 * sign out, tell the other tabs, timers, the session check, outcomes). Nothing here touches
 * Streams, storage, timers or the window, so every order of events can be tried in a test.
 * docs/architecture.md has the state diagram and the transition table this file implements.
 */
import type { SessionEndSettings } from 'c/featureValueParser';
import type { AgentStateOption, AgentView } from 'c/streamsClient';
import type { OutgoingTabMessage, SessionEndRecord, TabMessage } from 'c/tabCoordinator';
import {
    OFFLINE,
    currentStateMatches,
    profileMatches,
    resolveStatus,
    sameName,
    sameNullable,
    statusName
} from 'c/agentStatus';
import {
    choseSinceChange,
    previousStatusOf,
    showsSetStatus,
    reloadDecision,
    restoreAfterOtherTab,
    restoreAfterStay
} from 'c/tabRestore';
import type { LeavingMessage } from 'c/tabRestore';

export type SessionEndReason = 'pagehide' | 'beforeunload' | 'signOut';

export type SkipReason =
    | 'featureOff'
    | 'profileNotMatched'
    | 'stateNotMatched'
    | 'alreadyInStatus'
    | 'notOffline'
    | 'liveContact'
    | 'noAgent'
    | 'alreadyEnded'
    | 'unknownStatus' // InitialAgentState names no Connect status: warned, nothing changed
    | 'otherTabOpen' // another softphone of this browser holds the session: its status is kept
    | 'statusChosenSince'; // back within SessionEndTimer, the agent chose a status since: kept

export interface GuardOutcome {
    at: number; // Date.now()
    phase: 'initial' | 'sessionEnd' | 'restore'; // restore: a session end turned out not to be one
    reason?: SessionEndReason;
    action: 'setState' | 'enqueueNextState' | 'logout' | 'skipped';
    statusName?: string; // the status that was sent
    skippedBecause?: SkipReason;
    confirmed?: boolean; // Connect's answer, when the page lived to hear it
}

export interface GuardWarning {
    code: 'unknownStatus';
    statusName: string;
    fallbackName?: string;
}

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

/**
 * A page back from the back/forward cache waits this long for Streams' first agent data since:
 * its snapshot is from before the cache and may miss a contact that came meanwhile. Streams' long
 * poll brings news at once when something changed; when nothing did, the old snapshot is right.
 */
export const RESUME_WAIT_MS = 1000;

export type TimerName = 'stay' | 'grace' | 'sessionCheck' | 'signOutWait' | 'resume';

/**
 * The last change this guard sent, until Streams' snapshot shows it (one update later): a decision
 * made before then (a session end right after load, a page back from the back/forward cache) must
 * see the agent as Connect will, not as the snapshot still says.
 */
export interface OwnChange {
    fromStateName: string;
    fromSince?: number | null; // when that state began: the same name with a later start is a new pick
    sent: AgentStateOption;
    changeId: string; // the setStatus that sent it
    queued?: boolean; // queued behind a contact: Streams shows it as the next status
    answered?: boolean; // Connect confirmed it: a snapshot still without it only lags
}

/**
 * What a stay would put back. `sessionEndId`: the record and message of that session end; a page
 * back that restored it (`restored`) leaves nothing to undo.
 */
export interface Undo {
    before: AgentView;
    sent: AgentStateOption;
    sessionEndId?: string;
}

/** A Status:Logout sign-out that waits for the page to go: after `beforeunload` it may stay. */
export interface DeferredSignOut {
    signOutId: string;
    confirm?: GuardOutcome; // reported again with `confirmed` once signed out
}

/** What the guard is doing. Each situation lists the events that matter in it (the table). */
export type Situation =
    | { kind: 'live' } // the session is on; nothing pending
    | { kind: 'resuming' } // back from the cache: waits RESUME_WAIT_MS for Streams' news, then decides
    // Waiting LEAVING_GRACE_MS to restore; `setShown`: Streams showed the status that tab set
    | { kind: 'otherTabLeaving'; leaving: LeavingMessage; setShown: boolean }
    // The leader: is Salesforce still on?
    | { kind: 'checkingSession'; leaving: LeavingMessage; setShown: boolean; checkId: string }
    | { kind: 'loggingOut' } // this page navigates to Salesforce's logout: no restores
    | { kind: 'sessionOverElsewhere' } // another tab logged out or signed out: no restores
    | {
          kind: 'mayStay'; // ended from beforeunload; STAY_DETECTION_MS tells whether the page stayed
          undo: Undo | null;
          signOut: DeferredSignOut | null;
          afterStay: 'live' | 'sessionOverElsewhere';
      }
    // Sign Out with Status:Logout: Offline first, then out (`checked`: the last look was taken)
    | { kind: 'signingOut'; changeId: string; signOutId: string; checked: boolean }
    | { kind: 'ended' } // this page's session is over; later session ends are `alreadyEnded`
    // The softphone's Sign Out ended it: a page back from the cache stays out. `conditionsMet`: the
    // Value's conditions held at Sign Out, so the last look ends whatever the agent picked since.
    | { kind: 'signedOut'; conditionsMet: boolean }
    | { kind: 'stopped' }; // listeners removed: nothing matters any more

export interface GuardState {
    situation: Situation;
    ownChange: OwnChange | null;
}

export type GuardEvent =
    | { type: 'agentReady' } // the first agent data: the initial status
    | { type: 'agentChanged' } // any later agent refresh
    | { type: 'sessionEnd'; reason: SessionEndReason } // beforeunload, pagehide, the softphone's Sign Out
    | { type: 'pageRestored' } // pageshow from the back/forward cache
    | { type: 'navigatingToLogout' } // Navigation API: destination /secur/logout.jsp
    | { type: 'tabMessage'; message: TabMessage }
    | { type: 'timerFired'; timer: TimerName }
    | { type: 'sessionChecked'; checkId: string; active: boolean }
    | { type: 'changeAnswered'; changeId: string; ok: boolean } // Connect's answer to setStatus
    | { type: 'signOutDue' } // the softphone's Sign Out is about to sign out of the CCP
    | { type: 'stop' };

export type GuardCommand =
    | {
          type: 'setStatus'; // set, or queue behind a contact; reports `outcome`
          state: AgentStateOption;
          enqueueNextState: boolean;
          outcome: GuardOutcome;
          changeId: string;
          // Reported again with `confirmed`: Connect's answer, or that and the sign-out
          confirm: 'answer' | { signOutId: string };
      }
    | { type: 'signOut'; signOutId: string; confirm?: GuardOutcome } // once per id
    | { type: 'report'; outcome: GuardOutcome }
    | { type: 'warn'; warning: GuardWarning }
    | { type: 'announce'; message: OutgoingTabMessage }
    | { type: 'writeSessionEnd'; record: Omit<SessionEndRecord, 'byTabId'> }
    | { type: 'clearSessionEnd'; sessionEndId?: string }
    | { type: 'leaveTabs' }
    | { type: 'rejoinTabs' }
    | { type: 'startTimer'; timer: TimerName; ms: number } // restarts a running one
    | { type: 'cancelTimer'; timer: TimerName }
    | { type: 'checkSession'; checkId: string } // answers with sessionChecked
    | { type: 'signedOutElsewhere' }
    | { type: 'release' }; // remove listeners, cancel timers

/** What this browser's tabs know, read just before the event is decided. */
export interface TabsView {
    otherLiveTabs: number;
    isLeader: boolean;
    sessionEnd: SessionEndRecord | null;
}

export interface GuardInput {
    now: number;
    view: AgentView | null; // Streams' snapshot; null before the agent data
    settings: SessionEndSettings;
    tabs: TabsView | null; // null: this tab acts alone
    freshId: string; // unique per event: names the changes, checks and records it starts
}

export interface Step {
    state: GuardState;
    commands: GuardCommand[];
}

export function initialGuardState(): GuardState {
    return { situation: { kind: 'live' }, ownChange: null };
}

const LIVE_KINDS = [
    'live',
    'resuming',
    'otherTabLeaving',
    'checkingSession',
    'loggingOut',
    'sessionOverElsewhere'
] as const;
type LiveSituation = Extract<Situation, { kind: (typeof LIVE_KINDS)[number] }>;

function isLive(situation: Situation): situation is LiveSituation {
    return (LIVE_KINDS as readonly string[]).includes(situation.kind);
}

export function transition(state: GuardState, event: GuardEvent, input: GuardInput): Step {
    if (state.situation.kind === 'stopped') {
        return whenStopped(state, event, input);
    }
    switch (event.type) {
        case 'agentReady':
            return applyInitialState(state, input, 'load');
        case 'agentChanged':
            return agentChanged(state, input);
        case 'sessionEnd':
            return isLive(state.situation)
                ? endSession(state, state.situation, event.reason, input)
                : endAgain(state, event.reason, input);
        case 'pageRestored':
            return pageRestored(state, input);
        case 'navigatingToLogout':
            return navigatingToLogout(state);
        case 'tabMessage':
            return tabMessage(state, event.message, input.view);
        case 'timerFired':
            return timerFired(state, event.timer, input);
        case 'sessionChecked':
            return sessionChecked(state, event, input);
        case 'changeAnswered':
            return changeAnswered(state, event, input);
        case 'signOutDue':
            return signOutDue(state, input);
        case 'stop': {
            // Stopped while Status:Logout's sign-out waits: the last look still comes first.
            const again =
                state.situation.kind === 'signingOut' && !state.situation.checked
                    ? statusAgain(state, input, 'signOut')
                    : null;
            return {
                state: { ...state, situation: { kind: 'stopped' } },
                commands: [
                    ...(again ? [again.send] : []),
                    ...runDeferredSignOut(state.situation),
                    { type: 'release' }
                ]
            };
        }
        default:
            return unknownEvent(event, state);
    }
}

/** Streams' snapshot changed: it may show the guard's own change, or the agent's choice. */
function agentChanged(state: GuardState, input: GuardInput): Step {
    const seen: GuardState = {
        situation: forgetUndoIfChosen(state.situation, input.view),
        ownChange: seenChange(state.ownChange, input.view)
    };
    const { situation } = seen;
    if (situation.kind === 'resuming') {
        return resumeWithNews(seen, input);
    }
    if (situation.kind === 'otherTabLeaving' || situation.kind === 'checkingSession') {
        return watchWhileWaiting(seen, situation, input.view);
    }
    return { state: seen, commands: [] };
}

type Waiting = Extract<Situation, { kind: 'otherTabLeaving' | 'checkingSession' }>;

/**
 * Waiting to put another tab's session end back: once Streams showed the status it set, a move
 * off it is the agent's own choice (back to the old status too), and nothing is put back over
 * it, not even when they pick the set status again before the grace is over.
 */
function watchWhileWaiting(state: GuardState, situation: Waiting, view: AgentView | null): Step {
    const unchanged: Step = { state, commands: [] };
    if (!view || view.hasLiveContact || situation.leaving.previousStatus.hadLiveContact) {
        return unchanged;
    }
    if (showsSetStatus(view, situation.leaving)) {
        return situation.setShown
            ? unchanged
            : { state: { ...state, situation: { ...situation, setShown: true } }, commands: [] };
    }
    if (!situation.setShown) {
        return unchanged; // Streams has not shown that change yet
    }
    return { state: { ...state, situation: { kind: 'live' } }, commands: stopRestoring() };
}

/** The page may stay, and the agent picked a status since: a stay must not undo their choice. */
function forgetUndoIfChosen(situation: Situation, view: AgentView | null): Situation {
    if (situation.kind !== 'mayStay' || !situation.undo || !view) {
        return situation;
    }
    const { before, sent } = situation.undo;
    return choseSinceChange(before, sent, view) ? { ...situation, undo: null } : situation;
}

/** Every event type is handled above; a new one fails to typecheck here. */
function unknownEvent(_event: never, state: GuardState): Step {
    return { state, commands: [] };
}

function whenStopped(state: GuardState, event: GuardEvent, input: GuardInput): Step {
    if (event.type === 'agentReady') {
        return { state, commands: [skip(input, 'initial', 'noAgent')] };
    }
    if (event.type === 'sessionEnd') {
        return { state, commands: [skip(input, 'sessionEnd', 'alreadyEnded', event.reason)] };
    }
    return { state, commands: [] };
}

/** Streams' snapshot shows the change (or the agent moved on): nothing to see past any more. */
function seenChange(ownChange: OwnChange | null, view: AgentView | null): OwnChange | null {
    if (!ownChange || !view) {
        return ownChange;
    }
    const shown =
        !showsStateBefore(view, ownChange) ||
        (ownChange.queued === true && sameNullable(view.nextStateName, ownChange.sent.name));
    return shown ? null : ownChange;
}

/**
 * The snapshot still shows the state the change left, not the change: the same state, begun at
 * the same time (a state the agent picked again after the change begins later).
 */
function showsStateBefore(view: AgentView, ownChange: OwnChange): boolean {
    const { fromSince } = ownChange;
    const sameStart =
        fromSince === undefined ||
        fromSince === null ||
        view.stateSince === undefined ||
        view.stateSince === null ||
        view.stateSince === fromSince;
    return sameName(view.stateName, ownChange.fromStateName) && sameStart;
}

/** The guard's own change, from the state the agent is in now. */
function ownChangeFrom(
    view: AgentView,
    sent: AgentStateOption,
    changeId: string,
    queued = false
): OwnChange {
    return {
        fromStateName: view.stateName,
        fromSince: view.stateSince ?? null,
        sent,
        changeId,
        ...(queued ? { queued: true } : {})
    };
}

/** The agent as Connect will have them once Streams shows this guard's own change. */
function asConnectWill(view: AgentView, ownChange: OwnChange | null): AgentView {
    return ownChange &&
        !ownChange.queued &&
        !view.hasLiveContact &&
        showsStateBefore(view, ownChange)
        ? { ...view, stateName: ownChange.sent.name, stateType: ownChange.sent.type }
        : view;
}

function skip(
    input: GuardInput,
    phase: GuardOutcome['phase'],
    skippedBecause: SkipReason,
    reason?: SessionEndReason
): GuardCommand {
    return {
        type: 'report',
        outcome: {
            at: input.now,
            phase,
            action: 'skipped',
            skippedBecause,
            ...(reason ? { reason } : {})
        }
    };
}

function setStatus(
    input: GuardInput,
    outcome: Omit<GuardOutcome, 'at'>,
    state: AgentStateOption,
    confirm: 'answer' | { signOutId: string } = 'answer'
): Extract<GuardCommand, { type: 'setStatus' }> {
    return {
        type: 'setStatus',
        state,
        enqueueNextState: outcome.action === 'enqueueNextState',
        outcome: { at: input.now, ...outcome },
        changeId: `${input.freshId}:change`,
        confirm
    };
}

/**
 * Only an agent who comes back Offline is moved (a status chosen since, such as Lunch, is kept),
 * unless the page is back within SessionEndTimer of this browser's last session end: then the
 * agent gets back what they had. InitialAgentState is for the start of a session: a softphone
 * that loads after another tab's (not the oldest live tab), or a page back from the cache while
 * other tabs live, joins a session already on and keeps the status the agent chose (Offline too).
 */
function applyInitialState(state: GuardState, input: GuardInput, how: 'load' | 'resume'): Step {
    const { view, settings } = input;
    const done = (...commands: GuardCommand[]): Step => ({
        state: { ...state, ownChange: null },
        commands
    });
    if (!view) {
        return { state, commands: [skip(input, 'initial', 'noAgent')] };
    }
    if (!profileMatches(view, settings.profileNameIncludes)) {
        return { state, commands: [skip(input, 'initial', 'profileNotMatched')] };
    }
    if (how === 'resume' && input.tabs && input.tabs.otherLiveTabs > 0) {
        return resumeBesideLiveTabs(state, input, input.tabs);
    }
    const record = input.tabs?.sessionEnd ?? null;
    if (view.hasLiveContact) {
        return reloadDuringContact(state, view, record, input);
    }
    const current = asConnectWill(view, state.ownChange);
    const reload = reloadDecision(
        record,
        view,
        current.stateName,
        input.now,
        settings.sessionEndTimerSeconds
    );
    const clearRecord: GuardCommand[] = record
        ? [{ type: 'clearSessionEnd', sessionEndId: record.sessionEndId }]
        : [];
    const sendInitial = (target: AgentStateOption, restored: GuardCommand[] = []): Step => {
        const send = setStatus(
            input,
            { phase: 'initial', action: 'setState', statusName: target.name },
            target
        );
        const ownChange = ownChangeFrom(view, target, send.changeId);
        return { state: { ...state, ownChange }, commands: [...clearRecord, ...restored, send] };
    };
    if (reload.kind === 'alreadyInStatus') {
        return done(...clearRecord, skip(input, 'initial', 'alreadyInStatus'));
    }
    if (reload.kind === 'restore' && record) {
        return sendInitial(reload.state, [announceRestored(record.sessionEndId)]);
    }
    if (current.stateType !== 'offline') {
        return done(...clearRecord, skip(input, 'initial', 'notOffline'));
    }
    if (reload.kind === 'chosenSince') {
        // Offline, but not by that session end: the agent (or a supervisor) chose it since.
        return done(...clearRecord, skip(input, 'initial', 'statusChosenSince'));
    }
    if (joinsSessionOfOtherTab(input.tabs, how)) {
        return done(...clearRecord, skip(input, 'initial', 'otherTabOpen'));
    }
    const target = resolveStatus(settings.initialAgentState, view.states);
    if (!target) {
        const warning: GuardWarning = {
            code: 'unknownStatus',
            statusName: statusName(settings.initialAgentState)
        };
        return done(
            ...clearRecord,
            { type: 'warn', warning },
            skip(input, 'initial', 'unknownStatus')
        );
    }
    if (sameName(target.name, current.stateName)) {
        return done(...clearRecord, skip(input, 'initial', 'alreadyInStatus'));
    }
    return sendInitial(target);
}

/**
 * Back from the cache beside live tabs: they hold the session. This page's snapshot is from
 * before the cache (it may miss a contact), so it decides nothing now; if its session end (or
 * another's) is still to be put back, it waits LEAVING_GRACE_MS like the others, and the leader
 * restores with the news it has then (this page too, if the others went meanwhile).
 */
function resumeBesideLiveTabs(state: GuardState, input: GuardInput, tabs: TabsView): Step {
    const commands: GuardCommand[] = [skip(input, 'initial', 'otherTabOpen')];
    const record = tabs.sessionEnd;
    if (!record || !isRecent(record, input)) {
        return { state: { ...state, ownChange: null }, commands };
    }
    const leaving: LeavingMessage = {
        type: 'leaving',
        tabId: record.byTabId,
        sessionEndId: record.sessionEndId,
        previousStatus: {
            name: record.previousStatusName,
            wasRoutable: record.previousWasRoutable,
            hadLiveContact: false
        },
        setStatusName: record.setStatusName,
        reason: 'pagehide'
    };
    return {
        state: {
            situation: {
                kind: 'otherTabLeaving',
                leaving,
                setShown: showsSetStatus(input.view, leaving)
            },
            ownChange: null
        },
        commands: [...commands, { type: 'startTimer', timer: 'grace', ms: LEAVING_GRACE_MS }]
    };
}

/** Another softphone of this browser started the session: this one joins it. */
function joinsSessionOfOtherTab(tabs: TabsView | null, how: 'load' | 'resume'): boolean {
    if (!tabs || tabs.otherLiveTabs === 0) {
        return false;
    }
    // Tabs that load together (a browser restoring its tabs) leave it to the oldest of them.
    return how === 'load' && !tabs.isLeader;
}

/**
 * A page back during a contact never applies InitialAgentState; but a reload whose session end
 * queued its status behind this contact queues the status the agent had again.
 */
function reloadDuringContact(
    state: GuardState,
    view: AgentView,
    record: SessionEndRecord | null,
    input: GuardInput
): Step {
    const reload =
        view.nextStateName === null
            ? null
            : reloadDecision(
                  record,
                  view,
                  view.nextStateName,
                  input.now,
                  input.settings.sessionEndTimerSeconds
              );
    if (!record || reload?.kind !== 'restore') {
        return { state, commands: [skip(input, 'initial', 'liveContact')] };
    }
    const outcome = {
        phase: 'initial' as const,
        action: 'enqueueNextState' as const,
        statusName: reload.state.name
    };
    const send = setStatus(input, outcome, reload.state);
    // Queued by this guard: until Streams shows it, a session end must not take the old queue for it.
    const ownChange = restoreChange(
        view,
        { state: reload.state, enqueueNextState: true },
        send.changeId
    );
    return {
        state: { ...state, ownChange },
        commands: [
            { type: 'clearSessionEnd', sessionEndId: record.sessionEndId },
            announceRestored(record.sessionEndId),
            send
        ]
    };
}

/**
 * The other tabs drop that session end: this tab put it back. A survivor would restore it again,
 * and the tab that ended it, if it stayed, would undo it over a status the agent picked since.
 */
function announceRestored(sessionEndId: string): GuardCommand {
    return { type: 'announce', message: { type: 'restored', sessionEndId } };
}

/** What a session end does to the agent, before the tabs and the stay watch are added. */
type SessionEndPlan =
    // `kept`: the agent, without a contact, stays in a status of their own (a reload keeps it too)
    | { kind: 'skip'; because: SkipReason; warnings: GuardCommand[]; kept?: AgentView }
    | {
          kind: 'change';
          view: AgentView;
          target: AgentStateOption;
          action: 'setState' | 'enqueueNextState' | 'logout';
          warnings: GuardCommand[];
      };

function planSessionEnd(
    ownChange: OwnChange | null,
    reason: SessionEndReason,
    input: GuardInput,
    conditionsMet = false // decided at the start of this session end (the Sign Out's last look)
): SessionEndPlan {
    const { settings } = input;
    if (!input.view) {
        return { kind: 'skip', because: 'noAgent', warnings: [] };
    }
    const view = asConnectWill(input.view, ownChange);
    if (!conditionsMet && !profileMatches(view, settings.profileNameIncludes)) {
        return { kind: 'skip', because: 'profileNotMatched', warnings: [] };
    }
    const kept = view.hasLiveContact ? undefined : view;
    if (!conditionsMet && !currentStateMatches(view, settings.currentAgentStates)) {
        return { kind: 'skip', because: 'stateNotMatched', warnings: [], kept };
    }
    // Status:Logout signs out of the CCP, which every tab shares: while other tabs of this browser
    // live, the session goes on there, so this tab only sets Offline like any other session end
    // (and the survivors put the status back).
    const logoutWanted = settings.sessionEndStatus.kind === 'logout';
    const othersRemain = reason !== 'signOut' && (input.tabs?.otherLiveTabs ?? 0) > 0;
    const warnings: GuardCommand[] = [];
    let target = resolveStatus(logoutWanted ? OFFLINE : settings.sessionEndStatus, view.states);
    if (!target) {
        // Unknown names fall back to Offline: the agent is never left Available.
        target = resolveStatus(OFFLINE, view.states);
        const warning: GuardWarning = {
            code: 'unknownStatus',
            statusName: statusName(settings.sessionEndStatus),
            ...(target ? { fallbackName: target.name } : {})
        };
        warnings.push({ type: 'warn', warning });
    }
    if (!target) {
        return { kind: 'skip', because: 'noAgent', warnings }; // no offline-type state: no agent data yet
    }
    if (view.hasLiveContact) {
        // Connect refuses a change during a contact; queue it so it applies when the contact ends.
        // Logout is never done during a contact: Offline is queued instead.
        // A status the guard queued itself that Streams does not show yet counts as queued.
        const queuedOwn = ownChange?.queued ? ownChange.sent : null;
        const alreadyQueued =
            view.nextStateName !== null &&
            sameName(view.nextStateName, target.name) &&
            (!queuedOwn || sameName(queuedOwn.name, target.name));
        return alreadyQueued
            ? { kind: 'skip', because: 'alreadyInStatus', warnings }
            : { kind: 'change', view, target, action: 'enqueueNextState', warnings };
    }
    // Already in the status only if Streams' snapshot and the guard's own pending change agree:
    // when they differ (the agent picked the old status again before Connect answered), sending
    // again is harmless and skipping is not.
    const snapshot = input.view;
    const alreadyThere =
        sameName(view.stateName, target.name) && sameName(snapshot.stateName, target.name);
    if (logoutWanted && !othersRemain) {
        const seen = alreadyThere || !sameName(view.stateName, target.name) ? view : snapshot;
        return { kind: 'change', view: seen, target, action: 'logout', warnings };
    }
    // Sign Out sends even then: it is the last word before the CCP goes, and a snapshot that lags
    // (a slow Connect) may not show a restore another tab just made.
    return alreadyThere && reason !== 'signOut'
        ? { kind: 'skip', because: 'alreadyInStatus', warnings, kept }
        : { kind: 'change', view, target, action: 'setState', warnings };
}

/**
 * The first of beforeunload, pagehide and Sign Out ends the session: one status change per session
 * end. A closing page leaves the tab registry, tells the others what it changed and leaves the
 * record a reload reads; after beforeunload it watches whether the page stays.
 */
function endSession(
    state: GuardState,
    situation: LiveSituation,
    reason: SessionEndReason,
    input: GuardInput
): Step {
    const loggingOut = situation.kind === 'loggingOut';
    const afterStay = situation.kind === 'sessionOverElsewhere' ? 'sessionOverElsewhere' : 'live';
    const commands: GuardCommand[] = [];
    if (reason !== 'signOut') {
        commands.push(...stopRestoring(), { type: 'leaveTabs' });
        if (loggingOut) {
            commands.push(
                { type: 'announce', message: { type: 'logout' } },
                { type: 'clearSessionEnd' }
            );
        }
    }
    const plan = planSessionEnd(state.ownChange, reason, input);
    commands.push(...plan.warnings);
    if (reason === 'signOut' && !(plan.kind === 'change' && plan.action === 'enqueueNextState')) {
        // The session is over in every tab from now: no tab restores, no page back reads a record.
        commands.push(
            { type: 'announce', message: { type: 'signOut' } },
            { type: 'clearSessionEnd' }
        );
        if (situation.kind === 'sessionOverElsewhere') {
            // Counted again until signed out: a tab opened meanwhile must not start a session.
            commands.push({ type: 'rejoinTabs' });
        }
    }
    const watchStay: GuardCommand = { type: 'startTimer', timer: 'stay', ms: STAY_DETECTION_MS };
    if (plan.kind === 'skip') {
        if (
            plan.kept &&
            !loggingOut &&
            reason !== 'signOut' &&
            !setByLastSessionEnd(plan.kept, input)
        ) {
            // An agent who chose Offline (or a status the Value leaves alone) and reloads keeps it:
            // a page back within SessionEndTimer reads this instead of applying InitialAgentState.
            commands.push(sessionEndRecord(plan.kept, plan.kept.stateName, input));
        }
        commands.push(skip(input, 'sessionEnd', plan.because, reason));
        if (reason !== 'beforeunload') {
            const met = plan.because === 'alreadyInStatus';
            return { state: { ...state, situation: over(reason, met) }, commands };
        }
        const mayStay: Situation = { kind: 'mayStay', undo: null, signOut: null, afterStay };
        return { state: { ...state, situation: mayStay }, commands: [...commands, watchStay] };
    }
    const { view, target, action } = plan;
    const base = { phase: 'sessionEnd' as const, reason, statusName: target.name };
    if (action === 'logout') {
        const signedOut = logOut(
            state,
            reason,
            view,
            target,
            { ...base, action },
            input,
            afterStay
        );
        // A reload signs in again: within SessionEndTimer it gets back what the agent had.
        const record =
            loggingOut || reason === 'signOut' || setByLastSessionEnd(view, input)
                ? []
                : [sessionEndRecord(view, target.name, input)];
        return {
            state: signedOut.state,
            commands: [...commands, ...record, ...signedOut.commands]
        };
    }
    const send = setStatus(input, { ...base, action }, target);
    commands.push(send);
    if (!loggingOut && reason !== 'signOut') {
        commands.push(...announceLeaving(view, target, reason, input));
    }
    const ownChange = restoreChange(
        view,
        { state: target, enqueueNextState: action === 'enqueueNextState' },
        send.changeId
    );
    if (reason !== 'beforeunload') {
        return { state: { ownChange, situation: over(reason, true) }, commands };
    }
    const mayStay: Situation = {
        kind: 'mayStay',
        undo: {
            before: view,
            sent: target,
            ...(loggingOut ? {} : { sessionEndId: input.freshId })
        },
        signOut: null,
        afterStay
    };
    return { state: { ownChange, situation: mayStay }, commands: [...commands, watchStay] };
}

/**
 * The agent is in that status because another tab's session end just set it (its record is
 * recent): that record already says what the agent had, and a record of "kept" would hide it.
 */
function setByLastSessionEnd(view: AgentView, input: GuardInput): boolean {
    const record = input.tabs?.sessionEnd;
    return (
        !!record &&
        isRecent(record, input) &&
        sameName(record.setStatusName, view.stateName) &&
        !sameName(record.previousStatusName, view.stateName)
    );
}

/** Within SessionEndTimer of that session end: a page back then is its reload. */
function isRecent(record: SessionEndRecord, input: GuardInput): boolean {
    return input.now - record.endedAt <= input.settings.sessionEndTimerSeconds * 1000;
}

/** Where a session end that cannot stay leads: Sign Out is for good, even back from the cache. */
function over(reason: 'pagehide' | 'signOut', conditionsMet: boolean): Situation {
    return reason === 'signOut' ? { kind: 'signedOut', conditionsMet } : { kind: 'ended' };
}

/** Whether the Sign Out under way found the Value's conditions met (then its last look ends any status). */
function conditionsMetAtSignOut(situation: Situation): boolean {
    return (
        situation.kind === 'signingOut' ||
        (situation.kind === 'signedOut' && situation.conditionsMet)
    );
}

/** Tells the other tabs what this session end changed, and leaves the record a page coming back reads. */
function announceLeaving(
    view: AgentView,
    sent: AgentStateOption,
    reason: 'beforeunload' | 'pagehide',
    input: GuardInput
): GuardCommand[] {
    const sessionEndId = input.freshId;
    const previousStatus = previousStatusOf(view);
    return [
        sessionEndRecord(view, sent.name, input),
        {
            type: 'announce',
            message: {
                type: 'leaving',
                sessionEndId,
                previousStatus,
                setStatusName: sent.name,
                reason
            }
        }
    ];
}

/** The record a page coming back within SessionEndTimer reads (reload, back/forward cache). */
function sessionEndRecord(view: AgentView, setStatusName: string, input: GuardInput): GuardCommand {
    const previousStatus = previousStatusOf(view);
    return {
        type: 'writeSessionEnd',
        record: {
            sessionEndId: input.freshId,
            endedAt: input.now,
            previousStatusName: previousStatus.name,
            previousWasRoutable: previousStatus.wasRoutable,
            setStatusName
        }
    };
}

/**
 * Status:Logout: Offline first, because the CCP's /logout leaves the status as it was (#493); then
 * Streams' logout. A page that is going signs out at once, or, after `beforeunload`, from the
 * `pagehide` that follows (the page may still stay); Sign Out waits for Connect's answer (at most
 * SIGN_OUT_WAIT_MS) so that the logout does not overtake the status change.
 */
function logOut(
    state: GuardState,
    reason: SessionEndReason,
    view: AgentView,
    offline: AgentStateOption,
    outcome: Omit<GuardOutcome, 'at'>,
    input: GuardInput,
    afterStay: 'live' | 'sessionOverElsewhere'
): Step {
    const signOutId = `${input.freshId}:signOut`;
    const ended = (commands: GuardCommand[]): Step => ({
        state: {
            ...state,
            situation: reason === 'signOut' ? over(reason, true) : { kind: 'ended' }
        },
        commands
    });
    const mayStay = (
        undo: Undo | null,
        signOut: DeferredSignOut,
        commands: GuardCommand[]
    ): Step => ({
        state: { ...state, situation: { kind: 'mayStay', undo, signOut, afterStay } },
        commands: [...commands, { type: 'startTimer', timer: 'stay', ms: STAY_DETECTION_MS }]
    });
    if (sameName(view.stateName, offline.name) && reason !== 'signOut') {
        const report: GuardCommand = { type: 'report', outcome: { at: input.now, ...outcome } };
        const confirm = report.outcome;
        return reason === 'beforeunload'
            ? mayStay({ before: view, sent: offline }, { signOutId, confirm }, [report])
            : ended([report, { type: 'signOut', signOutId, confirm }]);
    }
    if (reason === 'beforeunload') {
        // The answer must not sign out: the page may still stay.
        const send = setStatus(input, outcome, offline);
        return mayStay({ before: view, sent: offline }, { signOutId }, [send]);
    }
    const send = setStatus(input, outcome, offline, { signOutId });
    if (reason === 'pagehide') {
        return ended([send, { type: 'signOut', signOutId }]);
    }
    return {
        state: {
            ownChange: ownChangeFrom(view, offline, send.changeId),
            situation: { kind: 'signingOut', changeId: send.changeId, signOutId, checked: false }
        },
        commands: [send, { type: 'startTimer', timer: 'signOutWait', ms: SIGN_OUT_WAIT_MS }]
    };
}

function runDeferredSignOut(situation: Situation): GuardCommand[] {
    if (situation.kind === 'mayStay' && situation.signOut) {
        return [{ type: 'signOut', ...situation.signOut }];
    }
    if (situation.kind === 'signingOut') {
        return [
            { type: 'cancelTimer', timer: 'signOutWait' },
            { type: 'signOut', signOutId: situation.signOutId }
        ];
    }
    return [];
}

/**
 * A session end after the first: nothing is sent again, but a waiting sign-out goes now. Only
 * `pagehide` follows a session end that is really over: another `beforeunload` or a Sign Out
 * click while the guard still waits to see whether the page stayed proves that it did (the agent
 * may have picked a status since), so the page is armed again and this is a new session end.
 */
function endAgain(state: GuardState, reason: SessionEndReason, input: GuardInput): Step {
    const { situation } = state;
    if (situation.kind === 'mayStay' && reason !== 'pagehide') {
        const live: LiveSituation = { kind: situation.afterStay };
        const undone = asUndone(situation, state.ownChange, input);
        const rearmed: GuardState = { situation: live, ownChange: undone.ownChange };
        const again = endSession(rearmed, live, reason, undone.input);
        const rejoin: GuardCommand[] = live.kind === 'live' ? [{ type: 'rejoinTabs' }] : [];
        return {
            state: again.state,
            commands: [{ type: 'cancelTimer', timer: 'stay' }, ...rejoin, ...again.commands]
        };
    }
    const signedOut = situation.kind === 'signingOut' || situation.kind === 'signedOut';
    // A page that goes while its Sign Out waits: a status the agent picked since is ended too
    // (from beforeunload; what pagehide sends never reaches Connect).
    const again = signedOut && reason !== 'pagehide' ? statusAgain(state, input, reason) : null;
    const commands: GuardCommand[] = [
        ...(again ? [again.send] : []),
        ...runDeferredSignOut(situation),
        ...(again ? [] : [skip(input, 'sessionEnd', 'alreadyEnded', reason)])
    ];
    if (situation.kind === 'mayStay') {
        commands.unshift({ type: 'cancelTimer', timer: 'stay' }); // the page is going after all
    }
    return {
        state: {
            ownChange: again ? again.ownChange : state.ownChange,
            situation: signedOut
                ? { kind: 'signedOut', conditionsMet: conditionsMetAtSignOut(situation) }
                : { kind: 'ended' }
        },
        commands
    };
}

/**
 * A page that stayed and ends again before its stay was noticed (a reload after "Stay"): the
 * change the stay would undo counts as undone, so this session end, its record and its message
 * carry the status the agent had, not the one the first session end set.
 */
function asUndone(
    situation: Extract<Situation, { kind: 'mayStay' }>,
    ownChange: OwnChange | null,
    input: GuardInput
): { input: GuardInput; ownChange: OwnChange | null } {
    const restore =
        situation.undo && input.view
            ? restoreAfterStay(situation.undo.before, situation.undo.sent, input.view)
            : null;
    if (!restore || !input.view) {
        return { input, ownChange };
    }
    const view: AgentView = restore.enqueueNextState
        ? { ...input.view, nextStateName: restore.state.name }
        : { ...input.view, stateName: restore.state.name, stateType: restore.state.type };
    return { input: { ...input, view }, ownChange: null };
}

/** The page stayed after the beforeunload that ended its session: a tab again, armed again. */
function stayed(state: GuardState, input: GuardInput): Step {
    const { situation } = state;
    if (situation.kind !== 'mayStay') {
        return { state, commands: [] };
    }
    const commands: GuardCommand[] = situation.afterStay === 'live' ? [{ type: 'rejoinTabs' }] : [];
    const next: GuardState = {
        situation: { kind: situation.afterStay },
        ownChange: state.ownChange
    };
    if (!situation.undo) {
        return { state: next, commands };
    }
    const restore = input.view
        ? restoreAfterStay(situation.undo.before, situation.undo.sent, input.view)
        : null;
    if (!restore || !input.view) {
        return { state: { ...next, ownChange: null }, commands };
    }
    const action = restore.enqueueNextState ? 'enqueueNextState' : 'setState';
    const send = setStatus(
        input,
        { phase: 'restore', reason: 'beforeunload', action, statusName: restore.state.name },
        restore.state
    );
    return {
        state: { ...next, ownChange: restoreChange(input.view, restore, send.changeId) },
        commands: [...commands, send]
    };
}

/**
 * A restore is a change of the guard's own too: until Streams shows it (or Connect answers), a
 * session end must see the agent in the restored status, not in the one the snapshot still shows.
 */
function restoreChange(
    view: AgentView,
    restore: { state: AgentStateOption; enqueueNextState: boolean },
    changeId: string
): OwnChange {
    return ownChangeFrom(view, restore.state, changeId, restore.enqueueNextState);
}

/**
 * A page back from the back/forward cache is a new session: re-armed, and once Streams has news
 * (or RESUME_WAIT_MS passed) the initial status again. Not after the softphone's Sign Out: the
 * agent signed out, the sign-out goes on.
 */
function pageRestored(state: GuardState, input: GuardInput): Step {
    const { kind } = state.situation;
    if (kind === 'signingOut' || kind === 'signedOut') {
        return { state, commands: [skip(input, 'initial', 'alreadyEnded')] };
    }
    return {
        state: { ...state, situation: { kind: 'resuming' } },
        commands: [
            { type: 'cancelTimer', timer: 'stay' },
            { type: 'cancelTimer', timer: 'signOutWait' },
            { type: 'rejoinTabs' },
            { type: 'startTimer', timer: 'resume', ms: RESUME_WAIT_MS }
        ]
    };
}

/** Streams' news since the cache came (or its wait is over): the page decides on it now. */
function resumeWithNews(state: GuardState, input: GuardInput): Step {
    const rearmed: GuardState = { ...state, situation: { kind: 'live' } };
    const initial = applyInitialState(rearmed, input, 'resume');
    return {
        state: initial.state,
        commands: [{ type: 'cancelTimer', timer: 'resume' }, ...initial.commands]
    };
}

/** Salesforce's Log Out: the other tabs are told not to restore, and no record is left. */
function navigatingToLogout(state: GuardState): Step {
    const commands: GuardCommand[] = [
        { type: 'announce', message: { type: 'logout' } },
        { type: 'clearSessionEnd' }
    ];
    if (!isLive(state.situation)) {
        return { state, commands };
    }
    return {
        state: { ...state, situation: { kind: 'loggingOut' } },
        commands: [...commands, ...stopRestoring()]
    };
}

function stopRestoring(): GuardCommand[] {
    return [
        { type: 'cancelTimer', timer: 'grace' },
        { type: 'cancelTimer', timer: 'sessionCheck' },
        { type: 'cancelTimer', timer: 'resume' }
    ];
}

function tabMessage(state: GuardState, message: TabMessage, view: AgentView | null): Step {
    const { situation } = state;
    if (message.type === 'restored') {
        return sessionEndRestored(state, message.sessionEndId);
    }
    if (message.type === 'logout' || message.type === 'signOut') {
        const commands: GuardCommand[] =
            message.type === 'signOut' ? [{ type: 'signedOutElsewhere' }] : [];
        if (situation.kind === 'mayStay') {
            // The session is over: the page may stay, but what its session end set is not undone.
            const ended: Situation = {
                ...situation,
                undo: null,
                afterStay: 'sessionOverElsewhere'
            };
            return { state: { ...state, situation: ended }, commands };
        }
        if (isLive(situation) && situation.kind !== 'loggingOut') {
            // Out of the registry too: a softphone of the next login must not join this session.
            return {
                state: { ...state, situation: { kind: 'sessionOverElsewhere' } },
                commands: [...stopRestoring(), { type: 'leaveTabs' }, ...commands]
            };
        }
        return { state, commands };
    }
    // Tabs of one window leave together: the first message holds the status the agent had (the
    // later ones may have seen the first change already); each one restarts the wait.
    const grace: GuardCommand = { type: 'startTimer', timer: 'grace', ms: LEAVING_GRACE_MS };
    if (situation.kind === 'live') {
        const setShown = showsSetStatus(view, message);
        return {
            state: { ...state, situation: { kind: 'otherTabLeaving', leaving: message, setShown } },
            commands: [grace]
        };
    }
    if (situation.kind === 'otherTabLeaving' || situation.kind === 'checkingSession') {
        const leaving = laterChoice(situation.leaving, message) ? message : situation.leaving;
        const setShown = situation.setShown || showsSetStatus(view, leaving);
        return {
            state: { ...state, situation: { kind: 'otherTabLeaving', leaving, setShown } },
            commands: [{ type: 'cancelTimer', timer: 'sessionCheck' }, grace]
        };
    }
    return { state, commands: [] };
}

/** A page back put a session end back: nobody else restores it, neither a survivor nor a stay. */
function sessionEndRestored(state: GuardState, sessionEndId: string): Step {
    const { situation } = state;
    const waiting = situation.kind === 'otherTabLeaving' || situation.kind === 'checkingSession';
    if (waiting && situation.leaving.sessionEndId === sessionEndId) {
        return { state: { ...state, situation: { kind: 'live' } }, commands: stopRestoring() };
    }
    if (situation.kind === 'mayStay' && situation.undo?.sessionEndId === sessionEndId) {
        return { state: { ...state, situation: { ...situation, undo: null } }, commands: [] };
    }
    return { state, commands: [] };
}

/**
 * A later tab left from a status that is neither the one the first tab set nor the one it left
 * from: the agent chose it in between, so that is what they had.
 */
function laterChoice(first: LeavingMessage, later: LeavingMessage): boolean {
    const name = later.previousStatus.name;
    return !sameName(name, first.setStatusName) && !sameName(name, first.previousStatus.name);
}

function timerFired(state: GuardState, timer: TimerName, input: GuardInput): Step {
    const { situation } = state;
    if (timer === 'stay' && situation.kind === 'mayStay') {
        return stayed(state, input);
    }
    if (timer === 'resume' && situation.kind === 'resuming') {
        return resumeWithNews(state, input); // no news: nothing changed while the page was away
    }
    if (timer === 'grace' && situation.kind === 'otherTabLeaving') {
        // The leader (oldest live tab) decides for all, once Salesforce says the session is on.
        if (!input.tabs?.isLeader) {
            return { state: { ...state, situation: { kind: 'live' } }, commands: [] };
        }
        const checkId = `${input.freshId}:check`;
        return {
            state: {
                ...state,
                situation: {
                    kind: 'checkingSession',
                    leaving: situation.leaving,
                    setShown: situation.setShown,
                    checkId
                }
            },
            commands: [
                { type: 'checkSession', checkId },
                { type: 'startTimer', timer: 'sessionCheck', ms: SESSION_CHECK_TIMEOUT_MS }
            ]
        };
    }
    if (timer === 'sessionCheck' && situation.kind === 'checkingSession') {
        return { state: { ...state, situation: { kind: 'live' } }, commands: [] }; // no answer: gone
    }
    if (timer === 'signOutWait' && situation.kind === 'signingOut') {
        return signOutAfterLastLook(state, situation, input);
    }
    return { state, commands: [] };
}

/** The session is on: the leader puts back what the agent had before the other tab closed. */
function sessionChecked(
    state: GuardState,
    event: Extract<GuardEvent, { type: 'sessionChecked' }>,
    input: GuardInput
): Step {
    const { situation } = state;
    if (situation.kind !== 'checkingSession' || situation.checkId !== event.checkId) {
        return { state, commands: [] };
    }
    const live: GuardState = { ...state, situation: { kind: 'live' } };
    const commands: GuardCommand[] = [{ type: 'cancelTimer', timer: 'sessionCheck' }];
    const restore =
        event.active && input.view ? restoreAfterOtherTab(input.view, situation.leaving) : null;
    if (!restore || !input.view) {
        return { state: live, commands };
    }
    const action = restore.enqueueNextState ? 'enqueueNextState' : 'setState';
    const send = setStatus(
        input,
        { phase: 'restore', action, statusName: restore.state.name },
        restore.state
    );
    return {
        state: { ...live, ownChange: restoreChange(input.view, restore, send.changeId) },
        commands: [
            ...commands,
            { type: 'clearSessionEnd', sessionEndId: situation.leaving.sessionEndId },
            announceRestored(situation.leaving.sessionEndId),
            send
        ]
    };
}

/**
 * Sign Out with Status:Logout: Connect has Offline, the sign-out may go. (Connect's answer says
 * nothing about Streams' snapshot, which may still lag: `ownChange` stays until it shows.)
 */
function changeAnswered(
    state: GuardState,
    event: Extract<GuardEvent, { type: 'changeAnswered' }>,
    input: GuardInput
): Step {
    const own = state.ownChange;
    const known: GuardState =
        own && own.changeId === event.changeId && event.ok
            ? { ...state, ownChange: { ...own, answered: true } }
            : state;
    const { situation } = known;
    if (situation.kind !== 'signingOut' || situation.changeId !== event.changeId) {
        return { state: known, commands: [] };
    }
    const next = signOutAfterLastLook(known, situation, input);
    return { ...next, commands: [{ type: 'cancelTimer', timer: 'signOutWait' }, ...next.commands] };
}

/**
 * Status:Logout's wait is over: sign out, unless the agent picked a status in the CCP meanwhile.
 * Then the session-end status goes once more, and the sign-out follows its answer.
 */
function signOutAfterLastLook(
    state: GuardState,
    situation: Extract<Situation, { kind: 'signingOut' }>,
    input: GuardInput
): Step {
    const again = situation.checked ? null : statusAgain(state, input, 'signOut');
    if (!again) {
        return {
            state: { ...state, situation: { kind: 'signedOut', conditionsMet: true } },
            commands: [{ type: 'signOut', signOutId: situation.signOutId }]
        };
    }
    const { send, ownChange } = again;
    const signOutId = situation.signOutId;
    return {
        state: {
            ownChange,
            situation: { kind: 'signingOut', changeId: send.changeId, signOutId, checked: true }
        },
        commands: [send, { type: 'startTimer', timer: 'signOutWait', ms: SIGN_OUT_WAIT_MS }]
    };
}

/**
 * The Sign Out's last look before the CCP's sign-out: a status the agent picked in the CCP while
 * Connect answered would outlive the sign-out (/logout keeps the status, #493), so the
 * session-end status goes again. Never during a contact (the Sign Out button waits those out).
 */
function statusAgain(
    state: GuardState,
    input: GuardInput,
    reason: SessionEndReason
): { send: Extract<GuardCommand, { type: 'setStatus' }>; ownChange: OwnChange } | null {
    const met = conditionsMetAtSignOut(state.situation);
    const plan = planSessionEnd(state.ownChange, 'signOut', input, met);
    if (plan.kind !== 'change' || !input.view) {
        return null;
    }
    // A contact came meanwhile (the agent had picked a routable status): queue it behind.
    const queued = plan.action === 'enqueueNextState';
    // Once Connect confirmed the change, a snapshot without it only lags; with no answer there is
    // no news at all, and the agent may have picked a status Streams does not show yet either.
    const own = state.ownChange;
    const seen = own?.answered ? asConnectWill(input.view, own) : input.view;
    if (!queued && sameName(seen.stateName, plan.target.name)) {
        return null;
    }
    const outcome = {
        phase: 'sessionEnd' as const,
        reason,
        action: queued ? ('enqueueNextState' as const) : ('setState' as const),
        statusName: plan.target.name
    };
    const send = setStatus(input, outcome, plan.target);
    return { send, ownChange: ownChangeFrom(plan.view, plan.target, send.changeId, queued) };
}

/** The softphone signs out of the CCP itself (every Value but Status:Logout): the last look first. */
function signOutDue(state: GuardState, input: GuardInput): Step {
    if (state.situation.kind !== 'signedOut') {
        return { state, commands: [] };
    }
    const again = statusAgain(state, input, 'signOut');
    return again
        ? { state: { ...state, ownChange: again.ownChange }, commands: [again.send] }
        : { state, commands: [] };
}
