// The seed configuration (SetAgentStatusOnSessionEnd = Status:Offline, active), as the how-to
// sets it up: Available on load, Offline whenever the Salesforce session ends.
import { check } from '../lib/check.mjs';
import {
    ccpStatusMenu,
    chooseCcpStatus,
    logOutOfSalesforce,
    sendTestContact,
    waitForCcpToShow,
    waitForMetricsStatus,
    waitForSoftphoneReady
} from '../lib/pages.mjs';

const AGENT = 'agent1';

/**
 * Loads the console and waits for the Available the load sets, recorded by the stand-in and shown
 * in the CCP (its status line and its Status menu), as the agent would see it before leaving.
 */
async function loadUntilAvailable(t) {
    const page = await t.openConsole();
    await waitForSoftphoneReady(page);
    const change = await t.standIn.waitForChangeTo('Available');
    await waitForCcpToShow(page, 'Available');
    return { page, change };
}

export const seedScenarios = [
    {
        name: 'seed: console load sets the agent Available (history and real-time metrics)',
        async run(t) {
            const { page } = await loadUntilAvailable(t);
            const history = await t.standIn.history();
            check(
                history.length === 1 &&
                    history[0].from === 'Offline' &&
                    history[0].toType === 'routable' &&
                    history[0].source === 'ccp',
                `expected exactly one change Offline→Available from the CCP; got ${JSON.stringify(history)}`
            );
            const menu = await ccpStatusMenu(page).inputValue();
            check(
                menu === 'Available',
                `expected the CCP's Status menu on Available; it shows ${menu}`
            );
            await t.screenshot('console-ready.png', page);

            const metrics = await t.openMetrics();
            await waitForMetricsStatus(metrics, AGENT, 'Available');
            await t.screenshot('metrics-available.png', metrics);

            if (t.screenshotsEnabled) {
                const config = await t.context.newPage();
                await config.goto(t.preview.configUrl);
                await config
                    .getByRole('heading', { name: 'AC CTI Adapters and AC Features' })
                    .waitFor();
                // The adapter and its SetAgentStatusOnSessionEnd feature; the empty "new" forms below are left out.
                await t.screenshot('config.png', config, {
                    fullPage: true,
                    clip: { x: 0, y: 0, width: 1280, height: 960 }
                });
            }
        }
    },
    {
        name: 'seed: Salesforce Log Out sets the agent Offline (from Lunch chosen in the CCP)',
        async run(t) {
            const { page } = await loadUntilAvailable(t);
            const metrics = await t.openMetrics();
            await waitForMetricsStatus(metrics, AGENT, 'Available');
            // The agent goes to Lunch in the CCP's Status menu; the seed's Value applies to any status.
            await chooseCcpStatus(page, 'Lunch');
            await waitForMetricsStatus(metrics, AGENT, 'Lunch');
            await waitForCcpToShow(page, 'Lunch');
            const mark = await t.standIn.mark();
            await logOutOfSalesforce(page);
            const change = await t.standIn.waitForChangeTo('Offline', { from: mark.history });
            check(
                change.from === 'Lunch' && change.source === 'ccp',
                `expected Lunch→Offline from the softphone through the CCP; got ${JSON.stringify(change)}`
            );
            await waitForMetricsStatus(metrics, AGENT, 'Offline');
            await t.screenshot('metrics-offline.png', metrics);
        }
    },
    {
        name: 'seed: closing the tab sets the agent Offline',
        async run(t) {
            const { page } = await loadUntilAvailable(t);
            const mark = await t.standIn.mark();
            await page.close({ runBeforeUnload: true });
            const change = await t.standIn.waitForChangeTo('Offline', { from: mark.history });
            check(
                change.from === 'Available',
                `expected Available→Offline; got ${JSON.stringify(change)}`
            );
            // What the customer gets: Connect offers no contact to an Offline agent.
            const metrics = await t.openMetrics();
            await waitForMetricsStatus(metrics, AGENT, 'Offline');
            const answer = await sendTestContact(metrics);
            check(
                /^No contact offered: agent is Offline, not routable/.test(answer),
                `expected the test contact refused for an Offline agent; the page says ${JSON.stringify(answer)}`
            );
            check(!(await t.standIn.agent()).contact, 'expected no contact offered to the agent');
        }
    },
    {
        name: 'seed: reload sets Offline while the page is gone, then Available again',
        async run(t) {
            const { page } = await loadUntilAvailable(t);
            const mark = await t.standIn.mark();
            await page.reload();
            await waitForSoftphoneReady(page);
            const changes = await t.standIn.waitForHistory(
                'Available→Offline, then Offline→Available',
                (entries) => {
                    const offline = entries.findIndex((change) => change.toType === 'offline');
                    return (
                        offline >= 0 &&
                        entries.slice(offline + 1).some((change) => change.to === 'Available')
                    );
                },
                { from: mark.history }
            );
            check(
                changes.length === 2,
                `expected exactly two changes for one reload; got ${JSON.stringify(changes)}`
            );
            const agent = await t.standIn.agent();
            check(
                agent.status === 'Available',
                `expected the agent Available; it is ${agent.status}`
            );
        }
    }
];
