// One sweep: find the agents whose silence or leave is due, ask Connect where they stand, and set
// the session-end status where the rules say so. Oldest departures first; the quotas are held by
// the gateway; a pass that runs out of time leaves the rest to the next one (nothing is lost:
// an agent is marked handled only once its decision is carried out).
import type { ConnectGateway } from './connect';
import type { Log } from './log';
import type { AgentPresence, DepartureRecord, PresenceAction, Timing } from './model';
import type { Clock } from './quota';
import { decideStatus, dueCheck, oldestFirst, type DueCheck, type StatusDecision } from './rules';
import type { PresenceStore } from './store';

export interface SweepDeps {
    store: PresenceStore;
    connect: ConnectGateway;
    timing: Timing;
    clock: Clock;
    log: Log;
    newId: () => string;
    /** The Connect answer a decision rests on is at most about this old when acted on. */
    viewMaxAgeMs?: number;
}

export interface SweepReport {
    due: number;
    set: number;
    skipped: number;
    leftForNextPass: number;
}

const DEFAULT_VIEW_MAX_AGE_MS = 10000;
const MAX_RESOLVED_PER_PASS = 500;

function batchSize(deps: SweepDeps, putsPerSecond: number): number {
    const ageMs = deps.viewMaxAgeMs ?? DEFAULT_VIEW_MAX_AGE_MS;
    return Math.max(1, Math.min(100, Math.floor((putsPerSecond * ageMs) / 1000)));
}

/** Stores the outcome only if the agent showed no life since the check (else a tab came back). */
async function settle(
    deps: SweepDeps,
    agent: AgentPresence,
    check: DueCheck,
    departure: DepartureRecord,
    action: PresenceAction | null,
    connectUserId: string | null
) {
    await deps.store.update(agent.org, agent.username, (current) => {
        if (!current) return null;
        return {
            ...current,
            handledLifeAt: Math.max(current.handledLifeAt ?? 0, check.lifeAt),
            pendingLeaveAt:
                current.pendingLeaveAt === null || current.lastLifeAt > check.lifeAt
                    ? current.pendingLeaveAt
                    : null,
            lastDeparture: departure,
            connectUserId: current.connectUserId ?? connectUserId,
            ...(action ? { lastAction: action, ackedBy: [] } : {})
        };
    });
}

export async function sweepOnce(
    deps: SweepDeps,
    { deadline, putsPerSecond }: { deadline: number; putsPerSecond: number }
): Promise<SweepReport> {
    const { store, clock, timing } = deps;
    const now = clock.now();
    const agents = await store.all();
    const byKey = new Map(agents.map((a) => [`agent#${a.org}#${a.username}`, a]));
    const checks = oldestFirst(
        agents.map((a) => dueCheck(a, now, timing)).filter((c): c is DueCheck => c !== null)
    );
    const report: SweepReport = { due: checks.length, set: 0, skipped: 0, leftForNextPass: 0 };
    if (checks.length > 0)
        await handleDue(deps, checks, byKey, report, { deadline, putsPerSecond });
    await resolveUserIds(deps, agents, deadline);
    return report;
}

/** Agents not yet mapped to a Connect user id get one ahead of need (one directory load maps many). */
async function resolveUserIds(deps: SweepDeps, agents: AgentPresence[], deadline: number) {
    const unresolved = agents
        .filter((a) => a.connectUserId === null)
        .slice(0, MAX_RESOLVED_PER_PASS);
    for (const agent of unresolved) {
        if (deps.clock.now() >= deadline) return;
        const userId = await deps.connect.userIdFor(agent.username);
        if (!userId) continue;
        await deps.store.update(agent.org, agent.username, (current) =>
            current && current.connectUserId === null ? { ...current, connectUserId: userId } : null
        );
    }
}

