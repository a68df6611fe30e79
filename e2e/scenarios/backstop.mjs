// The presence backstop end to end: the softphone's heartbeats and leave beacons reach the local
// presence service (presence-service/local: the real handlers, dynalite, the sweeper loop), which
// acts on the Connect stand-in's REST API. Departures without a page event end Offline within the
// threshold plus the grace; live tabs, short blips, reloads and one of three tabs closing never do.
// A short threshold keeps the suite fast (the benchmark uses the default).
/* global document -- used only inside page.evaluate callbacks */
import { launchChromium } from '../../preview/lib/browser.mjs';
import { launchHideableTabs } from '../../preview/lib/hidden-tabs.mjs';
import { check, waitUntil } from '../lib/check.mjs';
import { openConsole, panelText, waitForSoftphoneReady } from '../lib/pages.mjs';
import { closeTab, describeChanges, openReadyTabs } from '../lib/tabs.mjs';

export const BACKSTOP_E2E = Object.freeze({
    thresholdSeconds: 6,
    leaveGraceSeconds: 2,
    sweepEverySeconds: 1
});
const { thresholdSeconds, leaveGraceSeconds, sweepEverySeconds } = BACKSTOP_E2E;
/** What "within the threshold plus the grace" allows, with the sweeper's pass on top. */
const ACT_WITHIN_MS = (thresholdSeconds + leaveGraceSeconds + sweepEverySeconds) * 1000;
/** Long enough for any wrong change to happen: past the threshold, the grace and a sweep. */
const QUIET_MS = ACT_WITHIN_MS + 2000;

const ANSWERED = 'On: the service answered at';

/** The Details row says the service answered: heartbeats are flowing. */
async function waitForBackstopOn(page) {
    let text = '';
    await waitUntil(
        async () => {
            text = await page
                .locator('[data-id="details-text"]')
                .allTextContents()
                .then((all) => all.join(' | '))
                .catch(() => '');
            return text.includes(ANSWERED);
        },
        {
            timeoutMs: 10000,
            describe: () =>
                `expected Details to say "${ANSWERED}…"; it says ${JSON.stringify(text)}`
        }
    );
}

async function readyWithBackstop(t, page) {
    await waitForSoftphoneReady(page);
    await t.standIn.waitForChangeTo('Available');
    await waitForBackstopOn(page);
}

/** Waits for the backstop's change to Offline after `from`; returns ms since `since`. */
async function waitForBackstopOffline(t, from, since) {
    const change = await t.standIn.waitForChangeTo('Offline', {
        from,
        source: 'backstop',
        timeoutMs: ACT_WITHIN_MS + 5000
    });
    const ms = Date.parse(change.at) - since;
    console.log(`        Offline by the backstop ${ms} ms after the departure`);
    check(
        ms <= ACT_WITHIN_MS,
        `the backstop took ${ms} ms; allowed ${ACT_WITHIN_MS} ms (threshold + grace + one sweep)`
    );
    const agent = await t.standIn.agent();
    check(agent.status === 'Offline', `the agent ends ${agent.status}, not Offline`);
    return ms;
}

/** No change into Offline (or any change by the backstop) after `from` for QUIET_MS. */
async function expectNoFalseOffline(t, from, why) {
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    const after = (await t.standIn.history()).slice(from);
    const wrong = after.filter((change) => change.source === 'backstop' || change.to === 'Offline');
    check(wrong.length === 0, `${why}; the stand-in recorded ${describeChanges(after)}`);
    const agent = await t.standIn.agent();
    check(agent.status === 'Available', `the agent ends ${agent.status}, not Available`);
}

async function historyLength(t) {
    return (await t.standIn.history()).length;
}

