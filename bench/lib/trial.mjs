// One trial: a fresh browser context on a contender's preview, the pages' own timestamps
// (pagehide, the component mounted), the Apex calls, and reading the outcome from the Connect
// stand-in. The scenarios (scenarios.mjs) drive the pages; this module measures.
/* global document, window, location, MutationObserver, addEventListener -- page code */
import { randomUUID } from 'node:crypto';
import { waitForCcpToShow, waitForMounted, waitForSoftphoneReady } from '../../e2e/lib/pages.mjs';

const VIEWPORT = { width: 1280, height: 800 };
const BEACON_WAIT_MS = 2000;
const POLL_MS = 25;

/**
 * Runs in every frame before its scripts (addInitScript); only the top-level page reports.
 * `pagehide` is recorded first thing (this listener is registered before the component's) as
 * `performance.timeOrigin + performance.now()` and sent with sendBeacon, with the time of the
 * page's last `beforeunload`. The load figure's start is the moment the preview marks the
 * component mounted (html[data-preview-state=mounted], set right after appendChild ran the
 * component's connectedCallback).
 */
function pageRecorder({ trial, beaconUrl }) {
    if (window.top !== window) {
        return;
    }
    const now = () => performance.timeOrigin + performance.now();
    const tab = Math.random().toString(36).slice(2, 10);
    let beforeunloadAt = null;
    const send = (data) => {
        try {
            navigator.sendBeacon(
                beaconUrl,
                JSON.stringify({ trial, tab, href: location.href, ...data })
            );
        } catch {
            // a beacon that cannot be sent leaves the trial without a latency sample
        }
    };
    addEventListener('beforeunload', () => {
        beforeunloadAt = now();
    });
    addEventListener('pagehide', (event) => {
        send({ type: 'pagehide', at: now(), beforeunloadAt, persisted: event.persisted });
    });
    addEventListener('pageshow', (event) => {
        if (event.persisted) {
            beforeunloadAt = null;
            send({ type: 'pageshow', at: now(), persisted: true });
        }
    });
    const watch = new MutationObserver(() => {
        if (document.documentElement?.dataset.previewState) {
            window.__benchMountedAt = now();
            window.__benchMountState = document.documentElement.dataset.previewState;
            watch.disconnect();
        }
    });
    watch.observe(document, {
        subtree: true,
        attributes: true,
        attributeFilter: ['data-preview-state']
    });
}

/**
 * @param {{ browser, contender: 'guard'|'baseline', env: { preview, standIn }, otherSite,
 *   index: number }} options
 */
