#!/usr/bin/env node
// `npm start`: builds the component and the LWS page, starts the Connect stand-in on 127.0.0.2,
// the presence backstop service on 127.0.0.3 (presence-service/local) and the preview (a Lightning
// console with the softphone on its utility bar) on 127.0.0.1.
//
//   npm start [-- --port 3333] [-- --ccp-url https://<instance>.my.connect.aws/ccp-v2/]
//             [-- --no-presence] [-- --presence-threshold 90]
//
// Also imported by the end-to-end tests: `startPreview({ port: 0 })`.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { BUILD_DIR, DEFAULT_BUILD_OPTIONS, PROJECT_ROOT, buildPreview } from './build.mjs';
import { createConfigStore } from './server/config-store.mjs';
import { startPreviewServer } from './server/server.mjs';
import { STAND_IN_TLS } from '../ccp-emulator/tls.mjs';

export const PREVIEW_HOST = '127.0.0.1';
export const STAND_IN_HOST = '127.0.0.2';
export const ADAPTER_NAME = 'ACLightningAdapter';
export const PRESENCE_HOST = '127.0.0.3';
/** The certificate the preview's adapter names; the local service's key pair stands in for it. */
export const PRESENCE_CERTIFICATE_NAME = 'Presence_Signing';
const PRESENCE_MODULE = join(PROJECT_ROOT, 'presence-service', 'local', 'index.mjs');
const STAND_IN_MODULE = join(PROJECT_ROOT, 'ccp-emulator', 'server.mjs');
const REGION_FIELD = join(
    PROJECT_ROOT,
    'force-app/main/default/objects/AC_CtiAdapter__c/fields/Amazon_Connect_Instance_Region__c.field-meta.xml'
);

/** The region picklist values, read from the field's metadata so the two cannot disagree. */
function readRegions() {
    if (!existsSync(REGION_FIELD)) {
        return [];
    }
    const xml = readFileSync(REGION_FIELD, 'utf8');
    return [...xml.matchAll(/<value>\s*<fullName>([^<]+)<\/fullName>/g)].map((match) => match[1]);
}

/**
 * The records an admin following the seed how-to would have created; with the backstop on, the
 * adapter also names the service, the certificate and the username rule (Username without its
 * domain: agent1@softphone-preview.example is Connect's agent1).
 */
function seedConfig(ccpUrl, customCcpDomains, presenceUrl) {
    return () => ({
        adapters: [
            {
                name: ADAPTER_NAME,
                ccpUrl,
                customCcpDomains,
                allowFramedSoftphone: true,
                ...(presenceUrl()
                    ? {
                          presenceServiceUrl: presenceUrl(),
                          presenceCertificateName: PRESENCE_CERTIFICATE_NAME,
                          presenceUsernameField: 'Username',
                          presenceUsernameStripDomain: true
                      }
                    : {}),
                features: [
                    { name: 'SetAgentStatusOnSessionEnd', value: 'Status:Offline', active: true }
                ]
            }
        ]
    });
}

/** The running user's User record, as the Apex stand-in reads it for the username rule. */
function previewUser(standIn) {
    const username = standIn?.state?.config?.username ?? 'agent1';
    return {
        Id: '005000000000001AAA',
        Username: `${username}@softphone-preview.example`,
        FederationIdentifier: username,
        CommunityNickname: username,
        Email: `${username}@softphone-preview.example`
    };
}

async function startStandIn(port) {
    if (!existsSync(STAND_IN_MODULE)) {
        throw new Error(
            `The Connect stand-in (${STAND_IN_MODULE}) is missing; pass ccpUrl to use a real CCP.`
        );
    }
    const { startConnectStandIn } = await import(pathToFileURL(STAND_IN_MODULE).href);
    // The CCP over https, as the URL policy requires; its host is listed as a custom CCP domain.
    return startConnectStandIn({
        host: STAND_IN_HOST,
        port,
        tlsPort: port === 0 ? 0 : port + 1,
        tls: STAND_IN_TLS
    });
}

/**
 * Starts everything the preview needs.
 * @param {{ port?: number, standInPort?: number, ccpUrl?: string, build?: boolean,
 *   buildOptions?: object, adapterName?: string, presence?: boolean | object }} [options]
 *   port 0 (the default) picks a free port; ccpUrl uses that CCP instead of the stand-in;
 *   build false reuses preview/.build; buildOptions override DEFAULT_BUILD_OPTIONS (fixtures);
 *   presence (default on with the stand-in): false turns the backstop off, an object passes
 *   options to startPresenceService (thresholdSeconds, leaveGraceSeconds, sweepEverySeconds).
 * @returns {Promise<{ consoleUrl: string, configUrl: string, metricsUrl: string | null,
 *   origin: string, ccpUrl: string, standIn: object | null, store: object,
 *   close(): Promise<void> }>}
 */
