import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { defaultSessionEndSettings, parseSessionEndValue } from 'c/featureValueParser';
import {
    HEARTBEAT_INTERVAL_MS,
    MAX_BODY_BYTES,
    TOKEN_REFRESH_MARGIN_MS,
    checkServiceUrl,
    endpointUrl,
    findRestoreState,
    heartbeatBody,
    heartbeatIntervalFor,
    interpretAnswer,
    leaveBody,
    noticeForAction,
    presenceSettings,
    tokenIsValid,
    tokenNeedsRefresh
} from 'c/presenceDecisions';
import type { BackstopNotice, PresenceAction, PresenceSettings } from 'c/presenceDecisions';

const SETTINGS: PresenceSettings = {
    sessionEndStatus: { kind: 'offline' },
    ifCurrentAgentStates: [],
    profileMatched: true
};

function action(id: string, changes: Partial<PresenceAction> = {}): PresenceAction {
    return {
        actionId: id,
        at: 1764580000000,
        path: 'noSignOfLife',
        statusName: 'Offline',
        previousStatusName: 'Available',
        queued: false,
        ...changes
    };
}

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

describe('the Presence Service URL', () => {
    it('is used when it is https', () => {
        expect(checkServiceUrl(' https://abc.execute-api.ap-northeast-1.amazonaws.com/ ')).toEqual({
            verdict: 'allowed',
            url: 'https://abc.execute-api.ap-northeast-1.amazonaws.com/'
        });
    });

    it('turns the backstop off when blank', () => {
        expect(checkServiceUrl('  ')).toEqual({ verdict: 'blank' });
        expect(checkServiceUrl(null)).toEqual({ verdict: 'blank' });
    });

    it('is refused over plain http to another machine, with a sentence that says what to fix', () => {
        const check = checkServiceUrl('http://presence.example.com/');
        expect(check.verdict).toBe('refused');
        expect(check.verdict === 'refused' && check.message).toContain('must start with https://');
    });

    it('is refused with credentials in it', () => {
        expect(checkServiceUrl('https://user:secret@presence.example.com/').verdict).toBe(
            'refused'
        );
    });

    it('may be plain http on a loopback address, for a local run', () => {
        expect(checkServiceUrl('http://127.0.0.3:4567')).toEqual({
            verdict: 'allowed',
            url: 'http://127.0.0.3:4567/'
        });
        expect(checkServiceUrl('http://localhost:8080/stage').verdict).toBe('allowed');
        expect(checkServiceUrl('http://127.0.0.1.example.com/').verdict).toBe('refused');
    });

    it('gives each endpoint under the URL, with or without a trailing slash', () => {
        expect(endpointUrl('https://x.example.com/prod/', 'heartbeat')).toBe(
            'https://x.example.com/prod/heartbeat'
        );
        expect(endpointUrl('https://x.example.com', 'leave')).toBe('https://x.example.com/leave');
    });
});

describe('the settings the service applies', () => {
    const agent = { routingProfileName: 'Tokyo Sales Profile' };

    it('sends the built-in Offline by type, since admins may rename it', () => {
        expect(presenceSettings(defaultSessionEndSettings(), agent)).toEqual(SETTINGS);
    });

    it('sends Status:Logout as Offline: the service cannot sign a browser out', () => {
        const { settings } = parseSessionEndValue('Status:Logout');
        expect(presenceSettings(settings, agent).sessionEndStatus).toEqual({ kind: 'offline' });
    });

    it('sends a named status and the IfCurrentAgentState list as written', () => {
        const { settings } = parseSessionEndValue(
            'Status:退席中\nIfCurrentAgentState: Available, At Lunch'
        );
        expect(presenceSettings(settings, agent)).toEqual({
            sessionEndStatus: { kind: 'named', name: '退席中' },
            ifCurrentAgentStates: ['Available', 'At Lunch'],
            profileMatched: true
        });
    });

    it('says whether IfProfileNameIncludes matched the routing profile, ignoring case', () => {
        const matched = parseSessionEndValue('IfProfileNameIncludes: sales, Support').settings;
        const unmatched = parseSessionEndValue('IfProfileNameIncludes: Osaka').settings;
        expect(presenceSettings(matched, agent).profileMatched).toBe(true);
        expect(presenceSettings(unmatched, agent).profileMatched).toBe(false);
    });
});

