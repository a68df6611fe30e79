/**
 * How the guard reads statuses: which Connect state a setting names, whether the agent matches a
 * condition of the Value, and name comparison. Pure functions of plain data (`c/streamsClient`'s
 * AgentView), shared by the guard's decisions (`c/guardMachine`, `c/tabRestore`).
 */
import type { StatusRef } from 'c/featureValueParser';
import type { AgentStateOption, AgentView } from 'c/streamsClient';

/** Connect's built-in Offline, found by type when an admin renamed it. */
export const OFFLINE: StatusRef = { kind: 'builtin', type: 'offline', name: 'Offline' };

/**
 * Built-ins (Offline/Available) match a state of that name first, else Connect's state of that type
 * (admins may rename them); any other name matches case-insensitively.
 */
export function resolveStatus(ref: StatusRef, states: AgentStateOption[]): AgentStateOption | null {
    if (ref.kind === 'logout') {
        return null;
    }
    const byName = states.find((state) => sameName(state.name, ref.name));
    if (byName || ref.kind === 'named') {
        return byName ?? null;
    }
    return states.find((state) => state.type === ref.type) ?? null;
}

/** IfProfileNameIncludes: a case-insensitive substring of the routing profile's name. */
export function profileMatches(view: AgentView, includes: string[]): boolean {
    const profile = view.routingProfileName.toLowerCase();
    return includes.length === 0 || includes.some((text) => profile.includes(text.toLowerCase()));
}

/** IfCurrentAgentState. During a contact the state is the system 'Busy'; the chosen status counts too. */
export function currentStateMatches(view: AgentView, names: string[]): boolean {
    return (
        names.length === 0 ||
        names.some(
            (name) =>
                sameName(name, view.stateName) ||
                (view.availabilityStateName !== null && sameName(name, view.availabilityStateName))
        )
    );
}

export function statusName(ref: StatusRef): string {
    return ref.kind === 'logout' ? 'Logout' : ref.name;
}

export function findState(view: AgentView, name: string | null): AgentStateOption | undefined {
    return name === null ? undefined : view.states.find((state) => sameName(state.name, name));
}

export function sameName(a: string, b: string): boolean {
    return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export function sameNullable(a: string | null, b: string | null): boolean {
    return a === null || b === null ? a === b : sameName(a, b);
}

/** Salesforce's logout page, on any My Domain. */
export function isSalesforceLogout(url: string): boolean {
    try {
        return new URL(url).pathname.endsWith('/secur/logout.jsp');
    } catch {
        return false;
    }
}
