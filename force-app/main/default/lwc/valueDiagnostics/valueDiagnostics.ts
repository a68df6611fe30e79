/**
 * Words for the Value parser's diagnostics: one sentence per diagnostic, chosen by its `code`, with
 * the line number. The parser's English `message` is for the console; these come from Custom Labels
 * so that they are translated. Shared by the softphone's notice and the AC Feature record page, so an
 * admin reads the same sentence in both places.
 */
import { SESSION_END_TIMER_MAX_SECONDS } from 'c/featureValueParser';
import type { DiagnosticCode, ValueDiagnostic } from 'c/featureValueParser';
import duplicateKey from '@salesforce/label/c.ConnectSoftphone_DiagnosticDuplicateKey';
import emptyValue from '@salesforce/label/c.ConnectSoftphone_DiagnosticEmptyValue';
import invalidNumber from '@salesforce/label/c.ConnectSoftphone_DiagnosticInvalidNumber';
import logoutNotAllowed from '@salesforce/label/c.ConnectSoftphone_DiagnosticLogoutNotAllowed';
import malformedLine from '@salesforce/label/c.ConnectSoftphone_DiagnosticMalformedLine';
import numberOutOfRange from '@salesforce/label/c.ConnectSoftphone_DiagnosticNumberOutOfRange';
import unknownKey from '@salesforce/label/c.ConnectSoftphone_DiagnosticUnknownKey';
import unknownKeySuggestion from '@salesforce/label/c.ConnectSoftphone_DiagnosticUnknownKeySuggestion';
import valueTooLong from '@salesforce/label/c.ConnectSoftphone_DiagnosticValueTooLong';

// A Record over the union makes the compiler ask for a label when the parser gains a code.
const DIAGNOSTIC_LABELS: Record<DiagnosticCode, string> = {
    unknownKey,
    malformedLine,
    duplicateKey,
    emptyValue,
    invalidNumber,
    numberOutOfRange,
    logoutNotAllowed,
    valueTooLong
};

/** Placeholders: {0} line, {1} the key as written (else the text), {2} the text, {3} extra. */
export function describeDiagnostic(diagnostic: ValueDiagnostic): string {
    const { line, key, text, suggestion, code } = diagnostic;
    if (code === 'unknownKey' && suggestion) {
        return formatLabel(unknownKeySuggestion, line, key ?? text, suggestion);
    }
    const extra = code === 'numberOutOfRange' ? SESSION_END_TIMER_MAX_SECONDS : '';
    return formatLabel(DIAGNOSTIC_LABELS[code], line, key ?? text, text, extra);
}

/**
 * Fills `{0}`, `{1}`… in a label with the given values, as Salesforce's `String.format` does for
 * labels in Apex. A placeholder without a value stays as written, so a missing argument is visible.
 */
export function formatLabel(template: string, ...values: Array<string | number>): string {
    return template.replace(/\{(\d+)\}/g, (placeholder: string, index: string) => {
        const value = values[Number(index)];
        return value === undefined ? placeholder : String(value);
    });
}
