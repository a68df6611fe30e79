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

/** The status the agent had before a tab's session end changed it. */
export interface PreviousStatus {
    name: string;
    wasRoutable: boolean;
    hadLiveContact: boolean; // then the session-end status was queued behind the contact
}

export type TabMessage =
    | {
          type: 'leaving';
          tabId: string;
          sessionEndId: string;
          previousStatus: PreviousStatus;
          setStatusName: string; // what the leaving tab sent
          reason: 'beforeunload' | 'pagehide';
      }
    | { type: 'logout'; tabId: string } // Salesforce logout: nobody restores
    | { type: 'restored'; tabId: string; sessionEndId: string } // a page back put that session end back
    | { type: 'signOut'; tabId: string }; // the softphone's Sign Out: every tab is signed out

/** Distributes Omit over the union, so each message keeps its own fields. */
export type OutgoingTabMessage = TabMessage extends infer M
    ? M extends TabMessage
        ? Omit<M, 'tabId'>
        : never
    : never;

/** Written by the tab whose session ended; read by the page that comes back (reload, bfcache). */
export interface SessionEndRecord {
    sessionEndId: string;
    endedAt: number; // Date.now()
    previousStatusName: string;
    previousWasRoutable: boolean;
    setStatusName: string;
    byTabId: string;
}

/** The part of BroadcastChannel this module uses (a fake one in tests). */
export interface MessageChannelLike {
    postMessage(message: unknown): void;
    addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
    removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
    close(): void;
}

export interface TabCoordinatorOptions {
    storage: Storage | null; // null: no storage (private mode quirks); the tab is alone
    channel: MessageChannelLike | null; // null: no BroadcastChannel; the tab hears nobody
    now?: () => number;
}

export interface TabCoordinator {
    readonly tabId: string;
    /** Sends to every other tab of this browser (not to this one). */
    announce(message: OutgoingTabMessage): void;
    subscribe(listener: (message: TabMessage) => void): () => void;
    /** Live tabs, this one included while it has not left, oldest id first. */
    liveTabIds(): string[];
    /** The oldest live tab decides for all: exactly one survivor acts on a `leaving`. */
    isLeader(): boolean;
    /** The page is going: out of the registry, no heartbeat. */
    leave(): void;
    /** The page stayed or came back from the back/forward cache. */
    rejoin(): void;
    writeSessionEnd(record: Omit<SessionEndRecord, 'byTabId'>): void;
    readSessionEnd(): SessionEndRecord | null;
    /** Removes the record; with an id, only if it is still that one. */
    clearSessionEnd(sessionEndId?: string): void;
    stop(): void;
}

export function startTabCoordinator(options: TabCoordinatorOptions): TabCoordinator {
    const { storage, channel } = options;
    const now = options.now ?? Date.now;
    const tabId = newId(now());
    const listeners = new Set<(message: TabMessage) => void>();
    // Tabs that announced they are leaving, and when: their registry entry may outlive them for a
    // moment. A heartbeat written after that is a tab that stayed ("Stay", back from the cache).
    const departed = new Map<string, number>();
    let heartbeat: number | undefined;
    let present = false;

    const beat = (): void => {
        write(storage, TAB_KEY_PREFIX + tabId, String(now()));
    };
    const join = (): void => {
        if (present) {
            return;
        }
        present = true;
        beat();
        // eslint-disable-next-line @lwc/lwc/no-async-operation -- the registry's heartbeat
        heartbeat = window.setInterval(beat, HEARTBEAT_MS);
    };
    const leave = (): void => {
        present = false;
        window.clearInterval(heartbeat);
        heartbeat = undefined;
        remove(storage, TAB_KEY_PREFIX + tabId);
    };

    const onMessage = (event: MessageEvent): void => {
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

    const liveTabIds = (): string[] => {
        const cutoff = now() - TAB_EXPIRY_MS;
        const ids = new Set<string>();
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
            } else if (Number.isFinite(seen) && seen < cutoff - TAB_EXPIRY_MS) {
                remove(storage, tabKey); // long gone: keep the registry small
            }
        }
        // A hidden tab's heartbeat may lag: this tab counts itself live while it is present.
        if (present) {
            ids.add(tabId);
        } else {
            ids.delete(tabId);
        }
        return [...ids].sort();
    };

    return {
        tabId,
        announce(message) {
            try {
                channel?.postMessage({ ...message, tabId });
            } catch {
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
            } catch {
                // already closed
            }
        }
    };
}

/** A BroadcastChannel when the browser (and the sandbox) offers one. */
export function openChannel(): MessageChannelLike | null {
    try {
        return typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL_NAME) : null;
    } catch {
        return null;
    }
}

/** localStorage, or null where reading it throws (blocked storage). */
export function openStorage(): Storage | null {
    try {
        const storage = window.localStorage;
        storage.getItem(SESSION_END_KEY);
        return storage;
    } catch {
        return null;
    }
}

/**
 * Ids sort by creation time (base-36 milliseconds, fixed width), then by chance: the oldest
 * tab leads, and two tabs opened in the same millisecond still differ.
 */
export function newId(at: number): string {
    const time = Math.floor(at).toString(36).padStart(9, '0');
    const random = Math.floor(Math.random() * 36 ** 6)
        .toString(36)
        .padStart(6, '0');
    return `${time}-${random}`;
}

function asTabMessage(data: unknown): TabMessage | null {
    if (!data || typeof data !== 'object') {
        return null;
    }
    const message = data as Partial<TabMessage>;
    if (typeof message.tabId !== 'string') {
        return null;
    }
    if (message.type === 'logout' || message.type === 'signOut') {
        return message as TabMessage;
    }
    if (message.type === 'restored' && typeof message.sessionEndId === 'string') {
        return message as TabMessage;
    }
    if (
        message.type === 'leaving' &&
        typeof message.sessionEndId === 'string' &&
        typeof message.setStatusName === 'string' &&
        typeof message.previousStatus?.name === 'string'
    ) {
        return message as TabMessage;
    }
    return null;
}

function asSessionEndRecord(text: string | null): SessionEndRecord | null {
    if (!text) {
        return null;
    }
    try {
        const record = JSON.parse(text) as Partial<SessionEndRecord>;
        return typeof record.sessionEndId === 'string' &&
            typeof record.endedAt === 'number' &&
            typeof record.previousStatusName === 'string' &&
            typeof record.setStatusName === 'string'
            ? (record as SessionEndRecord)
            : null;
    } catch {
        return null;
    }
}

// Storage can throw (quota, blocked); the coordinator then behaves as a lone tab.
function read(storage: Storage | null, key: string): string | null {
    try {
        return storage?.getItem(key) ?? null;
    } catch {
        return null;
    }
}
function write(storage: Storage | null, key: string, value: string): void {
    try {
        storage?.setItem(key, value);
    } catch {
        // a full or blocked storage: the other tabs do not see this one
    }
}
function remove(storage: Storage | null, key: string): void {
    try {
        storage?.removeItem(key);
    } catch {
        // nothing to do
    }
}
function keys(storage: Storage | null): string[] {
    const found: string[] = [];
    try {
        for (let index = 0; storage && index < storage.length; index++) {
            const key = storage.key(index);
            if (key !== null) {
                found.push(key);
            }
        }
    } catch {
        // unreadable: no other tab known
    }
    return found;
}
