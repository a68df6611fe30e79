import { afterEach, describe, expect, it, jest } from '@jest/globals';
import {
    TAB_EXPIRY_MS,
    newId,
    startTabCoordinator,
    type TabCoordinator,
    type TabMessage
} from 'c/tabCoordinator';
import { createChannelHub, createSharedStorage } from '../../../../../test/jest-mocks/browser/tabs';

function flushMessages(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

const started: TabCoordinator[] = [];

/** Tabs of one browser: one storage, channels that reach each other; opened oldest first. */
function openTabs(count: number): TabCoordinator[] {
    const storage = createSharedStorage();
    const hub = createChannelHub();
    const tabs = Array.from({ length: count }, (_, index) =>
        startTabCoordinator({
            storage,
            channel: hub.open(),
            now: () => Date.now() + index // a later tab gets a later id
        })
    );
    started.push(...tabs);
    expect(tabs.map((tab) => tab.tabId)).toEqual(
        [...tabs.map((tab) => tab.tabId)].sort() // ids sort by age
    );
    return tabs;
}

describe('c-tab-coordinator', () => {
    afterEach(() => {
        started.splice(0).forEach((tab) => tab.stop());
        jest.useRealTimers();
    });

    it('knows every open tab, and the oldest one leads', () => {
        const [first, second, third] = openTabs(3);
        expect(second.liveTabIds()).toEqual([first.tabId, second.tabId, third.tabId]);
        expect([first, second, third].map((tab) => tab.isLeader())).toEqual([true, false, false]);
    });

    it('a tab that leaves is no longer counted, and the next oldest leads', () => {
        const [first, second, third] = openTabs(3);
        first.leave();
        expect(third.liveTabIds()).toEqual([second.tabId, third.tabId]);
        expect(second.isLeader()).toBe(true);
        expect(first.isLeader()).toBe(false);
    });

    it('a tab that announced it is leaving is not counted even if its entry is still there', async () => {
        const [first, second] = openTabs(2);
        first.announce({
            type: 'leaving',
            sessionEndId: 'end-1',
            previousStatus: { name: 'Available', wasRoutable: true, hadLiveContact: false },
            setStatusName: 'Offline',
            reason: 'beforeunload'
        });
        await flushMessages();
        expect(second.liveTabIds()).toEqual([second.tabId]);
        expect(second.isLeader()).toBe(true);
    });

    it('a tab not heard of for TAB_EXPIRY_MS (crashed, frozen) is not counted', () => {
        const [crashed, survivor] = openTabs(2);
        // Its last heartbeat is older than the expiry; nothing removed its entry.
        window.localStorage.clear();
        const storage = createSharedStorage();
        const hub = createChannelHub();
        const lone = startTabCoordinator({ storage, channel: hub.open() });
        started.push(lone);
        storage.setItem(
            `connectSoftphone:tab:${crashed.tabId}`,
            String(Date.now() - TAB_EXPIRY_MS - 1)
        );
        expect(lone.liveTabIds()).toEqual([lone.tabId]);
        expect(lone.isLeader()).toBe(true);
        expect(survivor.liveTabIds()).toContain(crashed.tabId); // its own storage: still beating
    });

    it('a tab that comes back (stayed, back/forward cache) counts again', () => {
        const [first, second] = openTabs(2);
        first.leave();
        first.rejoin();
        expect(second.liveTabIds()).toEqual([first.tabId, second.tabId]);
    });

    it('regression (model, seed 9402): a tab that announced leaving and then stayed counts again', async () => {
        jest.useFakeTimers();
        const [first, second] = openTabs(2);
        first.announce({
            type: 'leaving',
            sessionEndId: 'end-1',
            previousStatus: { name: 'Lunch', wasRoutable: false, hadLiveContact: false },
            setStatusName: 'Offline',
            reason: 'beforeunload'
        });
        first.leave();
        jest.advanceTimersByTime(1);
        expect(second.liveTabIds()).toEqual([second.tabId]);
        jest.advanceTimersByTime(5000); // "Stay": the page is still there
        first.rejoin();
        expect(second.liveTabIds()).toEqual([first.tabId, second.tabId]);
    });

    it('delivers messages to the other tabs, never to the sender, with the sender id', async () => {
        const [first, second, third] = openTabs(3);
        const heard = [first, second, third].map((tab) => {
            const messages: TabMessage[] = [];
            tab.subscribe((message) => messages.push(message));
            return messages;
        });
        first.announce({ type: 'logout' });
        await flushMessages();
        expect(heard[0]).toEqual([]);
        expect(heard[1]).toEqual([{ type: 'logout', tabId: first.tabId }]);
        expect(heard[2]).toEqual([{ type: 'logout', tabId: first.tabId }]);
    });

    it('ignores messages that are not its own kind', async () => {
        const storage = createSharedStorage();
        const hub = createChannelHub();
        const tab = startTabCoordinator({ storage, channel: hub.open() });
        started.push(tab);
        const heard = jest.fn();
        tab.subscribe(heard);
        const stranger = hub.open();
        stranger.postMessage({ type: 'leaving', tabId: 'x' }); // no statuses
        stranger.postMessage('hello');
        await flushMessages();
        expect(heard).not.toHaveBeenCalled();
    });

    it('keeps the session end record for the page that comes back, and clears only its own', () => {
        const [first, second] = openTabs(2);
        first.writeSessionEnd({
            sessionEndId: 'end-1',
            endedAt: 1000,
            previousStatusName: 'Lunch',
            previousWasRoutable: false,
            setStatusName: 'Offline'
        });
        expect(second.readSessionEnd()).toEqual({
            sessionEndId: 'end-1',
            endedAt: 1000,
            previousStatusName: 'Lunch',
            previousWasRoutable: false,
            setStatusName: 'Offline',
            byTabId: first.tabId
        });
        second.clearSessionEnd('end-0');
        expect(second.readSessionEnd()).not.toBeNull();
        second.clearSessionEnd('end-1');
        expect(first.readSessionEnd()).toBeNull();
    });

    it('works as a lone tab without storage or channel', () => {
        const tab = startTabCoordinator({ storage: null, channel: null });
        started.push(tab);
        expect(tab.liveTabIds()).toEqual([tab.tabId]);
        expect(tab.isLeader()).toBe(true);
        expect(() => tab.announce({ type: 'signOut' })).not.toThrow();
        expect(tab.readSessionEnd()).toBeNull();
    });

    it('reads keys a sandbox shows with its own prefix (LWS: LSKey[c])', () => {
        const inner = createSharedStorage();
        // What LWS does: the component writes `k`, storage holds `LSKey[c]k`, key(i) shows that.
        const sandboxed: Storage = {
            get length() {
                return inner.length;
            },
            key: (index) => inner.key(index),
            getItem: (key) => inner.getItem(`LSKey[c]${key}`),
            setItem: (key, value) => inner.setItem(`LSKey[c]${key}`, value),
            removeItem: (key) => inner.removeItem(`LSKey[c]${key}`),
            clear: () => inner.clear()
        };
        const hub = createChannelHub();
        const first = startTabCoordinator({ storage: sandboxed, channel: hub.open() });
        const second = startTabCoordinator({
            storage: sandboxed,
            channel: hub.open(),
            now: () => Date.now() + 1
        });
        started.push(first, second);
        expect(second.liveTabIds()).toEqual([first.tabId, second.tabId]);
    });

    it('ids sort by creation time', () => {
        expect(newId(1000) < newId(2000)).toBe(true);
        expect(newId(36 ** 8) > newId(36 ** 8 - 1)).toBe(true);
    });
});
