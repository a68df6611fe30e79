/**
 * The Details view: what the softphone knows and did, in words, for an agent or an admin helping
 * them. Whether the session-end feature is on for this agent (and why not), its effective settings,
 * the agent's routing profile and status, and the last guard outcome of each phase with Connect's
 * answer. Pure functions over plain data, so the component only stores state and renders.
 */
import { SESSION_END_FEATURE_NAME } from 'c/featureValueParser';
import { LABELS, formatLabel } from './labels';
// Records over the unions make the compiler ask for words when the guard gains a variant.
const SKIP_LABELS = {
    featureOff: LABELS.detailsSkipFeatureOff,
    profileNotMatched: LABELS.detailsSkipProfileNotMatched,
    stateNotMatched: LABELS.detailsSkipStateNotMatched,
    alreadyInStatus: LABELS.detailsSkipAlreadyInStatus,
    notOffline: LABELS.detailsSkipNotOffline,
    liveContact: LABELS.detailsSkipLiveContact,
    noAgent: LABELS.detailsSkipNoAgent,
    alreadyEnded: LABELS.detailsSkipAlreadyEnded,
    unknownStatus: LABELS.detailsSkipUnknownStatus,
    otherTabOpen: LABELS.detailsSkipOtherTabOpen,
    statusChosenSince: LABELS.detailsSkipStatusChosenSince
};
const REASON_LABELS = {
    signOut: LABELS.detailsReasonSignOut,
    beforeunload: LABELS.detailsReasonBeforeUnload,
    pagehide: LABELS.detailsReasonPageHide
};
const ACTION_LABELS = {
    setState: LABELS.detailsActionSet,
    enqueueNextState: LABELS.detailsActionQueued,
    logout: LABELS.detailsActionLogout
};
/**
 * Keeps the last outcome of each phase. A later "session had already ended" says nothing new, so
 * it never hides what the first session end sent; Connect's answer to an older change never
 * replaces a newer one.
 */
