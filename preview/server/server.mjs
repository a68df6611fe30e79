// The preview's HTTP server (127.0.0.1 only): the console page, the built code, SLDS assets,
// static resources, the Apex stand-in, the configuration page + JSON API, and Salesforce's logout.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { callApex, readSoftphoneConfigShape } from './apex.mjs';
import { parseConfigForm } from './config-form.mjs';
import { configPage, consolePage, loggedOutPage } from './pages.mjs';

export const CONSOLE_PATH = '/lightning/page/home';
/** The utility popped out of the console into a window of its own. */
export const POPOUT_PATH = '/lightning/popout/softphone';
const CLIENT_DIR = resolve(import.meta.dirname, '..', 'client');
const SLDS_ASSETS_DIR = resolve(
    import.meta.dirname,
    '..',
    '..',
    'node_modules',
    '@salesforce-ux',
    'design-system',
    'assets'
);
const BODY_LIMIT_BYTES = 1024 * 1024;

const CONTENT_TYPES = {
    '.js': 'application/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.jpg': 'image/jpeg',
    '.json': 'application/json; charset=utf-8'
};

function send(response, status, body, contentType = 'text/html; charset=utf-8', headers = {}) {
    response.writeHead(status, {
        'Content-Type': contentType,
        'Cache-Control': 'no-store',
        ...headers
    });
    response.end(body);
}

function sendJson(response, status, value) {
    send(response, status, JSON.stringify(value), CONTENT_TYPES['.json']);
}

function redirect(response, status, location) {
    response.writeHead(status, { Location: location, 'Cache-Control': 'no-store' });
    response.end();
}

function sendFile(response, file, contentType) {
    if (!existsSync(file) || !statSync(file).isFile()) {
        send(response, 404, 'Not found', 'text/plain; charset=utf-8');
        return;
    }
    response.writeHead(200, {
        'Content-Type': contentType ?? CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache'
    });
    createReadStream(file).pipe(response);
}

/** Serves `relativePath` from `root` only if it stays inside `root`. */
function sendFromDirectory(response, root, relativePath) {
    const file = normalize(join(root, decodeURIComponent(relativePath)));
    if (!file.startsWith(root + sep)) {
        send(response, 404, 'Not found', 'text/plain; charset=utf-8');
        return;
    }
    sendFile(response, file);
}

function readBody(request) {
    return new Promise((resolveBody, reject) => {
        const chunks = [];
        let size = 0;
        request.on('data', (chunk) => {
            size += chunk.length;
            if (size > BODY_LIMIT_BYTES) {
                reject(new Error('Request body too large'));
                request.destroy();
                return;
            }
            chunks.push(chunk);
        });
        request.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
        request.on('error', reject);
    });
}

/**
 * @param {{ host: string, port: number, buildDir: string, manifest: object,
 *   store: ReturnType<import('./config-store.mjs').createConfigStore>, regions: string[],
 *   componentProperties: object, utilityLabel: string, apexClassFile?: string }} options
 * @returns {Promise<{ origin: string, consoleUrl: string, configUrl: string, close(): Promise<void> }>}
 */
