// Lambda entry: the HTTP API's handler, configured from the environment the stack sets.
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { configFromEnv } from '../config';
import { apiHandlerFor } from '../runtime';

let ready: ReturnType<typeof apiHandlerFor> | null = null;

export async function handler(event: APIGatewayProxyEventV2) {
    ready ??= apiHandlerFor(configFromEnv(process.env));
    return (await ready)(event);
}
