/**
 * The softphone's side of the presence backstop (docs/presence-protocol.md), as pure decisions:
 * which URL may be called, what a heartbeat and a leave say, what the service's answer means, and
 * which status the agent's one click gives back. `c/presenceClient` does the effects.
 */
import { checkPresenceServiceUrl, describeRefusal } from 'c/ccpUrlPolicy';
import type { SessionEndSettings } from 'c/featureValueParser';
import type { AgentStateOption, AgentView } from 'c/streamsClient';

export const PROTOCOL_VERSION = 1;

/**
 * The tab leader's heartbeat interval. A hidden tab under Chromium's intensive wake-up throttling
 * runs a timer about once a minute, whatever the interval asks, so 20 s keeps a visible tab well
 * inside the threshold and a hidden one at the throttled minute (experiments/hidden-tab/RESULTS.md).
 */
export const HEARTBEAT_INTERVAL_MS = 20000;
/** The shortest interval, whatever threshold a service announces. */
export const MIN_HEARTBEAT_INTERVAL_MS = 1000;
/** Heartbeats that fit in the service's threshold: a lost one or two never look like a departure. */
export const HEARTBEATS_PER_THRESHOLD = 4;
/** A heartbeat that has no answer by then counts as unreachable; the next one tries again. */
export const HEARTBEAT_TIMEOUT_MS = 10000;
/**
 * A token is refreshed when less than this is left of its life (10 minutes): a throttled hidden
 * tab may wake a minute late, and the `leave` sent from pagehide must still carry a valid token.
 */
export const TOKEN_REFRESH_MARGIN_MS = 4 * 60 * 1000;
/** The service refuses larger bodies (413). */
export const MAX_BODY_BYTES = 4096;

export type PresenceStatusRef = { kind: 'offline' } | { kind: 'named'; name: string };

/** The effective settings the service needs (heartbeat and leave `settings`). */
export interface PresenceSettings {
    sessionEndStatus: PresenceStatusRef;
    ifCurrentAgentStates: string[]; // [] = any status
    profileMatched: boolean;
}

export interface PresenceToken {
    token: string;
    expiresAt: number; // ms since the epoch
}

/** The service's last change to this agent that this browser has not acknowledged. */
export interface PresenceAction {
    actionId: string;
    at: number;
    path: 'noSignOfLife' | 'leaveRepair';
    statusName: string;
    previousStatusName: string;
    queued: boolean; // behind a contact: Connect took the status as the next one
}

/** What the service last answered, for the Details view. */
export type PresenceLink =
    | { kind: 'off' } // the adapter names no Presence Service URL
    | { kind: 'refusedUrl'; message: string } // the URL breaks the URL policy: backstop off
    | { kind: 'waiting' } // on, nothing sent or answered yet
    | { kind: 'tokenFailed'; at: number; message: string } // Apex could not mint a token
    | { kind: 'answered'; at: number; thresholdSeconds: number }
    | { kind: 'refused'; at: number; httpStatus: number; error: string } // 4xx: what to fix
    | { kind: 'unreachable'; at: number; detail: string } // network, timeout or 5xx: as without it
    | { kind: 'left'; at: number }; // Sign Out sent a leave; no more heartbeats from this tab

export type ServiceUrlCheck =
    | { verdict: 'allowed'; url: string }
    | { verdict: 'blank' }
    | { verdict: 'refused'; message: string };

const LOOPBACK_HOST = /^(127(?:\.\d{1,3}){3}|localhost|\[::1\])$/i;

/**
 * The shared URL policy (https, no credentials), with one exception for a local run: plain http
 * to a loopback address, which browsers treat as a secure context and which never leaves the
 * machine (the preview and the end-to-end tests run the service on 127.0.0.x).
 */