export async function startPreviewServer(options) {
    const { host, port, buildDir, manifest, store, regions } = options;
    const apexShape = readSoftphoneConfigShape(options.apexClassFile);
    let origin = '';
    const consoleUrl = () => `${origin}${CONSOLE_PATH}`;
    // The Salesforce session: Log Out ends it, loading the console again stands for a new login.
    const session = { active: true };

    async function handle(request, response) {
        const url = new URL(request.url, origin);
        const { pathname } = url;
        const method = request.method ?? 'GET';

        if (method === 'GET' && pathname === '/') {
            return redirect(response, 302, CONSOLE_PATH);
        }
        if (method === 'GET' && (pathname === CONSOLE_PATH || pathname === POPOUT_PATH)) {
            session.active = true;
            // Lightning sends no-store, which keeps pages out of the back/forward cache;
            // `?bfcache=1` serves the page cacheable, to exercise a restore from that cache.
            const headers = url.searchParams.has('bfcache') ? { 'Cache-Control': 'no-cache' } : {};
            return send(
                response,
                200,
                consolePage({
                    tagName: manifest.tagName,
                    namespace: manifest.namespace,
                    componentUrl: '/preview/c-namespace.js',
                    properties: options.componentProperties,
                    utilityLabel: options.utilityLabel,
                    popout: pathname === POPOUT_PATH
                }),
                'text/html; charset=utf-8',
                headers
            );
        }
        if (method === 'GET' && pathname === '/preview/shell.js') {
            return sendFile(response, join(buildDir, 'shell.js'));
        }
        if (method === 'GET' && pathname === '/preview/c-namespace.js') {
            return sendFile(response, join(buildDir, 'c-namespace.js'));
        }
        if (method === 'GET' && pathname === '/preview/console.css') {
            return sendFile(response, join(CLIENT_DIR, 'console.css'));
        }
        if (method === 'GET' && pathname.startsWith('/assets/')) {
            return sendFromDirectory(response, SLDS_ASSETS_DIR, pathname.slice('/assets/'.length));
        }
        const resourceMatch = pathname.match(/^\/resource\/\d+\/([A-Za-z][\w]*)$/);
        if (method === 'GET' && resourceMatch) {
            const resource = manifest.staticResources[resourceMatch[1]];
            return resource
                ? sendFile(response, resource.file, resource.contentType)
                : send(response, 404, 'No such static resource', 'text/plain; charset=utf-8');
        }
        const apexMatch = pathname.match(/^\/apex\/(\w+)$/);
        if (method === 'GET' && apexMatch) {
            const params = Object.fromEntries(url.searchParams);
            const result = await callApex(
                apexMatch[1],
                params,
                store.get(),
                apexShape,
                session,
                options.presence?.() ?? null
            );
            return sendJson(response, result.status, result.body);
        }
        if (pathname === '/api/config') {
            if (method === 'GET') {
                return sendJson(response, 200, store.get());
            }
            if (method === 'PUT') {
                let input;
                try {
                    input = JSON.parse(await readBody(request));
                } catch (error) {
                    return sendJson(response, 400, { errors: [`Invalid JSON: ${error.message}`] });
                }
                // ?validationRules=off: records that predate the adapter's validation rules.
                const result = store.replace(input, {
                    validationRules: url.searchParams.get('validationRules') !== 'off'
                });
                return result.ok
                    ? sendJson(response, 200, result.config)
                    : sendJson(response, 400, { errors: result.errors });
            }
        }
        if (method === 'POST' && pathname === '/api/config/reset') {
            return sendJson(response, 200, store.reset().config);
        }
        if (pathname === '/config') {
            if (method === 'GET') {
                const message = url.searchParams.has('saved') ? 'Saved.' : undefined;
                return send(
                    response,
                    200,
                    configPage({ config: store.get(), regions, message, consoleUrl: consoleUrl() })
                );
            }
            if (method === 'POST') {
                const form = new URLSearchParams(await readBody(request));
                const result = store.replace(parseConfigForm(form));
                return result.ok
                    ? redirect(response, 303, '/config?saved=1')
                    : send(
                          response,
                          400,
                          configPage({
                              config: store.get(),
                              regions,
                              errors: result.errors,
                              consoleUrl: consoleUrl()
                          })
                      );
            }
        }
        if (method === 'GET' && pathname === '/secur/logout.jsp') {
            // Salesforce ends the session, then sends the browser to its login page.
            session.active = false;
            return redirect(response, 302, '/login?loggedOut=1');
        }
        if (method === 'GET' && pathname === '/login') {
            return send(response, 200, loggedOutPage({ consoleUrl: CONSOLE_PATH }));
        }
        return send(response, 404, 'Not found', 'text/plain; charset=utf-8');
    }

    const server = createServer((request, response) => {
        handle(request, response).catch((error) => {
            console.error(error);
            if (!response.headersSent) {
                send(response, 500, 'Preview server error', 'text/plain; charset=utf-8');
            } else {
                response.destroy();
            }
        });
    });
    await new Promise((resolveListen, reject) => {
        server.once('error', reject);
        server.listen(port, host, resolveListen);
    });
    origin = `http://${host}:${server.address().port}`;
    return {
        origin,
        consoleUrl: consoleUrl(),
        popoutUrl: `${origin}${POPOUT_PATH}`,
        configUrl: `${origin}/config`,
        close: () =>
            new Promise((resolveClose) => {
                server.closeAllConnections();
                server.close(() => resolveClose());
            })
    };
}
