// Smoke check: the REAL amazon-connect-streams 2.28.2 (plain <script>, no LWS) in a host page on
// 127.0.0.1 accepts the emulated CCP on 127.0.0.2 and drives agent state through it.
// Run: `node ccp-emulator/smoke.mjs` — exits 0 when every check passes, 1 otherwise.
/* global window, document -- the in-page helpers below run in the host page */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { startConnectStandIn } from './server.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../preview/lib/browser.mjs';

const require = createRequire(import.meta.url);
const STREAMS_PATH = require.resolve('amazon-connect-streams/release/connect-streams.js');

const HOST_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Streams host</title>
<script src="/connect-streams.js"></script></head>
<body><div id="ccp" style="width:320px;height:480px"></div></body></html>`;

/** A minimal host page on 127.0.0.1 that loads the real connect-streams.js with a plain script. */
export async function startHostPage({ host = '127.0.0.1', port = 0 } = {}) {
    const streams = await readFile(STREAMS_PATH);
    const server = createServer((req, res) => {
        if (req.url === '/connect-streams.js') {
            res.writeHead(200, { 'content-type': 'text/javascript' });
            return res.end(streams);
        }
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end(HOST_PAGE);
    });
    await new Promise((resolve) => server.listen(port, host, resolve));
    return {
        url: `http://${host}:${server.address().port}/`,
        close: () =>
            new Promise((resolve) => {
                server.close(() => resolve());
                server.closeAllConnections();
            })
    };
}

// ---- in-page helpers (run inside the host page) ----------------------------------------------

/** initCCP plus probes: first CCP message vs iframe load, upstream events, agent/contact hooks. */
function initHostInPage({ ccpUrl, extra }) {
    const t = {
        upstreamEvents: [],
        agentInits: 0,
        refreshes: 0,
        contacts: [],
        authFails: 0,
        initialized: false,
        firstCcpMessageAt: null,
        firstCcpEvent: null,
        iframeLoadAt: null
    };
    window.t = t;
    const ccpOrigin = new URL(ccpUrl).origin;
    window.addEventListener(
        'message',
        (event) => {
            if (event.origin === ccpOrigin && t.firstCcpMessageAt === null) {
                t.firstCcpMessageAt = performance.now();
                t.firstCcpEvent = event.data && event.data.event;
            }
        },
        true
    );
    window.connect.core.initCCP(document.getElementById('ccp'), {
        ccpUrl,
        loginPopup: false,
        softphone: { allowFramedSoftphone: true },
        ...extra
    });
    document.querySelector('iframe').addEventListener('load', () => {
        if (t.iframeLoadAt === null) t.iframeLoadAt = performance.now();
    });
    window.connect.core.getUpstream().onAllUpstream((data, name) => {
        if (!t.upstreamEvents.includes(name)) t.upstreamEvents.push(name);
    });
    window.connect.core.onInitialized(() => (t.initialized = true));
    window.connect.core.onAuthFail(() => (t.authFails += 1));
    window.connect.agent((agent) => {
        t.agentInits += 1;
        agent.onRefresh(() => (t.refreshes += 1));
    });
    window.connect.contact((contact) => t.contacts.push(contact.getContactId()));
}

function agentViewInPage() {
    const agent = new window.connect.Agent();
    const contacts = agent.getContacts();
    return {
        state: agent.getState().name,
        stateType: agent.getState().type,
        next: agent.getNextState() ? agent.getNextState().name : null,
        states: agent.getAgentStates().map((s) => `${s.name}:${s.type}`),
        routingProfile: agent.getRoutingProfile().name,
        contacts: contacts.length,
        contactState: contacts.length ? contacts[0].getStatus().type : null
    };
}

function setStateInPage({ name, enqueue }) {
    return new Promise((resolve) => {
        const agent = new window.connect.Agent();
        const state = agent.getAgentStates().find((s) => s.name === name);
        agent.setState(
            state,
            {
                success: () => resolve({ ok: true }),
                failure: (err) => resolve({ ok: false, err })
            },
            { enqueueNextState: enqueue }
        );
        setTimeout(() => resolve({ ok: false, err: 'no answer in 5 s' }), 5000);
    });
}

