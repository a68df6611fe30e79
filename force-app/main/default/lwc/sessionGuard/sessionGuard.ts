/**
 * Applies the SetAgentStatusOnSessionEnd settings: the initial status when the softphone loads, and
 * the session-end status when the page goes away (`beforeunload`, else `pagehide`) or the user signs
 * out. This module is the guard's public face; the decisions are `c/guardMachine` (a pure
 * transition function, with `c/tabRestore` for what to put back), and `c/guardRunner` carries them
 * out against `c/streamsClient` (injected, so tests can use the real one against a stand-in),
 * `c/tabCoordinator` and the window.
 * Why `beforeunload`: the change travels host → CCP iframe as a postMessage that Chromium sends in a
 * task after the handler's; after `beforeunload` that task runs and the change reaches Connect, after
 * `pagehide` it never does (measured in real Chromium: experiments/teardown/RESULTS.md). `pagehide`
 * stays as a fallback for pages that get no `beforeunload` (it is what a back/forward cache sees).
 * With other softphone tabs every closing tab still sends: none can know it is the last. A tab that
 * stays puts the status back when it was only one tab that went, and a page back within
 * SessionEndTimer seconds (a reload) gets the status it had instead of the initial one.
 */
import { startGuardRunner } from 'c/guardRunner';
import type { GuardRunnerOptions } from 'c/guardRunner';
import type { GuardOutcome, SessionEndReason } from 'c/guardMachine';

export {
    LEAVING_GRACE_MS,
    RESUME_WAIT_MS,
    SESSION_CHECK_TIMEOUT_MS,
    SIGN_OUT_WAIT_MS,
    STAY_DETECTION_MS
} from 'c/guardMachine';
export type { GuardOutcome, GuardWarning, SessionEndReason } from 'c/guardMachine';
export { isSalesforceLogout, resolveStatus } from 'c/agentStatus';

export interface SessionGuardOptions extends GuardRunnerOptions {
    streams: typeof import('c/streamsClient'); // injectable for tests
}

export interface SessionGuard {
    applyInitialState(): GuardOutcome; // call once on onAgentReady
    endSession(reason: SessionEndReason): GuardOutcome; // once per session end; later calls skip
    // Sign Out, just before the softphone signs out of the CCP: a status the agent picked in the
    // CCP while Connect answered is set back to the session-end status (action setState), else skipped
    beforeSignOut(): GuardOutcome;
    agentChanged(): void; // call on every agent refresh: Streams has caught up with a change
    stop(): void; // remove listeners
}

export function startSessionGuard(options: SessionGuardOptions): SessionGuard {
    const runner = startGuardRunner(options);
    // The machine reports exactly one outcome for each of these events.
    const outcomeOf = (outcome: GuardOutcome | null): GuardOutcome =>
        outcome ?? {
            at: Date.now(),
            phase: 'sessionEnd',
            action: 'skipped',
            skippedBecause: 'alreadyEnded'
        };
    return {
        applyInitialState: () => outcomeOf(runner.dispatch({ type: 'agentReady' })),
        endSession: (reason) => outcomeOf(runner.dispatch({ type: 'sessionEnd', reason })),
        beforeSignOut: () => outcomeOf(runner.dispatch({ type: 'signOutDue' })),
        agentChanged: () => {
            runner.dispatch({ type: 'agentChanged' });
        },
        stop: () => {
            runner.dispatch({ type: 'stop' });
        }
    };
}
