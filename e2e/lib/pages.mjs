// What the agent and the admin see, driven through Playwright: the Lightning console with the
// softphone on its utility bar, Salesforce's Log Out link, the CCP frame, and the stand-in's
// real-time metrics page. Elements are found by role and accessible name where the user would.
/* global document -- used only inside page.evaluate callbacks */
import { CheckFailure, waitUntil } from './check.mjs';

/** Loading the console, compiling under LWS and the CCP handshake take about 1–3 s here. */
export const READY_TIMEOUT_MS = 20000;
const NAVIGATION_TIMEOUT_MS = 10000;

/** The Custom Labels the scenarios look for (force-app/main/default/labels). */
export const UI_TEXT = Object.freeze({
    signOutButton: 'Sign Out',
    signInButton: 'Sign In',
    signInTitle: 'Sign in to Amazon Connect',
    ccpRegion: 'Amazon Connect contact control panel',
    noticeSummary: /The softphone settings need attention \((\d+)\)/
});

/** The name streamsClient.openLogin gives the sign-in window; Streams' own pop-up is another. */
// The window the softphone's Sign In opens (Streams' own unprompted pop-up is turned off).
export const LOGIN_WINDOW_NAME = 'AmazonConnectLogin';

/** Opens the console and waits until the harness has mounted the component under LWS. */
export async function openConsole(context, consoleUrl) {
    const page = await context.newPage();
    await page.goto(consoleUrl);
    await waitForMounted(page);
    return page;
}

export async function waitForMounted(page) {
    await page.waitForFunction(() => document.documentElement.dataset.previewState, null, {
        timeout: READY_TIMEOUT_MS
    });
    const harness = await page.evaluate(() => ({
        state: document.documentElement.dataset.previewState,
        lws: document.documentElement.dataset.previewLws,
        error: document.querySelector('[data-preview-error-text]')?.textContent ?? ''
    }));
    if (harness.state !== 'mounted' || harness.lws !== 'on') {
        throw new CheckFailure(
            `the preview did not mount the softphone under LWS (${harness.state}, lws ${harness.lws}): ${harness.error}`
        );
    }
}

/** The softphone is ready when the agent sees the CCP and its Sign Out button. */
export async function waitForSoftphoneReady(page) {
    const signOut = page.getByRole('button', { name: UI_TEXT.signOutButton, exact: true });
    try {
        await signOut.waitFor({ state: 'visible', timeout: READY_TIMEOUT_MS });
        await page
            .getByRole('region', { name: UI_TEXT.ccpRegion })
            .waitFor({ state: 'visible', timeout: 1000 });
    } catch (error) {
        throw new CheckFailure(
            `the softphone did not become ready (Sign Out button and CCP visible): ${firstLine(error)}; ` +
                `the panel shows: ${await panelText(page)}`
        );
    }
    return signOut;
}

/** Text of the utility panel, for failure messages. */
export async function panelText(page) {
    try {
        const text = await page.locator('[data-utility-body]').innerText({ timeout: 1000 });
        return JSON.stringify(text.replace(/\s+/g, ' ').trim().slice(0, 300));
    } catch {
        return '(unreadable)';
    }
}

/** Salesforce's Log Out link: /secur/logout.jsp, then the login page. */
export async function logOutOfSalesforce(page) {
    await page.locator('[data-logout]').click();
    await page.waitForURL('**/login**', { timeout: NAVIGATION_TIMEOUT_MS });
}

/** The CCP frame's own status line, which the CCP renders from the same agent update the host gets. */
export async function waitForCcpToShow(page, statusText) {
    let shown = '';
    await waitUntil(
        async () => {
            const frame = page.frames().find((candidate) => candidate.url().includes('/ccp-v2/'));
            shown = frame
                ? await frame
                      .locator('#state')
                      .innerText({ timeout: 1000 })
                      .catch(() => '')
                : '(no CCP frame)';
            return shown === statusText;
        },
        {
            timeoutMs: 10000,
            describe: () =>
                `expected the CCP to show ${statusText}; it shows ${JSON.stringify(shown)}`
        }
    );
}

/** Opens the stand-in's real-time metrics and waits until the agent's Status cell reads `status`. */
export async function openMetrics(context, metricsUrl) {
    const page = await context.newPage();
    await page.goto(metricsUrl);
    return page;
}

export async function waitForMetricsStatus(page, username, status) {
    let seen = '';
    await waitUntil(
        async () => {
            seen = await page.evaluate((login) => {
                const headers = [...document.querySelectorAll('thead th')].map((th) =>
                    th.textContent.trim()
                );
                const column = headers.indexOf('Status');
                const row = document.querySelector(`tr[data-agent="${login}"]`);
                return column >= 0 && row ? row.cells[column].textContent.trim() : '(no row)';
            }, username);
            return seen === status;
        },
        {
            timeoutMs: 10000,
            describe: () =>
                `expected real-time metrics to show ${username} ${status}; the Status cell reads ${JSON.stringify(seen)}`
        }
    );
}

export function firstLine(error) {
    return String(error?.message ?? error).split('\n')[0];
}
