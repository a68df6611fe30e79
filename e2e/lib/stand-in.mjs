// Client for the Connect stand-in's HTTP surface (ccp-emulator/README.md): its record of status
// changes and putAgentState requests is what every scenario asserts on.
import { CheckFailure, waitUntil } from './check.mjs';

/** How long a scenario waits for a status change the product promises. */
export const CHANGE_TIMEOUT_MS = 10000;
/**
 * How long "nothing changes" is observed. A change the product does send reaches the stand-in
 * within about 100 ms of its trigger here (load, Log Out, tab close), so 2 s is ample margin.
 */
export const QUIET_WINDOW_MS = 2000;

/** `Offline→Available (ccp)` for each history entry. */
export function describeHistory(history) {
    if (history.length === 0) {
        return 'no status changes';
    }
    return history.map((change) => `${change.from}→${change.to} (${change.source})`).join(', ');
}

/** `Available applied` for each putAgentState request the CCP made. */
export function describeRequests(requests) {
    if (requests.length === 0) {
        return 'no putAgentState requests';
    }
    return requests
        .map(
            (request) =>
                `${request.requested}${request.enqueueNextState ? ' (enqueue)' : ''} ${request.outcome}`
        )
        .join(', ');
}

/** @param {string} baseUrl the stand-in's origin, e.g. http://127.0.0.2:40000 */
export function createStandInClient(baseUrl) {
    const url = (path) => new URL(path, baseUrl).href;

    async function getJson(path) {
        const response = await fetch(url(path));
        return response.json();
    }

    async function postJson(path, body) {
        const response = await fetch(url(path), {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body)
        });
        const answer = await response.json();
        if (!response.ok) {
            throw new Error(`POST ${path} ${JSON.stringify(body)}: ${JSON.stringify(answer)}`);
        }
        return answer;
    }

    const client = {
        url: baseUrl,
        history: () => getJson('/connect/history'),
        state: () => getJson('/connect/state'),

        /** The agent as the stand-in has it: status, next status, contact. */
        async agent() {
            return (await client.state()).agents[0];
        },

        /** Where the record stands now, so later checks look only at what follows. */
        async mark() {
            const state = await client.state();
            const history = await client.history();
            return { history: history.length, requests: state.requests.length };
        },

        setFaults: (faults) => postJson('/control/faults', faults),
        setAgentStatus: (status) => postJson('/control/agent-state', { status }),
        contact: (action) => postJson('/control/contact', { action }),
        /** Merges into the stand-in's config, e.g. `{ ringTimeoutSeconds: 2 }`. */
        configure: (config) => postJson('/control/config', config),

        /**
         * Waits until the history entries after `from` satisfy `predicate`; returns those entries.
         * @param {string} expectation what should happen, for the failure message
         */
        async waitForHistory(
            expectation,
            predicate,
            { from = 0, timeoutMs = CHANGE_TIMEOUT_MS } = {}
        ) {
            let seen = [];
            await waitUntil(
                async () => {
                    seen = (await client.history()).slice(from);
                    return predicate(seen);
                },
                {
                    timeoutMs,
                    describe: () =>
                        `expected ${expectation}; the stand-in recorded ${describeHistory(seen)}`
                }
            );
            return seen;
        },

        /** Waits for the first change after `from` into a status of that name. */
        async waitForChangeTo(statusName, { from = 0, source, timeoutMs } = {}) {
            const entries = await client.waitForHistory(
                `a change to ${statusName}${source ? ` (source ${source})` : ''}`,
                (changes) =>
                    changes.some(
                        (change) =>
                            change.to === statusName && (!source || change.source === source)
                    ),
                { from, timeoutMs }
            );
            return entries.find((change) => change.to === statusName);
        },

        /** Waits until the stand-in's state satisfies `predicate`; returns that state. */
        async waitForState(expectation, predicate, { timeoutMs = CHANGE_TIMEOUT_MS } = {}) {
            let state = null;
            await waitUntil(
                async () => {
                    state = await client.state();
                    return predicate(state);
                },
                {
                    timeoutMs,
                    describe: () =>
                        `expected ${expectation}; the stand-in has agent ${describeAgent(state)}, ` +
                        `${describeRequests(state?.requests ?? [])}`
                }
            );
            return state;
        },

        /**
         * Watches the stand-in for `ms` and fails at the first status change or putAgentState
         * request after `mark`: the observation window of a "nothing changes" assertion.
         */
        async expectNoChange(mark, why, ms = QUIET_WINDOW_MS) {
            const deadline = Date.now() + ms;
            for (;;) {
                const [history, state] = await Promise.all([client.history(), client.state()]);
                const changes = history.slice(mark.history);
                const requests = state.requests.slice(mark.requests);
                if (changes.length > 0 || requests.length > 0) {
                    throw new CheckFailure(
                        `expected no change (${why}); the stand-in recorded ` +
                            `${describeHistory(changes)}; ${describeRequests(requests)}`
                    );
                }
                if (Date.now() > deadline) {
                    return;
                }
                await new Promise((resolve) => setTimeout(resolve, 100));
            }
        },

        /** Everything the stand-in recorded, for a failure report. */
        async describeRecord() {
            try {
                const [history, state] = await Promise.all([client.history(), client.state()]);
                return [
                    `history: ${describeHistory(history)}`,
                    `requests: ${describeRequests(state.requests)}`,
                    `agent: ${describeAgent(state)}`,
                    `session: signed ${state.session.signedIn ? 'in' : 'out'}, ` +
                        `${state.session.logouts.length} /logout call(s); faults ${JSON.stringify(state.faults)}`
                ];
            } catch (error) {
                return [`(the stand-in did not answer: ${error.message})`];
            }
        }
    };
    return client;
}

function describeAgent(state) {
    const agent = state?.agents?.[0];
    if (!agent) {
        return '(unknown)';
    }
    const next = agent.nextState ? `, next ${agent.nextState}` : '';
    const contact = agent.contact ? `, contact ${agent.contact.phase}` : '';
    return `${agent.username} ${agent.status}${next}${contact}`;
}
