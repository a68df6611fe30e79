/**
 * Turns the parsed Value into what the record page lists: the effective settings as term/value
 * rows and each problem with its severity icon. Pure functions, so the component only renders.
 */
import type { SessionEndSettings, StatusRef, ValueDiagnostic } from 'c/featureValueParser';
import { describeDiagnostic, formatLabel } from 'c/valueDiagnostics';
import { LABELS } from './labels';

export interface SettingRow {
    key: string; // for for:each
    term: string;
    text: string; // shown when there is no list
    items: string[]; // names shown one by one (routing-profile texts, statuses)
    hasItems: boolean;
    note?: string;
}

export interface ProblemItem {
    key: string; // for for:each
    text: string;
    iconName: 'utility:error' | 'utility:warning';
    iconVariant: 'error' | 'warning';
    iconText: string;
}

export function describeStatus(status: StatusRef): string {
    return status.kind === 'logout' ? LABELS.signOut : status.name;
}

export function buildSettingRows(settings: SessionEndSettings): SettingRow[] {
    return [
        row('sessionEndStatus', LABELS.sessionEndStatus, describeStatus(settings.sessionEndStatus)),
        listRow('profileNames', LABELS.profileNames, settings.profileNameIncludes, LABELS.everyone),
        listRow(
            'currentStatuses',
            LABELS.currentStatuses,
            settings.currentAgentStates,
            LABELS.anyStatus
        ),
        row('initialStatus', LABELS.initialStatus, describeStatus(settings.initialAgentState)),
        {
            // A page back within the timer counts as a reload (see docs/architecture.md).
            ...row(
                'sessionEndTimer',
                LABELS.sessionEndTimer,
                formatLabel(LABELS.seconds, settings.sessionEndTimerSeconds)
            ),
            note: LABELS.timerNote
        }
    ];
}

export function buildProblems(diagnostics: ValueDiagnostic[]): ProblemItem[] {
    return diagnostics.map((diagnostic, index) => {
        const isError = diagnostic.severity === 'error';
        return {
            key: `problem-${index}`,
            text: describeDiagnostic(diagnostic),
            iconName: isError ? 'utility:error' : 'utility:warning',
            iconVariant: isError ? 'error' : 'warning',
            iconText: isError ? LABELS.errorIcon : LABELS.warningIcon
        };
    });
}

function row(key: string, term: string, text: string): SettingRow {
    return { key, term, text, items: [], hasItems: false };
}

/** An empty list means "no condition": say so in words rather than show nothing. */
function listRow(key: string, term: string, items: string[], whenEmpty: string): SettingRow {
    return { key, term, text: whenEmpty, items, hasItems: items.length > 0 };
}
