// What a heartbeat or a leave does to an agent's stored presence. Pure: the handler (api.ts)
// reads, calls these and writes.
import type { AgentPresence, PresenceSettings } from './model';
import type { HeartbeatRequest, LeaveRequest } from './protocol';
import { anyTabAlive } from './rules';

/** A browser not heard from for a day is forgotten (its tabs are long gone). */
const BROWSER_RETENTION_MS = 24 * 3600 * 1000;

export interface AgentIdentity {
    org: string;
    username: string;
}

export function newAgent(
    identity: AgentIdentity,
    settings: PresenceSettings,
    now: number
): AgentPresence {
    return {
        org: identity.org,
        username: identity.username,
        connectUserId: null,
        settings,
        browsers: {},
        lastLifeAt: now,
        pendingLeaveAt: null,
        handledLifeAt: null,
        lastAction: null,
        ackedBy: [],
        lastDeparture: null,
        version: 0
    };
}

function recentBrowsers(agent: AgentPresence, now: number) {
    return Object.fromEntries(
        Object.entries(agent.browsers).filter(([, b]) => now - b.lastSeenAt < BROWSER_RETENTION_MS)
    );
}

/** A heartbeat: this browser's live tabs, the latest settings, and an acknowledged notice. */
export function applyHeartbeat(
    current: AgentPresence | null,
    identity: AgentIdentity,
    request: Pick<HeartbeatRequest, 'browserId' | 'tabIds' | 'settings' | 'ackActionId'>,
    now: number
): AgentPresence {
    const agent = current ?? newAgent(identity, request.settings, now);
    const acked =
        request.ackActionId !== null &&
        agent.lastAction?.actionId === request.ackActionId &&
        !agent.ackedBy.includes(request.browserId);
    const showsLife = request.tabIds.length > 0;
    return {
        ...agent,
        settings: request.settings,
        browsers: {
            ...recentBrowsers(agent, now),
            [request.browserId]: { tabIds: [...request.tabIds], lastSeenAt: now }
        },
        lastLifeAt: showsLife ? now : agent.lastLifeAt,
        pendingLeaveAt: showsLife ? null : agent.pendingLeaveAt,
        ackedBy: acked ? [...agent.ackedBy, request.browserId] : agent.ackedBy
    };
}

/**
 * A leave: the tab is gone; when no live tab of the agent remains anywhere, the leave-repair check
 * becomes due after the grace (unless a tab speaks first, as a reload does).
 */
export function applyLeave(
    current: AgentPresence | null,
    identity: AgentIdentity,
    request: Pick<LeaveRequest, 'browserId' | 'tabId' | 'remainingTabIds' | 'settings'>,
    now: number,
    thresholdMs: number
): AgentPresence {
    const agent = current ?? newAgent(identity, request.settings, now);
    const remaining = request.remainingTabIds.filter((t) => t !== request.tabId);
    const next: AgentPresence = {
        ...agent,
        settings: request.settings,
        browsers: {
            ...recentBrowsers(agent, now),
            [request.browserId]: { tabIds: remaining, lastSeenAt: now }
        },
        lastLifeAt: now
    };
    const lastTab = !anyTabAlive(next, now, thresholdMs);
    return { ...next, pendingLeaveAt: lastTab ? now : null };
}
