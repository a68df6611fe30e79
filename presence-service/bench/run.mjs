#!/usr/bin/env node
// `npm run bench:presence`: the presence backstop's service-level figures.
//
// - Soak: simulated agents for 30 simulated minutes (hidden tabs on Chromium's one-wake-a-minute
//   timers, network blips, crashes, last-tab leaves whose CCP change never arrived), through the
//   real API handler and the real sweeper, DynamoDB as dynalite through the real SDK client,
//   Connect as the ccp-emulator's REST API through the real SDK client; the clock is simulated.
//   Counts false Offlines (must be 0) and the time from departure to the backstop's change.
// - Burst: 500 agents vanish at once, in real time, with the Connect stand-in enforcing a
//   PutUserStatus quota of 2/s and the service set to the same rate: the time until all are
//   Offline, the highest rate Connect saw in any 1-s window, the 429s.
// - Cost: the monthly AWS cost per 1,000 agents from the soak's measured request counts and the
//   capacity units DynamoDB (dynalite) reported, at the list prices in prices.mjs.
//
//   npm run bench:presence                 # default threshold 90 s, 200 agents soak, 500 burst
//   npm run bench:presence -- --quick      # small and short: does it still run? (npm test)
//
// Writes bench/results.presence{,.quick}.{json,md} and puts its section into bench/results.md
// (or results.quick.md) between <!-- presence-service --> markers, leaving every other row alone.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import * as prettier from 'prettier';
import { startConnectStandIn } from '../../ccp-emulator/server.mjs';
import { INSTANCE_ARN } from '../../ccp-emulator/agent-model.mjs';
import { startPresenceService } from '../local/index.mjs';
import { runSoak } from './soak.mjs';
import { monthlyCost } from './cost.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const BENCH_DIR = join(ROOT, 'bench');
const FULL = {
    soakAgents: 200,
    soakMinutes: 30,
    burstAgents: 500,
    thresholdSeconds: 90,
    sweepEverySeconds: 10
};
const QUICK = {
    soakAgents: 20,
    soakMinutes: 5,
    burstAgents: 20,
    thresholdSeconds: 2,
    sweepEverySeconds: 0.5
};

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const plan = values.quick ? QUICK : FULL;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** 500 agents send one heartbeat, then vanish; Connect holds PutUserStatus to 2/s. */
async function runBurst() {
    const standIn = await startConnectStandIn({ host: '127.0.0.2' });
    const origin = 'https://bench.lightning.force.com';
    const presence = await startPresenceService({
        host: '127.0.0.3',
        connectEndpoint: standIn.url,
        thresholdSeconds: plan.thresholdSeconds,
        sweepEverySeconds: plan.sweepEverySeconds,
        allowedOrigins: [origin],
        putUserStatusPerSecond: 2,
        readsPerSecond: 2
    });
    try {
        const usernames = Array.from(
            { length: plan.burstAgents },
            (_, i) => `burst-${String(i).padStart(3, '0')}`
        );
        for (const username of usernames) {
            const agent = standIn.state.ensureAgent(username);
            standIn.state.recordChange(agent, standIn.state.findStatus('Available'), {
                source: 'control',
                arrivedAt: Date.now()
            });
        }
        standIn.faults.connectApiRatePerSecond = 2;
        const settings = {
            sessionEndStatus: { kind: 'offline' },
            ifCurrentAgentStates: [],
            profileMatched: true
        };
        // Each agent's one heartbeat, 20 at a time; the last one marks the moment they vanish.
        for (let i = 0; i < usernames.length; i += 20) {
            await Promise.all(
                usernames.slice(i, i + 20).map(async (username) => {
                    const token = await presence.signToken({
                        sub: '005000000000001AAA',
                        connect_username: username
                    });
                    const response = await fetch(`${presence.url}/heartbeat`, {
                        method: 'POST',
                        headers: { 'content-type': 'text/plain;charset=UTF-8', origin },
                        body: JSON.stringify({
                            v: 1,
                            token,
                            browserId: `b-${username}`,
                            tabIds: ['t'],
                            settings
                        })
                    });
                    if (response.status !== 200) throw new Error(`heartbeat ${response.status}`);
                })
            );
        }
        const vanishedAt = Date.now();
        const offline = () =>
            usernames.filter((u) => standIn.state.agents.get(u).status.name === 'Offline').length;
        const limitMs = (plan.thresholdSeconds + plan.burstAgents / 2 + 120) * 1000;
        while (offline() < usernames.length && Date.now() - vanishedAt < limitMs) await sleep(200);
        const allOfflineAt = Date.now();
        const puts = standIn.connectApi.putUserStatusLog
            .map((p) => p.arrivedAt)
            .sort((a, b) => a - b);
        let maxPerSecond = 0;
        for (let i = 0; i < puts.length; i += 1) {
            let j = i;
            while (j < puts.length && puts[j] < puts[i] + 1000) j += 1;
            maxPerSecond = Math.max(maxPerSecond, j - i);
        }
        const firstPut = puts[0] ?? null;
        const meanPerSecond =
            puts.length > 1 ? (puts.length - 1) / ((puts.at(-1) - puts[0]) / 1000) : null;
        return {
            agents: usernames.length,
            offline: offline(),
            thresholdSeconds: plan.thresholdSeconds,
            secondsToAllOffline: (allOfflineAt - vanishedAt) / 1000,
            secondsFromFirstChangeToAll: firstPut ? (allOfflineAt - firstPut) / 1000 : null,
            putUserStatus: puts.length,
            maxPutUserStatusInAnySecond: maxPerSecond,
            meanPutUserStatusPerSecond: meanPerSecond,
            throttled429: { ...standIn.connectApi.throttled },
            connectCalls: { ...standIn.connectApi.calls }
        };
    } finally {
        await presence.stop();
        await standIn.close();
    }
}

