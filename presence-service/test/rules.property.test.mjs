// Model-based property tests of the rules: random orders of heartbeats, leaves, status changes,
// contacts, clock steps and sweeps, run through the real transitions (presence.ts), the real
// sweep (sweep.ts) and rules, over an in-memory store and a recording Connect. A reference model
// kept by the test says when a tab shows life; every PutUserStatus is checked against it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadService } from '../build.mjs';
import { STATUSES, fakeConnect, memoryStore, noLog, simulatedClock } from './helpers.mjs';

const svc = await loadService();
const ORG = '00D5g000004Fake0AA';
const AGENTS = ['ana', 'ben', 'cho'];
const BROWSERS = ['b1', 'b2'];
const TABS = ['t1', 't2', 't3'];
const timing = { thresholdMs: 90000, leaveGraceMs: 15000 };

const settingsArb = fc.record({
    sessionEndStatus: fc.oneof(
        fc.constant({ kind: 'offline' }),
        fc
            .constantFrom('Away', 'Lunch', 'Available', 'Missing')
            .map((name) => ({ kind: 'named', name }))
    ),
    ifCurrentAgentStates: fc.subarray(['Available', 'Lunch', 'Away']),
    profileMatched: fc.boolean()
});

const eventArb = fc.oneof(
    {
        weight: 5,
        arbitrary: fc.record({
            t: fc.constant('heartbeat'),
            agent: fc.constantFrom(...AGENTS),
            browser: fc.constantFrom(...BROWSERS),
            tabs: fc.subarray(TABS, { minLength: 1 })
        })
    },
    {
        weight: 2,
        arbitrary: fc.record({
            t: fc.constant('leave'),
            agent: fc.constantFrom(...AGENTS),
            browser: fc.constantFrom(...BROWSERS),
            tab: fc.constantFrom(...TABS),
            remaining: fc.subarray(TABS)
        })
    },
    {
        weight: 4,
        arbitrary: fc.record({ t: fc.constant('advance'), ms: fc.integer({ min: 1, max: 120000 }) })
    },
    { weight: 3, arbitrary: fc.record({ t: fc.constant('sweep') }) },
    {
        weight: 2,
        arbitrary: fc.record({
            t: fc.constant('status'),
            agent: fc.constantFrom(...AGENTS),
            status: fc.constantFrom('Available', 'Lunch', 'Away', 'Offline')
        })
    },
    {
        weight: 1,
        arbitrary: fc.record({
            t: fc.constant('contact'),
            agent: fc.constantFrom(...AGENTS),
            on: fc.boolean()
        })
    }
);

/** The test's own idea of a live tab: a browser that named tabs within the threshold. */
function referenceAlive(reference, agent, now) {
    return Object.values(reference[agent] ?? {}).some(
        (b) => b.tabs.length > 0 && now - b.at < timing.thresholdMs
    );
}

