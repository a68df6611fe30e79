// Every user-visible string of the softphone is a Custom Label (labels/CustomLabels.labels-meta.xml,
// Japanese in translations/ja.translation-meta.xml). Placeholders {0}, {1}… are filled by formatLabel.
import ccpRegion from '@salesforce/label/c.ConnectSoftphone_CcpRegion';
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
} as const;

// Shared with the AC Feature record page, which words its labels the same way.
export { formatLabel } from 'c/valueDiagnostics';
