/**
 * What the softphones in this browser's tabs know of each other: a tab id per page, a registry of
 * live tabs in `localStorage` (one key per tab, refreshed every HEARTBEAT_MS), messages on a
 * `BroadcastChannel`, and the session end record a page reads when it loads again.
 * Under Lightning Web Security `storage` events on window are blocked (lws.md), so messages go
 * through the channel and the registry and the record are read directly when needed.
 * It decides nothing about statuses: `c/sessionGuard` does.
 */
export const CHANNEL_NAME = 'connectSoftphone';
export const STORAGE_PREFIX = 'connectSoftphone:';
const TAB_KEY_PREFIX = `${STORAGE_PREFIX}tab:`;
const SESSION_END_KEY = `${STORAGE_PREFIX}sessionEnd`;
/** How often a tab says it is alive. */
export const HEARTBEAT_MS = 1000;
/**
 * A tab not heard of for this long is gone (crashed, or frozen in the background). Chromium may
 * slow a hidden tab's heartbeat to once a second or less, hence several beats of margin.
 */
export const TAB_EXPIRY_MS = 5000;
export function startTabCoordinator(options) {
    const { storage, channel } = options;
    const now = options.now ?? Date.now;
    const tabId = newId(now());
    const listeners = new Set();
    // Tabs that announced they are leaving, and when: their registry entry may outlive them for a
    // moment. A heartbeat written after that is a tab that stayed ("Stay", back from the cache).
    const departed = new Map();
    let heartbeat;
    let present = false;
    const beat = () => {
        write(storage, TAB_KEY_PREFIX + tabId, String(now()));
    };
    const join = () => {
        if (present) {
            return;
        }
        present = true;
        beat();
        // eslint-disable-next-line @lwc/lwc/no-async-operation -- the registry's heartbeat
        heartbeat = window.setInterval(beat, HEARTBEAT_MS);
    };
    const leave = () => {
        present = false;
        window.clearInterval(heartbeat);
        heartbeat = undefined;
        remove(storage, TAB_KEY_PREFIX + tabId);
    };
    const onMessage = (event) => {
        const message = asTabMessage(event.data);
        if (!message || message.tabId === tabId) {
            return;
        }
        if (message.type === 'leaving') {
            departed.set(message.tabId, now());
        }
        listeners.forEach((listener) => listener(message));
    };
    channel?.addEventListener('message', onMessage);
    join();
    const liveTabIds = () => {
        const cutoff = now() - TAB_EXPIRY_MS;
        const ids = new Set();
        for (const key of keys(storage)) {
            // A sandbox may show its own prefix on stored keys (LWS: `LSKey[c]`); reads go
            // through the key as this code wrote it.
            const at = key.indexOf(TAB_KEY_PREFIX);
            if (at < 0) {
                continue;
            }
            const tabKey = key.slice(at);
            const id = tabKey.slice(TAB_KEY_PREFIX.length);
            const seen = Number(read(storage, tabKey));
            const left = departed.get(id);
            if (Number.isFinite(seen) && seen >= cutoff && (left === undefined || seen > left)) {
                ids.add(id);
            }
            else if (Number.isFinite(seen) && seen < cutoff - TAB_EXPIRY_MS) {
                remove(storage, tabKey); // long gone: keep the registry small
            }
        }
        // A hidden tab's heartbeat may lag: this tab counts itself live while it is present.
        if (present) {
            ids.add(tabId);
        }
        else {
            ids.delete(tabId);
        }
        return [...ids].sort();
    };
    return {
        tabId,
        announce(message) {
            try {
                channel?.postMessage({ ...message, tabId });
            }
            catch {
                // A closed channel (page going): nobody to tell.
            }
        },
        subscribe(listener) {
            listeners.add(listener);
            return () => listeners.delete(listener);
        },
        liveTabIds,
        isLeader() {
            const ids = liveTabIds();
            return present && ids[0] === tabId;
        },
        leave,
        rejoin: join,
        writeSessionEnd(record) {
            write(storage, SESSION_END_KEY, JSON.stringify({ ...record, byTabId: tabId }));
        },
        readSessionEnd() {
            return asSessionEndRecord(read(storage, SESSION_END_KEY));
        },
        clearSessionEnd(sessionEndId) {
            if (sessionEndId === undefined) {
                remove(storage, SESSION_END_KEY);
                return;
            }
            const record = asSessionEndRecord(read(storage, SESSION_END_KEY));
            if (record?.sessionEndId === sessionEndId) {
                remove(storage, SESSION_END_KEY);
            }
        },
        stop() {
            leave();
            listeners.clear();
            channel?.removeEventListener('message', onMessage);
            try {
                channel?.close();
            }
            catch {
                // already closed
            }
        }
    };
}
/** A BroadcastChannel when the browser (and the sandbox) offers one. */
export function openChannel() {
    try {
        return typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL_NAME) : null;
    }
    catch {
        return null;
    }
}
/** localStorage, or null where reading it throws (blocked storage). */
export function openStorage() {
    try {
        const storage = window.localStorage;
        storage.getItem(SESSION_END_KEY);
        return storage;
    }
    catch {
        return null;
    }
}
/**
 * Ids sort by creation time (base-36 milliseconds, fixed width), then by chance: the oldest
 * tab leads, and two tabs opened in the same millisecond still differ.
 */
export function newId(at) {
    const time = Math.floor(at).toString(36).padStart(9, '0');
    const random = Math.floor(Math.random() * 36 ** 6)
        .toString(36)
        .padStart(6, '0');
    return `${time}-${random}`;
}
function asTabMessage(data) {
    if (!data || typeof data !== 'object') {
        return null;
    }
    const message = data;
    if (typeof message.tabId !== 'string') {
        return null;
    }
    if (message.type === 'logout' || message.type === 'signOut') {
        return message;
    }
    if (message.type === 'restored' && typeof message.sessionEndId === 'string') {
        return message;
    }
    if (message.type === 'leaving' &&
        typeof message.sessionEndId === 'string' &&
        typeof message.setStatusName === 'string' &&
        typeof message.previousStatus?.name === 'string') {
        return message;
    }
    return null;
}
function asSessionEndRecord(text) {
    if (!text) {
        return null;
    }
    try {
        const record = JSON.parse(text);
        return typeof record.sessionEndId === 'string' &&
            typeof record.endedAt === 'number' &&
            typeof record.previousStatusName === 'string' &&
            typeof record.setStatusName === 'string'
            ? record
            : null;
    }
    catch {
        return null;
    }
}
// Storage can throw (quota, blocked); the coordinator then behaves as a lone tab.
function read(storage, key) {
    try {
        return storage?.getItem(key) ?? null;
    }
    catch {
        return null;
    }
}
function write(storage, key, value) {
    try {
        storage?.setItem(key, value);
    }
    catch {
        // a full or blocked storage: the other tabs do not see this one
    }
}
function remove(storage, key) {
    try {
        storage?.removeItem(key);
    }
    catch {
        // nothing to do
    }
}
function keys(storage) {
    const found = [];
    try {
        for (let index = 0; storage && index < storage.length; index++) {
            const key = storage.key(index);
            if (key !== null) {
                found.push(key);
            }
        }
    }
    catch {
        // unreadable: no other tab known
    }
    return found;
}
