// Session end while a call is live (the status is queued behind it, never dropping the call), and
// Status:Logout (Offline first, then the CCP's own sign-out).
import { check, waitUntil } from '../lib/check.mjs';
import { logOutOfSalesforce, waitForCcpToShow, waitForSoftphoneReady } from '../lib/pages.mjs';

export const contactAndLogoutScenarios = [
    {
        name: 'session end during a live call: no change during the contact, Offline when it ends',
        async run(t) {
            const page = await t.openConsole();
            const signOut = await waitForSoftphoneReady(page);
            await t.standIn.waitForChangeTo('Available');
            await waitForCcpToShow(page, 'Available');
            await t.standIn.contact('incoming');
            await t.standIn.contact('connected');
            // The softphone disables its Sign Out button while it sees a live contact.
            await waitUntil(() => signOut.isDisabled(), {
                timeoutMs: 5000,
                describe: () => 'expected the Sign Out button disabled during the call'
            });

            const mark = await t.standIn.mark();
            await logOutOfSalesforce(page);
            const state = await t.standIn.waitForState(
                'Offline queued as the next status',
                (current) => current.agents[0].nextState === 'Offline'
            );
            const queued = state.requests.slice(mark.requests);
            check(
                queued.length === 1 &&
                    queued[0].enqueueNextState &&
                    queued[0].outcome === 'enqueued',
                `expected one enqueued Offline request; got ${JSON.stringify(queued)}`
            );
            await t.standIn.expectNoChange(
                { history: mark.history, requests: mark.requests + 1 },
                'the call is still connected',
                1000
            );

            await t.standIn.contact('acw');
            await t.standIn.expectNoChange(
                { history: mark.history, requests: mark.requests + 1 },
                'the agent is in after-contact work',
                1000
            );
            await t.standIn.contact('end');
            const change = await t.standIn.waitForChangeTo('Offline', {
                from: mark.history,
                source: 'nextState'
            });
            check(
                change.from === 'Available',
                `expected Available→Offline; got ${JSON.stringify(change)}`
            );
        }
    },
    {
        name: 'Status:Logout sets Offline, then signs out of the CCP',
        async run(t) {
            await t.configure({ value: 'Status:Logout', active: true });
            const page = await t.openConsole();
            await waitForSoftphoneReady(page);
            await t.standIn.waitForChangeTo('Available');
            await waitForCcpToShow(page, 'Available');
            const mark = await t.standIn.mark();
            await logOutOfSalesforce(page);
            const offline = await t.standIn.waitForChangeTo('Offline', { from: mark.history });
            const state = await t.standIn.waitForState(
                'a call to /logout',
                (current) => current.session.logouts.length > 0 && !current.session.signedIn
            );
            const logout = state.session.logouts[0];
            check(
                offline.arrivedAt <= Date.parse(logout.at),
                `expected Offline (${new Date(offline.arrivedAt).toISOString()}) before /logout (${logout.at})`
            );
            check(
                state.session.logouts.length === 1,
                `expected one /logout call; got ${state.session.logouts.length}`
            );
        }
    }
];
