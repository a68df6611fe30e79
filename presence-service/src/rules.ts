// The rules, as pure functions: from the stored presence, the clock and Connect's answers to the
// PutUserStatus calls to make. The sweeper (sweep.ts) does the I/O around them.
import type {
    AgentPresence,
    AgentStatus,
    BrowserPresence,
    ConnectAgentView,
    DeparturePath,
    PresenceSettings,
    Timing
} from './model';

/** An agent whose silence or leave asks for a look at Connect. */
export interface DueCheck {
    key: string;
    path: DeparturePath;
    /** When the agent was last seen alive: the oldest departures are served first. */
    departedAt: number;
    /** The lastLifeAt this check deals with (stored as handledLifeAt once done). */
    lifeAt: number;
}

/** What to do for one due agent once Connect has said where it stands. */
export type StatusDecision =
    | {
          kind: 'put';
          statusId: string;
          statusName: string;
          previousStatusName: string;
          /** Behind a contact: Connect takes it as the next status. */
          queued: boolean;
      }
    | {
          kind: 'skip';
          outcome: 'alreadySet' | 'excluded' | 'notActionable';
          detail: string;
      };

export function agentKey(org: string, username: string): string {
    return `agent#${org}#${username}`;
}

/** A browser shows life while it has tabs and spoke within the threshold. */
export function browserAlive(browser: BrowserPresence, now: number, thresholdMs: number): boolean {
    return browser.tabIds.length > 0 && now - browser.lastSeenAt < thresholdMs;
}

export function anyTabAlive(agent: AgentPresence, now: number, thresholdMs: number): boolean {
    return Object.values(agent.browsers).some((b) => browserAlive(b, now, thresholdMs));
}

/**
 * Whether the agent needs a look at Connect now, and by which path.
 * - noSignOfLife: no tab of the agent spoke for the threshold.
 * - leaveRepair: a leave left no live tab, the grace (a reload) passed and no tab spoke since.
 * Never twice for the same last sign of life (idempotent), never while a tab shows life,
 * never when the settings' routing profile did not match.
 */
export function dueCheck(agent: AgentPresence, now: number, timing: Timing): DueCheck | null {
    if (!agent.settings.profileMatched) return null;
    if (agent.handledLifeAt !== null && agent.handledLifeAt >= agent.lastLifeAt) return null;
    const key = agentKey(agent.org, agent.username);
    const alive = anyTabAlive(agent, now, timing.thresholdMs);
    if (
        agent.pendingLeaveAt !== null &&
        !alive &&
        now - agent.pendingLeaveAt >= timing.leaveGraceMs
    ) {
        return { key, path: 'leaveRepair', departedAt: agent.lastLifeAt, lifeAt: agent.lastLifeAt };
    }
    if (!alive && now - agent.lastLifeAt >= timing.thresholdMs) {
        return {
            key,
            path: 'noSignOfLife',
            departedAt: agent.lastLifeAt,
            lifeAt: agent.lastLifeAt
        };
    }
    return null;
}

/** Oldest departures first; ties by key so the order is stable. */
export function oldestFirst(checks: DueCheck[]): DueCheck[] {
    return [...checks].sort((a, b) => a.departedAt - b.departedAt || a.key.localeCompare(b.key));
}

/** The status the settings ask for, or why there is none to set. */
export function targetStatus(
    settings: PresenceSettings,
    statuses: AgentStatus[]
): { status: AgentStatus } | { problem: string } {
    const wanted = settings.sessionEndStatus;
    const status =
        wanted.kind === 'offline'
            ? statuses.find((s) => s.type === 'OFFLINE')
            : statuses.find((s) => s.name === wanted.name);
    if (!status) {
        const name = wanted.kind === 'offline' ? 'an Offline status' : `"${wanted.name}"`;
        return { problem: `Connect has no agent status ${name}: check the Status: setting` };
    }
    // An agent is never made routable on its own: the backstop only takes agents out of routing.
    if (status.type === 'ROUTABLE') {
        return {
            problem: `"${status.name}" is routable; the backstop never sets a routable status`
        };
    }
    return { status };
}

/**
 * Judged against Connect at this moment: IfCurrentAgentState on the current status; behind a
 * contact the change becomes the next status; nothing to do when Connect already holds it.
 */
export function decideStatus(
    settings: PresenceSettings,
    view: ConnectAgentView | null,
    statuses: AgentStatus[]
): StatusDecision {
    if (!view) {
        return {
            kind: 'skip',
            outcome: 'notActionable',
            detail: 'Connect has no user with this username: check the User field the adapter names'
        };
    }
    const target = targetStatus(settings, statuses);
    if ('problem' in target)
        return { kind: 'skip', outcome: 'notActionable', detail: target.problem };
    const { status } = target;
    const behindContact = view.contactCount > 0;
    if (behindContact ? view.nextStatusName === status.name : view.statusName === status.name) {
        return {
            kind: 'skip',
            outcome: 'alreadySet',
            detail: `Connect already has ${status.name}`
        };
    }
    const allowed = settings.ifCurrentAgentStates;
    if (allowed.length > 0 && !allowed.includes(view.statusName)) {
        return {
            kind: 'skip',
            outcome: 'excluded',
            detail: `current status ${view.statusName} is not in IfCurrentAgentState`
        };
    }
    return {
        kind: 'put',
        statusId: status.id,
        statusName: status.name,
        previousStatusName: view.statusName,
        queued: behindContact
    };
}

/** The action a waking browser should be told about: the last one it has not acknowledged. */
export function pendingActionFor(agent: AgentPresence, browserId: string) {
    if (!agent.lastAction || agent.ackedBy.includes(browserId)) return null;
    return agent.lastAction;
}
