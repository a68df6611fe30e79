// The Connect stand-in's source of truth: agents, their status, one simulated voice contact,
// next-state semantics and the history of every status change.
//
// Shapes follow what Streams 2.28.2 reads (release/connect-streams.js): `Agent.prototype.getState`
// reads `snapshot.state`, `getNextState` reads `snapshot.nextState`, `getAgentStates` reads
// `configuration.agentStates`, `AgentDataProvider.getInstanceId` parses the routing profile ARN,
// `Contact.prototype.*` read `type`, `state`, `queue`, `connections`, ...
// ASSUMPTIONS about real Connect (not visible in Streams' source): the agent state names used while a
// contact is live (`PendingBusy` ringing, `Busy` connected, `AfterCallWork` type not_routable in
// after-contact work), the error shape for a refused change, and that a change without
// enqueueNextState during a live contact (after-contact work included) is refused.
// Missed: a contact not accepted within the ring time (or rejected) leaves the agent in Streams'
// error state `MissedCallAgent` (connect.AgentErrorStates, type connect.AgentStateType.ERROR), not
// routable, until the agent (or anyone) chooses a status.
import { createHash, randomUUID } from 'node:crypto';

const ACCOUNT_ID = '123456789012';
const REGION = 'us-east-1';
const INSTANCE_ID = '11111111-2222-4333-8444-555555555555';
export const INSTANCE_ARN = `arn:aws:connect:${REGION}:${ACCOUNT_ID}:instance/${INSTANCE_ID}`;

