import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { startPresenceClient } from 'c/presenceClient';
import type { PresenceClientOptions } from 'c/presenceClient';
import { HEARTBEAT_INTERVAL_MS } from 'c/presenceDecisions';
import type { PresenceLink, PresenceSettings } from 'c/presenceDecisions';
import type { TabCoordinator, TabMessage } from 'c/tabCoordinator';
import { createSharedStorage } from '../../../../../test/jest-mocks/browser/tabs';

const SERVICE_URL = 'https://presence.example.com/prod/';
const SETTINGS: PresenceSettings = {
    sessionEndStatus: { kind: 'offline' },
    ifCurrentAgentStates: [],
    profileMatched: true
};
const START = 1764580000000;

interface Sent {
    url: string;
    body: Record<string, unknown>;
}

function okAnswer(action: unknown = null): Response {
    const text = JSON.stringify({ v: 1, thresholdSeconds: 90, serverTime: 0, action });
    return { status: 200, text: async () => text } as Response;
}

const tabListeners = new Set<(message: TabMessage) => void>();

function fakeTabs(options: { leader: boolean; live: string[] }): TabCoordinator {
    return {
        tabId: 'tab-self',
        announce: jest.fn(),
        subscribe: jest.fn((listener: (message: TabMessage) => void) => {
            tabListeners.add(listener);
            return () => tabListeners.delete(listener);
        }),
        liveTabIds: () => options.live,
        isLeader: () => options.leader,
        leave: jest.fn(),
        rejoin: jest.fn(),
        writeSessionEnd: jest.fn(),
        readSessionEnd: () => null,
        clearSessionEnd: jest.fn(),
        stop: jest.fn()
    };
}

// Lets the client's awaits (token, fetch, response.text) run under fake timers.
function settle(): Promise<void> {
    return jest.advanceTimersByTimeAsync(1);
}

