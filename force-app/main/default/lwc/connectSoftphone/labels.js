// Every user-visible string of the softphone is a Custom Label (labels/CustomLabels.labels-meta.xml,
// Japanese in translations/ja.translation-meta.xml). Placeholders {0}, {1}… are filled by formatLabel.
import ccpRegion from '@salesforce/label/c.ConnectSoftphone_CcpRegion';
import diagnosticDuplicateKey from '@salesforce/label/c.ConnectSoftphone_DiagnosticDuplicateKey';
import diagnosticEmptyValue from '@salesforce/label/c.ConnectSoftphone_DiagnosticEmptyValue';
import diagnosticInvalidNumber from '@salesforce/label/c.ConnectSoftphone_DiagnosticInvalidNumber';
import diagnosticLogoutNotAllowed from '@salesforce/label/c.ConnectSoftphone_DiagnosticLogoutNotAllowed';
import diagnosticMalformedLine from '@salesforce/label/c.ConnectSoftphone_DiagnosticMalformedLine';
import diagnosticNumberOutOfRange from '@salesforce/label/c.ConnectSoftphone_DiagnosticNumberOutOfRange';
import diagnosticUnknownKey from '@salesforce/label/c.ConnectSoftphone_DiagnosticUnknownKey';
import diagnosticUnknownKeySuggestion from '@salesforce/label/c.ConnectSoftphone_DiagnosticUnknownKeySuggestion';
import diagnosticValueTooLong from '@salesforce/label/c.ConnectSoftphone_DiagnosticValueTooLong';
import errorCcpStart from '@salesforce/label/c.ConnectSoftphone_ErrorCcpStart';
import errorConfig from '@salesforce/label/c.ConnectSoftphone_ErrorConfig';
import errorIframeRetries from '@salesforce/label/c.ConnectSoftphone_ErrorIframeRetries';
import errorLoadTimeout from '@salesforce/label/c.ConnectSoftphone_ErrorLoadTimeout';
import errorNoCcpUrl from '@salesforce/label/c.ConnectSoftphone_ErrorNoCcpUrl';
import errorScriptLoad from '@salesforce/label/c.ConnectSoftphone_ErrorScriptLoad';
import errorSignOut from '@salesforce/label/c.ConnectSoftphone_ErrorSignOut';
import errorTitle from '@salesforce/label/c.ConnectSoftphone_ErrorTitle';
import guardUnknownStatus from '@salesforce/label/c.ConnectSoftphone_GuardUnknownStatus';
import guardUnknownStatusFallback from '@salesforce/label/c.ConnectSoftphone_GuardUnknownStatusFallback';
import loading from '@salesforce/label/c.ConnectSoftphone_Loading';
import retryButton from '@salesforce/label/c.ConnectSoftphone_RetryButton';
import signInButton from '@salesforce/label/c.ConnectSoftphone_SignInButton';
import signInExplanation from '@salesforce/label/c.ConnectSoftphone_SignInExplanation';
import signInTitle from '@salesforce/label/c.ConnectSoftphone_SignInTitle';
import signOutButton from '@salesforce/label/c.ConnectSoftphone_SignOutButton';
import signedOutMessage from '@salesforce/label/c.ConnectSoftphone_SignedOutMessage';
import signingOut from '@salesforce/label/c.ConnectSoftphone_SigningOut';
import unknownError from '@salesforce/label/c.ConnectSoftphone_UnknownError';
import warningsExplanation from '@salesforce/label/c.ConnectSoftphone_WarningsExplanation';
import warningsSummary from '@salesforce/label/c.ConnectSoftphone_WarningsSummary';
export const LABELS = {
    ccpRegion,
    diagnosticDuplicateKey,
    diagnosticEmptyValue,
    diagnosticInvalidNumber,
    diagnosticLogoutNotAllowed,
    diagnosticMalformedLine,
    diagnosticNumberOutOfRange,
    diagnosticUnknownKey,
    diagnosticUnknownKeySuggestion,
    diagnosticValueTooLong,
    errorCcpStart,
    errorConfig,
    errorIframeRetries,
    errorLoadTimeout,
    errorNoCcpUrl,
    errorScriptLoad,
    errorSignOut,
    errorTitle,
    guardUnknownStatus,
    guardUnknownStatusFallback,
    loading,
    retryButton,
    signInButton,
    signInExplanation,
    signInTitle,
    signOutButton,
    signedOutMessage,
    signingOut,
    unknownError,
    warningsExplanation,
    warningsSummary
};
/**
 * Fills `{0}`, `{1}`… in a label with the given values, as Salesforce's `String.format` does for
 * labels in Apex. A placeholder without a value stays as written, so a missing argument is visible.
 */
export function formatLabel(template, ...values) {
    return template.replace(/\{(\d+)\}/g, (placeholder, index) => {
        const value = values[Number(index)];
        return value === undefined ? placeholder : String(value);
    });
}
