// Session end with several softphones in one browser (issue 4): tabs closing one by one or a whole
// window at once, reload, Salesforce Log Out in one tab, the back/forward cache, the popped-out
// utility, the softphone's own Sign Out, and a live contact. Every outcome is read from the
// Connect stand-in's history; each closing tab sends the session-end status, and the tab that
// stays puts the status back within the measured "blip".
/* global window -- used only inside page.evaluate callbacks */
import { check, waitUntil } from '../lib/check.mjs';
import {
    chooseCcpStatus,
    logOutOfSalesforce,
    openConsole,
    waitForCcpToShow,
    waitForSoftphoneReady
} from '../lib/pages.mjs';
import { QUIET_WINDOW_MS, describeRequests } from '../lib/stand-in.mjs';
import {
    closeTab,
    describeChanges,
    launchWithBackForwardCache,
    measureBlip,
    openReadyTabs
} from '../lib/tabs.mjs';

/** The limit for the time another tab's session end leaves the agent unroutable. */
const BLIP_LIMIT_MS = 2000;
const SIGNED_OUT_TEXT = "You're signed out of Amazon Connect.";

/** Waits for the status to go to Offline and come back to `status`; checks and prints the blip. */
async function expectBlipBackTo(t, mark, status, label) {
    const entries = await t.standIn.waitForHistory(
        `→Offline, then back to ${status}`,
        (changes) => {
            const down = changes.findIndex((change) => change.to === 'Offline');
            return down >= 0 && changes.slice(down + 1).some((change) => change.to === status);
        },
        { from: mark.history }
    );
    const { ms, restored } = measureBlip(entries, label);
    check(
        restored.to === status,
        `expected the status back to ${status}; got ${describeChanges(entries)}`
    );
    check(
        ms < BLIP_LIMIT_MS,
        `expected the agent unroutable < ${BLIP_LIMIT_MS} ms; it was ${ms} ms`
    );
    return entries;
}

/**
 * The session ended for good: exactly one change, into Offline, and nothing after it for the
 * quiet window. Every closing tab sends Offline (none can know it is the last), so more Offline
 * requests may arrive ("unchanged"); any other request would be a restore.
 */
async function expectOfflineExactlyOnce(t, mark, why) {
    await t.standIn.waitForChangeTo('Offline', { from: mark.history });
    const deadline = Date.now() + QUIET_WINDOW_MS;
    do {
        const [history, state] = await Promise.all([t.standIn.history(), t.standIn.state()]);
        const entries = history.slice(mark.history);
        const others = state.requests
            .slice(mark.requests)
            .filter((request) => request.requested !== 'Offline');
        check(
            entries.length === 1 && entries[0].to === 'Offline' && others.length === 0,
            () =>
                `expected exactly one change, into Offline, and no other request (${why}); got ` +
                `${describeChanges(entries)}; ${describeRequests(state.requests.slice(mark.requests))}`
        );
        await new Promise((resolve) => setTimeout(resolve, 100));
    } while (Date.now() < deadline);
}