export function checkServiceUrl(raw: string | null | undefined): ServiceUrlCheck {
    const check = checkPresenceServiceUrl(raw);
    if (check.verdict === 'allowed') {
        return { verdict: 'allowed', url: check.url };
    }
    if (check.verdict === 'blank') {
        return { verdict: 'blank' };
    }
    if (check.rule === 'notHttps') {
        try {
            const url = new URL(check.text);
            if (url.protocol === 'http:' && LOOPBACK_HOST.test(url.hostname) && !url.username) {
                return { verdict: 'allowed', url: url.href };
            }
        } catch {
            // not a URL at all: the refusal below says so
        }
    }
    return { verdict: 'refused', message: describeRefusal(check) };
}

/** `https://host/stage/` + `heartbeat` → `https://host/stage/heartbeat`. */
export function endpointUrl(serviceUrl: string, path: 'heartbeat' | 'leave'): string {
    return `${serviceUrl.replace(/\/+$/, '')}/${path}`;
}

/**
 * The settings as the service needs them. `Status:Logout` is sent as Offline (the service cannot log
 * a browser out); the built-in Offline goes by type, since admins may rename it.
 */
export function presenceSettings(
    settings: SessionEndSettings,
    agent: Pick<AgentView, 'routingProfileName'>
): PresenceSettings {
    const status = settings.sessionEndStatus;
    const sessionEndStatus: PresenceStatusRef =
        status.kind === 'logout' || (status.kind === 'builtin' && status.type === 'offline')
            ? { kind: 'offline' }
            : { kind: 'named', name: status.name };
    const profile = agent.routingProfileName.toLowerCase();
    const includes = settings.profileNameIncludes;
    return {
        sessionEndStatus,
        ifCurrentAgentStates: [...settings.currentAgentStates],
        profileMatched:
            includes.length === 0 || includes.some((text) => profile.includes(text.toLowerCase()))
    };
}

/**
 * The interval to use once the service has said its threshold: HEARTBEAT_INTERVAL_MS, or shorter
 * for a service configured with a short threshold (the end-to-end tests use a few seconds).
 */
export function heartbeatIntervalFor(thresholdSeconds: number | null): number {
    if (thresholdSeconds === null || !(thresholdSeconds > 0)) {
        return HEARTBEAT_INTERVAL_MS;
    }
    const fitting = Math.floor((thresholdSeconds * 1000) / HEARTBEATS_PER_THRESHOLD);
    return Math.max(MIN_HEARTBEAT_INTERVAL_MS, Math.min(HEARTBEAT_INTERVAL_MS, fitting));
}

export function tokenNeedsRefresh(token: PresenceToken | null, now: number): boolean {
    return token === null || token.expiresAt - now < TOKEN_REFRESH_MARGIN_MS;
}

export function tokenIsValid(token: PresenceToken | null, now: number): token is PresenceToken {
    return token !== null && token.expiresAt > now;
}

interface HeartbeatInput {
    token: string;
    browserId: string;
    tabIds: string[]; // this tab first
    settings: PresenceSettings;
    ackActionId?: string | null;
}

/**
 * The heartbeat body, at most MAX_BODY_BYTES: with very many tabs the oldest ids beyond the limit
 * are left out (a tab that is left out leads itself and reports itself; see the leader rule).
 */
export function heartbeatBody(input: HeartbeatInput): string {
    const tabIds = [...input.tabIds];
    for (;;) {
        const body = JSON.stringify({
            v: PROTOCOL_VERSION,
            token: input.token,
            browserId: input.browserId,
            tabIds,
            settings: input.settings,
            ...(input.ackActionId ? { ackActionId: input.ackActionId } : {})
        });
        if (byteLength(body) <= MAX_BODY_BYTES || tabIds.length <= 1) {
            return body;
        }
        tabIds.pop();
    }
}

interface LeaveInput {
    token: string;
    browserId: string;
    tabId: string;
    remainingTabIds: string[];
    settings: PresenceSettings;
}

