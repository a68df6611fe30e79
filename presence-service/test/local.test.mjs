// The service end to end on loopback: the real handlers behind the local HTTP adapter, DynamoDB
// as dynalite through the real @aws-sdk/client-dynamodb, Connect as the ccp-emulator's REST API
// through the real @aws-sdk/client-connect. Short timings (threshold 3 s) so it runs in seconds.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPair, SignJWT } from 'jose';
import { startConnectStandIn } from '../../ccp-emulator/server.mjs';
import { startPresenceService } from '../local/index.mjs';

const ORIGIN = 'https://acme.lightning.force.com';
const THRESHOLD_S = 3;
const GRACE_S = 1;
const SETTINGS = {
    sessionEndStatus: { kind: 'offline' },
    ifCurrentAgentStates: [],
    profileMatched: true
};
let standIn;
let presence;
let counter = 0;

before(async () => {
    standIn = await startConnectStandIn({ host: '127.0.0.2' });
    presence = await startPresenceService({
        host: '127.0.0.3',
        connectEndpoint: standIn.url,
        thresholdSeconds: THRESHOLD_S,
        leaveGraceSeconds: GRACE_S,
        sweepEverySeconds: 0.2,
        allowedOrigins: [ORIGIN],
        putUserStatusPerSecond: 20,
        readsPerSecond: 20,
        log: Boolean(process.env.PRESENCE_LOG)
    });
});

