// The preview's headless Chromium (same binary and flags as preview/lib/browser.mjs), with the
// back/forward cache on as in the agents' Chrome: Playwright turns it off by default
// (--disable-back-forward-cache), which would make the cache scenario an ordinary reload.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../preview/lib/browser.mjs';

export const BFCACHE_SWITCH = '--disable-back-forward-cache';

/** @returns {Promise<import('playwright-core').Browser>} */
export function launchBenchChromium() {
    return chromium.launch({
        executablePath: CHROMIUM_PATH,
        args: [...CHROMIUM_ARGS],
        ignoreDefaultArgs: [BFCACHE_SWITCH]
    });
}
