// The CCP misbehaving: an acknowledgement that beats the iframe's load event (the LWS race that
// streamsClient's message hold works around), and a CCP that is not signed in.
/* global window -- used only inside frame.evaluate / popup.evaluate callbacks */
import { CheckFailure, check, waitUntil } from '../lib/check.mjs';
import {
    LOGIN_WINDOW_NAME,
    READY_TIMEOUT_MS,
    UI_TEXT,
    firstLine,
    panelText,
    waitForSoftphoneReady
} from '../lib/pages.mjs';

/** What Streams logs when its reply to the CCP's acknowledgement cannot be posted. */
const ACK_HANDLER_FAILED = "'acknowledge' event handler failed";

/** Fails unless the CCP frame really sent its acknowledgement from the early inline script. */
async function checkEarlyAckHappened(page) {
    const frame = page.frames().find((candidate) => candidate.url().includes('/ccp-v2/'));
    const earlyAck = await frame?.evaluate(() => window.__ccpEarlyAckId ?? null).catch(() => null);
    check(
        earlyAck,
        'the CCP frame did not send an early acknowledgement: the fault was not in effect'
    );
}

/** How long to watch for a second sign-in window: past Streams' own pop-up delay (~3 s). */
const STREAMS_POPUP_WINDOW_MS = 4000;

export const ccpFaultScenarios = [
    {
        name: 'early acknowledgement under LWS: the softphone still gets ready and sets Available',
        async run(t) {
            await t.standIn.setFaults({ earlyAck: true });
            const page = await t.openConsole();
            await waitForSoftphoneReady(page);
            await t.standIn.waitForChangeTo('Available');
            await checkEarlyAckHappened(page);
            const failures = t.consoleLines.filter(
                (line) => line.includes(ACK_HANDLER_FAILED) || line.includes('DataCloneError')
            );
            check(failures.length === 0, `Streams failed in the page: ${failures[0]}`);
        }
    },
    {
        name: 'control: without the message hold the early acknowledgement breaks the status path',
        build: 'withoutMessageHold',
        async run(t) {
            await t.standIn.setFaults({ earlyAck: true });
            const page = await t.openConsole();
            // Agent data still flows CCP → page, so the softphone looks ready; the page's own
            // posts to the CCP (the acknowledgement reply, setState) are what break.
            await waitForSoftphoneReady(page);
            await checkEarlyAckHappened(page);
            await t.standIn.expectNoChange(
                { history: 0, requests: 0 },
                'Streams cannot post to the CCP, so the initial Available never arrives'
            );
            check(
                t.consoleLines.some((line) => line.includes(ACK_HANDLER_FAILED)),
                `expected Streams to log "${ACK_HANDLER_FAILED}"`
            );
        }
    },
    {
        name: 'authentication failure: the agent sees Sign In, which opens one login window; after signing in the agent is Available',
        async run(t) {
            await t.standIn.setFaults({ authFail: true });
            const page = await t.openConsole();
            const popups = [];
            page.on('popup', (popup) => popups.push(popup));
            const signIn = page.getByRole('button', { name: UI_TEXT.signInButton, exact: true });
            try {
                await signIn.waitFor({ state: 'visible', timeout: READY_TIMEOUT_MS });
            } catch (error) {
                throw new CheckFailure(
                    `no Sign In button by role and name: ${firstLine(error)}; the panel shows ${await panelText(page)}`
                );
            }
            await page
                .getByRole('heading', { name: UI_TEXT.signInTitle })
                .waitFor({ state: 'visible', timeout: 1000 });
            await t.screenshot('sign-in-needed.png', page);

            await signIn.click();
            const loginWindow = await waitUntil(
                async () => {
                    for (const popup of popups) {
                        const name = await popup.evaluate(() => window.name).catch(() => null);
                        if (name === LOGIN_WINDOW_NAME) {
                            return popup;
                        }
                    }
                    return null;
                },
                {
                    timeoutMs: 5000,
                    describe: async () =>
                        `expected a window named ${LOGIN_WINDOW_NAME}; pop-ups: ${JSON.stringify(popups.map((popup) => popup.url()))}`
                }
            );
            await loginWindow.waitForLoadState();
            const ccpOrigin = new URL(t.preview.ccpUrl).origin;
            check(
                loginWindow.url().startsWith(ccpOrigin),
                `expected the login window on ${ccpOrigin}; it shows ${loginWindow.url()}`
            );
            await t.standIn.expectNoChange({ history: 0, requests: 0 }, 'not signed in', 0);
            // With loginPopup on, Streams would open its own pop-up about 3 s after the failure:
            // watch past that, so the agent is known to have exactly one sign-in window.
            await loginWindow.waitForTimeout(STREAMS_POPUP_WINDOW_MS);
            const openPopups = popups.filter((popup) => !popup.isClosed());
            check(
                openPopups.length === 1,
                `expected one sign-in window; open pop-ups: ${JSON.stringify(openPopups.map((popup) => popup.url()))}`
            );

            // The agent signs in (the stand-in's session is signed in again): the CCP connects, the
            // softphone becomes ready and the agent goes Available. The login window is left to the
            // agent: under LWS window.open may give no handle to close it with.
            await t.standIn.setFaults({});
            await t.standIn.waitForChangeTo('Available');
            await page
                .getByRole('button', { name: UI_TEXT.signOutButton, exact: true })
                .waitFor({ state: 'visible', timeout: READY_TIMEOUT_MS });
        }
    }
];
