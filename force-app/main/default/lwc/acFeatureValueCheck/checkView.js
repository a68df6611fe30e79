import { describeDiagnostic, formatLabel } from 'c/valueDiagnostics';
import { LABELS } from './labels';
export function describeStatus(status) {
    return status.kind === 'logout' ? LABELS.signOut : status.name;
}
export function buildSettingRows(settings) {
    return [
        row('sessionEndStatus', LABELS.sessionEndStatus, describeStatus(settings.sessionEndStatus)),
        listRow('profileNames', LABELS.profileNames, settings.profileNameIncludes, LABELS.everyone),
        listRow('currentStatuses', LABELS.currentStatuses, settings.currentAgentStates, LABELS.anyStatus),
        row('initialStatus', LABELS.initialStatus, describeStatus(settings.initialAgentState)),
        {
            // A page back within the timer counts as a reload (see docs/architecture.md).
            ...row('sessionEndTimer', LABELS.sessionEndTimer, formatLabel(LABELS.seconds, settings.sessionEndTimerSeconds)),
            note: LABELS.timerNote
        }
    ];
}
export function buildProblems(diagnostics) {
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
function row(key, term, text) {
    return { key, term, text, items: [], hasItems: false };
}
/** An empty list means "no condition": say so in words rather than show nothing. */
function listRow(key, term, items, whenEmpty) {
    return { key, term, text: whenEmpty, items, hasItems: items.length > 0 };
}
