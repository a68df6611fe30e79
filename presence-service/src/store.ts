// The presence table: one item per agent, keyed `agent#<org>#<username>`, written with an
// optimistic version so a heartbeat and the sweeper never overwrite each other's change.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { AgentPresence } from './model';
import { agentKey } from './rules';

/** Items of agents not heard from for this long expire (DynamoDB TTL). */
const RETENTION_SECONDS = 14 * 24 * 3600;
const MAX_WRITE_ATTEMPTS = 5;

export interface PresenceStore {
    get(org: string, username: string): Promise<AgentPresence | null>;
    /** Reads, changes and writes one agent; `change` returns null to write nothing. */
    update(
        org: string,
        username: string,
        change: (current: AgentPresence | null) => AgentPresence | null
    ): Promise<AgentPresence | null>;
    all(): Promise<AgentPresence[]>;
    /** Requests per operation and the capacity units DynamoDB reported (the benchmark's cost). */
    counts: StoreCounts;
}

export interface StoreCounts {
    GetItem: number;
    PutItem: number;
    Scan: number;
    readUnits: number;
    writeUnits: number;
}

interface Item extends AgentPresence {
    pk: string;
    expiresAt: number;
}

function fromItem(item: Record<string, unknown> | undefined): AgentPresence | null {
    if (!item) return null;
    const { pk: _pk, expiresAt: _expiresAt, ...presence } = item as unknown as Item;
    void _pk;
    void _expiresAt;
    return presence;
}

export function dynamoPresenceStore(client: DynamoDBClient, tableName: string): PresenceStore {
    const doc = DynamoDBDocumentClient.from(client, {
        marshallOptions: { removeUndefinedValues: true }
    });
    const counts: StoreCounts = { GetItem: 0, PutItem: 0, Scan: 0, readUnits: 0, writeUnits: 0 };
    const consumed = (answer: { ConsumedCapacity?: { CapacityUnits?: number } }) =>
        answer.ConsumedCapacity?.CapacityUnits ?? 0;

    async function get(org: string, username: string) {
        const answer = await doc.send(
            new GetCommand({
                TableName: tableName,
                Key: { pk: agentKey(org, username) },
                ConsistentRead: true,
                ReturnConsumedCapacity: 'TOTAL'
            })
        );
        counts.GetItem += 1;
        counts.readUnits += consumed(answer);
        return fromItem(answer.Item);
    }

    async function update(
        org: string,
        username: string,
        change: (current: AgentPresence | null) => AgentPresence | null
    ) {
        for (let attempt = 1; ; attempt += 1) {
            const current = await get(org, username);
            const next = change(current);
            if (!next) return current;
            const item: Item = {
                ...next,
                version: (current?.version ?? 0) + 1,
                pk: agentKey(org, username),
                expiresAt: Math.floor(next.lastLifeAt / 1000) + RETENTION_SECONDS
            };
            try {
                counts.PutItem += 1;
                const answer = await doc.send(
                    new PutCommand({
                        TableName: tableName,
                        Item: item,
                        ReturnConsumedCapacity: 'TOTAL',
                        ConditionExpression: current
                            ? 'version = :version'
                            : 'attribute_not_exists(pk)',
                        ExpressionAttributeValues: current
                            ? { ':version': current.version }
                            : undefined
                    })
                );
                counts.writeUnits += consumed(answer);
                return fromItem(item as unknown as Record<string, unknown>);
            } catch (error) {
                const conflict = (error as Error).name === 'ConditionalCheckFailedException';
                if (!conflict || attempt >= MAX_WRITE_ATTEMPTS) throw error;
            }
        }
    }

    async function all() {
        const agents: AgentPresence[] = [];
        let start: Record<string, unknown> | undefined;
        do {
            const page = await doc.send(
                new ScanCommand({
                    TableName: tableName,
                    ExclusiveStartKey: start,
                    ReturnConsumedCapacity: 'TOTAL'
                })
            );
            counts.Scan += 1;
            counts.readUnits += consumed(page);
            for (const item of page.Items ?? []) {
                const agent = fromItem(item);
                if (agent) agents.push(agent);
            }
            start = page.LastEvaluatedKey;
        } while (start);
        return agents;
    }

    return { get, update, all, counts };
}
