// Headless Chromium as this machine runs it (Debian's /usr/bin/chromium through playwright-core),
// shared by every browser run: the smokes, the end-to-end tests, the benchmark, the experiments.
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = Object.freeze([
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic'
]);

/** @returns {Promise<import('playwright-core').Browser>} */
export function launchChromium() {
    return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
}
