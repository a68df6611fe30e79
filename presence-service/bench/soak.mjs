// The soak: simulated agents over simulated time, through the real API handler and the real sweeper
// (DynamoDB = dynalite, Connect = the ccp-emulator's REST API, both through the real SDK clients).
// Agents: visible tabs (a heartbeat every HEARTBEAT_S), hidden tabs under Chromium's intensive
// wake-up throttling (timers fire once a minute), network blips (heartbeats lost; the 'online'
// event, which is not throttled, sends one at once when the network returns), crashes (silence
// with no leave) and last-tab leaves whose CCP change never arrived (the agent is still Available).
import { generateKeyPair, exportSPKI, SignJWT } from 'jose';
import { startConnectStandIn } from '../../ccp-emulator/server.mjs';
import { loadService } from '../build.mjs';
import { LOCAL_ISSUER, LOCAL_ORG_ID, startLocalDynamo } from '../local/index.mjs';

export const HEARTBEAT_S = 20;
const HIDDEN_WAKE_S = 60;
const LEAVE_GRACE_S = 15;
const SWEEP_EVERY_S = 10;
const ORIGIN = 'https://bench.lightning.force.com';
const SETTINGS = {
    sessionEndStatus: { kind: 'offline' },
    ifCurrentAgentStates: [],
    profileMatched: true
};

