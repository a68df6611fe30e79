// The CCP's own controls, used as an agent and a supervisor would: a call taken and closed in the
// CCP while the softphone watches through Streams, and the harm this product prevents shown
// directly: an agent left Available with no page is offered a contact, misses it, and shows Missed.
import { check, waitUntil } from '../lib/check.mjs';
import {
    CCP_TEXT,
    accessibilityViolations,
    ccpButton,
    ccpPainted,
    chooseCcpStatus,
    clickCcpButton,
    metricsTimeline,
    sendTestContact,
    waitForCcpToShow,
    waitForMetricsCell,
    waitForMetricsStatus,
    waitForSoftphoneReady
} from '../lib/pages.mjs';
import { describeChanges } from '../lib/tabs.mjs';

const AGENT = 'agent1';
/** The softphone's signed-out view (Custom Label ConnectSoftphone_SignedOutMessage). */
const SIGNED_OUT_TEXT = "You're signed out of Amazon Connect.";
/** Short enough for a test, long enough for Chromium under load to render the ringing call. */
const RING_SECONDS = 3;

export const ccpControlScenarios = [
    {
        name: 'CCP controls: accept, hang up, close contact; the softphone sees the call; Lunch queued applies after',
        async run(t) {
            const page = await t.openConsole();
            const signOut = await waitForSoftphoneReady(page);
            await t.standIn.waitForChangeTo('Available');
            await waitForCcpToShow(page, 'Available');
            const metrics = await t.openMetrics();
            const answer = await sendTestContact(metrics);
            check(
                answer.startsWith('A contact is ringing'),
                `expected a contact offered; the page says ${JSON.stringify(answer)}`
            );
            // By keyboard, as an agent with a headset would: Tab to Accept, Enter.
            await ccpButton(page, CCP_TEXT.accept).focus();
            await ccpButton(page, CCP_TEXT.accept).press('Enter');
            await waitForCcpToShow(page, 'On call');
            // The softphone learns of the call through Streams and disables its Sign Out.
            await waitUntil(() => signOut.isDisabled(), {
                timeoutMs: 5000,
                describe: () => 'expected the softphone to disable Sign Out during the call'
            });
            const mark = await t.standIn.mark();
            await chooseCcpStatus(page, 'Lunch');
            await waitForCcpToShow(page, 'On call → next: Lunch');
            await waitForMetricsCell(metrics, AGENT, 'Next status', 'Lunch');
            await ccpPainted(page);
            await t.screenshot('ccp-on-call.png', page);
            await clickCcpButton(page, CCP_TEXT.hangUp);
            await waitForCcpToShow(page, 'After call work → next: Lunch');
            await waitForMetricsCell(metrics, AGENT, 'Activity', 'After contact work');
            await clickCcpButton(page, CCP_TEXT.closeContact);
            const lunch = await t.standIn.waitForChangeTo('Lunch', {
                from: mark.history,
                source: 'nextState'
            });
            check(lunch.from === 'Available', `expected Available→Lunch; got ${lunch.from}`);
            await waitForCcpToShow(page, 'Lunch');
            await waitUntil(async () => !(await signOut.isDisabled()), {
                timeoutMs: 5000,
                describe: () => 'expected the softphone to enable Sign Out after the contact'
            });
            const requests = (await t.standIn.state()).requests.slice(mark.requests);
            check(
                requests.length === 1 &&
                    requests[0].source === 'agent' &&
                    requests[0].enqueueNextState &&
                    requests[0].outcome === 'enqueued',
                `expected one queued Lunch from the CCP's menu; got ${JSON.stringify(requests)}`
            );
        }
    },
    {
        name: 'Missed: an agent left Available with no page gets a contact, misses it, and shows Missed',
        async run(t) {
            // Without the feature nothing sets the agent Offline when the page goes: the harm.
            await t.configure({ active: false });
            await t.standIn.configure({ ringTimeoutSeconds: RING_SECONDS });
            const page = await t.openConsole();
            await waitForSoftphoneReady(page);
            await chooseCcpStatus(page, 'Available');
            await t.standIn.waitForChangeTo('Available', { source: 'agent' });
            await waitForCcpToShow(page, 'Available');
            const mark = await t.standIn.mark();
            await page.close({ runBeforeUnload: true });
            await t.standIn.expectNoChange(mark, 'the feature is off', 1000);

            const metrics = await t.openMetrics();
            await waitForMetricsStatus(metrics, AGENT, 'Available');
            const offeredAt = Date.now();
            const answer = await sendTestContact(metrics);
            check(
                answer.startsWith('A contact is ringing'),
                `expected a contact offered to the Available agent; the page says ${JSON.stringify(answer)}`
            );
            await waitForMetricsCell(metrics, AGENT, 'Activity', 'Incoming');
            const missed = await t.standIn.waitForChangeTo('MissedCallAgent', {
                from: mark.history,
                timeoutMs: RING_SECONDS * 1000 + 10000
            });
            check(
                missed.from === 'Available' &&
                    missed.toType === 'error' &&
                    missed.source === 'missed',
                `expected Available→MissedCallAgent (error) by the ring timeout; got ${JSON.stringify(missed)}`
            );
            const rang = Date.parse(missed.at) - offeredAt;
            check(
                rang >= RING_SECONDS * 1000 - 50,
                `expected the contact to ring ${RING_SECONDS} s before it was missed; it rang ${rang} ms`
            );
            await waitForMetricsStatus(metrics, AGENT, 'Missed');
            await waitForMetricsCell(metrics, AGENT, 'Missed contacts', '1');
            const timeline = await metricsTimeline(metrics);
            check(
                timeline[0] === 'Available→Missed (Contact rang out (missed))',
                `expected the timeline to start with the missed contact; it shows ${JSON.stringify(timeline)}`
            );
            await t.screenshot('metrics-missed.png', metrics);

            // Missed is not routable: Connect offers the next contact to nobody here.
            const again = await sendTestContact(metrics);
            check(
                again.startsWith('No contact offered: agent is MissedCallAgent, not routable'),
                `expected no contact for a Missed agent; the page says ${JSON.stringify(again)}`
            );

            // The agent comes back: the CCP shows Missed, and only choosing a status leaves it.
            const ccp = await t.context.newPage();
            await ccp.goto(t.preview.standIn.ccpUrl);
            await waitForCcpToShow(ccp, CCP_TEXT.missed);
            const after = await t.standIn.mark();
            await t.standIn.expectNoChange(after, 'the agent is in Missed until choosing', 1000);
            await chooseCcpStatus(ccp, 'Available');
            const back = await t.standIn.waitForChangeTo('Available', { from: after.history });
            check(
                back.from === 'MissedCallAgent' && back.source === 'agent',
                `expected MissedCallAgent→Available chosen in the CCP; got ${describeChanges([back])}`
            );
            await waitForCcpToShow(ccp, 'Available');
            check(
                await ccpButton(ccp, CCP_TEXT.accept).isHidden(),
                'expected no contact offered any more'
            );
        }
    },
    {
        name: 'CCP Reject: the contact goes back, the agent shows Missed until choosing a status; closing the tab then sets Offline',
        async run(t) {
            const page = await t.openConsole();
            await waitForSoftphoneReady(page);
            await t.standIn.waitForChangeTo('Available');
            await waitForCcpToShow(page, 'Available');
            const metrics = await t.openMetrics();
            await sendTestContact(metrics);
            const mark = await t.standIn.mark();
            await clickCcpButton(page, CCP_TEXT.reject);
            const missed = await t.standIn.waitForChangeTo('MissedCallAgent', {
                from: mark.history
            });
            check(
                missed.source === 'rejected',
                `expected the change to Missed from the rejection; got ${JSON.stringify(missed)}`
            );
            await waitForCcpToShow(page, CCP_TEXT.missed);
            await waitForMetricsStatus(metrics, AGENT, 'Missed');
            await waitForMetricsCell(metrics, AGENT, 'Missed contacts', '1');
            const after = await t.standIn.mark();
            await t.standIn.expectNoChange(after, 'Missed lasts until a status is chosen', 1000);
            // The agent leaves without choosing: the guard still makes them Offline.
            await page.close({ runBeforeUnload: true });
            const offline = await t.standIn.waitForChangeTo('Offline', { from: after.history });
            check(
                offline.from === 'MissedCallAgent' && offline.source === 'ccp',
                `expected Missed→Offline from the softphone; got ${JSON.stringify(offline)}`
            );
        }
    },
    {
        name: "CCP Sign out: Offline first, then the CCP's session ends; the softphone shows signed out",
        async run(t) {
            const page = await t.openConsole();
            await waitForSoftphoneReady(page);
            await t.standIn.waitForChangeTo('Available');
            await waitForCcpToShow(page, 'Available');
            const mark = await t.standIn.mark();
            await clickCcpButton(page, CCP_TEXT.signOut);
            const offline = await t.standIn.waitForChangeTo('Offline', { from: mark.history });
            const state = await t.standIn.waitForState(
                'a call to /logout',
                (current) => current.session.logouts.length === 1 && !current.session.signedIn
            );
            check(
                offline.source === 'agent' &&
                    offline.arrivedAt <= Date.parse(state.session.logouts[0].at),
                `expected Offline from the CCP before /logout; got ${JSON.stringify(offline)}`
            );
            await page
                .getByText(SIGNED_OUT_TEXT)
                .waitFor({ state: 'visible', timeout: 10000 })
                .catch(() => {
                    throw new Error(`expected the softphone to show "${SIGNED_OUT_TEXT}"`);
                });
            const after = await t.standIn.mark();
            await t.standIn.expectNoChange(after, 'signed out: nothing restores the agent');
        }
    },
    {
        name: 'accessibility: the CCP (idle, ringing, Missed) and the metrics page pass axe (WCAG 2.1 A/AA)',
        async run(t) {
            await t.standIn.configure({ ringTimeoutSeconds: RING_SECONDS });
            const ccp = await t.context.newPage();
            await ccp.goto(t.preview.standIn.ccpUrl);
            await waitForCcpToShow(ccp, 'Offline');
            const found = [];
            const audit = async (page, what) => {
                for (const violation of await accessibilityViolations(page)) {
                    found.push(`${what}: ${violation}`);
                }
            };
            await audit(ccp, 'CCP idle');
            await chooseCcpStatus(ccp, 'Available');
            await waitForCcpToShow(ccp, 'Available');
            await t.standIn.contact('incoming');
            await ccpButton(ccp, CCP_TEXT.accept).waitFor({ state: 'visible' });
            await audit(ccp, 'CCP ringing');
            await waitForCcpToShow(ccp, CCP_TEXT.missed);
            await audit(ccp, 'CCP Missed');
            const metrics = await t.openMetrics();
            await waitForMetricsStatus(metrics, AGENT, 'Missed');
            await audit(metrics, 'metrics');
            check(
                found.length === 0,
                `expected no accessibility violations; axe found ${found.join(' | ')}`
            );
        }
    }
];
