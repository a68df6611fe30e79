// The feature record's Active flag and Value settings (docs: product.md, "The Value of
// SetAgentStatusOnSessionEnd"), each checked against what the Connect stand-in recorded.
import { check } from '../lib/check.mjs';
import {
    UI_TEXT,
    logOutOfSalesforce,
    waitForCcpToShow,
    waitForSoftphoneReady
} from '../lib/pages.mjs';

/** Configures the Value, loads the console and waits until the agent sees the initial Available. */
async function loadWithValue(t, value) {
    await t.configure({ value, active: true });
    const page = await t.openConsole();
    await waitForSoftphoneReady(page);
    await t.standIn.waitForChangeTo('Available');
    await waitForCcpToShow(page, 'Available');
    return page;
}

/** Log Out with the agent Available → the stand-in records Available→`status`. */
async function expectSessionEndStatus(t, page, status) {
    const mark = await t.standIn.mark();
    await logOutOfSalesforce(page);
    const change = await t.standIn.waitForChangeTo(status, { from: mark.history });
    check(
        change.from === 'Available' && change.source === 'ccp',
        `expected Available→${status} from the CCP; got ${JSON.stringify(change)}`
    );
    const history = (await t.standIn.history()).slice(mark.history);
    check(
        history.length === 1,
        `expected one change at session end; got ${history.map((c) => c.to).join(', ')}`
    );
}

/**
 * Loads the console with the agent left where the stand-in has them, checks the load changes
 * nothing, then (optionally) moves the agent via the stand-in's control API and checks that
 * Log Out changes nothing either.
 */
async function expectNoChangeOnLoadOrSessionEnd(t, { beforeSessionEnd, why }) {
    const mark = await t.standIn.mark();
    const page = await t.openConsole();
    await waitForSoftphoneReady(page);
    await t.standIn.expectNoChange(mark, `${why}, on load`);
    if (beforeSessionEnd) {
        await t.standIn.setAgentStatus(beforeSessionEnd);
        await waitForCcpToShow(page, beforeSessionEnd);
    }
    const beforeEnd = await t.standIn.mark();
    const status = (await t.standIn.agent()).status;
    await logOutOfSalesforce(page);
    await t.standIn.expectNoChange(beforeEnd, `${why}, at session end`);
    const agent = await t.standIn.agent();
    check(agent.status === status, `expected the agent to stay ${status}; it is ${agent.status}`);
}

export const settingsScenarios = [
    {
        name: 'inactive feature: load and tab close leave the status alone',
        async run(t) {
            await t.configure({ active: false });
            const page = await t.openConsole();
            await waitForSoftphoneReady(page);
            await t.standIn.expectNoChange({ history: 0, requests: 0 }, 'feature off, on load');
            const agent = await t.standIn.agent();
            check(agent.status === 'Offline', `expected Offline after load; got ${agent.status}`);

            await t.standIn.setAgentStatus('Available');
            await waitForCcpToShow(page, 'Available');
            const mark = await t.standIn.mark();
            await page.close({ runBeforeUnload: true });
            await t.standIn.expectNoChange(mark, 'feature off, on tab close');
            const after = await t.standIn.agent();
            check(
                after.status === 'Available',
                `expected the agent to stay Available; it is ${after.status}`
            );
        }
    },
    {
        name: 'Status:Lunch sets Lunch at session end',
        async run(t) {
            const page = await loadWithValue(t, 'Status:Lunch');
            await expectSessionEndStatus(t, page, 'Lunch');
        }
    },
    {
        name: 'Status:退席中 (Japanese status name) sets 退席中 at session end',
        async run(t) {
            const page = await loadWithValue(t, 'Status:退席中');
            await expectSessionEndStatus(t, page, '退席中');
        }
    },
    {
        name: 'IfProfileNameIncludes matching the routing profile applies',
        async run(t) {
            // The stand-in's agent has the routing profile "Basic Routing Profile".
            const page = await loadWithValue(t, 'IfProfileNameIncludes: Sales, basic');
            await expectSessionEndStatus(t, page, 'Offline');
        }
    },
    {
        name: 'IfProfileNameIncludes not matching: no change on load or at session end',
        async run(t) {
            await t.configure({ value: 'IfProfileNameIncludes: Sales, Premium', active: true });
            await expectNoChangeOnLoadOrSessionEnd(t, {
                beforeSessionEnd: 'Available',
                why: 'routing profile "Basic Routing Profile" not listed'
            });
        }
    },
    {
        name: 'IfCurrentAgentState:Available with the agent Available applies',
        async run(t) {
            const page = await loadWithValue(t, 'IfCurrentAgentState:Available');
            await expectSessionEndStatus(t, page, 'Offline');
        }
    },
    {
        name: 'IfCurrentAgentState:Available with the agent on Lunch: no change',
        async run(t) {
            await t.configure({ value: 'IfCurrentAgentState:Available', active: true });
            await t.standIn.setAgentStatus('Lunch');
            await expectNoChangeOnLoadOrSessionEnd(t, {
                why: 'agent on Lunch, only Available listed'
            });
        }
    },
    {
        name: 'malformed Value: the admin sees the lines named, and session end still sets Offline',
        async run(t) {
            const page = await loadWithValue(t, 'Stauts:Lunch\nAvailable now');
            const summary = page.getByText(UI_TEXT.noticeSummary);
            await summary.waitFor({ state: 'visible', timeout: 5000 });
            const count = Number(UI_TEXT.noticeSummary.exec(await summary.innerText())[1]);
            check(count === 2, `expected the notice to count 2 items; it counts ${count}`);
            await summary.click(); // opens the <details>
            const items = page.locator('[data-id="notice"]');
            await items.first().waitFor({ state: 'visible', timeout: 2000 });
            const texts = await items.allInnerTexts();
            const named = (line, text) =>
                texts.some((item) => item.includes(`Line ${line}`) && item.includes(text));
            check(
                texts.length === 2 && named(1, 'Stauts') && named(2, 'Available now'),
                `expected notices naming line 1 "Stauts" and line 2 "Available now"; got ${JSON.stringify(texts)}`
            );
            check(
                texts.some((item) => item.includes('"Status"')),
                `expected the notice to suggest "Status" for "Stauts"; got ${JSON.stringify(texts)}`
            );
            await t.screenshot('value-warning.png', page);
            await expectSessionEndStatus(t, page, 'Offline');
        }
    }
];