describe('presence client', () => {
    let now: number;
    let sent: Sent[];
    let beacons: Sent[];
    let links: PresenceLink[];
    let answer: () => Promise<Response>;
    let fetchToken: jest.Mock<PresenceClientOptions['fetchToken']>;

    function start(changes: Partial<PresenceClientOptions> = {}) {
        return startPresenceClient({
            serviceUrl: SERVICE_URL,
            token: { token: 'jws-1', expiresAt: START + 600000 },
            fetchToken,
            tabs: null,
            readSettings: () => SETTINGS,
            onLink: (link) => links.push(link),
            onAction: jest.fn(),
            target: window,
            storage: createSharedStorage(),
            now: () => now,
            fetch: (async (url: string, init: RequestInit) => {
                sent.push({ url, body: JSON.parse(String(init.body)) });
                return answer();
            }) as unknown as typeof fetch,
            sendBeacon: (url, blob) => {
                // jsdom's Blob cannot be read synchronously: the spy below keeps the parsed body.
                beacons.push({
                    url,
                    body: (blob as unknown as { __text: string }).__text as never
                });
                return true;
            },
            ...changes
        });
    }

    beforeEach(() => {
        jest.useFakeTimers();
        now = START;
        sent = [];
        beacons = [];
        links = [];
        answer = async () => okAnswer();
        fetchToken = jest.fn(async () => ({ token: 'jws-2', expiresAt: now + 600000 }));
        const RealBlob = Blob;
        jest.spyOn(globalThis, 'Blob').mockImplementation(((
            parts: BlobPart[],
            options?: BlobPropertyBag
        ) => {
            const blob = new RealBlob(parts, options) as Blob & { __text?: unknown };
            blob.__text = JSON.parse(String(parts[0]));
            return blob;
        }) as unknown as () => Blob);
    });

    afterEach(() => {
        jest.useRealTimers();
        jest.restoreAllMocks();
    });

    it('sends a heartbeat every interval from the tab leader, with the live tabs and settings', async () => {
        const client = start({ tabs: fakeTabs({ leader: true, live: ['tab-old', 'tab-self'] }) });
        client.beatNow();
        await settle();
        expect(sent).toHaveLength(1);
        expect(sent[0].url).toBe('https://presence.example.com/prod/heartbeat');
        expect(sent[0].body).toMatchObject({
            v: 1,
            token: 'jws-1',
            tabIds: ['tab-self', 'tab-old'],
            settings: SETTINGS
        });

        await jest.advanceTimersByTimeAsync(HEARTBEAT_INTERVAL_MS);
        await jest.advanceTimersByTimeAsync(HEARTBEAT_INTERVAL_MS);
        expect(sent).toHaveLength(3);
        expect(links.at(-1)).toEqual({ kind: 'answered', at: START, thresholdSeconds: 90 });
        client.stop();
    });

    it('sends a heartbeat at once when another tab leaves, without waiting for its timer', async () => {
        const tabs = { leader: false, live: ['tab-old', 'tab-self'] };
        const client = start({ tabs: fakeTabs(tabs) });
        await settle();
        expect(sent).toHaveLength(0);

        tabs.leader = true; // the leaving tab led; this one leads now
        tabs.live = ['tab-self'];
        tabListeners.forEach((listener) =>
            listener({
                type: 'leaving',
                tabId: 'tab-old',
                sessionEndId: 's1',
                previousStatus: { name: 'Available', wasRoutable: true, hadLiveContact: false },
                setStatusName: 'Offline',
                reason: 'beforeunload'
            })
        );
        await settle();
        expect(sent).toHaveLength(1);
        expect(sent[0].body.tabIds).toEqual(['tab-self']);
        client.stop();
        expect(tabListeners.size).toBe(0);
    });

    it('sends nothing from a tab that does not lead', async () => {
        const client = start({ tabs: fakeTabs({ leader: false, live: ['tab-old', 'tab-self'] }) });
        client.beatNow();
        await jest.advanceTimersByTimeAsync(HEARTBEAT_INTERVAL_MS * 3);
        expect(sent).toHaveLength(0);
        client.stop();
    });

    it('sends nothing while there is no agent to speak for', async () => {
        const client = start({ readSettings: () => null });
        client.beatNow();
        await jest.advanceTimersByTimeAsync(HEARTBEAT_INTERVAL_MS * 2);
        expect(sent).toHaveLength(0);
        client.stop();
    });

    it('tries once more at once when a heartbeat fails, without waiting for a timer', async () => {
        let calls = 0;
        answer = async () => {
            calls++;
            if (calls === 1) {
                throw new TypeError('Failed to fetch');
            }
            return okAnswer();
        };
        const client = start();
        client.beatNow();
        await settle();
        expect(sent).toHaveLength(2);
        expect(links.at(-1)).toMatchObject({ kind: 'answered' });
        client.stop();
    });

    it('says the service is unreachable when the request fails, and keeps trying', async () => {
        answer = async () => {
            throw new TypeError('Failed to fetch');
        };
        const client = start();
        client.beatNow();
        await settle();
        expect(links.at(-1)).toEqual({ kind: 'unreachable', at: START, detail: 'Failed to fetch' });

        answer = async () => okAnswer();
        await jest.advanceTimersByTimeAsync(HEARTBEAT_INTERVAL_MS);
        expect(links.at(-1)).toMatchObject({ kind: 'answered' });
        client.stop();
    });

    it('hands over the action and acknowledges it in the next heartbeat only', async () => {
        const action = {
            actionId: 'act-1',
            at: START - 5000,
            path: 'noSignOfLife',
            statusName: 'Offline',
            previousStatusName: 'Available',
            queued: false
        };
        answer = async () => okAnswer(action);
        const onAction = jest.fn();
        const client = start({ onAction });
        client.beatNow();
        await settle();
        expect(onAction).toHaveBeenCalledWith(action);

        client.acknowledge('act-1');
        answer = async () => okAnswer();
        await jest.advanceTimersByTimeAsync(HEARTBEAT_INTERVAL_MS);
        expect(sent.at(-1)!.body.ackActionId).toBe('act-1');
        await jest.advanceTimersByTimeAsync(HEARTBEAT_INTERVAL_MS);
        expect(sent.at(-1)!.body.ackActionId).toBeUndefined();
        client.stop();
    });

    it('refreshes the token before it runs out, in every tab (a leave needs one too)', async () => {
        const client = start({
            token: { token: 'jws-1', expiresAt: START + 200000 },
            tabs: fakeTabs({ leader: false, live: ['tab-old', 'tab-self'] })
        });
        await settle();
        expect(fetchToken).toHaveBeenCalledTimes(1);
        client.stop();
    });

    it('reports a token Apex could not mint, in its own words', async () => {
        fetchToken.mockRejectedValue({ body: { message: 'No certificate named X' } });
        const client = start({ token: null });
        await settle();
        expect(links.at(-1)).toEqual({
            kind: 'tokenFailed',
            at: START,
            message: 'No certificate named X'
        });
        client.stop();
    });

    it('sends one leave beacon when the page goes, naming the tabs that remain', async () => {
        const client = start({ tabs: fakeTabs({ leader: true, live: ['tab-old', 'tab-self'] }) });
        window.dispatchEvent(new Event('pagehide'));
        window.dispatchEvent(new Event('pagehide'));
        expect(beacons).toHaveLength(1);
        expect(beacons[0].url).toBe('https://presence.example.com/prod/leave');
        expect(beacons[0].body).toMatchObject({
            v: 1,
            token: 'jws-1',
            tabId: 'tab-self',
            remainingTabIds: ['tab-old']
        });
        await jest.advanceTimersByTimeAsync(HEARTBEAT_INTERVAL_MS * 2);
        expect(sent).toHaveLength(0);
        client.stop();
    });

    it("sends a leave on the softphone's Sign Out and says so", () => {
        const client = start();
        client.leave();
        expect(beacons).toHaveLength(1);
        expect(links.at(-1)).toEqual({ kind: 'left', at: START });
        client.stop();
    });

    it('sends no leave with an expired token (the service would refuse it)', () => {
        now = START + 700000;
        const client = start();
        window.dispatchEvent(new Event('pagehide'));
        expect(beacons).toHaveLength(0);
        client.stop();
    });

    it('stops listening once stopped', async () => {
        const client = start();
        client.stop();
        window.dispatchEvent(new Event('pagehide'));
        await jest.advanceTimersByTimeAsync(HEARTBEAT_INTERVAL_MS * 2);
        expect(beacons).toHaveLength(0);
        expect(sent).toHaveLength(0);
    });

    it('keeps one browser id across the tabs of a browser', async () => {
        const storage = createSharedStorage();
        const first = start({ storage });
        const second = start({ storage, tabId: 'tab-2' });
        first.beatNow();
        second.beatNow();
        await settle();
        expect(sent).toHaveLength(2);
        expect(sent[0].body.browserId).toBe(sent[1].body.browserId);
        first.stop();
        second.stop();
    });
});
