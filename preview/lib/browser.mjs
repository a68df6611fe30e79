// Headless Chromium as this machine runs it (Debian's /usr/bin/chromium through playwright-core),
// shared by every browser run: the smokes, the end-to-end tests, the benchmark, the experiments.
import { chromium } from 'playwright-core';
import { STAND_IN_SPKI_SHA256 } from '../../ccp-emulator/tls.mjs';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = Object.freeze([
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    // The Connect stand-in's CCP is https (the softphone refuses any other): trust its one
    // loopback test certificate by public-key hash, and no other certificate error.
    `--ignore-certificate-errors-spki-list=${STAND_IN_SPKI_SHA256}`
]);

/** @returns {Promise<import('playwright-core').Browser>} */
export function launchChromium() {
    return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
}