after(async () => {
    await presence?.stop();
    await standIn?.close();
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(predicate, timeoutMs, what) {
    const end = Date.now() + timeoutMs;
    while (Date.now() < end) {
        if (predicate()) return;
        await sleep(50);
    }
    assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** A fresh agent in the stand-in, with a status; returns its username. */
function newAgent(status = 'Available') {
    counter += 1;
    const username = `agent-${counter}-${Date.now() % 100000}`;
    const agent = standIn.state.ensureAgent(username);
    setStatus(username, status);
    return { username, agent };
}

function setStatus(username, name) {
    const agent = standIn.state.ensureAgent(username);
    const target = standIn.state.findStatus(name);
    if (agent.status.name !== name) {
        standIn.state.recordChange(agent, target, { source: 'control', arrivedAt: Date.now() });
        standIn.state.changed();
    }
}

const statusOf = (username) => standIn.state.agents.get(username).status.name;
const historyOf = (username) => standIn.state.history.filter((h) => h.agent === username);

async function tokenFor(username, claims = {}) {
    return presence.signToken({ sub: '005000000000001AAA', connect_username: username, ...claims });
}

async function post(path, body, { origin = ORIGIN, raw } = {}) {
    const response = await fetch(`${presence.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain;charset=UTF-8', ...(origin ? { origin } : {}) },
        body: raw ?? JSON.stringify(body)
    });
    const text = await response.text();
    return {
        status: response.status,
        text,
        json: text ? JSON.parse(text) : null,
        headers: response.headers
    };
}

function heartbeat(token, extra = {}) {
    return post('/heartbeat', {
        v: 1,
        token,
        browserId: 'browser-1',
        tabIds: ['tab-1'],
        settings: SETTINGS,
        ...extra
    });
}

function leave(token, extra = {}) {
    return post('/leave', {
        v: 1,
        token,
        browserId: 'browser-1',
        tabId: 'tab-1',
        remainingTabIds: [],
        settings: SETTINGS,
        ...extra
    });
}

// Each test has its own agent, so they run side by side (the throttling test changes a shared
// fault and runs after them).
describe('the backstop on loopback', { concurrency: true }, () => {
    test('an agent whose browser goes silent is set Offline within the threshold, by the backstop', async () => {
        const { username } = newAgent('Available');
        const token = await tokenFor(username);
        const sentAt = Date.now();
        const answer = await heartbeat(token);
        const answeredAt = Date.now();
        assert.equal(answer.status, 200);
        assert.equal(answer.json.thresholdSeconds, THRESHOLD_S);
        assert.equal(answer.json.action, null);
        assert.equal(answer.headers.get('access-control-allow-origin'), ORIGIN);
        await waitFor(() => statusOf(username) === 'Offline', 15000, 'Offline');
        const change = historyOf(username).at(-1);
        assert.equal(change.source, 'backstop');
        assert.equal(change.from, 'Available');
        // The heartbeat was recorded between sentAt and answeredAt.
        const latest = change.arrivedAt - sentAt;
        const earliest = change.arrivedAt - answeredAt;
        assert.ok(latest >= THRESHOLD_S * 1000, `acted ${latest} ms after, before the threshold`);
        // Under load the sweep can lag; the deadline of the wait above bounds it.
        assert.ok(earliest < THRESHOLD_S * 1000 + 10000, `acted only ${earliest} ms after`);
    });

    test('a browser that wakes after the backstop acted is told what happened, once, until it acknowledges', async () => {
        const { username } = newAgent('Available');
        const token = await tokenFor(username);
        await heartbeat(token);
        await waitFor(() => statusOf(username) === 'Offline', 15000, 'Offline');
        const woke = await heartbeat(token);
        assert.equal(woke.json.action.path, 'noSignOfLife');
        assert.equal(woke.json.action.statusName, 'Offline');
        assert.equal(woke.json.action.previousStatusName, 'Available');
        assert.equal(woke.json.action.queued, false);
        assert.ok(Math.abs(woke.json.action.at - Date.parse(historyOf(username).at(-1).at)) < 1000);
        // Never sets Available on its own: the wake leaves the agent Offline.
        assert.equal(statusOf(username), 'Offline');
        const other = await heartbeat(token, { browserId: 'browser-2' });
        assert.equal(other.json.action.actionId, woke.json.action.actionId, 'each browser is told');
        const acked = await heartbeat(token, { ackActionId: woke.json.action.actionId });
        assert.equal(acked.json.action, null);
        assert.equal((await heartbeat(token)).json.action, null);
    });

    test('an agent whose tab keeps sending heartbeats is never touched', async () => {
        const { username } = newAgent('Available');
        const token = await tokenFor(username);
        const end = Date.now() + THRESHOLD_S * 3000;
        while (Date.now() < end) {
            await heartbeat(token);
            await sleep(300);
        }
        assert.equal(statusOf(username), 'Available');
        assert.deepEqual(
            historyOf(username).filter((h) => h.source === 'backstop'),
            []
        );
    });

    test("a token for agent A never changes agent B's status", async () => {
        const a = newAgent('Available');
        const b = newAgent('Available');
        // A token naming A: whatever the body says, only A's presence is recorded.
        const tokenA = await tokenFor(a.username);
        assert.equal(
            (await heartbeat(tokenA, { browserId: b.username, tabIds: [b.username] })).status,
            200
        );
        // A token naming B but signed by another key, or for another org, is refused.
        const { privateKey } = await generateKeyPair('RS256');
        const forged = await new SignJWT({
            org: presence.orgId,
            connect_username: b.username,
            jti: 'x'
        })
            .setProtectedHeader({ alg: 'RS256' })
            .setIssuer(presence.issuer)
            .setAudience('urn:amazon-connect-softphone:presence')
            .setSubject('005000000000001AAA')
            .setIssuedAt()
            .setExpirationTime('5m')
            .sign(privateKey);
        assert.equal((await heartbeat(forged)).status, 401);
        assert.equal((await leave(forged)).status, 401);
        const otherOrg = await tokenFor(b.username, { org: '00D000000000000AAA' });
        assert.equal((await leave(otherOrg)).status, 401);
        await waitFor(() => statusOf(a.username) === 'Offline', 15000, 'A Offline');
        await sleep(THRESHOLD_S * 1000);
        assert.equal(statusOf(b.username), 'Available');
        assert.deepEqual(
            historyOf(b.username).filter((h) => h.source === 'backstop'),
            []
        );
    });

    test('behind a contact the session-end status becomes the next status', async () => {
        const { username, agent } = newAgent('Available');
        agent.contact = {
            contactId: 'c-1',
            phase: 'connected',
            phaseSince: Date.now(),
            queueSince: Date.now()
        };
        standIn.state.changed();
        await heartbeat(await tokenFor(username));
        await waitFor(
            () => agent.nextState?.status.name === 'Offline',
            15000,
            'next status Offline'
        );
        assert.equal(statusOf(username), 'Available', 'the live contact is not interrupted');
        const woke = await heartbeat(await tokenFor(username));
        assert.equal(woke.json.action.queued, true);
        agent.contact = null;
        standIn.state.applyNextState(agent);
        assert.equal(statusOf(username), 'Offline');
    });

    test('a status that IfCurrentAgentState excludes is never touched', async () => {
        const { username } = newAgent('Lunch');
        const settings = { ...SETTINGS, ifCurrentAgentStates: ['Available'] };
        await heartbeat(await tokenFor(username), { settings });
        await sleep(THRESHOLD_S * 1000 + 800);
        assert.equal(statusOf(username), 'Lunch');
        assert.deepEqual(
            historyOf(username).filter((h) => h.source === 'backstop'),
            []
        );
    });

    test('an agent whose routing profile did not match IfProfileNameIncludes is never touched', async () => {
        const { username } = newAgent('Available');
        await heartbeat(await tokenFor(username), {
            settings: { ...SETTINGS, profileMatched: false }
        });
        await sleep(THRESHOLD_S * 1000 + 800);
        assert.equal(statusOf(username), 'Available');
    });

    test('a named session-end status is set by name', async () => {
        const { username } = newAgent('Available');
        const settings = { ...SETTINGS, sessionEndStatus: { kind: 'named', name: 'Lunch' } };
        await heartbeat(await tokenFor(username), { settings });
        await waitFor(() => statusOf(username) === 'Lunch', 15000, 'Lunch');
    });

    test('a leave from the last tab whose CCP change never arrived is repaired after the grace', async () => {
        const { username } = newAgent('Available');
        const token = await tokenFor(username);
        await heartbeat(token);
        const leftAt = Date.now();
        assert.equal((await leave(token)).status, 202);
        await waitFor(() => statusOf(username) === 'Offline', 15000, 'Offline');
        const change = historyOf(username).at(-1);
        assert.equal(change.source, 'backstop');
        // The leave path acted (after the grace), not the threshold's.
        assert.equal((await heartbeat(token)).json.action.path, 'leaveRepair');
        assert.ok(change.arrivedAt - leftAt >= GRACE_S * 1000, 'acted before the grace');
    });

    test('a leave whose page-event change reached Connect records that the page event got there first', async () => {
        const { username } = newAgent('Available');
        const token = await tokenFor(username);
        await heartbeat(token);
        setStatus(username, 'Offline'); // the guard's own change, through the CCP
        await leave(token);
        await sleep((GRACE_S + 0.8) * 1000);
        assert.deepEqual(
            historyOf(username).filter((h) => h.source === 'backstop'),
            []
        );
        assert.equal((await heartbeat(token)).json.action, null);
    });

    test('a reload (leave, then a new tab within the grace) changes nothing', async () => {
        const { username } = newAgent('Available');
        const token = await tokenFor(username);
        await heartbeat(token);
        await leave(token);
        await sleep(100);
        const end = Date.now() + THRESHOLD_S * 2000;
        while (Date.now() < end) {
            await heartbeat(token, { tabIds: ['tab-2'] });
            await sleep(300);
        }
        assert.equal(statusOf(username), 'Available');
    });

    test('one of several tabs closing changes nothing', async () => {
        const { username } = newAgent('Available');
        const token = await tokenFor(username);
        await heartbeat(token, { tabIds: ['tab-1', 'tab-2'] });
        await leave(token, { tabId: 'tab-1', remainingTabIds: ['tab-2'] });
        const end = Date.now() + THRESHOLD_S * 2000;
        while (Date.now() < end) {
            await heartbeat(token, { tabIds: ['tab-2'] });
            await sleep(300);
        }
        assert.equal(statusOf(username), 'Available');
    });

    test('bad requests get a status and a message, and the token is never echoed', async () => {
        const { username } = newAgent('Available');
        const token = await tokenFor(username);
        const noOrigin = await post('/heartbeat', { v: 1, token }, { origin: null });
        assert.equal(noOrigin.status, 403);
        const otherOrigin = await post(
            '/heartbeat',
            { v: 1, token },
            { origin: 'https://evil.example.com' }
        );
        assert.equal(otherOrigin.status, 403);
        assert.equal(otherOrigin.headers.get('access-control-allow-origin'), null);
        const big = await post('/heartbeat', null, {
            raw: JSON.stringify({ v: 1, token, pad: 'x'.repeat(5000) })
        });
        assert.equal(big.status, 413);
        const notJson = await post('/heartbeat', null, { raw: '{v:1' });
        assert.deepEqual(notJson.json, { error: 'badRequest', message: 'the body must be JSON' });
        const noTabs = await post('/heartbeat', {
            v: 1,
            token,
            browserId: 'b',
            settings: SETTINGS
        });
        assert.equal(noTabs.status, 400);
        assert.match(noTabs.json.message, /tabIds must be an array/);
        const expired = await tokenFor(username, {
            iat: Math.floor(Date.now() / 1000) - 1200,
            exp: Math.floor(Date.now() / 1000) - 600
        });
        const refused = await heartbeat(expired);
        assert.deepEqual(refused.json, { error: 'badToken' });
        const longLived = await tokenFor(username, { exp: Math.floor(Date.now() / 1000) + 3600 });
        assert.equal((await heartbeat(longLived)).status, 401);
        const wrongAudience = await tokenFor(username, { aud: 'urn:other' });
        assert.equal((await heartbeat(wrongAudience)).status, 401);
        const wrongIssuer = await tokenFor(username, { iss: 'https://other.my.salesforce.com' });
        assert.equal((await heartbeat(wrongIssuer)).status, 401);
        for (const answer of [refused, notJson, noTabs, big, otherOrigin]) {
            assert.ok(!answer.text.includes(token.slice(-20)), 'token echoed');
        }
    });

    test("the Connect stand-in refuses a request without a SigV4 Authorization header for 'connect'", async () => {
        const path = `/agent-status/${standIn.connectApi.instanceId}`;
        const bare = await fetch(`${standIn.url}${path}`);
        assert.equal(bare.status, 403);
        assert.equal(bare.headers.get('x-amzn-errortype'), 'AccessDeniedException');
        const otherService = await fetch(`${standIn.url}${path}`, {
            headers: {
                authorization:
                    'AWS4-HMAC-SHA256 Credential=AKID/20261201/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=abc'
            }
        });
        assert.equal(otherService.status, 403);
    });
});

test('Connect throttling (429) is met with backoff, and every silent agent still ends Offline', async () => {
    const agents = Array.from({ length: 6 }, () => newAgent('Available').username);
    for (const username of agents) await heartbeat(await tokenFor(username));
    const throttledBefore = standIn.connectApi.throttled.PutUserStatus ?? 0;
    standIn.faults.connectApiRatePerSecond = 2;
    try {
        await waitFor(() => agents.every((u) => statusOf(u) === 'Offline'), 30000, 'all Offline');
    } finally {
        delete standIn.faults.connectApiRatePerSecond;
    }
    assert.ok(
        (standIn.connectApi.throttled.PutUserStatus ?? 0) > throttledBefore,
        'the stand-in throttled'
    );
    assert.ok(presence.connectCounts.throttled > 0, 'the service saw 429s');
    for (const username of agents) {
        assert.equal(
            historyOf(username).filter((h) => h.source === 'backstop').length,
            1,
            'set once each'
        );
    }
});