async function run(settingsByAgent, events) {
    const clock = simulatedClock();
    const store = memoryStore();
    const connect = fakeConnect(clock);
    for (const agent of AGENTS) connect.addUser(agent, 'Available');
    const reference = {};
    const lifeEvents = Object.fromEntries(AGENTS.map((a) => [a, []]));
    /** When someone other than the service last changed the agent's status in Connect. */
    const externalChangeAt = {};
    const violations = [];
    let seen = 0;

    const deps = { store, connect, timing, clock, log: noLog, newId: () => `act-${seen++}` };
    const checkPuts = (fromIndex) => {
        for (const put of connect.puts.slice(fromIndex)) {
            const s = settingsByAgent[put.username];
            if (referenceAlive(reference, put.username, put.at))
                violations.push(['acted while a tab showed life', put]);
            if (STATUSES.find((x) => x.name === put.status).type === 'ROUTABLE')
                violations.push(['set a routable status', put]);
            if (s.ifCurrentAgentStates.length > 0 && !s.ifCurrentAgentStates.includes(put.from))
                violations.push(['changed an excluded status', put]);
            if (!s.profileMatched)
                violations.push(['acted although the profile did not match', put]);
        }
    };
    const sweep = async () => {
        const before = connect.puts.length;
        await svc.sweepOnce(deps, { deadline: clock.now() + 10000, putsPerSecond: 2 });
        checkPuts(before);
    };

    for (const event of events) {
        const identity = { org: ORG, username: event.agent };
        const settings = settingsByAgent[event.agent];
        if (event.t === 'heartbeat') {
            await store.update(ORG, event.agent, (current) =>
                svc.applyHeartbeat(
                    current,
                    identity,
                    { browserId: event.browser, tabIds: event.tabs, settings, ackActionId: null },
                    clock.now()
                )
            );
            (reference[event.agent] ??= {})[event.browser] = { tabs: event.tabs, at: clock.now() };
            lifeEvents[event.agent].push(clock.now());
        } else if (event.t === 'leave') {
            await store.update(ORG, event.agent, (current) =>
                svc.applyLeave(
                    current,
                    identity,
                    {
                        browserId: event.browser,
                        tabId: event.tab,
                        remainingTabIds: event.remaining,
                        settings
                    },
                    clock.now(),
                    timing.thresholdMs
                )
            );
            (reference[event.agent] ??= {})[event.browser] = {
                tabs: event.remaining.filter((t) => t !== event.tab),
                at: clock.now()
            };
            lifeEvents[event.agent].push(clock.now());
        } else if (event.t === 'advance') {
            clock.advance(event.ms);
        } else if (event.t === 'sweep') {
            await sweep();
        } else if (event.t === 'status') {
            const user = connect.users.get(event.agent);
            if (user.contactCount === 0) user.statusName = event.status;
            externalChangeAt[event.agent] = clock.now();
        } else if (event.t === 'contact') {
            const user = connect.users.get(event.agent);
            user.contactCount = event.on ? 1 : 0;
            if (!event.on && user.nextStatusName) {
                user.statusName = user.nextStatusName;
                user.nextStatusName = null;
            }
        }
    }
    // Idempotent: two puts for one agent always have a sign of life between them.
    for (const agent of AGENTS) {
        const puts = connect.puts.filter((p) => p.username === agent);
        for (let i = 1; i < puts.length; i += 1) {
            const lifeBetween = lifeEvents[agent].some(
                (t) => t > puts[i - 1].at - 1 && t <= puts[i].at
            );
            if (!lifeBetween)
                violations.push(['acted twice for one silence', puts[i - 1], puts[i]]);
        }
    }
    // Liveness: once every agent is silent past the threshold, one more sweep acts where allowed.
    clock.advance(timing.thresholdMs + timing.leaveGraceMs);
    await sweep();
    const again = connect.puts.length;
    await sweep();
    if (connect.puts.length !== again)
        violations.push(['a second sweep acted again', connect.puts.slice(again)]);
    for (const agent of AGENTS) {
        if (lifeEvents[agent].length === 0) continue;
        const s = settingsByAgent[agent];
        const user = connect.users.get(agent);
        const target =
            s.sessionEndStatus.kind === 'offline'
                ? STATUSES.find((x) => x.type === 'OFFLINE')
                : STATUSES.find((x) => x.name === s.sessionEndStatus.name);
        const actionable = s.profileMatched && target && target.type !== 'ROUTABLE';
        const current =
            user.contactCount > 0 ? (user.nextStatusName ?? user.statusName) : user.statusName;
        const lastPut = connect.puts.filter((p) => p.username === agent).at(-1);
        const stored = await store.get(ORG, agent);
        // Either Connect holds the target, or the service saw the current status excluded.
        if (actionable && current !== target.name) {
            const excluded = stored.lastDeparture?.outcome === 'excluded';
            // Acted once for this silence; a status set by someone else afterwards is theirs.
            const overriddenAfterAct =
                lastPut &&
                externalChangeAt[agent] >= lastPut.at &&
                !lifeEvents[agent].some((t) => t > lastPut.at);
            if (!excluded && !overriddenAfterAct) {
                violations.push([
                    'silent agent left without the session-end status',
                    { agent, current, target: target.name, departure: stored.lastDeparture }
                ]);
            }
        }
    }
    return violations;
}

test('the rules never act while a tab shows life, never set a routable or excluded status, act once per silence, and always act for a silent agent', async () => {
    await fc.assert(
        fc.asyncProperty(
            fc.record(Object.fromEntries(AGENTS.map((a) => [a, settingsArb]))),
            fc.array(eventArb, { minLength: 1, maxLength: 60 }),
            async (settingsByAgent, events) => {
                const violations = await run(settingsByAgent, events);
                assert.deepEqual(violations, []);
            }
        ),
        { numRuns: 500 }
    );
});

test('oldest departures are served first', () => {
    const checks = [
        { key: 'agent#o#c', path: 'noSignOfLife', departedAt: 30, lifeAt: 30 },
        { key: 'agent#o#a', path: 'noSignOfLife', departedAt: 10, lifeAt: 10 },
        { key: 'agent#o#b', path: 'leaveRepair', departedAt: 20, lifeAt: 20 }
    ];
    assert.deepEqual(
        svc.oldestFirst(checks).map((c) => c.key),
        ['agent#o#a', 'agent#o#b', 'agent#o#c']
    );
});

test('behind a contact the session-end status is queued as the next status', () => {
    const decision = svc.decideStatus(
        {
            sessionEndStatus: { kind: 'offline' },
            ifCurrentAgentStates: ['Available'],
            profileMatched: true
        },
        { userId: 'u', statusName: 'Available', nextStatusName: null, contactCount: 1 },
        STATUSES
    );
    assert.deepEqual(decision, {
        kind: 'put',
        statusId: 'st-offline',
        statusName: 'Offline',
        previousStatusName: 'Available',
        queued: true
    });
});

test('a session-end status Connect does not have is reported, not guessed', () => {
    const decision = svc.decideStatus(
        {
            sessionEndStatus: { kind: 'named', name: 'Gone' },
            ifCurrentAgentStates: [],
            profileMatched: true
        },
        { userId: 'u', statusName: 'Available', nextStatusName: null, contactCount: 0 },
        STATUSES
    );
    assert.equal(decision.kind, 'skip');
    assert.match(decision.detail, /no agent status "Gone": check the Status: setting/);
});

test('after acting once, a status someone else sets for the silent agent is left alone', async () => {
    const settings = {
        sessionEndStatus: { kind: 'offline' },
        ifCurrentAgentStates: [],
        profileMatched: true
    };
    const violations = await run({ ana: settings, ben: settings, cho: settings }, [
        { t: 'heartbeat', agent: 'ana', browser: 'b1', tabs: ['t1'] },
        { t: 'advance', ms: 70000 },
        { t: 'advance', ms: 70000 },
        { t: 'sweep' },
        { t: 'status', agent: 'ana', status: 'Available' },
        { t: 'sweep' }
    ]);
    assert.deepEqual(violations, []);
});