export function leaveBody(input: LeaveInput): string {
    const remainingTabIds = input.remainingTabIds.filter((id) => id !== input.tabId);
    for (;;) {
        const body = JSON.stringify({
            v: PROTOCOL_VERSION,
            token: input.token,
            browserId: input.browserId,
            tabId: input.tabId,
            remainingTabIds,
            settings: input.settings
        });
        // Dropping ids errs towards "other tabs remain", which only delays the repair to the
        // no-sign-of-life path; it never sets a status the settings did not ask for.
        if (byteLength(body) <= MAX_BODY_BYTES || remainingTabIds.length <= 1) {
            return body;
        }
        remainingTabIds.pop();
    }
}

export interface HeartbeatOutcome {
    link: PresenceLink;
    action: PresenceAction | null;
}

/** What a heartbeat's HTTP answer means. A 200 with a body of the wrong shape is a refusal too. */
export function interpretAnswer(
    httpStatus: number,
    bodyText: string,
    at: number
): HeartbeatOutcome {
    if (httpStatus >= 500) {
        return { link: { kind: 'unreachable', at, detail: `HTTP ${httpStatus}` }, action: null };
    }
    const body = parseJson(bodyText);
    if (httpStatus !== 200) {
        const error = typeof body?.error === 'string' ? body.error : `HTTP ${httpStatus}`;
        return { link: { kind: 'refused', at, httpStatus, error }, action: null };
    }
    const threshold = body?.thresholdSeconds;
    if (body?.v !== PROTOCOL_VERSION || typeof threshold !== 'number' || !(threshold > 0)) {
        return { link: { kind: 'refused', at, httpStatus, error: 'badAnswer' }, action: null };
    }
    return {
        link: { kind: 'answered', at, thresholdSeconds: threshold },
        action: asAction(body.action)
    };
}

function asAction(value: unknown): PresenceAction | null {
    if (!value || typeof value !== 'object') {
        return null;
    }
    const action = value as Partial<PresenceAction>;
    const textOk = (text: unknown): text is string => typeof text === 'string' && text !== '';
    if (
        !textOk(action.actionId) ||
        typeof action.at !== 'number' ||
        (action.path !== 'noSignOfLife' && action.path !== 'leaveRepair') ||
        !textOk(action.statusName) ||
        !textOk(action.previousStatusName)
    ) {
        return null;
    }
    return {
        actionId: action.actionId,
        at: action.at,
        path: action.path,
        statusName: action.statusName,
        previousStatusName: action.previousStatusName,
        queued: action.queued === true
    };
}

/** The agent's notice about the service's change: one at a time, the newest wins. */
export type BackstopNotice =
    | { kind: 'none' }
    | { kind: 'shown'; action: PresenceAction }
    | { kind: 'restoring'; action: PresenceAction }
    | { kind: 'restoreFailed'; action: PresenceAction; reason: 'unknownStatus' | 'refused' };

/**
 * A new action replaces whatever notice is up; one the agent already handled (restored or
 * dismissed), or the one already shown, changes nothing.
 */
export function noticeForAction(
    notice: BackstopNotice,
    action: PresenceAction,
    handledActionIds: ReadonlySet<string>
): BackstopNotice {
    if (handledActionIds.has(action.actionId)) {
        return notice;
    }
    if (notice.kind !== 'none' && notice.action.actionId === action.actionId) {
        return notice;
    }
    return { kind: 'shown', action };
}

/** The status the agent had, among the statuses Connect offers them now (names without case). */
export function findRestoreState(
    agent: Pick<AgentView, 'states'> | null,
    previousStatusName: string
): AgentStateOption | null {
    const wanted = previousStatusName.trim().toLowerCase();
    return agent?.states.find((state) => state.name.trim().toLowerCase() === wanted) ?? null;
}

/** UTF-8 length, counted by code point (no TextEncoder needed). */
function byteLength(text: string): number {
    let length = 0;
    for (const char of text) {
        const code = char.codePointAt(0) ?? 0;
        length += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    }
    return length;
}

function parseJson(text: string): Record<string, unknown> | null {
    try {
        const value: unknown = JSON.parse(text);
        return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
    } catch {
        return null;
    }
}
