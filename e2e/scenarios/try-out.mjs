// The README's "Try it in five minutes", walked as a newcomer walks it: the console and the
// real-time metrics side by side, every action taken where a person takes it (the CCP's controls,
// the console's Log Out, the metrics page's Send test contact, the records page), and each step
// checked against what the README says the metrics page shows.
import { check, waitUntil } from '../lib/check.mjs';
import {
    CCP_TEXT,
    UI_TEXT,
    ccpButton,
    ccpPainted,
    chooseCcpStatus,
    clickCcpButton,
    logOutOfSalesforce,
    metricsTimeline,
    openConsole,
    sendTestContact,
    waitForCcpToShow,
    waitForMetricsCell,
    waitForMetricsStatus,
    waitForSoftphoneReady
} from '../lib/pages.mjs';

const AGENT = 'agent1';
/** The timeline's Source column (ccp-emulator/public/rtm.js). */
const GUARD = 'Guard (softphone, through Streams)';
const AGENT_IN_CCP = 'Agent in the CCP';
const QUEUED = 'Queued next status';

/** Waits until the newest timeline rows, newest first, are `expected`. */
async function waitForTimeline(metrics, expected) {
    let rows = [];
    await waitUntil(
        async () => {
            rows = await metricsTimeline(metrics);
            return expected.every((row, index) => rows[index] === row);
        },
        {
            timeoutMs: 10000,
            describe: () =>
                `expected the metrics timeline to start ${JSON.stringify(expected)}; it shows ${JSON.stringify(rows.slice(0, 5))}`
        }
    );
}

/** Before you start: the console ready, the metrics page beside it. */
async function openWalk(t) {
    const page = await t.openConsole();
    await waitForSoftphoneReady(page);
    await waitForCcpToShow(page, 'Available');
    const metrics = await t.openMetrics();
    await waitForMetricsStatus(metrics, AGENT, 'Available');
    await waitForTimeline(metrics, [`Offline→Available (${GUARD})`]);
    return { page, metrics };
}

export const tryOutScenarios = [
    {
        name: 'try-out steps 1–2: Lunch then reload; a call taken in the CCP, Log Out during it',
        async run(t) {
            const { page, metrics } = await openWalk(t);

            // Step 1: set Lunch, then reload.
            await chooseCcpStatus(page, 'Lunch');
            await waitForMetricsStatus(metrics, AGENT, 'Lunch');
            await waitForTimeline(metrics, [`Available→Lunch (${AGENT_IN_CCP})`]);
            // A person reloads once the CCP shows Lunch; by then the softphone's Streams has the
            // same snapshot (the CCP page and the host get one agent::update from the worker).
            await waitForCcpToShow(page, 'Lunch');
            await page.reload();
            await waitForSoftphoneReady(page);
            await waitForTimeline(metrics, [
                `Offline→Lunch (${GUARD})`,
                `Lunch→Offline (${GUARD})`
            ]);
            await waitForMetricsStatus(metrics, AGENT, 'Lunch');
            await t.screenshot('metrics-reload-lunch.png', metrics);

            // Step 2: take a call, then log out during it.
            await waitForCcpToShow(page, 'Lunch');
            await chooseCcpStatus(page, 'Available');
            await waitForMetricsStatus(metrics, AGENT, 'Available');
            const offered = await sendTestContact(metrics);
            check(offered.startsWith('A contact is ringing'), `the metrics page says ${offered}`);
            await waitForMetricsCell(metrics, AGENT, 'Activity', 'Incoming');
            await waitForCcpToShow(page, 'Incoming call');
            await ccpButton(page, CCP_TEXT.accept).waitFor({ state: 'visible' });
            await ccpPainted(page);
            await t.screenshot('ccp-incoming.png', page);
            await clickCcpButton(page, CCP_TEXT.accept);
            await waitForMetricsCell(metrics, AGENT, 'Activity', 'On contact');
            await logOutOfSalesforce(page);
            await waitForMetricsCell(metrics, AGENT, 'Next status', 'Offline');
            await waitForMetricsCell(metrics, AGENT, 'Activity', 'On contact');
            await waitForMetricsStatus(metrics, AGENT, 'Available');

            // The console is gone; the call is finished in the CCP opened from the metrics page.
            const [ccp] = await Promise.all([
                t.context.waitForEvent('page'),
                metrics.getByRole('link', { name: 'open the CCP' }).click()
            ]);
            await ccp.waitForURL('**/ccp-v2/**');
            await waitForCcpToShow(ccp, 'On call → next: Offline');
            await clickCcpButton(ccp, CCP_TEXT.hangUp);
            await waitForMetricsCell(metrics, AGENT, 'Activity', 'After contact work');
            await clickCcpButton(ccp, CCP_TEXT.closeContact);
            await waitForMetricsStatus(metrics, AGENT, 'Offline');
            await waitForTimeline(metrics, [`Available→Offline (${QUEUED})`]);
            await ccp.close();

            // Log In again: the agent is Available (InitialAgentState).
            await page.getByRole('link', { name: 'Log In' }).click();
            await waitForSoftphoneReady(page);
            await waitForMetricsStatus(metrics, AGENT, 'Available');
            await waitForTimeline(metrics, [`Offline→Available (${GUARD})`]);
        }
    },
    {
        name: 'try-out steps 3–5: one of two tabs closed, the last tab closed, a broken Value',
        async run(t) {
            const { page, metrics } = await openWalk(t);

            // Step 3: close one of two tabs.
            const second = await openConsole(t.context, t.preview.consoleUrl);
            await waitForSoftphoneReady(second);
            await waitForCcpToShow(second, 'Available');
            await second.close({ runBeforeUnload: true });
            await waitForTimeline(metrics, [
                `Offline→Available (${GUARD})`,
                `Available→Offline (${GUARD})`
            ]);
            await waitForMetricsStatus(metrics, AGENT, 'Available');

            // Step 4: close the last tab; a contact sent now finds no one.
            await page.close({ runBeforeUnload: true });
            await waitForMetricsStatus(metrics, AGENT, 'Offline');
            await waitForTimeline(metrics, [`Available→Offline (${GUARD})`]);
            const refused = await sendTestContact(metrics);
            check(
                refused.startsWith('No contact offered: agent is Offline, not routable'),
                `expected no contact offered to the departed agent; the page says ${JSON.stringify(refused)}`
            );
            await t.screenshot('metrics-last-tab.png', metrics);

            // Step 5: break the Value and read the warning.
            const records = await t.context.newPage();
            await records.goto(t.preview.configUrl);
            const value = records.getByRole('textbox', { name: 'Value', exact: true }).first();
            await value.fill('Stauts:Lunch\nAvailable now');
            await records.getByRole('button', { name: 'Save' }).click();
            await records.getByRole('link', { name: 'Open the console' }).click();
            await waitForSoftphoneReady(records);
            const summary = records.getByText(UI_TEXT.noticeSummary);
            await summary.waitFor({ state: 'visible', timeout: 5000 });
            const count = Number(UI_TEXT.noticeSummary.exec(await summary.innerText())[1]);
            check(count === 2, `expected the warning to count 2 lines; it counts ${count}`);
            await waitForMetricsStatus(metrics, AGENT, 'Available');
            await records.close({ runBeforeUnload: true });
            await waitForMetricsStatus(metrics, AGENT, 'Offline');
            await waitForTimeline(metrics, [`Available→Offline (${GUARD})`]);
        }
    }
];