export async function openTrial({ browser, contender, env, otherSite, index }) {
    const { preview, standIn } = env;
    const id = randomUUID();
    await fetch(new URL('/control/reset', standIn.url), { method: 'POST' });
    const context = await browser.newContext({ viewport: VIEWPORT });
    await context.addInitScript(pageRecorder, { trial: id, beaconUrl: otherSite.beaconUrl });
    const apexCalls = [];
    context.on('request', (request) => {
        const match = new URL(request.url()).pathname.match(/^\/apex\/(\w+)$/);
        if (match && request.url().startsWith(preview.origin)) {
            apexCalls.push({ method: match[1], at: Date.now() });
        }
    });

    const t = {
        id,
        index,
        contender,
        context,
        preview,
        standIn,
        otherSite,
        apexCalls,

        /** A console tab, mounted under LWS; `?bfcache=1` asks the preview to allow the cache. */
        async openConsole({ bfcache = false } = {}) {
            const page = await context.newPage();
            // "Leave site?" if anything asks: the agent confirms, as a user leaving would.
            page.on('dialog', (dialog) => dialog.accept().catch(() => {}));
            await page.goto(bfcache ? `${preview.consoleUrl}?bfcache=1` : preview.consoleUrl);
            await waitForMounted(page);
            return page;
        },

        waitReady: (page) => waitForSoftphoneReady(page),

        /**
         * The agent Available in Connect and in every tab's Streams snapshot. The guard sets it
         * itself on load; the baseline does nothing on load, so the agent chooses it (the
         * stand-in's control, as if in another CCP).
         */
        async makeAvailable(pages) {
            if (contender === 'guard') {
                await standIn.waitForChangeTo('Available');
            } else {
                await standIn.setAgentStatus('Available');
            }
            for (const page of pages) {
                await waitForCcpToShow(page, 'Available');
            }
        },

        /** Where the stand-in's record stands, and the wall clock, before a teardown. */
        async mark() {
            return { ...(await standIn.mark()), at: Date.now() };
        },

        /** Closes tabs as the user does (beforeunload runs) and waits until they are gone. */
        async closeTabs(pages) {
            const closed = pages.map((page) => page.waitForEvent('close', { timeout: 10000 }));
            await Promise.all(pages.map((page) => page.close({ runBeforeUnload: true })));
            await Promise.all(closed);
        },

        /** The first putAgentState request for `status` after `mark`, or null at the deadline. */
        async requestAfter(mark, status, deadlineMs) {
            const until = mark.at + deadlineMs;
            for (;;) {
                const state = await standIn.state();
                const request = state.requests
                    .slice(mark.requests)
                    .find((candidate) => candidate.requested === status);
                if (request || Date.now() > until) {
                    return request ?? null;
                }
                await sleep(POLL_MS);
            }
        },

        /** The earliest console page's pagehide after `mark`, as its beacon reported it. */
        async pagehideAfter(mark) {
            const until = Date.now() + BEACON_WAIT_MS;
            for (;;) {
                const beacons = otherSite
                    .beaconsFor(id)
                    .filter(
                        (beacon) =>
                            beacon.type === 'pagehide' &&
                            new URL(beacon.href).origin === preview.origin &&
                            beacon.at >= mark.at - 5
                    )
                    .sort((a, b) => a.at - b.at);
                if (beacons.length > 0 || Date.now() > until) {
                    return beacons[0] ?? null;
                }
                await sleep(POLL_MS);
            }
        },

        /** Beacons of pages restored from the back/forward cache. */
        restoredFromCache: () =>
            otherSite.beaconsFor(id).some((beacon) => beacon.type === 'pageshow'),

        /**
         * Waits for the agent's final status: `expected` held with no status change and no request
         * for `quietMs`, and at least `minMs` after `since`; else whatever it is at `deadlineMs`.
         */
        async settle({ expected, since, minMs = 0, quietMs = 200, deadlineMs }) {
            for (;;) {
                const [history, state] = await Promise.all([standIn.history(), standIn.state()]);
                const status = state.agents[0].status;
                const lastActivity = Math.max(
                    since,
                    history.at(-1)?.arrivedAt ?? 0,
                    state.requests.at(-1)?.arrivedAt ?? 0
                );
                const now = Date.now();
                if (status === expected && now - since >= minMs && now - lastActivity >= quietMs) {
                    return status;
                }
                if (now - since >= deadlineMs) {
                    return status;
                }
                await sleep(POLL_MS);
            }
        },

        async close() {
            await context.close().catch(() => {});
            otherSite.forget(id);
        }
    };
    return t;
}

/**
 * The session-end figures every scenario reports: whether the session-end request arrived, and
 * its latency from the page's pagehide (and from its beforeunload) to the stand-in's arrivedAt.
 */
export async function measureSessionEnd(t, mark, { status = 'Offline', deadlineMs = 3000 } = {}) {
    const [request, pagehide] = await Promise.all([
        t.requestAfter(mark, status, deadlineMs),
        t.pagehideAfter(mark)
    ]);
    return {
        arrived: request !== null,
        arrivedAt: request?.arrivedAt ?? null,
        outcome: request?.outcome ?? null,
        pagehideAt: pagehide?.at ?? null,
        pagehidePersisted: pagehide?.persisted === true, // the page went into the back/forward cache
        fromPagehideMs: request && pagehide ? request.arrivedAt - pagehide.at : null,
        fromBeforeunloadMs:
            request && pagehide?.beforeunloadAt ? request.arrivedAt - pagehide.beforeunloadAt : null
    };
}

export function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
