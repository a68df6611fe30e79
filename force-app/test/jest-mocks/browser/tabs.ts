// Test doubles for what several tabs of one browser share: one localStorage, and a
// BroadcastChannel whose message reaches every other channel of the same name (never the sender),
// asynchronously, as in a browser.
import type { MessageChannelLike } from 'c/tabCoordinator';

/** A Storage backed by a Map: what every tab of the browser reads and writes. */
export function createSharedStorage(): Storage {
    const items = new Map<string, string>();
    return {
        get length() {
            return items.size;
        },
        key: (index: number) => [...items.keys()][index] ?? null,
        getItem: (key: string) => items.get(key) ?? null,
        setItem: (key: string, value: string) => {
            items.set(key, String(value));
        },
        removeItem: (key: string) => {
            items.delete(key);
        },
        clear: () => items.clear()
    };
}

/** Channels that reach each other, like `new BroadcastChannel(name)` in several tabs. */
export function createChannelHub(): { open(): MessageChannelLike } {
    const channels = new Set<FakeChannel>();
    class FakeChannel implements MessageChannelLike {
        private listeners = new Set<(event: MessageEvent) => void>();
        postMessage(message: unknown): void {
            const data = structuredCloneLike(message);
            for (const channel of channels) {
                if (channel !== this) {
                    // Delivered in a later task, as BroadcastChannel does.
                    setTimeout(() => channel.deliver(data), 0);
                }
            }
        }
        deliver(data: unknown): void {
            this.listeners.forEach((listener) => listener(new MessageEvent('message', { data })));
        }
        addEventListener(_type: 'message', listener: (event: MessageEvent) => void): void {
            this.listeners.add(listener);
        }
        removeEventListener(_type: 'message', listener: (event: MessageEvent) => void): void {
            this.listeners.delete(listener);
        }
        close(): void {
            channels.delete(this);
        }
    }
    return {
        open() {
            const channel = new FakeChannel();
            channels.add(channel);
            return channel;
        }
    };
}

function structuredCloneLike(value: unknown): unknown {
    return JSON.parse(JSON.stringify(value));
}
