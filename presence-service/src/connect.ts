// Amazon Connect, as the sweeper needs it: the instance's agent statuses, a username's user id,
// agents' current data in batches, and PutUserStatus, each held to its quota with backoff on 429.
import {
    GetCurrentUserDataCommand,
    ListAgentStatusesCommand,
    ListUsersCommand,
    PutUserStatusCommand,
    SearchUsersCommand,
    type ConnectClient
} from '@aws-sdk/client-connect';
import type { AgentStatus, ConnectAgentView } from './model';
import { RateLimiter, withBackoff, type Clock } from './quota';
import type { Log } from './log';

export const GET_CURRENT_USER_DATA_MAX_AGENTS = 100;
const STATUS_CACHE_MS = 5 * 60 * 1000;
/** A username not in the directory reloads it, at most this often (new agents appear rarely). */
const DIRECTORY_RELOAD_MS = 60 * 1000;

export interface ConnectQuotas {
    /** PutUserStatus requests per second (the account's quota; default 2). */
    putUserStatusPerSecond: number;
    /** GetCurrentUserData, ListUsers and ListAgentStatuses requests per second (default 2). */
    readsPerSecond: number;
}

export interface ConnectGateway {
    statuses(): Promise<AgentStatus[]>;
    userIdFor(username: string): Promise<string | null>;
    currentUserData(userIds: string[]): Promise<Map<string, ConnectAgentView>>;
    putUserStatus(userId: string, statusId: string): Promise<void>;
    /** Requests sent per operation and 429s received: the benchmark's cost figures. */
    counts: Record<string, number>;
}

export function instanceIdFrom(instanceArn: string): string {
    const match = /^arn:aws[a-z-]*:connect:[a-z0-9-]+:\d{12}:instance\/([0-9a-f-]{36})$/.exec(
        instanceArn
    );
    if (!match) {
        throw new Error(
            `ConnectInstanceArn must look like arn:aws:connect:<region>:<account>:instance/<id>, got ${instanceArn}`
        );
    }
    return match[1];
}

export function connectGateway(
    client: ConnectClient,
    instanceArn: string,
    quotas: ConnectQuotas,
    clock: Clock,
    log: Log
): ConnectGateway {
    const instanceId = instanceIdFrom(instanceArn);
    const writes = new RateLimiter(quotas.putUserStatusPerSecond, clock);
    const reads = new RateLimiter(quotas.readsPerSecond, clock);
    const counts: Record<string, number> = {};
    const userIds = new Map<string, string>();
    let directoryAt = -Infinity;
    /** Usernames neither the directory nor SearchUsers knew, and when: asked again a minute later. */
    const missedAt = new Map<string, number>();
    let statusCache: { at: number; statuses: AgentStatus[] } | null = null;

    async function send<T>(operation: string, limiter: RateLimiter, call: () => Promise<T>) {
        return withBackoff(
            async () => {
                await limiter.acquire();
                counts[operation] = (counts[operation] ?? 0) + 1;
                return call();
            },
            {
                maxAttempts: 6,
                baseMs: 500,
                maxMs: 8000,
                clock,
                onThrottle: (attempt, waitMs) => {
                    counts.throttled = (counts.throttled ?? 0) + 1;
                    log('connectThrottled', { operation, attempt, waitMs });
                },
                onTransient: (attempt, waitMs) => {
                    counts.transient = (counts.transient ?? 0) + 1;
                    log('connectRetried', { operation, attempt, waitMs });
                }
            }
        );
    }

    async function statuses() {
        if (statusCache && clock.now() - statusCache.at < STATUS_CACHE_MS) {
            return statusCache.statuses;
        }
        const list: AgentStatus[] = [];
        let nextToken: string | undefined;
        do {
            const page = await send('ListAgentStatuses', reads, () =>
                client.send(
                    new ListAgentStatusesCommand({
                        InstanceId: instanceId,
                        NextToken: nextToken,
                        MaxResults: 100
                    })
                )
            );
            for (const s of page.AgentStatusSummaryList ?? []) {
                if (s.Id && s.Name && s.Type) {
                    list.push({ id: s.Id, name: s.Name, type: s.Type as AgentStatus['type'] });
                }
            }
            nextToken = page.NextToken;
        } while (nextToken);
        statusCache = { at: clock.now(), statuses: list };
        return list;
    }

    /**
     * The instance's users by username, from ListUsers (100 a page): one directory load maps a
     * whole contact centre, where SearchUsers would cost one request per agent.
     */
    async function loadDirectory() {
        let nextToken: string | undefined;
        do {
            const page = await send('ListUsers', reads, () =>
                client.send(
                    new ListUsersCommand({
                        InstanceId: instanceId,
                        MaxResults: 100,
                        NextToken: nextToken
                    })
                )
            );
            for (const u of page.UserSummaryList ?? []) {
                if (u.Username && u.Id) userIds.set(u.Username, u.Id);
            }
            nextToken = page.NextToken;
        } while (nextToken);
        directoryAt = clock.now();
    }

    /** One username, when the directory was loaded moments ago and lacks it (a new agent). */
    async function searchUser(username: string) {
        const answer = await send('SearchUsers', reads, () =>
            client.send(
                new SearchUsersCommand({
                    InstanceId: instanceId,
                    SearchCriteria: {
                        StringCondition: {
                            FieldName: 'Username',
                            Value: username,
                            ComparisonType: 'EXACT'
                        }
                    },
                    MaxResults: 2
                })
            )
        );
        const found = (answer.Users ?? []).find((u) => u.Username === username);
        if (found?.Id) userIds.set(username, found.Id);
    }

    async function userIdFor(username: string) {
        if (userIds.has(username)) return userIds.get(username)!;
        if (clock.now() - directoryAt >= DIRECTORY_RELOAD_MS) {
            await loadDirectory();
        } else if (clock.now() - (missedAt.get(username) ?? -Infinity) >= DIRECTORY_RELOAD_MS) {
            await searchUser(username);
        }
        if (!userIds.has(username)) missedAt.set(username, clock.now());
        return userIds.get(username) ?? null;
    }

    async function currentUserData(ids: string[]) {
        const views = new Map<string, ConnectAgentView>();
        for (let i = 0; i < ids.length; i += GET_CURRENT_USER_DATA_MAX_AGENTS) {
            const batch = ids.slice(i, i + GET_CURRENT_USER_DATA_MAX_AGENTS);
            let nextToken: string | undefined;
            do {
                const page = await send('GetCurrentUserData', reads, () =>
                    client.send(
                        new GetCurrentUserDataCommand({
                            InstanceId: instanceId,
                            Filters: { Agents: batch },
                            MaxResults: 100,
                            NextToken: nextToken
                        })
                    )
                );
                for (const data of page.UserDataList ?? []) {
                    const userId = data.User?.Id;
                    if (!userId) continue;
                    views.set(userId, {
                        userId,
                        statusName: data.Status?.StatusName ?? '',
                        nextStatusName: data.NextStatus ?? null,
                        contactCount: data.Contacts?.length ?? 0
                    });
                }
                nextToken = page.NextToken;
            } while (nextToken);
        }
        return views;
    }

    async function putUserStatus(userId: string, statusId: string) {
        await send('PutUserStatus', writes, () =>
            client.send(
                new PutUserStatusCommand({
                    InstanceId: instanceId,
                    UserId: userId,
                    AgentStatusId: statusId
                })
            )
        );
    }

    return { statuses, userIdFor, currentUserData, putUserStatus, counts };
}