export const multiTabScenarios = [
    {
        name: 'multi-tab: one of 3 tabs closes → the status stays as it was (blip < 2 s)',
        async run(t) {
            const url = t.preview.consoleUrl;
            const pages = await openReadyTabs(t, [url, url, url]);
            const mark = await t.standIn.mark();
            await closeTab(pages[1]);
            await expectBlipBackTo(t, mark, 'Available', 'one of 3 tabs closed');
            const after = await t.standIn.mark();
            await t.standIn.expectNoChange(after, 'the two other tabs stay', 1000);
        }
    },
    {
        name: 'multi-tab: the last tab closes (tabs closed one by one) → Offline exactly once',
        async run(t) {
            const url = t.preview.consoleUrl;
            const pages = await openReadyTabs(t, [url, url, url]);
            for (const page of pages.slice(0, 2)) {
                const mark = await t.standIn.mark();
                await closeTab(page);
                await expectBlipBackTo(t, mark, 'Available', 'tabs closed one by one');
                await waitForCcpToShow(pages[2], 'Available');
            }
            const mark = await t.standIn.mark();
            await closeTab(pages[2]);
            await expectOfflineExactlyOnce(t, mark, 'no tab is left to restore');
        }
    },
    {
        name: 'multi-tab: a whole window of 3 tabs closed at once → Offline exactly once',
        async run(t) {
            const url = t.preview.consoleUrl;
            const pages = await openReadyTabs(t, [url, url, url]);
            const mark = await t.standIn.mark();
            await Promise.all(pages.map((page) => closeTab(page)));
            await expectOfflineExactlyOnce(t, mark, 'every tab of the window is gone');
        }
    },
    {
        name: 'multi-tab: reload in Lunch → unroutable while gone, Lunch back after',
        async run(t) {
            const [page] = await openReadyTabs(t, [t.preview.consoleUrl]);
            const before = await t.standIn.mark();
            // The agent picks Lunch in the CCP's Status menu, as a person would.
            await chooseCcpStatus(page, 'Lunch');
            const lunch = await t.standIn.waitForChangeTo('Lunch', { from: before.history });
            check(
                lunch.source === 'agent',
                `expected Lunch chosen by the agent in the CCP; got ${JSON.stringify(lunch)}`
            );
            await waitForCcpToShow(page, 'Lunch');
            const mark = await t.standIn.mark();
            await page.reload();
            await waitForSoftphoneReady(page);
            const entries = await t.standIn.waitForHistory(
                'Lunch→Offline, then Offline→Lunch',
                (changes) =>
                    changes.length >= 2 &&
                    changes[0].from === 'Lunch' &&
                    changes[0].to === 'Offline' &&
                    changes[1].to === 'Lunch',
                { from: mark.history }
            );
            measureBlip(entries, 'reload');
            const after = await t.standIn.mark();
            await t.standIn.expectNoChange(after, 'the reloaded page keeps Lunch', 1000);
            check(
                (await t.standIn.agent()).status === 'Lunch',
                `expected the agent in Lunch; got ${describeChanges(entries)}`
            );
        }
    },
    {
        name: 'multi-tab: back after SessionEndTimer → a new login, InitialAgentState',
        async run(t) {
            await t.configure({ value: 'Status:Offline\nSessionEndTimer:1', active: true });
            const [page] = await openReadyTabs(t, [t.preview.consoleUrl]);
            await t.standIn.setAgentStatus('Lunch');
            await waitForCcpToShow(page, 'Lunch');
            const mark = await t.standIn.mark();
            await closeTab(page);
            await t.standIn.waitForChangeTo('Offline', { from: mark.history });
            await new Promise((resolve) => setTimeout(resolve, 1500)); // past SessionEndTimer:1
            const again = await openConsole(t.context, t.preview.consoleUrl);
            await waitForSoftphoneReady(again);
            await t.standIn.waitForChangeTo('Available', { from: mark.history });
            const entries = (await t.standIn.history()).slice(mark.history);
            check(
                entries.length === 2 &&
                    entries[1].from === 'Offline' &&
                    entries[1].to === 'Available',
                `expected Lunch→Offline, Offline→Available; got ${describeChanges(entries)}`
            );
            await waitForCcpToShow(again, 'Available');
        }
    },
    {
        name: 'multi-tab: Salesforce Log Out in one of 2 tabs → Offline, the other tab does not restore',
        async run(t) {
            const url = t.preview.consoleUrl;
            const pages = await openReadyTabs(t, [url, url]);
            const mark = await t.standIn.mark();
            await logOutOfSalesforce(pages[0]);
            await expectOfflineExactlyOnce(t, mark, 'the session ended in every tab');
        }
    },
    {
        name: 'multi-tab: back/forward cache restore behaves like a reload that came back',
        async run(t) {
            // Playwright turns the cache off; this scenario uses a browser that keeps it on, and a
            // console served without Lightning's no-store.
            const browser = await launchWithBackForwardCache();
            try {
                const context = await browser.newContext();
                const url = `${t.preview.consoleUrl}?bfcache=1`;
                const [page] = await openReadyTabs({ ...t, context }, [url]);
                await page.evaluate(() => {
                    window.addEventListener('pageshow', (event) => {
                        window.previewRestoredFromCache = event.persisted;
                    });
                });
                const mark = await t.standIn.mark();
                await page.goto(new URL('/config', t.preview.origin).href);
                await t.standIn.waitForChangeTo('Offline', { from: mark.history });
                await page.goBack({ waitUntil: 'commit' }); // no load event after a cache restore
                await page
                    .waitForFunction(() => window.previewRestoredFromCache === true, null, {
                        timeout: 5000
                    })
                    .catch(() => {
                        throw new Error('expected the console back from the back/forward cache');
                    });
                const entries = await expectBlipBackTo(t, mark, 'Available', 'back/forward cache');
                check(
                    entries.length === 2,
                    `expected Available→Offline→Available; got ${describeChanges(entries)}`
                );
            } finally {
                await browser.close();
            }
        }
    },
    {
        name: 'multi-tab: pop-out stays open while the console closes → the pop-out restores',
        async run(t) {
            const [console, popout] = await openReadyTabs(t, [
                t.preview.consoleUrl,
                t.preview.popoutUrl
            ]);
            const mark = await t.standIn.mark();
            await closeTab(console);
            await expectBlipBackTo(t, mark, 'Available', 'console closed, pop-out stays');
            await waitForCcpToShow(popout, 'Available');
            const last = await t.standIn.mark();
            await closeTab(popout);
            await expectOfflineExactlyOnce(t, last, 'the pop-out was the last softphone');
        }
    },
    {
        name: 'multi-tab: pop-out and console closed together → Offline exactly once',
        async run(t) {
            const pages = await openReadyTabs(t, [t.preview.consoleUrl, t.preview.popoutUrl]);
            const mark = await t.standIn.mark();
            await Promise.all(pages.map((page) => closeTab(page)));
            await expectOfflineExactlyOnce(t, mark, 'both softphones are gone');
        }
    },
    {
        name: 'multi-tab: softphone Sign Out in one tab → Offline, then CCP sign-out; the other tab follows',
        async run(t) {
            const url = t.preview.consoleUrl;
            const pages = await openReadyTabs(t, [url, url]);
            const mark = await t.standIn.mark();
            const signOut = pages[0].getByRole('button', { name: 'Sign Out', exact: true });
            await signOut.click();
            const offline = await t.standIn.waitForChangeTo('Offline', { from: mark.history });
            const state = await t.standIn.waitForState(
                'a call to /logout',
                (current) => current.session.logouts.length > 0
            );
            check(
                offline.arrivedAt <= Date.parse(state.session.logouts[0].at),
                'expected Offline before the CCP sign-out'
            );
            for (const page of pages) {
                await page
                    .getByText(SIGNED_OUT_TEXT)
                    .waitFor({ state: 'visible', timeout: 10000 })
                    .catch(() => {
                        throw new Error(`expected "${SIGNED_OUT_TEXT}" in ${page.url()}`);
                    });
            }
            const after = await t.standIn.mark();
            await t.standIn.expectNoChange(after, 'the other tab follows the sign-out');
            const entries = (await t.standIn.history()).slice(mark.history);
            check(
                entries.length === 1,
                `expected only Available→Offline; got ${describeChanges(entries)}`
            );
        }
    },
    {
        name: 'multi-tab: live contact, one of 2 tabs closes → contact kept, Available stays next',
        async run(t) {
            const url = t.preview.consoleUrl;
            const pages = await openReadyTabs(t, [url, url]);
            await t.standIn.contact('incoming');
            await t.standIn.contact('connected');
            await waitUntil(
                () => pages[1].getByRole('button', { name: 'Sign Out', exact: true }).isDisabled(),
                { timeoutMs: 5000, describe: () => 'expected the surviving tab to see the call' }
            );
            const mark = await t.standIn.mark();
            await closeTab(pages[0]);
            await t.standIn.waitForState(
                'Offline queued, then the queued status cleared again by the other tab',
                (current) => {
                    const requests = current.requests.slice(mark.requests);
                    return (
                        requests.length >= 2 &&
                        requests.every((request) => request.enqueueNextState) &&
                        current.agents[0].nextState !== 'Offline'
                    );
                }
            );
            const agent = await t.standIn.agent();
            check(agent.contact, 'expected the contact still live');
            await t.standIn.contact('end');
            await t.standIn.waitForState('the call ended', (current) => !current.agents[0].contact);
            const ended = await t.standIn.mark();
            await t.standIn.expectNoChange(ended, 'the agent stays Available after the call', 1000);
            const final = await t.standIn.agent();
            check(
                final.status === 'Available',
                `expected the agent Available after the call; got ${final.status}`
            );
            const entries = (await t.standIn.history()).slice(mark.history);
            check(
                !entries.some((change) => change.to === 'Offline'),
                `expected no Offline; got ${describeChanges(entries)}`
            );
        }
    },
    {
        name: 'multi-tab: live contact, the last tab closes → contact kept, Offline after it',
        async run(t) {
            const [page] = await openReadyTabs(t, [t.preview.consoleUrl]);
            await t.standIn.contact('incoming');
            await t.standIn.contact('connected');
            await waitUntil(
                () => page.getByRole('button', { name: 'Sign Out', exact: true }).isDisabled(),
                { timeoutMs: 5000, describe: () => 'expected the softphone to see the call' }
            );
            const mark = await t.standIn.mark();
            await closeTab(page);
            await t.standIn.waitForState(
                'Offline queued as the next status',
                (current) => current.agents[0].nextState === 'Offline'
            );
            check((await t.standIn.agent()).contact, 'expected the contact still live');
            await t.standIn.contact('end');
            const change = await t.standIn.waitForChangeTo('Offline', {
                from: mark.history,
                source: 'nextState'
            });
            check(change.from === 'Available', `expected Available→Offline; got ${change.from}`);
        }
    }
];
