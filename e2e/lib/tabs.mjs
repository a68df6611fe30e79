// Several softphones in one browser: console tabs (and the popped-out utility) in one context,
// closed the way a user closes them, and the unroutable window ("blip") read from the stand-in.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../preview/lib/browser.mjs';
import { check } from './check.mjs';
import { openConsole, waitForCcpToShow, waitForSoftphoneReady } from './pages.mjs';

/**
 * Opens the pages one after the other (the first one's load sets Available), and waits until each
 * softphone is ready and its CCP shows `status`: the guard decides on Streams' snapshot.
 * @param {object} t the scenario's toolkit
 * @param {string[]} urls console or pop-out URLs
 */
export async function openReadyTabs(t, urls, status = 'Available') {
    const pages = [];
    for (const url of urls) {
        const page = await openConsole(t.context, url);
        await waitForSoftphoneReady(page);
        pages.push(page);
    }
    await t.standIn.waitForChangeTo(status);
    for (const page of pages) {
        await waitForCcpToShow(page, status);
    }
    return pages;
}

/** What a user closing the tab does: `beforeunload` runs, then the page goes. */
export function closeTab(page) {
    return page.close({ runBeforeUnload: true });
}

/**
 * The time the agent was unroutable: from the change into `offlineName` to the next change out
 * of it, from the stand-in's timestamps. Prints it, as the issue asks for the measurement.
 */
export function measureBlip(entries, label, offlineName = 'Offline') {
    const down = entries.findIndex((change) => change.to === offlineName);
    const up = entries.findIndex((change, index) => index > down && change.from === offlineName);
    check(
        down >= 0 && up > down,
        `expected a change to ${offlineName} and one back; got ${JSON.stringify(entries)}`
    );
    const ms = Date.parse(entries[up].at) - Date.parse(entries[down].at);
    console.log(`        blip ${ms} ms (${label})`);
    return { ms, restored: entries[up] };
}

/** `Available→Offline, Offline→Available` for a failure message. */
export function describeChanges(entries) {
    return entries.map((change) => `${change.from}→${change.to} (${change.source})`).join(', ');
}

/** Chromium as the suite runs it, but with the back/forward cache Playwright turns off. */
export function launchWithBackForwardCache() {
    return chromium.launch({
        executablePath: CHROMIUM_PATH,
        args: [...CHROMIUM_ARGS],
        ignoreDefaultArgs: ['--disable-back-forward-cache']
    });
}