/** A stable hex UUID from a name, so ARNs survive restarts and config changes. */
function uuidFrom(name) {
    const hex = createHash('sha1').update(name).digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Connect's default: a contact rings 20 s before it goes to the next agent (product.md). */
export const DEFAULT_RING_TIMEOUT_SECONDS = 20;

/** The agent state a missed contact leaves, as Streams names it (connect.AgentErrorStates). */
export const MISSED_STATE = Object.freeze({ name: 'MissedCallAgent', type: 'error' });

export function defaultConfig() {
    return {
        username: 'agent1',
        name: 'Alex Agent',
        routingProfileName: 'Basic Routing Profile',
        statuses: [
            { name: 'Available', type: 'routable' },
            { name: 'Offline', type: 'offline' },
            { name: 'Lunch', type: 'not_routable' },
            { name: '退席中', type: 'not_routable' }
        ],
        ringTimeoutSeconds: DEFAULT_RING_TIMEOUT_SECONDS
    };
}

const STATUS_TYPES = new Set(['routable', 'not_routable', 'offline']);

/** Checks a config posted to /control/config; returns an error message or null. */
export function validateConfig(config) {
    if (typeof config.username !== 'string' || config.username === '') return 'username required';
    if (typeof config.name !== 'string') return 'name must be a string';
    if (typeof config.routingProfileName !== 'string') return 'routingProfileName must be a string';
    if (!Array.isArray(config.statuses) || config.statuses.length === 0) return 'statuses required';
    for (const status of config.statuses) {
        if (typeof status?.name !== 'string' || !STATUS_TYPES.has(status.type)) {
            return `bad status ${JSON.stringify(status)}: {name, type: routable|not_routable|offline}`;
        }
    }
    if (!config.statuses.some((s) => s.type === 'offline')) return 'an offline status is required';
    const ring = config.ringTimeoutSeconds;
    if (ring !== undefined && !(typeof ring === 'number' && ring > 0 && ring <= 600)) {
        return `ringTimeoutSeconds must be a number of seconds, 0 < n ≤ 600; got ${JSON.stringify(ring)}`;
    }
    return null;
}

function stateArn(name) {
    return `${INSTANCE_ARN}/agent-state/${uuidFrom(`state:${name}`)}`;
}

function queue(name) {
    const queueARN = `${INSTANCE_ARN}/queue/${uuidFrom(`queue:${name}`)}`;
    return { queueARN, queueId: queueARN, name };
}

/** Live contact phases driven by POST /control/contact (and the contact APIs). */
const PHASES = ['incoming', 'connected', 'acw'];
/** Contact actions: the phases above, `end`, and the two ways an offer is lost. */
const CONTACT_ACTIONS = new Set([...PHASES, 'end', 'reject', 'miss']);

export class ConnectModel {
    constructor() {
        this.config = defaultConfig();
        this.listeners = new Set();
        this.reset();
    }

    /** Agents back to Offline, history cleared, config kept. */
    reset() {
        for (const agent of this.agents?.values() ?? []) this.stopRinging(agent);
        this.agents = new Map();
        this.history = [];
        this.requests = [];
        this.version = 1;
        this.configVersion = 1;
        this.ensureAgent(this.config.username);
        this.changed();
    }

    setConfig(config) {
        this.config = {
            username: config.username,
            name: config.name,
            routingProfileName: config.routingProfileName,
            statuses: config.statuses.map((s) => ({ name: s.name, type: s.type })),
            ringTimeoutSeconds: config.ringTimeoutSeconds ?? DEFAULT_RING_TIMEOUT_SECONDS
        };
        const agent = this.ensureAgent(this.config.username);
        // A status removed from the list cannot stay current: fall back to Offline.
        if (!this.isMissed(agent) && !this.findStatus(agent.status.name)) {
            agent.status = this.statusRecord(this.offlineStatus(), Date.now());
        }
        this.configVersion += 1;
        this.changed();
    }

    onChange(listener) {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }

    changed() {
        this.version += 1;
        for (const listener of this.listeners) listener();
    }

    offlineStatus() {
        return this.config.statuses.find((s) => s.type === 'offline');
    }

    findStatus(name) {
        return this.config.statuses.find((s) => s.name === name) ?? null;
    }

    statusRecord(status, at) {
        return {
            name: status.name,
            type: status.type,
            // Streams' error states are not agent statuses an admin defines: no ARN.
            agentStateARN: status.type === 'error' ? null : stateArn(status.name),
            since: at
        };
    }

    isMissed(agent) {
        return agent.status.type === MISSED_STATE.type;
    }

    ensureAgent(username) {
        let agent = this.agents.get(username);
        if (!agent) {
            agent = {
                username,
                agentARN: `${INSTANCE_ARN}/agent/${uuidFrom(`agent:${username}`)}`,
                status: this.statusRecord(this.offlineStatus(), Date.now()),
                nextState: null, // { status record, arrivedAt, requestId }
                contact: null, // { contactId, phase, phaseSince, queueSince }
                missedContacts: 0,
                ringTimer: null
            };
            this.agents.set(username, agent);
        }
        return agent;
    }

    currentAgent() {
        return this.ensureAgent(this.config.username);
    }

    /** The agent whose ARN a request names; the configured agent when it names none. */
    agentFor(agentARN) {
        if (agentARN) {
            for (const agent of this.agents.values()) if (agent.agentARN === agentARN) return agent;
        }
        return this.currentAgent();
    }

    hasLiveContact(agent) {
        return agent.contact !== null;
    }

    recordChange(agent, to, { source, arrivedAt, requestId }) {
        const at = Date.now();
        const from = agent.status;
        agent.status = this.statusRecord(to, at);
        this.history.push({
            agent: agent.username,
            from: from.name,
            fromType: from.type,
            to: to.name,
            toType: to.type,
            at: new Date(at).toISOString(),
            arrivedAt,
            source,
            requestId: requestId ?? null
        });
    }

    /**
     * putAgentState as the real API is called by Streams' Agent.prototype.setState:
     * params `{ state, enqueueNextState }`, where `state` is one of getAgentStates().
     * Returns `{ ok, outcome, error? }`; outcome is applied | unchanged | enqueued | refused | unknown.
     */
    putAgentState({ agentARN, state, enqueueNextState, requestId, source = 'ccp' }, arrivedAt) {
        const agent = this.agentFor(agentARN);
        const target =
            this.config.statuses.find((s) => state && stateArn(s.name) === state.agentStateARN) ??
            (state ? this.findStatus(state.name) : null);
        const log = {
            agent: agent.username,
            requested: state?.name ?? null,
            enqueueNextState: Boolean(enqueueNextState),
            arrivedAt,
            requestId: requestId ?? null,
            source
        };
        let result;
        if (!target) {
            result = { ok: false, outcome: 'unknown', error: 'ResourceNotFoundException' };
        } else if (this.hasLiveContact(agent)) {
            if (enqueueNextState) {
                agent.nextState = {
                    status: this.statusRecord(target, Date.now()),
                    arrivedAt,
                    requestId
                };
                result = { ok: true, outcome: 'enqueued' };
            } else {
                result = { ok: false, outcome: 'refused', error: 'InvalidStateException' };
            }
        } else if (target.name === agent.status.name) {
            result = { ok: true, outcome: 'unchanged' };
        } else {
            this.recordChange(agent, target, { source, arrivedAt, requestId });
            result = { ok: true, outcome: 'applied' };
        }
        this.requests.push({ ...log, outcome: result.outcome, at: new Date().toISOString() });
        this.changed();
        return result;
    }

    /**
     * POST /control/agent-state: the status set from outside the CCP (a supervisor, or a test
     * arranging a scenario). Recorded in the history with source 'control', not in `requests`,
     * which hold only what the CCP asked; refused while a contact is live, as the CCP would be.
     */
    setStatusByControl(name) {
        const agent = this.currentAgent();
        const target = this.findStatus(name);
        if (!target) return { ok: false, error: `unknown status ${JSON.stringify(name)}` };
        if (this.hasLiveContact(agent)) return { ok: false, error: 'a contact is live' };
        if (target.name !== agent.status.name) {
            const now = Date.now();
            this.recordChange(agent, target, { source: 'control', arrivedAt: now });
        }
        this.changed();
        return { ok: true, status: agent.status.name };
    }

    /**
     * POST /control/contact and the CCP's contact APIs: incoming → connected → acw → end (`end`
     * also works from any phase). An incoming contact rings for the configured ring time; not
     * accepted by then (`miss`) or rejected (`reject`), it is lost and the agent goes to Missed.
     */
    contactAction(action, { force = false } = {}) {
        const agent = this.currentAgent();
        const now = Date.now();
        if (!CONTACT_ACTIONS.has(action)) return { ok: false, error: `unknown action ${action}` };
        if (action === 'incoming') {
            if (agent.contact) return { ok: false, error: 'a contact is already live' };
            if (agent.status.type !== 'routable' && !force) {
                return {
                    ok: false,
                    error: `agent is ${agent.status.name}, not routable: Connect offers contacts to Available agents only (force: true to override)`
                };
            }
            agent.contact = {
                contactId: randomUUID(),
                phase: 'incoming',
                phaseSince: now,
                queueSince: now
            };
            this.startRinging(agent);
        } else if (!agent.contact) {
            return { ok: false, error: 'no live contact' };
        } else if (action === 'connected' || action === 'acw') {
            const from = PHASES.indexOf(agent.contact.phase);
            if (PHASES.indexOf(action) <= from) {
                return { ok: false, error: `contact is already ${agent.contact.phase}` };
            }
            this.stopRinging(agent);
            agent.contact.phase = action;
            agent.contact.phaseSince = now;
        } else if (action === 'reject' || action === 'miss') {
            if (agent.contact.phase !== 'incoming') {
                return { ok: false, error: `contact is ${agent.contact.phase}, not ringing` };
            }
            this.loseContact(agent, action);
        } else {
            this.stopRinging(agent);
            agent.contact = null;
            this.applyNextState(agent);
        }
        this.changed();
        return { ok: true, contact: agent.contact };
    }

    startRinging(agent) {
        this.stopRinging(agent);
        const ms = (this.config.ringTimeoutSeconds ?? DEFAULT_RING_TIMEOUT_SECONDS) * 1000;
        agent.ringTimer = setTimeout(() => {
            agent.ringTimer = null;
            if (agent.contact?.phase === 'incoming') {
                this.loseContact(agent, 'miss');
                this.changed();
            }
        }, ms);
        agent.ringTimer.unref?.();
    }

    stopRinging(agent) {
        if (agent.ringTimer) clearTimeout(agent.ringTimer);
        agent.ringTimer = null;
    }

    /**
     * The offer is lost: the contact goes back to the queue (here: away), the agent to Missed.
     * ASSUMPTIONS: a rejected voice contact leaves the agent Missed as a missed one does; a next
     * status queued while it rang applies once the contact is gone, as after any contact.
     */
    loseContact(agent, how) {
        this.stopRinging(agent);
        agent.contact = null;
        agent.missedContacts += 1;
        this.recordChange(agent, MISSED_STATE, {
            source: how === 'reject' ? 'rejected' : 'missed',
            arrivedAt: Date.now()
        });
        this.applyNextState(agent);
    }

    /** When the contact is cleared, an enqueued next status takes effect (Streams' nextState). */
    applyNextState(agent) {
        if (!agent.nextState) return;
        const { status, arrivedAt, requestId } = agent.nextState;
        agent.nextState = null;
        const target = this.findStatus(status.name);
        if (target && target.name !== agent.status.name) {
            this.recordChange(agent, target, { source: 'nextState', arrivedAt, requestId });
        }
    }

    // ---- shapes Streams reads --------------------------------------------------------------

    routingProfile() {
        const name = this.config.routingProfileName;
        const routingProfileARN = `${INSTANCE_ARN}/routing-profile/${uuidFrom(`rp:${name}`)}`;
        return {
            name,
            routingProfileARN,
            routingProfileId: routingProfileARN,
            defaultOutboundQueue: queue('BasicQueue'),
            channelConcurrencyMap: { VOICE: 1, CHAT: 0, TASK: 0 }
        };
    }

    /** getAgentConfiguration's `configuration` (before the worker adds states, queues, ...). */
    configuration(agent) {
        return {
            agentARN: agent.agentARN,
            username: agent.username,
            name: this.config.name,
            extension: '',
            softphoneEnabled: true,
            softphoneAutoAccept: false,
            agentPreferences: { locale: 'en_US' },
            routingProfile: this.routingProfile()
        };
    }

    agentStates() {
        return this.config.statuses.map((s) => ({
            agentStateARN: stateArn(s.name),
            type: s.type,
            name: s.name
        }));
    }

    /** Real routing profiles also list the agent's own queue, `.../queue/agent/<agent id>`;
     * Streams' Agent.prototype._getResourceId (used by its logger) looks for it. */
    routingProfileQueues(agent) {
        const agentId = agent.agentARN.split('/agent/')[1];
        return [
            queue('BasicQueue'),
            { queueARN: `${INSTANCE_ARN}/queue/agent/${agentId}`, name: null }
        ];
    }

    /** The agent state Streams shows: the chosen status, or a system state while a contact lives. */
    visibleState(agent) {
        const contact = agent.contact;
        const iso = (ms) => new Date(ms).toISOString();
        if (!contact) {
            return {
                agentStateARN: agent.status.agentStateARN,
                name: agent.status.name,
                type: agent.status.type,
                startTimestamp: iso(agent.status.since)
            };
        }
        const byPhase = {
            incoming: { name: 'PendingBusy', type: 'system' },
            connected: { name: 'Busy', type: 'system' },
            acw: { name: 'AfterCallWork', type: 'not_routable' }
        };
        return {
            agentStateARN: null,
            ...byPhase[contact.phase],
            startTimestamp: iso(contact.phaseSince)
        };
    }

    contactData(agent) {
        const c = agent.contact;
        const iso = (ms) => new Date(ms).toISOString();
        const contactState = { incoming: 'connecting', connected: 'connected', acw: 'ended' }[
            c.phase
        ];
        const agentConnState = {
            incoming: 'connecting',
            connected: 'connected',
            acw: 'disconnected'
        }[c.phase];
        const inboundConnState = c.phase === 'acw' ? 'disconnected' : 'connected';
        return {
            contactId: c.contactId,
            initialContactId: null,
            type: 'voice',
            initiationMethod: 'inbound',
            state: { type: contactState, timestamp: iso(c.phaseSince) },
            queue: queue('BasicQueue'),
            queueTimestamp: iso(c.queueSince),
            contactDuration: String(Math.floor((Date.now() - c.queueSince) / 1000)),
            attributes: {},
            segmentAttributes: {},
            references: {},
            channelContext: {},
            contactFeatures: { attachmentsEnabled: false, messagingMarkdownEnabled: false },
            name: null,
            description: null,
            connections: [
                {
                    connectionId: `${c.contactId}-agent`,
                    type: 'agent',
                    initial: false,
                    endpoint: { type: 'agent', name: agent.username, phoneNumber: null },
                    state: { type: agentConnState, timestamp: iso(c.phaseSince) },
                    mute: { Muted: false },
                    monitoringInfo: null
                },
                {
                    connectionId: `${c.contactId}-inbound`,
                    type: 'inbound',
                    initial: true,
                    endpoint: { type: 'phone_number', name: null, phoneNumber: '+15555550100' },
                    state: { type: inboundConnState, timestamp: iso(c.queueSince) }
                }
            ]
        };
    }

    /** getAgentSnapshot's `snapshot`; timestamps are ISO strings the worker turns into Dates. */
    snapshot(agent) {
        return {
            state: this.visibleState(agent),
            agentAvailabilityState: {
                state: agent.status.name,
                type: agent.status.type,
                timeStamp: new Date(agent.status.since).toISOString()
            },
            nextState: agent.nextState
                ? {
                      agentStateARN: agent.nextState.status.agentStateARN,
                      name: agent.nextState.status.name,
                      type: agent.nextState.status.type,
                      startTimestamp: new Date(agent.nextState.status.since).toISOString()
                  }
                : null,
            contacts: agent.contact ? [this.contactData(agent)] : [],
            snapshotTimestamp: new Date().toISOString()
        };
    }

    /** GET /connect/state and the real-time metrics rows. */
    publicState() {
        return {
            version: this.version,
            config: this.config,
            agents: [...this.agents.values()].map((agent) => ({
                username: agent.username,
                agentARN: agent.agentARN,
                name: agent.username === this.config.username ? this.config.name : agent.username,
                routingProfile: this.config.routingProfileName,
                status: agent.status.name,
                statusType: agent.status.type,
                statusSince: new Date(agent.status.since).toISOString(),
                visibleState: this.visibleState(agent),
                nextState: agent.nextState?.status.name ?? null,
                missedContacts: agent.missedContacts,
                contact: agent.contact
                    ? {
                          contactId: agent.contact.contactId,
                          phase: agent.contact.phase,
                          since: new Date(agent.contact.phaseSince).toISOString()
                      }
                    : null
            })),
            requests: this.requests
        };
    }
}