function markdown(results) {
    const s = results.soak;
    const b = results.burst;
    const c = results.cost;
    const ms = (v) => (v === null ? '–' : `${Math.round(v / 100) / 10} s`);
    const lines = [
        '<!-- presence-service:start -->',
        '',
        `### Presence backstop (service): ${results.date}, ${results.mode}`,
        '',
        `Threshold ${results.thresholdSeconds} s, leave grace ${results.leaveGraceSeconds} s, sweep every ${results.sweepEverySeconds} s, heartbeat every ${s.heartbeatSeconds} s (hidden tabs: one timer wake-up a minute).`,
        '',
        '| Figure | Value |',
        '| --- | --- |',
        `| Soak: simulated agents × simulated minutes | ${s.agents} × ${s.minutes} (${s.hiddenAgents} with hidden tabs, ${s.blips} network blips of ${s.blipSeconds.min}–${s.blipSeconds.max} s: up to ${s.blipLimits.visibleMaxSeconds} s on visible tabs, ${s.blipLimits.hiddenMaxSeconds} s on hidden ones) |`,
        `| Soak: false Offline (backstop changed an agent whose tab was alive) | **${s.falseOffline}** (${s.counts.heartbeats} heartbeats, ${s.counts.sweepPasses} sweep passes, ${s.counts.sweepPassErrors} failed and left to the next) |`,
        `| Soak: longest silence of a live agent (heartbeat gap, blips included) | ${ms(s.longestLiveGapMs)} |`,
        `| Limit: the same soak with blips up to 60 s on hidden tabs too | ${results.soakBeyond.falseOffline} false Offline (longest live silence ${ms(results.soakBeyond.longestLiveGapMs)}): a hidden tab is silent for up to 60 s between timer wake-ups, so it absorbs blips up to threshold − 60 s |`,
        `| Soak: crashes set Offline by the backstop (no sign of life) | ${s.crashes.setOffline}/${s.crashes.n}; departure → change p50 / p95 / max ${ms(s.crashes.latency.p50)} / ${ms(s.crashes.latency.p95)} / ${ms(s.crashes.latency.max)} |`,
        `| Soak: last-tab leaves whose CCP change never arrived, repaired | ${s.leaves.repaired}/${s.leaves.n}; leave → change p50 / p95 / max ${ms(s.leaves.latency.p50)} / ${ms(s.leaves.latency.p95)} / ${ms(s.leaves.latency.max)} |`,
        `| Burst: ${b.agents} agents vanish at once, PutUserStatus quota 2/s | all Offline **${b.secondsToAllOffline.toFixed(1)} s** after the last heartbeat (${b.offline}/${b.agents}); ${b.secondsFromFirstChangeToAll?.toFixed(1) ?? '–'} s from the first change to the last |`,
        `| Burst: PutUserStatus at Connect | ${b.putUserStatus} calls, ${b.throttled429.PutUserStatus ?? 0} answered 429; mean ${b.meanPutUserStatusPerSecond?.toFixed(2) ?? '–'}/s; at most ${b.maxPutUserStatusInAnySecond} arrivals in one 1-s window (sent 500 ms apart, arrival jitter) |`,
        `| Cost per 1,000 agents per month, ${c.hoursPerAgentMonth} h logged in per agent (${c.region} list prices) | **$${c.perThousandAgents.total.toFixed(2)}** (+ $${c.fixed.total.toFixed(2)} fixed per deployment) |`,
        `| Cost per 1,000 agents per month, logged in 24/7 | $${c.perThousandAgents247.total.toFixed(2)} (+ $${c.fixed.total.toFixed(2)} fixed) |`,
        '',
        `Cost parts per 1,000 agents (${c.hoursPerAgentMonth} h): ${Object.entries(
            c.perThousandAgents.parts
        )
            .map(([k, v]) => `${k} $${v.toFixed(2)}`)
            .join(', ')}. Fixed: ${Object.entries(c.fixed.parts)
            .map(([k, v]) => `${k} $${v.toFixed(2)}`)
            .join(
                ', '
            )}. Measured per heartbeat: ${c.measured.readUnitsPerHeartbeat} RRU, ${c.measured.writeUnitsPerHeartbeat} WRU, ${c.measured.logBytesPerHeartbeat} log bytes; per sweep pass and agent ${c.measured.scanReadUnitsPerAgentPass.toFixed(3)} RRU; handler time p50 ${c.measured.handlerMs.p50} ms (dynalite on loopback, not DynamoDB). Prices and assumptions: presence-service/bench/cost.mjs.`,
        '',
        '<!-- presence-service:end -->'
    ];
    return lines.join('\n');
}