export async function startPreview(options = {}) {
    const { port = 0, standInPort = 0, ccpUrl, build = true, buildOptions = {} } = options;
    const buildDir = buildOptions.outDir ?? BUILD_DIR;
    const manifest = build
        ? (await buildPreview(buildOptions)).manifest
        : JSON.parse(readFileSync(join(buildDir, 'manifest.json'), 'utf8'));
    const standIn = ccpUrl ? null : await startStandIn(standInPort);
    const effectiveCcpUrl = ccpUrl ?? standIn.ccpUrl;
    let presence = null;
    const store = createConfigStore(
        seedConfig(
            effectiveCcpUrl,
            standIn ? new URL(standIn.ccpUrl).hostname : null,
            () => presence?.url ?? null
        )
    );
    const user = previewUser(standIn);
    let server;
    try {
        server = await startPreviewServer({
            host: PREVIEW_HOST,
            port,
            buildDir,
            manifest,
            store,
            regions: readRegions(),
            componentProperties: { adapterName: options.adapterName ?? ADAPTER_NAME },
            utilityLabel: 'Phone',
            presence: () =>
                presence
                    ? {
                          signToken: presence.signToken,
                          certificateName: PRESENCE_CERTIFICATE_NAME,
                          user
                      }
                    : null
        });
        const presenceOptions = options.presence ?? true;
        if (standIn && presenceOptions !== false) {
            const { startPresenceService } = await import(pathToFileURL(PRESENCE_MODULE).href);
            presence = await startPresenceService({
                host: PRESENCE_HOST,
                port: 0,
                connectEndpoint: standIn.url,
                allowedOrigins: [server.origin],
                ...(typeof presenceOptions === 'object' ? presenceOptions : {})
            });
            store.reset(); // the seed now names the service
        }
    } catch (error) {
        await server?.close();
        await presence?.stop();
        await standIn?.close();
        throw error;
    }
    return {
        consoleUrl: server.consoleUrl,
        popoutUrl: server.popoutUrl,
        configUrl: server.configUrl,
        metricsUrl: standIn
            ? (standIn.rtmUrl ?? new URL('/real-time-metrics/', standIn.url).href)
            : null,
        origin: server.origin,
        ccpUrl: effectiveCcpUrl,
        standIn,
        presence,
        store,
        async close() {
            await server.close();
            await presence?.stop();
            await standIn?.close();
        }
    };
}

async function main() {
    const { values } = parseArgs({
        options: {
            port: { type: 'string', default: '3333' },
            'ccp-url': { type: 'string' },
            component: { type: 'string' },
            'lwc-dir': { type: 'string' },
            labels: { type: 'string' },
            'no-presence': { type: 'boolean', default: false },
            'presence-threshold': { type: 'string' }
        }
    });
    const threshold =
        values['presence-threshold'] === undefined ? 90 : Number(values['presence-threshold']);
    if (!Number.isInteger(threshold) || threshold < 30) {
        throw new Error(
            `--presence-threshold must be whole seconds, 30 or more, got ${values['presence-threshold']}`
        );
    }
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new Error(`--port must be a port number, got ${values.port}`);
    }
    const buildOptions = { ...DEFAULT_BUILD_OPTIONS };
    if (values.component) buildOptions.component = values.component;
    if (values['lwc-dir']) buildOptions.lwcDir = resolve(values['lwc-dir']);
    if (values.labels) buildOptions.labelsFile = resolve(values.labels);

    console.log('Building the component and the Lightning Web Security page...');
    const preview = await startPreview({
        port,
        standInPort: port === 0 ? 0 : port,
        ccpUrl: values['ccp-url'],
        buildOptions,
        presence: values['no-presence'] ? false : { thresholdSeconds: threshold }
    });
    console.log('');
    console.log(`  Console (softphone on the utility bar): ${preview.consoleUrl}`);
    console.log(`  AC CTI Adapter / AC Feature records:    ${preview.configUrl}`);
    console.log(`  Softphone popped out of the console:    ${preview.popoutUrl}`);
    if (preview.standIn) {
        console.log(`  Connect real-time metrics (stand-in):   ${preview.metricsUrl}`);
        console.log(`  CCP emulator (https, test certificate): ${preview.ccpUrl}`);
        console.log(
            `  Status-change history (JSON):           ${preview.standIn.url}/connect/history`
        );
        if (preview.presence) {
            console.log(
                `  Presence backstop (local service):      ${preview.presence.url} ` +
                    `(threshold ${preview.presence.thresholdSeconds} s)`
            );
        }
    } else {
        console.log(`  CCP: ${preview.ccpUrl}`);
        console.log(
            `  In the Amazon Connect console, add ${preview.origin} to Approved origins ` +
                '(Application integration).'
        );
        console.log(
            '  Note: Connect accepts only https approved origins in practice, and the CCP must be ' +
                'embeddable there, so serve this preview through an https reverse proxy or tunnel ' +
                'and approve that https origin instead.'
        );
    }
    if (preview.standIn) {
        console.log(
            '\n  First time in this browser: open the CCP emulator address above and accept the ' +
                'warning\n  for its local test certificate (Chrome: Advanced > Proceed to 127.0.0.2); ' +
                "otherwise\n  the softphone's CCP frame stays blank."
        );
    }
    console.log('\nPress Ctrl-C to stop.');

    let stopping = false;
    const stop = async () => {
        if (stopping) return;
        stopping = true;
        console.log('\nStopping the preview...');
        await preview.close();
        process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
    main().catch((error) => {
        console.error(error.stack ?? error);
        process.exit(1);
    });
}