async function handleDue(
    deps: SweepDeps,
    checks: DueCheck[],
    byKey: Map<string, AgentPresence>,
    report: SweepReport,
    { deadline, putsPerSecond }: { deadline: number; putsPerSecond: number }
) {
    const { store, connect, clock, log, timing } = deps;
    const statuses = await connect.statuses();
    const size = batchSize(deps, putsPerSecond);

    // Outcomes are written while the next PutUserStatus waits for the quota, so the writes do not
    // slow the pace below the quota; all are written before the next batch asks Connect again.
    let settling: Promise<unknown>[] = [];
    const failures: unknown[] = [];
    const track = (write: Promise<unknown>) =>
        settling.push(write.catch((error: unknown) => failures.push(error)));
    const drain = async () => {
        await Promise.all(settling);
        settling = [];
        if (failures.length > 0) throw failures[0];
    };
    for (let i = 0; i < checks.length; i += size) {
        await drain();
        if (clock.now() >= deadline) {
            report.leftForNextPass = checks.length - i;
            break;
        }
        const batch = checks.slice(i, i + size);
        const userIds = new Map<string, string | null>();
        for (const check of batch) {
            const agent = byKey.get(check.key)!;
            userIds.set(
                check.key,
                agent.connectUserId ?? (await connect.userIdFor(agent.username))
            );
        }
        const ids = [...new Set([...userIds.values()].filter((v): v is string => v !== null))];
        const views = ids.length > 0 ? await connect.currentUserData(ids) : new Map();

        for (const check of batch) {
            const agent = byKey.get(check.key)!;
            const userId = userIds.get(check.key) ?? null;
            if (!userId) {
                // Not settled: the directory reloads on a miss (at most once a minute), so an agent
                // added to Connect moments ago is acted on in a later pass.
                report.skipped += 1;
                log('connectUserUnknown', {
                    org: agent.org,
                    username: agent.username,
                    detail: 'Connect has no user with this username: check the User field the adapter names'
                });
                continue;
            }
            // A tab may have spoken while Connect was asked: read the agent again before acting.
            const fresh = await store.get(agent.org, agent.username);
            if (!fresh || dueCheck(fresh, clock.now(), timing)?.lifeAt !== check.lifeAt) continue;
            const decision: StatusDecision = decideStatus(
                fresh.settings,
                userId ? (views.get(userId) ?? null) : null,
                statuses
            );
            const ids = { org: agent.org, username: agent.username, connectUserId: userId };
            if (decision.kind === 'skip') {
                report.skipped += 1;
                // On the leave path, Connect already holding the status means the softphone's own
                // page-event change got there first: the record says which path won.
                const detail =
                    check.path === 'leaveRepair' && decision.outcome === 'alreadySet'
                        ? `the page event got there first (${decision.detail})`
                        : decision.detail;
                log('departureSkipped', {
                    ...ids,
                    path: check.path,
                    outcome: decision.outcome,
                    detail
                });
                track(
                    settle(
                        deps,
                        fresh,
                        check,
                        {
                            at: clock.now(),
                            path: check.path,
                            outcome: decision.outcome,
                            detail
                        },
                        null,
                        userId
                    )
                );
                continue;
            }
            await connect.putUserStatus(userId!, decision.statusId);
            const at = clock.now();
            const action: PresenceAction = {
                actionId: deps.newId(),
                at,
                path: check.path,
                statusName: decision.statusName,
                previousStatusName: decision.previousStatusName,
                queued: decision.queued
            };
            report.set += 1;
            log('statusSet', {
                ...ids,
                path: check.path,
                actionId: action.actionId,
                statusName: action.statusName,
                previousStatusName: action.previousStatusName,
                queued: action.queued,
                silentMs: at - check.departedAt
            });
            track(
                settle(
                    deps,
                    fresh,
                    check,
                    {
                        at,
                        path: check.path,
                        outcome: 'serviceSet',
                        detail: `set ${decision.statusName}`
                    },
                    action,
                    userId
                )
            );
        }
    }
    await drain();
}