describe('the heartbeat interval', () => {
    it('is the measured default until the service says its threshold, and for 90 s', () => {
        expect(heartbeatIntervalFor(null)).toBe(HEARTBEAT_INTERVAL_MS);
        expect(heartbeatIntervalFor(90)).toBe(HEARTBEAT_INTERVAL_MS);
    });

    it('fits four heartbeats in a short threshold, never under a second', () => {
        fc.assert(
            fc.property(fc.integer({ min: 1, max: 3600 }), (threshold) => {
                const interval = heartbeatIntervalFor(threshold);
                expect(interval).toBeLessThanOrEqual(HEARTBEAT_INTERVAL_MS);
                expect(interval).toBeGreaterThanOrEqual(1000);
                expect(interval * 4 <= threshold * 1000 || interval === 1000).toBe(true);
            })
        );
    });
});

describe('the token', () => {
    const now = 1764580000000;

    it('is refreshed when missing or close to its expiry, and kept otherwise', () => {
        expect(tokenNeedsRefresh(null, now)).toBe(true);
        expect(tokenNeedsRefresh({ token: 't', expiresAt: now + 600000 }, now)).toBe(false);
        expect(
            tokenNeedsRefresh({ token: 't', expiresAt: now + TOKEN_REFRESH_MARGIN_MS - 1 }, now)
        ).toBe(true);
    });

    it('is not sent once expired', () => {
        expect(tokenIsValid({ token: 't', expiresAt: now }, now)).toBe(false);
        expect(tokenIsValid({ token: 't', expiresAt: now + 1 }, now)).toBe(true);
    });
});

describe('the heartbeat and leave bodies', () => {
    it('carry the protocol fields, and ackActionId only when there is one', () => {
        const body = JSON.parse(
            heartbeatBody({
                token: 'jws',
                browserId: 'b1',
                tabIds: ['t1', 't2'],
                settings: SETTINGS
            })
        );
        expect(body).toEqual({
            v: 1,
            token: 'jws',
            browserId: 'b1',
            tabIds: ['t1', 't2'],
            settings: SETTINGS
        });
        const acked = JSON.parse(
            heartbeatBody({
                token: 'jws',
                browserId: 'b1',
                tabIds: ['t1'],
                settings: SETTINGS,
                ackActionId: 'a9'
            })
        );
        expect(acked.ackActionId).toBe('a9');
    });

    it('never exceed the service limit, and always keep the sending tab', () => {
        fc.assert(
            fc.property(
                fc.array(fc.string({ minLength: 1, maxLength: 40 }), { maxLength: 400 }),
                fc.array(fc.string({ unit: 'binary', maxLength: 30 }), { maxLength: 20 }),
                (otherTabs, states) => {
                    const settings = { ...SETTINGS, ifCurrentAgentStates: states };
                    const heartbeat = heartbeatBody({
                        token: 'x'.repeat(900),
                        browserId: 'browser',
                        tabIds: ['self', ...otherTabs],
                        settings
                    });
                    const leave = leaveBody({
                        token: 'x'.repeat(900),
                        browserId: 'browser',
                        tabId: 'self',
                        remainingTabIds: otherTabs,
                        settings
                    });
                    expect(bytes(heartbeat)).toBeLessThanOrEqual(MAX_BODY_BYTES);
                    expect(JSON.parse(heartbeat).tabIds[0]).toBe('self');
                    expect(bytes(leave)).toBeLessThanOrEqual(MAX_BODY_BYTES);
                    expect(JSON.parse(leave).remainingTabIds).not.toContain('self');
                }
            )
        );
    });

    it('leave names the tab that goes and the ones that remain', () => {
        expect(
            JSON.parse(
                leaveBody({
                    token: 'jws',
                    browserId: 'b1',
                    tabId: 't1',
                    remainingTabIds: ['t1', 't2'],
                    settings: SETTINGS
                })
            )
        ).toEqual({
            v: 1,
            token: 'jws',
            browserId: 'b1',
            tabId: 't1',
            remainingTabIds: ['t2'],
            settings: SETTINGS
        });
    });
});

