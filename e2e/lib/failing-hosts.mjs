// Three CCP hosts that fail the way a real one can, on loopback, for the load-timeout scenarios and
// their measurement (bench/load-timeout.mjs): one that accepts the connection and never answers,
// one that refuses the connection, and one that answers https with a page that is not the CCP.
// All three sit on the stand-in's host (127.0.0.2), which the preview lists as a custom CCP domain,
// so the URL policy lets the softphone try them and only the CCP's own behaviour differs.
import { createServer as createTcpServer } from 'node:net';
import { createServer as createTlsServer } from 'node:https';
import { STAND_IN_TLS } from '../../ccp-emulator/tls.mjs';

export const FAILING_HOST = '127.0.0.2';
export const FAILING_KINDS = Object.freeze(['neverAnswers', 'refusesConnection', 'notTheCcp']);

const listen = (server) =>
    new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, FAILING_HOST, () => resolve(server.address().port));
    });

/**
 * @param {'neverAnswers' | 'refusesConnection' | 'notTheCcp'} kind
 * @returns {Promise<{ ccpUrl: string, requests: () => number, close(): Promise<void> }>}
 */
export async function startFailingHost(kind) {
    let requests = 0;
    if (kind === 'neverAnswers') {
        // Takes the TCP connection and never sends a byte: the TLS handshake never completes.
        const sockets = new Set();
        const server = createTcpServer((socket) => {
            requests++;
            sockets.add(socket);
            socket.on('close', () => sockets.delete(socket));
            socket.on('error', () => {});
        });
        const port = await listen(server);
        return {
            ccpUrl: `https://${FAILING_HOST}:${port}/ccp-v2/`,
            requests: () => requests,
            close: () =>
                new Promise((resolve) => {
                    sockets.forEach((socket) => socket.destroy());
                    server.close(() => resolve());
                })
        };
    }
    if (kind === 'refusesConnection') {
        // A port that was free a moment ago and has nothing listening: the connection is refused.
        const server = createTcpServer();
        const port = await listen(server);
        await new Promise((resolve) => server.close(resolve));
        return {
            ccpUrl: `https://${FAILING_HOST}:${port}/ccp-v2/`,
            requests: () => 0,
            close: async () => {}
        };
    }
    if (kind === 'notTheCcp') {
        // A valid https page that never speaks Streams' protocol (e.g. a proxy's error page).
        const server = createTlsServer(STAND_IN_TLS, (req, res) => {
            requests++;
            res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
            res.end('<!doctype html><title>Welcome</title><h1>This is not the CCP</h1>');
        });
        const port = await listen(server);
        return {
            ccpUrl: `https://${FAILING_HOST}:${port}/ccp-v2/`,
            requests: () => requests,
            close: () =>
                new Promise((resolve) => {
                    server.close(() => resolve());
                    server.closeAllConnections();
                })
        };
    }
    throw new Error(`unknown failing host kind ${kind}`);
}