export function recordOutcome(outcomes, outcome) {
    const previous = outcomes.find((item) => item.phase === outcome.phase);
    if (previous && outcome.skippedBecause === 'alreadyEnded') {
        return outcomes;
    }
    if (previous && outcome.confirmed !== undefined && previous.at > outcome.at) {
        return outcomes;
    }
    return [...outcomes.filter((item) => item !== previous), outcome];
}
/** Term/text rows: the feature, its settings, the agent, then what the guard did. */
export function buildDetailRows(input) {
    const format = formatters(input.locale, input.timeZone);
    return [
        ...(input.refusedUrl
            ? [
                {
                    key: 'refusedUrl',
                    term: formatLabel(LABELS.detailsUrlRefusedTerm, input.refusedUrl.fieldLabel),
                    text: input.refusedUrl.rule
                }
            ]
            : []),
        {
            key: 'feature',
            term: LABELS.detailsFeatureTerm,
            text: describeFeature(input, format.list)
        },
        ...(input.settings ? settingRows(input.settings, format.list) : []),
        ...(input.agent ? agentRows(input.agent) : []),
        ...(input.settings ? outcomeRows(input.outcomes, format.time) : [])
    ];
}
function describeFeature({ adapterName, settings, outcomes }, list) {
    if (!settings) {
        return formatLabel(LABELS.detailsFeatureOffNoRecord, SESSION_END_FEATURE_NAME, adapterName);
    }
    // The guard checks IfProfileNameIncludes in each phase; its latest word is the current one.
    const latest = [...outcomes].sort((a, b) => b.at - a.at)[0];
    if (latest?.skippedBecause === 'profileNotMatched') {
        return formatLabel(LABELS.detailsFeatureOffProfile, list(settings.profileNameIncludes));
    }
    return LABELS.detailsFeatureOn;
}
function settingRows(settings, list) {
    // An empty list means "no condition": say so in words rather than show nothing.
    const orEmpty = (items, whenEmpty) => {
        return items.length > 0 ? list(items) : whenEmpty;
    };
    return [
        {
            key: 'sessionEndStatus',
            term: LABELS.settingSessionEndStatus,
            text: describeStatus(settings.sessionEndStatus)
        },
        {
            key: 'profileNames',
            term: LABELS.settingProfileNames,
            text: orEmpty(settings.profileNameIncludes, LABELS.settingEveryone)
        },
        {
            key: 'currentStatuses',
            term: LABELS.settingCurrentStatuses,
            text: orEmpty(settings.currentAgentStates, LABELS.settingAnyStatus)
        },
        {
            key: 'initialStatus',
            term: LABELS.settingInitialStatus,
            text: describeStatus(settings.initialAgentState)
        },
        {
            // A page back within the timer counts as a reload (docs/architecture.md).
            key: 'sessionEndTimer',
            term: LABELS.settingSessionEndTimer,
            text: formatLabel(LABELS.detailsTimerValue, settings.sessionEndTimerSeconds)
        }
    ];
}
function agentRows(agent) {
    return [
        {
            key: 'routingProfile',
            term: LABELS.detailsRoutingProfile,
            text: agent.routingProfileName
        },
        {
            key: 'currentStatus',
            term: LABELS.detailsCurrentStatus,
            text: agent.nextStateName
                ? formatLabel(LABELS.detailsStatusWithNext, agent.stateName, agent.nextStateName)
                : agent.stateName
        }
    ];
}
function outcomeRows(outcomes, time) {
    if (outcomes.length === 0) {
        return [
            {
                key: 'outcome-none',
                term: LABELS.detailsPhaseInitial,
                text: LABELS.detailsNoOutcomes
            }
        ];
    }
    // Login first, then the session end, then anything the guard did after (by time).
    const rank = (outcome) => (outcome.phase === 'initial' ? 0 : 1);
    return [...outcomes]
        .sort((a, b) => rank(a) - rank(b) || a.at - b.at)
        .map((outcome) => ({
        key: `outcome-${outcome.phase}`,
        term: phaseTerm(outcome),
        text: describeAction(outcome),
        meta: describeWhen(outcome, time)
    }));
}
function phaseTerm(outcome) {
    if (outcome.phase === 'initial') {
        return LABELS.detailsPhaseInitial;
    }
    if (outcome.phase === 'sessionEnd') {
        return outcome.reason
            ? formatLabel(LABELS.detailsPhaseSessionEndReason, REASON_LABELS[outcome.reason])
            : LABELS.detailsPhaseSessionEnd;
    }
    return LABELS.detailsPhaseOther; // e.g. the status given back when the agent stayed on the page
}
function describeAction(outcome) {
    if (outcome.action === 'skipped') {
        const why = outcome.skippedBecause ? SKIP_LABELS[outcome.skippedBecause] : '';
        return formatLabel(LABELS.detailsActionSkipped, why);
    }
    return formatLabel(ACTION_LABELS[outcome.action], outcome.statusName ?? '');
}
/** Nothing was sent for a skip, so there is no answer to wait for. */
function describeWhen(outcome, time) {
    if (outcome.action === 'skipped') {
        return time(outcome.at);
    }
    const answer = outcome.confirmed === undefined
        ? LABELS.detailsNotAnswered
        : outcome.confirmed
            ? LABELS.detailsConfirmed
            : LABELS.detailsRefused;
    return formatLabel(LABELS.detailsOutcomeWhen, time(outcome.at), answer);
}
function describeStatus(status) {
    return status.kind === 'logout' ? LABELS.settingSignOut : status.name;
}
/**
 * Times and lists in the user's Salesforce locale and time zone. An identifier this browser's Intl
 * does not know falls back to the browser's own, rather than breaking the view.
 */
function formatters(locale, timeZone) {
    let time;
    let list;
    try {
        time = new Intl.DateTimeFormat(locale, { timeStyle: 'medium', timeZone });
        list = new Intl.ListFormat(locale, { type: 'disjunction' });
    }
    catch {
        time = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });
        list = new Intl.ListFormat(undefined, { type: 'disjunction' });
    }
    return { time: (at) => time.format(at), list: (items) => list.format(items) };
}
