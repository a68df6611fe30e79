// What the agent and the admin see, driven through Playwright: the Lightning console with the
// softphone on its utility bar, Salesforce's Log Out link, the CCP frame, and the stand-in's
// real-time metrics page. Elements are found by role and accessible name where the user would.
/* global document, window, requestAnimationFrame -- used only inside page.evaluate callbacks */
import { fileURLToPath } from 'node:url';
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

/** The emulated CCP's controls, by the names a person reads (ccp-emulator/ccp-page.mjs). */
export const CCP_TEXT = Object.freeze({
    statusMenu: 'Status',
    accept: 'Accept',
    reject: 'Reject',
    hangUp: 'Hang up',
    closeContact: 'Close contact',
    signOut: 'Sign out',
    missed: 'Missed call'
});

/** The CCP inside the softphone's frame, or the CCP page itself when it was opened on its own. */
export function ccpOf(page) {
    return page.url().includes('/ccp-v2/') ? page : page.frameLocator('iframe[src*="/ccp-v2/"]');
}

/** The CCP's status menu, found by role and name. */
export function ccpStatusMenu(page) {
    return ccpOf(page).getByRole('combobox', { name: CCP_TEXT.statusMenu, exact: true });
}

/** A CCP button (Accept, Hang up, ...), found by role and name. */
export function ccpButton(page, name) {
    return ccpOf(page).getByRole('button', { name, exact: true });
}

/**
 * Lets the CCP frame paint before a screenshot: its content is drawn by another process and can
 * trail the DOM Playwright reads by a frame or two. Two animation frames inside the CCP.
 */
export async function ccpPainted(page) {
    const frame = page.url().includes('/ccp-v2/')
        ? page.mainFrame()
        : page.frames().find((candidate) => candidate.url().includes('/ccp-v2/'));
    await frame?.evaluate(
        () =>
            new Promise((resolve) =>
                requestAnimationFrame(() => requestAnimationFrame(() => resolve()))
            )
    );
}

/** What the agent does in the CCP: picks a status from the status menu. */
export async function chooseCcpStatus(page, statusName) {
    try {
        await ccpStatusMenu(page).selectOption(statusName, { timeout: NAVIGATION_TIMEOUT_MS });
    } catch (error) {
        throw new CheckFailure(
            `could not choose ${statusName} in the CCP's Status menu: ${firstLine(error)}`
        );
    }
}

/** Clicks a CCP button once it is shown (a contact's buttons appear with the contact). */
export async function clickCcpButton(page, name) {
    try {
        await ccpButton(page, name).click({ timeout: NAVIGATION_TIMEOUT_MS });
    } catch (error) {
        throw new CheckFailure(`could not click ${name} in the CCP: ${firstLine(error)}`);
    }
}

/**
 * The CCP's own status line (rendered from the same agent update the host gets) reads
 * `statusText`, and for a status the agent can choose, the Status menu shows it too.
 */
export async function waitForCcpToShow(page, statusText) {
    let shown = '';
    const ccp = ccpOf(page);
    await waitUntil(
        async () => {
            shown = await ccp
                .locator('#state')
                .innerText({ timeout: 1000 })
                .catch(() => '(no CCP status line)');
            if (shown !== statusText) return false;
            const chosen = await ccpStatusMenu(page)
                .inputValue({ timeout: 1000 })
                .catch(() => null);
            const choosable = await ccpStatusMenu(page)
                .getByRole('option', { name: statusText, exact: true })
                .count()
                .catch(() => 0);
            if (choosable > 0 && chosen !== statusText) {
                shown = `${shown} (the Status menu shows ${JSON.stringify(chosen)})`;
                return false;
            }
            return true;
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

/** Waits until the agent's row on the real-time metrics page reads `text` in `column`. */
export async function waitForMetricsCell(page, username, column, text) {
    let seen = '';
    await waitUntil(
        async () => {
            seen = await page.evaluate(
                ({ login, name }) => {
                    const headers = [...document.querySelectorAll('thead th')].map((th) =>
                        th.textContent.trim()
                    );
                    const index = headers.indexOf(name);
                    const row = document.querySelector(`tr[data-agent="${login}"]`);
                    return index >= 0 && row ? row.cells[index].textContent.trim() : '(no row)';
                },
                { login: username, name: column }
            );
            return seen === text;
        },
        {
            timeoutMs: 10000,
            describe: () =>
                `expected real-time metrics to show ${username} ${column} ${text}; the cell reads ${JSON.stringify(seen)}`
        }
    );
}

export function waitForMetricsStatus(page, username, status) {
    return waitForMetricsCell(page, username, 'Status', status);
}

/** The metrics page's "Send test contact"; resolves to what the page says came of it. */
export async function sendTestContact(page) {
    await page.getByRole('button', { name: 'Send test contact', exact: true }).click();
    const result = page.getByRole('status');
    await waitUntil(async () => !/Offering|^$/.test((await result.innerText()).trim()), {
        timeoutMs: 5000,
        describe: () => 'expected the metrics page to say whether a contact was offered'
    });
    return (await result.innerText()).trim();
}

/** The timeline's newest rows on the metrics page, as `From→To (source label)`. */
export async function metricsTimeline(page) {
    return page.evaluate(() =>
        [...document.querySelectorAll('#timeline tr')].map((tr) => {
            const [, , from, to, source] = [...tr.cells].map((td) => td.textContent.trim());
            return `${from}→${to} (${source})`;
        })
    );
}

export function firstLine(error) {
    return String(error?.message ?? error).split('\n')[0];
}

/** axe-core, the engine under sa11y (the Jest accessibility checks), run in a page. */
const AXE_SCRIPT = new URL('../../node_modules/axe-core/axe.min.js', import.meta.url);

/** The page's axe violations (WCAG 2.x A and AA rules), as `rule: target` lines. */
export async function accessibilityViolations(page) {
    await page.addScriptTag({ path: fileURLToPath(AXE_SCRIPT) });
    const violations = await page.evaluate(async () => {
        const result = await window.axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }
        });
        return result.violations.map(
            (violation) =>
                `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`
        );
    });
    return violations;
}
