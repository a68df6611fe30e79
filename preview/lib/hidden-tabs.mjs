// Chromium with its background-tab behaviour in force, for the runs that need a really hidden tab
// (the hidden-tab experiment, the backstop's hidden and frozen e2e scenarios). Playwright turns it
// off twice, and both are undone here:
// - its switches --disable-background-timer-throttling, --disable-backgrounding-occluded-windows and
//   --disable-renderer-backgrounding are dropped with `ignoreDefaultArgs`;
// - it enables CDP focus emulation on every page, which keeps the page "visible" (a captured
//   WebContents, never hidden, never frozen): that call is skipped for the pages opened here.
// The tabs are tabs of one window (a persistent context); bringing one to the front hides the others.
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser.mjs';

export const THROTTLING_OFF_SWITCHES = Object.freeze([
    '--disable-background-timer-throttling',
    '--disable-backgrounding-occluded-windows',
    '--disable-renderer-backgrounding'
]);

/** Pages being opened here right now (trials may open them concurrently). */
let openingHideable = 0;
let patched = false;

/** Skips Playwright's focus emulation while a hideable page is being opened. */
function patchFocusEmulation() {
    if (patched) return;
    patched = true;
    const require = createRequire(import.meta.url);
    const file = require
        .resolve('playwright-core')
        .replace(/index\.js$/, 'lib/server/chromium/crConnection.js');
    const { CRSession } = require(file);
    const send = CRSession.prototype.send;
    CRSession.prototype.send = function (method, params) {
        if (openingHideable > 0 && method === 'Emulation.setFocusEmulationEnabled') {
            return Promise.resolve({});
        }
        return send.call(this, method, params);
    };
}

async function withoutFocusEmulation(create) {
    patchFocusEmulation();
    // A count, not a flag: concurrent openings must not turn each other's skip off. A page of
    // another browser opened meanwhile also skips it, which only matters for a page in a tab
    // behind another (a page in a window of its own stays visible).
    openingHideable += 1;
    try {
        return await create();
    } finally {
        openingHideable -= 1;
    }
}

/**
 * A persistent context (one window) whose pages can be hidden and frozen.
 * @returns {Promise<{ context: import('playwright-core').BrowserContext,
 *   newPage(): Promise<import('playwright-core').Page>, hideAll(): Promise<import('playwright-core').Page> }>}
 */
export async function launchHideableTabs() {
    const context = await withoutFocusEmulation(() =>
        chromium.launchPersistentContext('', {
            executablePath: CHROMIUM_PATH,
            args: [...CHROMIUM_ARGS],
            ignoreDefaultArgs: [...THROTTLING_OFF_SWITCHES]
        })
    );
    return {
        context,
        /**
         * A new tab of the window. Never the tab the browser opened at launch: under load its
         * session may be set up after the launch returned, with focus emulation on.
         */
        newPage: () => withoutFocusEmulation(() => context.newPage()),
        /** Opens a blank tab in front: every other tab of the window is now hidden. */
        async hideAll() {
            const front = await withoutFocusEmulation(() => context.newPage());
            await front.bringToFront();
            return front;
        }
    };
}
