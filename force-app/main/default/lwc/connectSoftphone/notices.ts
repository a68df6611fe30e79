/**
 * Words for the admin-visible notice: one sentence per parser diagnostic (from `c/valueDiagnostics`,
 * shared with the AC Feature record page) and per session-guard warning, from Custom Labels so that
 * they are translated.
 */
import type { ValueDiagnostic } from 'c/featureValueParser';
import type { GuardWarning } from 'c/sessionGuard';
import { describeDiagnostic } from 'c/valueDiagnostics';
import { LABELS, formatLabel } from './labels';

export interface Notice {
    key: string; // unique within the list, for for:each
    text: string;
}

export function describeGuardWarning(warning: GuardWarning): string {
    return warning.fallbackName
        ? formatLabel(LABELS.guardUnknownStatusFallback, warning.statusName, warning.fallbackName)
        : formatLabel(LABELS.guardUnknownStatus, warning.statusName);
}

export function buildNotices(diagnostics: ValueDiagnostic[], warnings: GuardWarning[]): Notice[] {
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
