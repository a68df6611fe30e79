import { describeDiagnostic } from 'c/valueDiagnostics';
import { LABELS, formatLabel } from './labels';
export function describeGuardWarning(warning) {
    return warning.fallbackName
        ? formatLabel(LABELS.guardUnknownStatusFallback, warning.statusName, warning.fallbackName)
        : formatLabel(LABELS.guardUnknownStatus, warning.statusName);
}
export function buildNotices(diagnostics, warnings) {
    return [
        ...diagnostics.map((diagnostic, index) => ({
            key: `diagnostic-${index}`,
            text: describeDiagnostic(diagnostic)
        })),
        ...warnings.map((warning, index) => ({
            key: `warning-${index}`,
            text: describeGuardWarning(warning)
        }))
    ];
}
