/**
 * Words for the admin-visible notice: one sentence per parser diagnostic (chosen by its `code`,
 * with the line number) and per session-guard warning. The parser's English `message` is for the
 * console; these come from Custom Labels so that they are translated.
 */
import { SESSION_END_TIMER_MAX_SECONDS } from 'c/featureValueParser';
import type { DiagnosticCode, ValueDiagnostic } from 'c/featureValueParser';
import type { GuardWarning } from 'c/sessionGuard';
import { LABELS, formatLabel } from './labels';

export interface Notice {
    key: string; // unique within the list, for for:each
    text: string;
}

// A Record over the union makes the compiler ask for a label when the parser gains a code.
const DIAGNOSTIC_LABELS: Record<DiagnosticCode, string> = {
    unknownKey: LABELS.diagnosticUnknownKey,
    malformedLine: LABELS.diagnosticMalformedLine,
    duplicateKey: LABELS.diagnosticDuplicateKey,
    emptyValue: LABELS.diagnosticEmptyValue,
    invalidNumber: LABELS.diagnosticInvalidNumber,
    numberOutOfRange: LABELS.diagnosticNumberOutOfRange,
    logoutNotAllowed: LABELS.diagnosticLogoutNotAllowed,
    valueTooLong: LABELS.diagnosticValueTooLong
};

/** Placeholders: {0} line, {1} the key as written (else the text), {2} the text, {3} extra. */
export function describeDiagnostic(diagnostic: ValueDiagnostic): string {
    const { line, key, text, suggestion, code } = diagnostic;
    if (code === 'unknownKey' && suggestion) {
        return formatLabel(LABELS.diagnosticUnknownKeySuggestion, line, key ?? text, suggestion);
    }
    const extra = code === 'numberOutOfRange' ? SESSION_END_TIMER_MAX_SECONDS : '';
    return formatLabel(DIAGNOSTIC_LABELS[code], line, key ?? text, text, extra);
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
