// Builds the handlers' dependencies from a ServiceConfig: the real AWS SDK clients, pointed at
// AWS in Lambda or at dynalite and the Connect stand-in in a local run.
import { randomUUID } from 'node:crypto';
import { ConnectClient } from '@aws-sdk/client-connect';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createApiHandler } from './api';
import type { ServiceConfig } from './config';
import { connectGateway } from './connect';
import { jsonLog, type Log } from './log';
import { realClock, type Clock } from './quota';
import { dynamoPresenceStore } from './store';
import { sweepOnce, type SweepReport } from './sweep';
import { verificationKey } from './token';

/** Local runs pass static credentials; in Lambda the role's credentials come from the runtime. */
export interface RuntimeOptions {
    clock?: Clock;
    log?: Log;
    credentials?: { accessKeyId: string; secretAccessKey: string };
}

function dynamoClient(config: ServiceConfig, options: RuntimeOptions) {
    return new DynamoDBClient({
        region: config.region,
        ...(config.dynamoEndpoint ? { endpoint: config.dynamoEndpoint } : {}),
        ...(options.credentials ? { credentials: options.credentials } : {})
    });
}

export async function apiHandlerFor(config: ServiceConfig, options: RuntimeOptions = {}) {
    const store = dynamoPresenceStore(dynamoClient(config, options), config.tableName);
    const handler = createApiHandler({
        store,
        policy: {
            issuer: config.issuer,
            orgId: config.orgId,
            key: await verificationKey(config.certificatePem)
        },
        allowedOrigins: config.allowedOrigins,
        thresholdSeconds: config.thresholdSeconds,
        clock: options.clock ?? realClock,
        log: options.log ?? jsonLog
    });
    return Object.assign(handler, { storeCounts: store.counts });
}

/** The sweeper: several passes within one invocation, `sweepEverySeconds` apart, until `budgetMs`. */
export function sweeperFor(config: ServiceConfig, options: RuntimeOptions = {}) {
    const clock = options.clock ?? realClock;
    const log = options.log ?? jsonLog;
    const connect = connectGateway(
        new ConnectClient({
            region: config.region,
            // Our own backoff holds the quota; the SDK's retries would hide 429s from it.
            maxAttempts: 1,
            ...(config.connectEndpoint ? { endpoint: config.connectEndpoint } : {}),
            ...(options.credentials ? { credentials: options.credentials } : {})
        }),
        config.connectInstanceArn,
        {
            putUserStatusPerSecond: config.putUserStatusPerSecond,
            readsPerSecond: config.readsPerSecond
        },
        clock,
        log
    );
    const store = dynamoPresenceStore(dynamoClient(config, options), config.tableName);
    const deps = {
        store,
        connect,
        timing: {
            thresholdMs: config.thresholdSeconds * 1000,
            leaveGraceMs: config.leaveGraceSeconds * 1000
        },
        clock,
        log,
        newId: randomUUID
    };

    async function pass(deadline: number): Promise<SweepReport> {
        const report = await sweepOnce(deps, {
            deadline,
            putsPerSecond: config.putUserStatusPerSecond
        });
        if (report.due > 0) log('sweep', { ...report });
        return report;
    }

    /** One Lambda invocation: passes until the budget is spent. */
    async function invocation(budgetMs: number) {
        const end = clock.now() + budgetMs;
        const reports: SweepReport[] = [];
        while (clock.now() < end) {
            const started = clock.now();
            reports.push(await pass(end));
            const wait = started + config.sweepEverySeconds * 1000 - clock.now();
            if (clock.now() + wait >= end) break;
            if (wait > 0) await clock.sleep(wait);
        }
        return reports;
    }

    return { pass, invocation, counts: connect.counts, storeCounts: store.counts };
}