/** A small seeded PRNG (mulberry32) so a soak is reproducible. */
function prng(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

function event(path, body, now) {
    return {
        version: '2.0',
        routeKey: `POST ${path}`,
        rawPath: path,
        rawQueryString: '',
        headers: { origin: ORIGIN, 'content-type': 'text/plain;charset=UTF-8' },
        requestContext: { http: { method: 'POST', path }, requestId: String(now), timeEpoch: now },
        body: JSON.stringify(body),
        isBase64Encoded: false
    };
}

/**
 * `hiddenBlipMaxSeconds`: the longest blip on a hidden tab. A hidden tab's heartbeats are up to
 * HIDDEN_WAKE_S apart, so its silence is up to that plus the blip: blips up to
 * threshold − HIDDEN_WAKE_S are the ones the threshold is meant to absorb.
 */
export async function runSoak({
    agents: count,
    minutes,
    thresholdSeconds,
    instanceArn,
    newId,
    seed = 11,
    visibleBlipMaxSeconds = 60,
    hiddenBlipMaxSeconds = thresholdSeconds - HIDDEN_WAKE_S
}) {
    const svc = await loadService();
    const random = prng(seed);
    const start = Date.parse('2026-12-01T00:00:00Z');
    let now = start;
    const clock = {
        now: () => now,
        sleep: async (ms) => {
            now += ms;
        }
    };
    const standIn = await startConnectStandIn({ host: '127.0.0.2' });
    const dynamo = await startLocalDynamo('127.0.0.3');
    const { publicKey, privateKey } = await generateKeyPair('RS256', { modulusLength: 2048 });
    const config = svc.configFromEnv(
        {
            TABLE_NAME: dynamo.tableName,
            TOKEN_ISSUER: LOCAL_ISSUER,
            SALESFORCE_ORG_ID: LOCAL_ORG_ID,
            CERTIFICATE_PEM: await exportSPKI(publicKey),
            ALLOWED_ORIGINS: ORIGIN,
            THRESHOLD_SECONDS: String(thresholdSeconds),
            LEAVE_GRACE_SECONDS: String(LEAVE_GRACE_S),
            CONNECT_INSTANCE_ARN: instanceArn,
            SWEEP_EVERY_SECONDS: String(SWEEP_EVERY_S),
            DYNAMODB_ENDPOINT: dynamo.dynamoEndpoint,
            CONNECT_ENDPOINT: standIn.url,
            AWS_REGION: 'us-east-1'
        },
        { allowShortThreshold: true }
    );
    const changes = [];
    let logBytes = 0;
    let heartbeatLogLines = 0;
    const log = (name, fields = {}) => {
        const line = JSON.stringify({ event: name, ...fields });
        if (name === 'heartbeat') {
            logBytes += line.length + 1;
            heartbeatLogLines += 1;
        }
        if (name === 'statusSet') changes.push({ at: now, ...fields });
    };
    const options = { clock, log, credentials: dynamo.credentials };
    const handler = await svc.apiHandlerFor(config, options);
    const sweeper = svc.sweeperFor(config, options);

    const endMs = minutes * 60000;
    const agents = [];
    for (let i = 0; i < count; i += 1) {
        const username = `soak-${String(i).padStart(3, '0')}`;
        const model = standIn.state.ensureAgent(username);
        standIn.state.recordChange(model, standIn.state.findStatus('Available'), {
            source: 'control',
            arrivedAt: Date.now()
        });
        // Every 10th agent crashes, every 20th (offset 5) leaves its last tab with the CCP change
        // lost, at a random time away from the soak's first and last two minutes.
        const departAt = start + 120000 + Math.floor(random() * (endMs - 240000));
        const departure =
            i % 10 === 0
                ? { kind: 'crash', at: departAt }
                : i % 20 === 5
                  ? { kind: 'leave', at: departAt }
                  : null;
        const hidden = random() < 0.4;
        const blipMaxMs = (hidden ? hiddenBlipMaxSeconds : visibleBlipMaxSeconds) * 1000;
        const blips = [];
        const blipCount = Math.floor(random() * 3);
        // Blips do not overlap (two overlapping blips are one longer blip): each starts at least
        // two heartbeat intervals after the previous one ended.
        let earliest = start;
        for (let b = 0; b < blipCount; b += 1) {
            const from = earliest + Math.floor(random() * (endMs / blipCount));
            const to = from + 5000 + Math.floor(random() * (blipMaxMs - 5000));
            blips.push({ from, to });
            earliest = to + 2 * HEARTBEAT_S * 1000;
        }
        agents.push({
            username,
            hidden,
            phase: Math.floor(random() * HIDDEN_WAKE_S * 1000),
            nextAt: start + Math.floor(random() * HEARTBEAT_S * 1000),
            departure,
            blips,
            wasOffline: false,
            lastRecorded: null,
            longestGap: 0,
            token: null,
            tokenAt: 0
        });
    }

    const durations = [];
    const passErrors = [];
    let heartbeats = 0;
    let leaves = 0;
    async function token(agent) {
        if (!agent.token || now - agent.tokenAt > 300000) {
            const iat = Math.floor(now / 1000);
            agent.token = await new SignJWT({
                org: LOCAL_ORG_ID,
                connect_username: agent.username,
                jti: newId()
            })
                .setProtectedHeader({ alg: 'RS256' })
                .setIssuer(LOCAL_ISSUER)
                .setAudience(svc.TOKEN_AUDIENCE)
                .setSubject('005000000000001AAA')
                .setIssuedAt(iat)
                .setExpirationTime(iat + 600)
                .sign(privateKey);
            agent.tokenAt = now;
        }
        return agent.token;
    }
    async function call(path, body) {
        const t0 = performance.now();
        const answer = await handler(event(path, body, now));
        durations.push(performance.now() - t0);
        if (answer.statusCode >= 300)
            throw new Error(`${path} answered ${answer.statusCode}: ${answer.body}`);
    }
    const inBlip = (agent, t) => agent.blips.some((b) => t >= b.from && t < b.to);
    /** When a throttled hidden tab's timer due at `due` actually fires: the next minute wake-up. */
    const hiddenFire = (agent, due) => {
        const period = HIDDEN_WAKE_S * 1000;
        const offset = (((due - start - agent.phase) % period) + period) % period;
        return offset === 0 ? due : due + (period - offset);
    };

    const tailMs = (thresholdSeconds + LEAVE_GRACE_S + 3 * SWEEP_EVERY_S) * 1000;
    let nextSweep = start + SWEEP_EVERY_S * 1000;
    for (let t = start; t <= start + endMs + tailMs; t += 1000) {
        now = t;
        for (const agent of agents) {
            const departed = agent.departure && t >= agent.departure.at;
            if (departed) {
                if (agent.departure.kind === 'leave' && !agent.departure.sent) {
                    agent.departure.sent = true;
                    leaves += 1;
                    await call('/leave', {
                        v: 1,
                        token: await token(agent),
                        browserId: `b-${agent.username}`,
                        tabId: 't1',
                        remainingTabIds: [],
                        settings: SETTINGS
                    });
                }
                continue;
            }
            // The network comes back: the 'online' event sends a heartbeat at once.
            const blipEnded = agent.blips.some((b) => b.to > t - 1000 && b.to <= t);
            if (t < agent.nextAt && !blipEnded) continue;
            if (!blipEnded)
                agent.nextAt = agent.hidden
                    ? hiddenFire(agent, t + HEARTBEAT_S * 1000)
                    : t + HEARTBEAT_S * 1000;
            if (inBlip(agent, t)) continue;
            heartbeats += 1;
            await call('/heartbeat', {
                v: 1,
                token: await token(agent),
                browserId: `b-${agent.username}`,
                tabIds: ['t1'],
                settings: SETTINGS
            });
            if (agent.lastRecorded !== null)
                agent.longestGap = Math.max(agent.longestGap, t - agent.lastRecorded);
            agent.lastRecorded = t;
        }
        if (t >= nextSweep) {
            // As the Lambda: a failed pass is logged and the next one runs.
            await sweeper.pass(t + 55000).catch((error) => {
                passErrors.push(String(error?.message ?? error));
            });
            nextSweep = t + SWEEP_EVERY_S * 1000;
        }
    }
    const passes = Math.floor((endMs + tailMs) / (SWEEP_EVERY_S * 1000));
    await dynamo.close();
    await standIn.close();

    const byAgent = new Map(agents.map((a) => [a.username, a]));
    const falseOffline = changes.filter((c) => {
        const agent = byAgent.get(c.username);
        return !agent.departure || c.at < agent.departure.at;
    }).length;
    const latency = (kind) => {
        const departed = agents.filter((a) => a.departure?.kind === kind);
        const lat = departed
            .map((a) => changes.find((c) => c.username === a.username && c.at >= a.departure.at))
            .filter(Boolean)
            .map((c) => c.at - byAgent.get(c.username).departure.at);
        return { n: departed.length, done: lat.length, lat: lat.sort((x, y) => x - y) };
    };
    const pick = (sorted, p) =>
        sorted.length
            ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
            : null;
    const summary = (sorted) => ({
        p50: pick(sorted, 50),
        p95: pick(sorted, 95),
        max: sorted.at(-1) ?? null
    });
    const crashes = latency('crash');
    const leaveStats = latency('leave');
    const liveGaps = agents.map((a) => a.longestGap);
    const sortedDurations = durations.sort((a, b) => a - b);
    const allBlips = agents.flatMap((a) => a.blips.map((b) => b.to - b.from));
    return {
        agents: count,
        minutes,
        thresholdSeconds,
        leaveGraceSeconds: LEAVE_GRACE_S,
        sweepEverySeconds: SWEEP_EVERY_S,
        heartbeatSeconds: HEARTBEAT_S,
        hiddenAgents: agents.filter((a) => a.hidden).length,
        blips: allBlips.length,
        blipSeconds: {
            min: Math.round(Math.min(...allBlips) / 1000),
            max: Math.round(Math.max(...allBlips) / 1000)
        },
        blipLimits: {
            visibleMaxSeconds: visibleBlipMaxSeconds,
            hiddenMaxSeconds: hiddenBlipMaxSeconds
        },
        falseOffline,
        longestLiveGapMs: Math.max(...liveGaps),
        crashes: { n: crashes.n, setOffline: crashes.done, latency: summary(crashes.lat) },
        leaves: { n: leaveStats.n, repaired: leaveStats.done, latency: summary(leaveStats.lat) },
        counts: {
            heartbeats,
            leaves,
            agentSimulatedMinutes: count * minutes,
            sweepPasses: passes,
            sweepPassErrors: passErrors.length,
            api: { ...handler.storeCounts },
            sweeper: { ...sweeper.storeCounts },
            connect: { ...sweeper.counts },
            heartbeatLogBytes: logBytes,
            heartbeatLogLines
        },
        handlerMs: {
            p50: Math.round(pick(sortedDurations, 50) * 10) / 10,
            p95: Math.round(pick(sortedDurations, 95) * 10) / 10
        }
    };
}