describe("the service's answer", () => {
    const at = 1764580000000;

    it('is on, with the threshold, when the service answers 200', () => {
        const outcome = interpretAnswer(
            200,
            JSON.stringify({ v: 1, thresholdSeconds: 90, serverTime: at, action: null }),
            at
        );
        expect(outcome).toEqual({
            link: { kind: 'answered', at, thresholdSeconds: 90 },
            action: null
        });
    });

    it('brings the action the service took, for the notice', () => {
        const taken = action('a1', { queued: true, path: 'leaveRepair' });
        const outcome = interpretAnswer(
            200,
            JSON.stringify({ v: 1, thresholdSeconds: 90, serverTime: at, action: taken }),
            at
        );
        expect(outcome.action).toEqual(taken);
    });

    it('ignores an action without the fields the notice needs', () => {
        const outcome = interpretAnswer(
            200,
            JSON.stringify({ v: 1, thresholdSeconds: 90, action: { actionId: 'a1' } }),
            at
        );
        expect(outcome.action).toBeNull();
        expect(outcome.link.kind).toBe('answered');
    });

    it('is a refusal with its code for 4xx, and for a 200 that is not the protocol', () => {
        expect(interpretAnswer(401, '{"error":"badToken"}', at).link).toEqual({
            kind: 'refused',
            at,
            httpStatus: 401,
            error: 'badToken'
        });
        expect(interpretAnswer(429, '', at).link).toEqual({
            kind: 'refused',
            at,
            httpStatus: 429,
            error: 'HTTP 429'
        });
        expect(interpretAnswer(200, '<html>', at).link).toMatchObject({ error: 'badAnswer' });
    });

    it('is unreachable for 5xx: the softphone behaves as without the service', () => {
        expect(interpretAnswer(503, '', at).link).toEqual({
            kind: 'unreachable',
            at,
            detail: 'HTTP 503'
        });
    });
});

describe('the notice after the service acted', () => {
    const none: BackstopNotice = { kind: 'none' };

    it('shows a new action', () => {
        expect(noticeForAction(none, action('a1'), new Set())).toEqual({
            kind: 'shown',
            action: action('a1')
        });
    });

    it('does not come back once the agent restored or dismissed it', () => {
        expect(noticeForAction(none, action('a1'), new Set(['a1']))).toBe(none);
    });

    it('keeps a restore under way when the same action is repeated', () => {
        const restoring: BackstopNotice = { kind: 'restoring', action: action('a1') };
        expect(noticeForAction(restoring, action('a1'), new Set())).toBe(restoring);
    });

    it('is replaced by a newer action', () => {
        const shown: BackstopNotice = { kind: 'shown', action: action('a1') };
        expect(noticeForAction(shown, action('a2'), new Set())).toEqual({
            kind: 'shown',
            action: action('a2')
        });
    });

    it('never shows an action that was handled, whatever the order of answers', () => {
        fc.assert(
            fc.property(
                fc.array(fc.constantFrom('a1', 'a2', 'a3'), { maxLength: 20 }),
                fc.subarray(['a1', 'a2', 'a3']),
                (ids, handled) => {
                    const handledSet = new Set(handled);
                    let notice: BackstopNotice = none;
                    const shown: string[] = [];
                    for (const id of ids) {
                        notice = noticeForAction(notice, action(id), handledSet);
                        shown.push(notice.kind === 'none' ? '' : notice.action.actionId);
                    }
                    expect(shown.filter((id) => handledSet.has(id))).toEqual([]);
                }
            )
        );
    });

    it("finds the agent's previous status among Connect's statuses, ignoring case", () => {
        const agent = {
            states: [
                { name: 'Available', type: 'routable', arn: 'arn:available' },
                { name: 'At Lunch', type: 'not_routable', arn: 'arn:lunch' }
            ]
        };
        expect(findRestoreState(agent, 'at lunch')).toEqual(agent.states[1]);
        expect(findRestoreState(agent, 'Training')).toBeNull();
        expect(findRestoreState(null, 'Available')).toBeNull();
    });
});
