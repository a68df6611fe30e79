// Lambda entry: started every minute by EventBridge Scheduler; sweeps several times within it.
import type { Context } from 'aws-lambda';
import { configFromEnv } from '../config';
import { sweeperFor } from '../runtime';

/** Leave room before the next minute's invocation and the function timeout. */
const SAFETY_MS = 5000;

let sweeper: ReturnType<typeof sweeperFor> | null = null;

export async function handler(_event: unknown, context: Context) {
    sweeper ??= sweeperFor(configFromEnv(process.env));
    const budgetMs = Math.min(60000, context.getRemainingTimeInMillis()) - SAFETY_MS;
    const reports = await sweeper.invocation(budgetMs);
    return { passes: reports.length, set: reports.reduce((n, r) => n + r.set, 0) };
}
