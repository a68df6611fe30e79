// The shapes the service stores and decides on. Times are epoch milliseconds.

/** What the agent's settings ask the service to set when the agent is gone. */
export type SessionEndStatus = { kind: 'offline' } | { kind: 'named'; name: string };

/** The effective settings the softphone sends with every heartbeat and leave. */
export interface PresenceSettings {
    sessionEndStatus: SessionEndStatus;
    /** Status names the change applies to; empty means any status. */
    ifCurrentAgentStates: string[];
    /** False when the routing profile does not match IfProfileNameIncludes: never act. */
    profileMatched: boolean;
}

/** One browser's last word: the tabs it had open and when it said so. */
export interface BrowserPresence {
    tabIds: string[];
    lastSeenAt: number;
}

/** Which path made the agent unroutable, or found Connect already there. */
export type DeparturePath = 'noSignOfLife' | 'leaveRepair';

/** The service's change to an agent, shown by the softphone when it wakes. */
export interface PresenceAction {
    actionId: string;
    at: number;
    path: DeparturePath;
    statusName: string;
    previousStatusName: string;
    queued: boolean;
}

/** How the last departure ended: who got the status to Connect first. */
export interface DepartureRecord {
    at: number;
    path: DeparturePath;
    outcome: 'serviceSet' | 'alreadySet' | 'excluded' | 'notActionable';
    detail: string;
}

/** One agent's stored presence (one DynamoDB item). */
export interface AgentPresence {
    org: string;
    username: string;
    connectUserId: string | null;
    settings: PresenceSettings;
    browsers: Record<string, BrowserPresence>;
    /** The latest sign of life from any tab. */
    lastLifeAt: number;
    /** A leave after which no live tab remained: the leave-repair check is due after the grace. */
    pendingLeaveAt: number | null;
    /** The lastLifeAt the service has already dealt with: no second action for the same silence. */
    handledLifeAt: number | null;
    lastAction: PresenceAction | null;
    /** Browser ids that acknowledged lastAction. */
    ackedBy: string[];
    lastDeparture: DepartureRecord | null;
    version: number;
}

/** Connect's view of an agent (GetCurrentUserData), reduced to what the rules need. */
export interface ConnectAgentView {
    userId: string;
    statusName: string;
    nextStatusName: string | null;
    contactCount: number;
}

/** An agent status as ListAgentStatuses returns it. */
export interface AgentStatus {
    id: string;
    name: string;
    type: 'ROUTABLE' | 'CUSTOM' | 'OFFLINE';
}

export interface Timing {
    thresholdMs: number;
    leaveGraceMs: number;
}
