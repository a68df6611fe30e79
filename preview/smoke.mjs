#!/usr/bin/env node
// Proof that the preview runs the real component under the real LWS sandbox, end to end:
// open the console, see the agent made Available in the Connect stand-in, click Salesforce's
// Log Out, see the agent made Offline. Also checks that Streams' `connect` global exists only
// inside the sandbox, and takes preview/screenshots/console.png.
//
//   node preview/smoke.mjs            exits 0 when every check passes, 1 otherwise
/* global document, window -- used only inside page.evaluate / waitForFunction callbacks */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PREVIEW_DIR } from './build.mjs';
import { launchChromium } from './lib/browser.mjs';
import { startPreview } from './start.mjs';

const SCREENSHOT = join(PREVIEW_DIR, 'screenshots', 'console.png');
const AVAILABLE_TIMEOUT_MS = 20000;
const OFFLINE_TIMEOUT_MS = 10000;

const results = [];
function check(name, ok, detail = '') {
    results.push({ name, ok });
    console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}${detail ? ` (${detail})` : ''}`);
    return ok;
}

async function readHistory(standIn) {
    const response = await fetch(new URL('/connect/history', standIn.url));
    return response.json();
}

/** Polls the stand-in's history until an entry after `fromIndex` reaches a status of `type`. */
async function waitForStatus(standIn, type, fromIndex, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const history = await readHistory(standIn);
        const entry = history.slice(fromIndex).find((change) => change.toType === type);
        if (entry) {
            return { entry, index: history.indexOf(entry) };
        }
        if (Date.now() > deadline) {
            return { entry: null, index: -1, history };
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
    }
}

function describeHistory(history) {
    return history.map((change) => `${change.from}→${change.to}`).join(', ') || 'no changes';
}

async function run() {
    const preview = await startPreview({ port: 0 });
    const browser = await launchChromium();
    const pageErrors = [];
    try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        page.on('pageerror', (error) => pageErrors.push(error.message));
        console.log(`console: ${preview.consoleUrl}`);
        await page.goto(preview.consoleUrl);
        await page.waitForFunction(() => document.documentElement.dataset.previewState, null, {
            timeout: 15000
        });
        const state = await page.evaluate(() => ({
            harness: document.documentElement.dataset.previewState,
            lws: document.documentElement.dataset.previewLws,
            error: document.querySelector('[data-preview-error-text]')?.textContent ?? ''
        }));
        check(
            'the component is mounted in the utility panel under LWS',
            state.harness === 'mounted' && state.lws === 'on',
            state.error
        );

        const available = await waitForStatus(preview.standIn, 'routable', 0, AVAILABLE_TIMEOUT_MS);
        check(
            'the Connect stand-in shows the agent Available after the console loads',
            Boolean(available.entry),
            available.entry
                ? `${available.entry.from}→${available.entry.to}`
                : describeHistory(available.history)
        );

        const realWindow = await page.evaluate(() => typeof window.connect);
        check(
            'window.connect is undefined on the real window (Streams lives in the c sandbox)',
            realWindow === 'undefined',
            `typeof window.connect = ${realWindow}`
        );
        // lightning-button from lightning-base-components draws its icon through
        // lightning-primitive-icon as an inline SVG; the old stand-in used a sprite <use>.
        const signOutIcon = page.locator('lightning-button lightning-primitive-icon svg path');
        await page.getByRole('button', { name: 'Sign Out' }).waitFor({ timeout: 15000 });
        check(
            "the softphone's Sign Out is lightning-button from lightning-base-components",
            (await signOutIcon.count()) === 1,
            `${await signOutIcon.count()} inline icon path(s)`
        );
        const ccpFrames = page.frames().filter((frame) => frame.url().includes('/ccp-v2'));
        check('the CCP iframe is loaded from the stand-in', ccpFrames.length === 1);

        // Minimizing keeps the component (and its CCP) running, as Lightning's utility bar does.
        const toggle = page.locator('[data-utility-toggle]');
        await toggle.click();
        const minimized = await page.locator('[data-utility-panel]').isHidden();
        await toggle.click();
        const reopened = await page.locator('c-connect-softphone').isVisible();
        const historyLength = (await readHistory(preview.standIn)).length;
        check(
            'the utility bar button minimizes and reopens the panel without touching the agent',
            minimized &&
                reopened &&
                historyLength === available.index + 1 &&
                !ccpFrames[0]?.isDetached()
        );

        mkdirSync(join(PREVIEW_DIR, 'screenshots'), { recursive: true });
        await page.screenshot({ path: SCREENSHOT });
        console.log(`screenshot: ${SCREENSHOT}`);

        await page.click('[data-logout]');
        await page.waitForURL('**/login**', { timeout: 10000 });
        const loggedOutText = await page.locator('h1').innerText();
        check(
            'Log Out goes to /secur/logout.jsp and lands on the login page',
            loggedOutText.includes('You have logged out')
        );

        const offline = await waitForStatus(
            preview.standIn,
            'offline',
            available.index + 1,
            OFFLINE_TIMEOUT_MS
        );
        check(
            'the Connect stand-in shows the agent Offline after Log Out',
            Boolean(offline.entry),
            offline.entry
                ? `${offline.entry.from}→${offline.entry.to}, ${offline.entry.source}`
                : describeHistory(offline.history)
        );
        check('no uncaught errors in the page', pageErrors.length === 0, pageErrors.join(' | '));

        // Control: the same build with the sandbox off puts `connect` on the real window, so the
        // `undefined` above is LWS's doing and not a check that cannot fail.
        const control = await browser.newPage();
        await control.goto(`${preview.consoleUrl}?lws=off`);
        await control.waitForFunction(() => typeof window.connect === 'object', null, {
            timeout: 15000
        });
        check('control: with ?lws=off the same code exposes window.connect on the page', true);
    } finally {
        await browser.close();
        await preview.close();
    }
}

try {
    await run();
} catch (error) {
    check('the smoke run completed', false, error.message);
}
const failed = results.filter((result) => !result.ok).length;
console.log(`\n${results.length - failed}/${results.length} checks passed`);
process.exit(failed === 0 ? 0 : 1);
