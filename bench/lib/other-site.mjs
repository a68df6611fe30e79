// "Another site" for the navigation scenarios (127.0.0.3: cross-site to the console on 127.0.0.1
// and to the CCP on 127.0.0.2), and the collector of the pages' own timestamps: each console page
// reports its `pagehide` (and `pageshow` from the back/forward cache) here with `sendBeacon`,
// the one request a page may still send while it is unloaded.
import { createServer } from 'node:http';

export const OTHER_SITE_HOST = '127.0.0.3';
const BEACON_PATH = '/beacon';

/**
 * @returns {Promise<{ url: string, beaconUrl: string, beaconsFor(trial: string): object[],
 *   close(): Promise<void> }>}
 */
export async function startOtherSite() {
    /** trial id → the beacons its pages sent, in arrival order */
    const beacons = new Map();
    const server = createServer((request, response) => {
        const path = new URL(request.url, 'http://localhost').pathname;
        if (request.method === 'POST' && path === BEACON_PATH) {
            let body = '';
            request.setEncoding('utf8');
            request.on('data', (chunk) => (body += chunk));
            request.on('end', () => {
                try {
                    const beacon = JSON.parse(body);
                    const list = beacons.get(beacon.trial) ?? [];
                    list.push({ ...beacon, receivedAt: Date.now() });
                    beacons.set(beacon.trial, list);
                } catch {
                    // not one of ours
                }
                response.writeHead(204, { 'access-control-allow-origin': '*' }).end();
            });
            return;
        }
        response
            .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
            .end('<!doctype html><title>Another site</title><h1>Another site</h1>');
    });
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, OTHER_SITE_HOST, resolve);
    });
    const url = `http://${OTHER_SITE_HOST}:${server.address().port}/`;
    return {
        url,
        beaconUrl: new URL(BEACON_PATH, url).href,
        beaconsFor: (trial) => beacons.get(trial) ?? [],
        forget: (trial) => beacons.delete(trial),
        close: () =>
            new Promise((resolve) => {
                server.closeAllConnections?.();
                server.close(() => resolve());
            })
    };
}
