// Parsing the two request bodies of docs/presence-protocol.md. Pure: a string in, a typed request
// or a message that says what is wrong out. Nothing here names an agent: that comes from the token.
import type { PresenceSettings, SessionEndStatus } from './model';

export const MAX_BODY_BYTES = 4096;
const MAX_TABS = 50;
const MAX_ID_LENGTH = 100;
const MAX_STATUS_NAMES = 50;

export interface HeartbeatRequest {
    token: string;
    browserId: string;
    tabIds: string[];
    settings: PresenceSettings;
    ackActionId: string | null;
}

export interface LeaveRequest {
    token: string;
    browserId: string;
    tabId: string;
    remainingTabIds: string[];
    settings: PresenceSettings;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

class BadRequest extends Error {}

function fail(message: string): never {
    throw new BadRequest(message);
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function id(value: unknown, field: string): string {
    if (typeof value !== 'string' || value === '' || value.length > MAX_ID_LENGTH) {
        fail(`${field} must be a non-empty string of at most ${MAX_ID_LENGTH} characters`);
    }
    return value;
}

function ids(value: unknown, field: string, max: number): string[] {
    if (!Array.isArray(value) || value.length > max) {
        fail(`${field} must be an array of at most ${max} strings`);
    }
    return value.map((item, index) => id(item, `${field}[${index}]`));
}

function sessionEndStatus(value: unknown): SessionEndStatus {
    if (isRecord(value) && value.kind === 'offline') return { kind: 'offline' };
    if (isRecord(value) && value.kind === 'named') {
        return { kind: 'named', name: id(value.name, 'settings.sessionEndStatus.name') };
    }
    return fail(
        'settings.sessionEndStatus must be {"kind":"offline"} or {"kind":"named","name":…}'
    );
}

function settings(value: unknown): PresenceSettings {
    if (!isRecord(value)) fail('settings must be an object');
    if (typeof value.profileMatched !== 'boolean')
        fail('settings.profileMatched must be a boolean');
    return {
        sessionEndStatus: sessionEndStatus(value.sessionEndStatus),
        ifCurrentAgentStates: ids(
            value.ifCurrentAgentStates,
            'settings.ifCurrentAgentStates',
            MAX_STATUS_NAMES
        ),
        profileMatched: value.profileMatched
    };
}

function envelope(body: string): Record<string, unknown> {
    let json: unknown;
    try {
        json = JSON.parse(body);
    } catch {
        fail('the body must be JSON');
    }
    if (!isRecord(json)) fail('the body must be a JSON object');
    if (json.v !== 1) fail('v must be 1');
    if (typeof json.token !== 'string' || json.token === '') fail('token must be a string');
    return json;
}

function parse<T>(build: () => T): Parsed<T> {
    try {
        return { ok: true, value: build() };
    } catch (error) {
        if (error instanceof BadRequest) return { ok: false, message: error.message };
        throw error;
    }
}

export function parseHeartbeat(body: string): Parsed<HeartbeatRequest> {
    return parse(() => {
        const json = envelope(body);
        return {
            token: json.token as string,
            browserId: id(json.browserId, 'browserId'),
            tabIds: ids(json.tabIds, 'tabIds', MAX_TABS),
            settings: settings(json.settings),
            ackActionId: json.ackActionId === undefined ? null : id(json.ackActionId, 'ackActionId')
        };
    });
}

export function parseLeave(body: string): Parsed<LeaveRequest> {
    return parse(() => {
        const json = envelope(body);
        return {
            token: json.token as string,
            browserId: id(json.browserId, 'browserId'),
            tabId: id(json.tabId, 'tabId'),
            remainingTabIds: ids(json.remainingTabIds, 'remainingTabIds', MAX_TABS),
            settings: settings(json.settings)
        };
    });
}