export const backstopScenarios = [
    {
        name: 'backstop: a killed browser (no page event) ends Offline within threshold + grace',
        presence: BACKSTOP_E2E,
        async run(t) {
            // A browser of its own, so that killing it leaves the suite's browser alone.
            const browser = await launchChromium();
            try {
                const context = await browser.newContext();
                const page = await openConsole(context, t.preview.consoleUrl);
                await readyWithBackstop(t, page);
                const from = await historyLength(t);
                const cdp = await browser.newBrowserCDPSession();
                const killedAt = Date.now();
                // The browser process dies at once: no beforeunload, no pagehide, no beacon.
                cdp.send('Browser.crash').catch(() => {});
                await waitForBackstopOffline(t, from, killedAt);
            } finally {
                await browser.close().catch(() => {});
            }
        }
    },
    {
        name: 'backstop: a lost network ends Offline within threshold + grace',
        presence: BACKSTOP_E2E,
        async run(t) {
            const page = await t.openConsole();
            await readyWithBackstop(t, page);
            const from = await historyLength(t);
            const lostAt = Date.now();
            await t.context.setOffline(true);
            await waitForBackstopOffline(t, from, lostAt);
        }
    },
    {
        name: 'backstop: a frozen background tab ends Offline within threshold + grace',
        presence: BACKSTOP_E2E,
        async run(t) {
            // Chromium freezes only hidden pages: a browser whose tabs can really be hidden.
            const tabs = await launchHideableTabs();
            try {
                const page = await tabs.newPage();
                await page.goto(t.preview.consoleUrl);
                await readyWithBackstop(t, page);
                await tabs.hideAll();
                // Chromium freezes only a hidden page; a visible one ignores the request.
                await waitUntil(
                    async () => (await page.evaluate(() => document.visibilityState)) === 'hidden',
                    { timeoutMs: 5000, describe: () => 'expected the tab to be hidden' }
                );
                const cdp = await tabs.context.newCDPSession(page);
                const from = await historyLength(t);
                const frozenAt = Date.now();
                await cdp.send('Page.setWebLifecycleState', { state: 'frozen' });
                await waitForBackstopOffline(t, from, frozenAt);
            } finally {
                await tabs.context.close().catch(() => {});
            }
        }
    },
    {
        name: 'backstop: a session end whose CCP change never arrives is repaired after the grace',
        presence: BACKSTOP_E2E,
        async run(t) {
            const page = await t.openConsole();
            await readyWithBackstop(t, page);
            await t.standIn.setFaults({ dropAgentState: true });
            const from = await historyLength(t);
            const closedAt = Date.now();
            await closeTab(page);
            await waitForBackstopOffline(t, from, closedAt);
            const { droppedAgentStates } = await t.standIn.state();
            check(
                droppedAgentStates.length > 0,
                'no putAgentState was dropped: the fault was not in effect'
            );
            const after = (await t.standIn.history()).slice(from);
            check(
                after.every((change) => change.source === 'backstop'),
                `the guard's change arrived, so the fault was not in effect: ${describeChanges(after)}`
            );
        }
    },
    {
        name: 'backstop: a live tab, hidden behind another tab, is never set Offline',
        presence: BACKSTOP_E2E,
        async run(t) {
            const tabs = await launchHideableTabs();
            try {
                const page = await tabs.newPage();
                await page.goto(t.preview.consoleUrl);
                await readyWithBackstop(t, page);
                await tabs.hideAll();
                const hidden = await page.evaluate(() => document.visibilityState);
                check(hidden === 'hidden', `the softphone's tab is ${hidden}, not hidden`);
                await expectNoFalseOffline(
                    t,
                    await historyLength(t),
                    'a hidden live tab was set Offline'
                );
                await waitForBackstopOn(page);
            } finally {
                await tabs.context.close().catch(() => {});
            }
        }
    },
    {
        name: 'backstop: a network blip shorter than the threshold is never a false Offline',
        presence: BACKSTOP_E2E,
        async run(t) {
            const page = await t.openConsole();
            await readyWithBackstop(t, page);
            const from = await historyLength(t);
            await t.context.setOffline(true);
            await new Promise((resolve) => setTimeout(resolve, 1500));
            await t.context.setOffline(false);
            await expectNoFalseOffline(t, from, 'a 1.5 s blip ended in Offline');
        }
    },
    {
        name: 'backstop: a reload is never a false Offline (the new page beats within the grace)',
        presence: BACKSTOP_E2E,
        async run(t) {
            const page = await t.openConsole();
            await readyWithBackstop(t, page);
            const from = await historyLength(t);
            await page.reload();
            await waitForSoftphoneReady(page);
            await t.standIn.waitForHistory(
                'Offline then Available again (the guard restores the status after the reload)',
                (changes) => changes.at(-1)?.to === 'Available',
                { from }
            );
            const restored = await historyLength(t);
            await expectNoFalseOffline(t, restored, 'the backstop acted after a reload');
        }
    },
    {
        name: 'backstop: one of three tabs closing is never a false Offline',
        presence: BACKSTOP_E2E,
        async run(t) {
            const url = t.preview.consoleUrl;
            const pages = await openReadyTabs(t, [url, url, url]);
            await waitForBackstopOn(pages[0]);
            const from = await historyLength(t);
            await closeTab(pages[2]);
            // The guard's blip: the closing tab sets Offline, a survivor restores Available.
            await t.standIn.waitForHistory(
                'Offline, then Available restored by a surviving tab',
                (changes) => changes.length >= 2 && changes.at(-1).to === 'Available',
                { from }
            );
            await expectNoFalseOffline(
                t,
                await historyLength(t),
                'the backstop acted while two tabs remained'
            );
        }
    },
    {
        name: 'backstop: after a wake the notice says what happened and its button restores Available',
        presence: BACKSTOP_E2E,
        async run(t) {
            const page = await t.openConsole();
            await readyWithBackstop(t, page);
            const from = await historyLength(t);
            const lostAt = Date.now();
            await t.context.setOffline(true);
            await waitForBackstopOffline(t, from, lostAt);
            const acted = await historyLength(t);
            await t.context.setOffline(false); // the laptop wakes up
            const notice = page.locator('[data-id="backstop-notice"]');
            try {
                await notice.waitFor({ state: 'visible', timeout: 10000 });
            } catch {
                check(
                    false,
                    `no backstop notice after the wake; the panel shows ${await panelText(page)}`
                );
            }
            const text = await notice.innerText();
            check(
                text.includes('the presence backstop set your status to Offline'),
                `the notice says ${JSON.stringify(text)}`
            );
            // Never on its own: nothing changed back before the agent's click.
            const before = (await t.standIn.history()).slice(acted);
            check(
                before.length === 0,
                `a change came before the click: ${describeChanges(before)}`
            );
            await page.getByRole('button', { name: 'Back to Available', exact: true }).click();
            await t.standIn.waitForChangeTo('Available', { from: acted });
            await notice.waitFor({ state: 'detached', timeout: 5000 });
            const shown = await page.evaluate(() => document.visibilityState);
            check(shown === 'visible', `page ${shown}`);
        }
    }
];
