// Test doubles for the unit tests of the rules and the sweep (the integration tests use the real
// SDK clients against dynalite and the Connect stand-in): a simulated clock, an in-memory store
// with the same contract as the DynamoDB one, and a small Connect that records every call.

/** A clock whose sleep advances simulated time at once. */
export function simulatedClock(start = 1_800_000_000_000) {
    let now = start;
    return {
        now: () => now,
        sleep: async (ms) => {
            now += ms;
        },
        advance: (ms) => {
            now += ms;
        }
    };
}

export function memoryStore() {
    const items = new Map();
    const key = (org, username) => `agent#${org}#${username}`;
    const copy = (v) => (v ? structuredClone(v) : null);
    return {
        items,
        async get(org, username) {
            return copy(items.get(key(org, username)));
        },
        async update(org, username, change) {
            const current = copy(items.get(key(org, username)));
            const next = change(current);
            if (!next) return current;
            const stored = { ...next, version: (current?.version ?? 0) + 1 };
            items.set(key(org, username), stored);
            return copy(stored);
        },
        async all() {
            return [...items.values()].map(copy);
        }
    };
}

export const STATUSES = [
    { id: 'st-available', name: 'Available', type: 'ROUTABLE' },
    { id: 'st-offline', name: 'Offline', type: 'OFFLINE' },
    { id: 'st-lunch', name: 'Lunch', type: 'CUSTOM' },
    { id: 'st-away', name: 'Away', type: 'CUSTOM' }
];

/** Connect as the sweeper sees it: users by username, status, next status, contact; every put logged. */
export function fakeConnect(clock, statuses = STATUSES) {
    const users = new Map();
    const puts = [];
    const counts = {};
    const count = (op) => (counts[op] = (counts[op] ?? 0) + 1);
    return {
        users,
        puts,
        counts,
        addUser(username, statusName = 'Available') {
            users.set(username, {
                userId: `u-${username}`,
                username,
                statusName,
                nextStatusName: null,
                contactCount: 0
            });
        },
        async statuses() {
            count('ListAgentStatuses');
            return statuses;
        },
        async userIdFor(username) {
            count('SearchUsers');
            return users.get(username)?.userId ?? null;
        },
        async currentUserData(ids) {
            count('GetCurrentUserData');
            if (ids.length > 100) throw new Error('more than 100 agents in one GetCurrentUserData');
            const views = new Map();
            for (const u of users.values()) {
                if (ids.includes(u.userId)) views.set(u.userId, { ...u });
            }
            return views;
        },
        async putUserStatus(userId, statusId) {
            count('PutUserStatus');
            const user = [...users.values()].find((u) => u.userId === userId);
            const status = statuses.find((s) => s.id === statusId);
            puts.push({
                at: clock.now(),
                username: user.username,
                status: status.name,
                from: user.statusName,
                contact: user.contactCount > 0
            });
            if (user.contactCount > 0) user.nextStatusName = status.name;
            else user.statusName = status.name;
        }
    };
}

export const SETTINGS = {
    sessionEndStatus: { kind: 'offline' },
    ifCurrentAgentStates: [],
    profileMatched: true
};

export const noLog = () => {};