// ---- runner ------------------------------------------------------------------------------------

const results = [];
function check(name, ok, detail = '') {
    results.push({ name, ok: Boolean(ok), detail });
    console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}${detail ? `  (${detail})` : ''}`);
}

async function postJson(url, body) {
    const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body)
    });
    return res.json();
}

const getJson = async (url) => (await fetch(url)).json();

async function waitInPage(page, predicateSource, timeout = 10000) {
    try {
        await page.waitForFunction(predicateSource, null, { timeout, polling: 100 });
        return true;
    } catch {
        return false;
    }
}

async function newHostPage(browser, hostUrl, consoleLines, label) {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('console', (msg) => consoleLines.push(`[${label}] ${msg.type()}: ${msg.text()}`));
    page.on('pageerror', (err) => consoleLines.push(`[${label}] pageerror: ${err.message}`));
    await page.goto(hostUrl);
    return { context, page };
}

async function mainScenario(browser, standIn, host, consoleLines) {
    const { context, page } = await newHostPage(browser, host.url, consoleLines, 'main');
    await page.evaluate(initHostInPage, { ccpUrl: standIn.ccpUrl, extra: {} });
    const ready = await waitInPage(page, 'window.t.agentInits > 0', 15000);
    check('host reaches INIT and the agent initializes', ready);
    if (!ready) return context.close();
    let view = await page.evaluate(agentViewInPage);
    const probe = await page.evaluate(() => window.t);
    check(
        'first CCP message is acknowledge, after the iframe load event (default timing)',
        probe.firstCcpEvent === 'acknowledge' && probe.firstCcpMessageAt > probe.iframeLoadAt,
        `ack ${probe.firstCcpMessageAt?.toFixed(0)} ms, load ${probe.iframeLoadAt?.toFixed(0)} ms`
    );
    check('getState() is Offline at start', view.state === 'Offline', view.state);
    check(
        'getAgentStates() lists the configured statuses',
        [
            'Available:routable',
            'Offline:offline',
            'Lunch:not_routable',
            '退席中:not_routable'
        ].every((s) => view.states.includes(s)),
        view.states.join(', ')
    );
    check('getRoutingProfile().name', view.routingProfile === 'Basic Routing Profile');
    check('getContacts() is empty', view.contacts === 0);

    const setAvailable = await page.evaluate(setStateInPage, { name: 'Available', enqueue: false });
    check('setState(Available) succeeds', setAvailable.ok, JSON.stringify(setAvailable.err ?? ''));
    check(
        'agent.getState() becomes Available (agent::update pushed)',
        await waitInPage(page, "new connect.Agent().getState().name === 'Available'")
    );
    let history = await getJson(`${standIn.url}/connect/history`);
    let last = history.at(-1);
    check(
        '/connect/history records Offline → Available from the CCP',
        history.length === 1 &&
            last.from === 'Offline' &&
            last.to === 'Available' &&
            last.source === 'ccp' &&
            typeof last.arrivedAt === 'number' &&
            !Number.isNaN(Date.parse(last.at)),
        JSON.stringify(last)
    );

    await postJson(`${standIn.url}/control/contact`, { action: 'incoming' });
    check(
        'connect.contact(cb) fires for the incoming contact',
        await waitInPage(page, 'window.t.contacts.length === 1')
    );
    view = await page.evaluate(agentViewInPage);
    check(
        'getContacts() sees it connecting',
        view.contacts === 1 && view.contactState === 'connecting',
        `${view.contacts} ${view.contactState}`
    );
    await postJson(`${standIn.url}/control/contact`, { action: 'connected' });
    check(
        'contact becomes connected',
        await waitInPage(
            page,
            "new connect.Agent().getContacts()[0]?.getStatus().type === 'connected'"
        )
    );

    const refused = await page.evaluate(setStateInPage, { name: 'Lunch', enqueue: false });
    check(
        'setState(Lunch) without enqueueNextState is refused during the contact',
        !refused.ok && String(refused.err).includes('InvalidStateException'),
        String(refused.err)
    );
    const enqueued = await page.evaluate(setStateInPage, { name: 'Offline', enqueue: true });
    check('setState(Offline, {enqueueNextState:true}) succeeds', enqueued.ok);
    check(
        'getNextState() is Offline',
        await waitInPage(page, "new connect.Agent().getNextState()?.name === 'Offline'")
    );

    await postJson(`${standIn.url}/control/contact`, { action: 'acw' });
    check(
        'after-contact work: contact ended, agent AfterCallWork, still Available underneath',
        await waitInPage(page, "new connect.Agent().getState().name === 'AfterCallWork'")
    );
    history = await getJson(`${standIn.url}/connect/history`);
    check('no status change recorded during the contact', history.length === 1);

    await postJson(`${standIn.url}/control/contact`, { action: 'end' });
    check(
        'contact cleared: enqueued Offline applies',
        await waitInPage(
            page,
            "new connect.Agent().getState().name === 'Offline' && new connect.Agent().getContacts().length === 0 && new connect.Agent().getNextState() === null"
        )
    );
    history = await getJson(`${standIn.url}/connect/history`);
    last = history.at(-1);
    check(
        '/connect/history records Available → Offline from nextState',
        history.length === 2 &&
            last.from === 'Available' &&
            last.to === 'Offline' &&
            last.source === 'nextState',
        JSON.stringify(last)
    );

    const ccpFrame = page.frames().find((f) => f.url().startsWith(standIn.ccpUrl));
    const { ccpReceived, workerKind } = await ccpFrame.evaluate(() => ({
        ccpReceived: window.__ccpReceived,
        workerKind: window.__ccpWorkerKind
    }));
    console.log(`      CCP page worker: ${workerKind}`);
    const events = await page.evaluate(() => window.t.upstreamEvents);
    console.log(
        `      host → CCP events: ${[...new Set(ccpReceived)].join(', ') || '(frame reloaded)'}`
    );
    console.log(`      CCP → host events: ${events.join(', ')}`);

    // Sign-out as Streams' signOutThroughCCP does it, then TERMINATE → TERMINATED.
    await page.evaluate(setStateInPage, { name: 'Available', enqueue: false });
    const logout = await page.evaluate(async (instance) => {
        const res = await fetch(`${instance}/logout`, { credentials: 'include' });
        return res.status;
    }, standIn.url);
    const afterLogout = await getJson(`${standIn.url}/connect/state`);
    check(
        '/logout answers the host with credentials (CORS) and leaves the status alone',
        logout === 200 &&
            afterLogout.agents[0].status === 'Available' &&
            !afterLogout.session.signedIn,
        `status ${logout}, agent ${afterLogout.agents[0].status}`
    );
    await page.evaluate(() =>
        window.connect.core.getUpstream().sendUpstream(window.connect.EventType.TERMINATE)
    );
    check(
        'TERMINATE is answered with TERMINATED',
        await waitInPage(page, "window.t.upstreamEvents.includes('terminated')")
    );

    await context.close();
}

async function faultScenarios(browser, standIn, host, consoleLines) {
    // authFail: the CCP's worker gets 401 from createTransport and sends auth_fail.
    {
        await postJson(`${standIn.url}/control/reset`, {});
        const { context, page } = await newHostPage(browser, host.url, consoleLines, 'authFail');
        await page.evaluate(initHostInPage, { ccpUrl: `${standIn.ccpUrl}?authFail=1`, extra: {} });
        const fired = await waitInPage(page, 'window.t.authFails > 0', 10000);
        const t = await page.evaluate(() => window.t);
        check(
            'authFail fault: connect.core.onAuthFail fires, agent never initializes',
            fired && t.agentInits === 0,
            `authFails ${t.authFails}, agentInits ${t.agentInits}`
        );
        await context.close();
    }
    // authFail through POST /control/faults as well.
    {
        await postJson(`${standIn.url}/control/faults`, { authFail: true });
        const { context, page } = await newHostPage(
            browser,
            host.url,
            consoleLines,
            'authFailControl'
        );
        await page.evaluate(initHostInPage, { ccpUrl: standIn.ccpUrl, extra: {} });
        check(
            'authFail via /control/faults: onAuthFail fires',
            await waitInPage(page, 'window.t.authFails > 0', 10000)
        );
        await context.close();
        await postJson(`${standIn.url}/control/faults`, {});
    }
    // earlyAck: the first acknowledge precedes the iframe's load event; plain Streams still works.
    {
        const { context, page } = await newHostPage(browser, host.url, consoleLines, 'earlyAck');
        await page.evaluate(initHostInPage, { ccpUrl: `${standIn.ccpUrl}?earlyAck=1`, extra: {} });
        const ready = await waitInPage(
            page,
            'window.t.agentInits > 0 && window.t.iframeLoadAt !== null',
            15000
        );
        const t = await page.evaluate(() => window.t);
        check(
            'earlyAck fault: acknowledge arrives before the iframe load event',
            t.firstCcpEvent === 'acknowledge' &&
                t.iframeLoadAt !== null &&
                t.firstCcpMessageAt < t.iframeLoadAt,
            `ack ${t.firstCcpMessageAt?.toFixed(0)} ms, load ${t.iframeLoadAt?.toFixed(0)} ms`
        );
        check('earlyAck fault: without LWS the agent still initializes', ready);
        await context.close();
    }
    // slow: the first acknowledge comes N ms after load.
    {
        const { context, page } = await newHostPage(browser, host.url, consoleLines, 'slow');
        await page.evaluate(initHostInPage, { ccpUrl: `${standIn.ccpUrl}?slow=1500`, extra: {} });
        const ready = await waitInPage(page, 'window.t.agentInits > 0', 15000);
        const t = await page.evaluate(() => window.t);
        check(
            'slow fault: ack ≥ 1.5 s after load, agent initializes',
            ready && t.firstCcpMessageAt - t.iframeLoadAt >= 1400,
            `ack − load = ${(t.firstCcpMessageAt - t.iframeLoadAt).toFixed(0)} ms`
        );
        await context.close();
    }
    // dead: never acknowledges.
    {
        const { context, page } = await newHostPage(browser, host.url, consoleLines, 'dead');
        await page.evaluate(initHostInPage, {
            ccpUrl: `${standIn.ccpUrl}?dead=1`,
            extra: { ccpLoadTimeout: 10000 }
        });
        await page.waitForTimeout(2500);
        const t = await page.evaluate(() => window.t);
        check(
            'dead fault: no message from the CCP, host not initialized',
            t.firstCcpMessageAt === null && !t.initialized && t.iframeLoadAt !== null
        );
        await context.close();
    }
}

async function rtmScenario(browser, standIn, consoleLines) {
    await postJson(`${standIn.url}/control/reset`, {});
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('console', (msg) => consoleLines.push(`[rtm] ${msg.type()}: ${msg.text()}`));
    await page.goto(standIn.rtmUrl);
    const first = await waitInPage(
        page,
        "document.querySelector('tr[data-agent=agent1] td:nth-child(3)')?.textContent === 'Offline'"
    );
    await postJson(`${standIn.url}/connect/agent-state`, {}); // unauthenticated: must not change anything
    const state = await getJson(`${standIn.url}/connect/state`);
    check(
        'real-time metrics lists agent1 as Offline; unauthenticated agent-state is rejected',
        first && state.agents[0].status === 'Offline'
    );
    await context.close();
}

async function main() {
    const consoleLines = [];
    const standIn = await startConnectStandIn();
    const host = await startHostPage();
    const browser = await chromium.launch({
        executablePath: CHROMIUM_PATH,
        args: [...CHROMIUM_ARGS]
    });
    const started = Date.now();
    try {
        await mainScenario(browser, standIn, host, consoleLines);
        await faultScenarios(browser, standIn, host, consoleLines);
        await rtmScenario(browser, standIn, consoleLines);
    } catch (error) {
        check('smoke ran to the end', false, error.stack);
    } finally {
        await browser.close();
        await host.close();
        await standIn.close();
    }
    const failed = results.filter((r) => !r.ok);
    console.log(
        `\n${results.length - failed.length}/${results.length} checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s`
    );
    if (failed.length) {
        console.log('\n--- browser console ---');
        for (const line of consoleLines) console.log(line);
    }
    process.exit(failed.length ? 1 : 0);
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
    await main();
}