async function upsertSection(file, section) {
    const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const pattern = /<!-- presence-service:start -->[\s\S]*<!-- presence-service:end -->/;
    const next = pattern.test(current)
        ? current.replace(pattern, section)
        : `${current.trimEnd()}\n\n${section}\n`;
    writeFileSync(
        file,
        await prettier.format(next, { parser: 'markdown', ...(await prettier.resolveConfig(file)) })
    );
}

const started = Date.now();
const soak = await runSoak({
    agents: plan.soakAgents,
    minutes: plan.soakMinutes,
    thresholdSeconds: values.quick ? 90 : plan.thresholdSeconds,
    instanceArn: INSTANCE_ARN,
    newId: randomUUID
});
// The same soak with hidden-tab blips as long as visible ones: where the threshold stops absorbing.
const soakBeyond = await runSoak({
    agents: plan.soakAgents,
    minutes: plan.soakMinutes,
    thresholdSeconds: values.quick ? 90 : plan.thresholdSeconds,
    instanceArn: INSTANCE_ARN,
    newId: randomUUID,
    hiddenBlipMaxSeconds: 60
});
const burst = await runBurst();
const cost = monthlyCost(soak);
const results = {
    date: new Date().toISOString().slice(0, 10),
    mode: values.quick ? 'quick (small, short; not the figures)' : 'full',
    seconds: Math.round((Date.now() - started) / 1000),
    thresholdSeconds: soak.thresholdSeconds,
    leaveGraceSeconds: soak.leaveGraceSeconds,
    sweepEverySeconds: soak.sweepEverySeconds,
    soak,
    soakBeyond: {
        hiddenBlipMaxSeconds: 60,
        falseOffline: soakBeyond.falseOffline,
        longestLiveGapMs: soakBeyond.longestLiveGapMs
    },
    burst,
    cost
};
const base = join(BENCH_DIR, values.quick ? 'results.presence.quick' : 'results.presence');
writeFileSync(`${base}.json`, `${JSON.stringify(results, null, 4)}\n`);
const section = markdown(results);
writeFileSync(
    `${base}.md`,
    await prettier.format(`${section}\n`, {
        parser: 'markdown',
        ...(await prettier.resolveConfig(`${base}.md`))
    })
);
await upsertSection(join(BENCH_DIR, values.quick ? 'results.quick.md' : 'results.md'), section);
console.log(section);
const ok =
    soak.falseOffline === 0 &&
    burst.offline === burst.agents &&
    soak.crashes.setOffline === soak.crashes.n &&
    soak.leaves.repaired === soak.leaves.n;
if (!ok) {
    console.error(
        'presence bench: a promise was broken (false Offline, or a departed agent not set Offline)'
    );
    process.exit(1);
}
