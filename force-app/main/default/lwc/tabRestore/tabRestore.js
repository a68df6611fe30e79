import { findState, sameName, sameNullable } from 'c/agentStatus';
/**
 * What the agent had before this session end changed it: behind a contact the status that counts
 * is the queued one, else the one they chose; without a contact, their status.
 */
export function previousStatusOf(view) {
    const name = view.hasLiveContact
        ? (view.nextStateName ?? view.availabilityStateName ?? view.stateName)
        : view.stateName;
    const type = view.hasLiveContact ? findState(view, name)?.type : view.stateType;
    return { name, wasRoutable: type === 'routable', hadLiveContact: view.hasLiveContact };
}
/**
 * Another tab's session end set the status although this tab stays: put back what the agent had,
 * if the agent is still in the status that tab set (or Streams still shows the previous one).
 * Behind a contact the queued status counts; none queued counts as unchanged.
 */
export function restoreAfterOtherTab(view, message) {
    const { previousStatus, setStatusName } = message;
    const mark = view.hasLiveContact ? view.nextStateName : view.stateName;
    const unchanged = [setStatusName, previousStatus.name].some((name) => sameNullable(name, mark)) ||
        (view.hasLiveContact && mark === null);
    const state = findState(view, previousStatus.name);
    if (!unchanged || !state || sameName(state.name, setStatusName)) {
        return null;
    }
    return { state, enqueueNextState: view.hasLiveContact };
}
/**
 * Streams shows the status a leaving tab set (without a contact: behind one the queue counts).
 * Once it has, a move off it is the agent's own choice, not a snapshot catching up.
 */
export function showsSetStatus(view, leaving) {
    return !!view && !view.hasLiveContact && sameName(view.stateName, leaving.setStatusName);
}
/**
 * Back within SessionEndTimer seconds of this browser's last session end, in the status it set:
 * a reload, not a new login. The agent gets back what they had (Lunch stays Lunch).
 * `currentName`: the agent's status as Connect will hold it (Streams' snapshot may lag).
 */
export function reloadDecision(record, view, currentName, now, sessionEndTimerSeconds) {
    if (!record) {
        return { kind: 'newLogin' };
    }
    const previous = findState(view, record.previousStatusName);
    const recent = now - record.endedAt <= sessionEndTimerSeconds * 1000;
    if (!recent || !previous) {
        return { kind: 'newLogin' };
    }
    if (!sameName(currentName, record.setStatusName)) {
        return { kind: 'chosenSince' };
    }
    return sameName(previous.name, currentName)
        ? { kind: 'alreadyInStatus' }
        : { kind: 'restore', state: previous };
}
/**
 * While the page may yet stay: the agent picked a status of their own since the session end's
 * change, so a stay has nothing to undo, even once they pick the status that change set again.
 * A snapshot that still shows the state the change left (same start) only lags. Behind a contact
 * the queued status is what `restoreAfterStay` compares.
 */
export function choseSinceChange(before, sent, now) {
    if (before.hasLiveContact || now.hasLiveContact || sameName(now.stateName, sent.name)) {
        return false;
    }
    const lagging = sameName(now.stateName, before.stateName) &&
        (before.stateSince == null ||
            now.stateSince == null ||
            now.stateSince === before.stateSince);
    return !lagging;
}
/**
 * The page stayed after the `beforeunload` that ended its session: undo the change, unless the
 * agent moved on since (another status, or the contact's queued status changed). Streams'
 * snapshot may not show the change yet: unchanged counts as not moved on (sending again is
 * harmless).
 */
export function restoreAfterStay(before, sent, now) {
    const mark = (view) => before.hasLiveContact ? view.nextStateName : view.stateName;
    const movedOn = ![sent.name, mark(before)].some((name) => sameNullable(name, mark(now)));
    // What the agent had: their status, or behind a contact the queued status, else the one they
    // chose (queuing the current status again clears the queued one).
    const wanted = before.hasLiveContact
        ? (before.nextStateName ?? before.availabilityStateName)
        : before.stateName;
    const state = findState(before, wanted);
    if (movedOn || !state || sameName(state.name, sent.name)) {
        return null;
    }
    return { state, enqueueNextState: now.hasLiveContact };
}
