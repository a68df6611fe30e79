// Every user-visible string of the softphone is a Custom Label (labels/CustomLabels.labels-meta.xml,
// Japanese in translations/ja.translation-meta.xml). Placeholders {0}, {1}… are filled by formatLabel.
import ccpRegion from '@salesforce/label/c.ConnectSoftphone_CcpRegion';
import detailsSummary from '@salesforce/label/c.ConnectSoftphone_DetailsSummary';
import detailsFeatureTerm from '@salesforce/label/c.ConnectSoftphone_DetailsFeatureTerm';
import detailsFeatureOn from '@salesforce/label/c.ConnectSoftphone_DetailsFeatureOn';
import detailsFeatureOffNoRecord from '@salesforce/label/c.ConnectSoftphone_DetailsFeatureOffNoRecord';
import detailsFeatureOffProfile from '@salesforce/label/c.ConnectSoftphone_DetailsFeatureOffProfile';
import detailsTimerValue from '@salesforce/label/c.ConnectSoftphone_DetailsTimerValue';
import detailsRoutingProfile from '@salesforce/label/c.ConnectSoftphone_DetailsRoutingProfile';
import detailsCurrentStatus from '@salesforce/label/c.ConnectSoftphone_DetailsCurrentStatus';
import detailsStatusWithNext from '@salesforce/label/c.ConnectSoftphone_DetailsStatusWithNext';
import detailsPhaseInitial from '@salesforce/label/c.ConnectSoftphone_DetailsPhaseInitial';
import detailsPhaseSessionEnd from '@salesforce/label/c.ConnectSoftphone_DetailsPhaseSessionEnd';
import detailsPhaseSessionEndReason from '@salesforce/label/c.ConnectSoftphone_DetailsPhaseSessionEndReason';
import detailsPhaseOther from '@salesforce/label/c.ConnectSoftphone_DetailsPhaseOther';
import detailsReasonSignOut from '@salesforce/label/c.ConnectSoftphone_DetailsReasonSignOut';
import detailsReasonBeforeUnload from '@salesforce/label/c.ConnectSoftphone_DetailsReasonBeforeUnload';
import detailsReasonPageHide from '@salesforce/label/c.ConnectSoftphone_DetailsReasonPageHide';
import detailsActionSet from '@salesforce/label/c.ConnectSoftphone_DetailsActionSet';
import detailsActionQueued from '@salesforce/label/c.ConnectSoftphone_DetailsActionQueued';
import detailsActionLogout from '@salesforce/label/c.ConnectSoftphone_DetailsActionLogout';
import detailsActionSkipped from '@salesforce/label/c.ConnectSoftphone_DetailsActionSkipped';
import detailsSkipFeatureOff from '@salesforce/label/c.ConnectSoftphone_DetailsSkipFeatureOff';
import detailsSkipProfileNotMatched from '@salesforce/label/c.ConnectSoftphone_DetailsSkipProfileNotMatched';
import detailsSkipStateNotMatched from '@salesforce/label/c.ConnectSoftphone_DetailsSkipStateNotMatched';
import detailsSkipAlreadyInStatus from '@salesforce/label/c.ConnectSoftphone_DetailsSkipAlreadyInStatus';
import detailsSkipNotOffline from '@salesforce/label/c.ConnectSoftphone_DetailsSkipNotOffline';
import detailsSkipLiveContact from '@salesforce/label/c.ConnectSoftphone_DetailsSkipLiveContact';
import detailsSkipNoAgent from '@salesforce/label/c.ConnectSoftphone_DetailsSkipNoAgent';
import detailsSkipAlreadyEnded from '@salesforce/label/c.ConnectSoftphone_DetailsSkipAlreadyEnded';
import detailsSkipUnknownStatus from '@salesforce/label/c.ConnectSoftphone_DetailsSkipUnknownStatus';
import detailsSkipOtherTabOpen from '@salesforce/label/c.ConnectSoftphone_DetailsSkipOtherTabOpen';
import detailsSkipStatusChosenSince from '@salesforce/label/c.ConnectSoftphone_DetailsSkipStatusChosenSince';
import detailsConfirmed from '@salesforce/label/c.ConnectSoftphone_DetailsConfirmed';
import detailsRefused from '@salesforce/label/c.ConnectSoftphone_DetailsRefused';
import detailsNotAnswered from '@salesforce/label/c.ConnectSoftphone_DetailsNotAnswered';
import detailsOutcomeWhen from '@salesforce/label/c.ConnectSoftphone_DetailsOutcomeWhen';
import detailsNoOutcomes from '@salesforce/label/c.ConnectSoftphone_DetailsNoOutcomes';
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
// The settings are named as on the AC Feature record page, so an admin reads the same words in both.
import settingAnyStatus from '@salesforce/label/c.AcFeatureValueCheck_AnyStatus';
import settingCurrentStatuses from '@salesforce/label/c.AcFeatureValueCheck_CurrentStatuses';
import settingEveryone from '@salesforce/label/c.AcFeatureValueCheck_Everyone';
import settingInitialStatus from '@salesforce/label/c.AcFeatureValueCheck_InitialStatus';
import settingProfileNames from '@salesforce/label/c.AcFeatureValueCheck_ProfileNames';
import settingSessionEndStatus from '@salesforce/label/c.AcFeatureValueCheck_SessionEndStatus';
import settingSessionEndTimer from '@salesforce/label/c.AcFeatureValueCheck_SessionEndTimer';
import settingSignOut from '@salesforce/label/c.AcFeatureValueCheck_SignOut';
import unknownError from '@salesforce/label/c.ConnectSoftphone_UnknownError';
import warningsExplanation from '@salesforce/label/c.ConnectSoftphone_WarningsExplanation';
import warningsSummary from '@salesforce/label/c.ConnectSoftphone_WarningsSummary';
import detailsUrlRefusedTerm from '@salesforce/label/c.ConnectSoftphone_DetailsUrlRefusedTerm';
import errorUrlRefused from '@salesforce/label/c.ConnectSoftphone_ErrorUrlRefused';
import fieldCcpUrl from '@salesforce/label/c.ConnectSoftphone_FieldCcpUrl';
import fieldSamlLoginUrl from '@salesforce/label/c.ConnectSoftphone_FieldSamlLoginUrl';
// The URL policy's rules in words, for the Details view of a refused adapter URL.
import urlRuleBlank from '@salesforce/label/c.CcpUrlPolicy_Blank';
import urlRuleHasCredentials from '@salesforce/label/c.CcpUrlPolicy_HasCredentials';
import urlRuleHasPort from '@salesforce/label/c.CcpUrlPolicy_HasPort';
import urlRuleHasQueryOrFragment from '@salesforce/label/c.CcpUrlPolicy_HasQueryOrFragment';
import urlRuleNotAUrl from '@salesforce/label/c.CcpUrlPolicy_NotAUrl';
import urlRuleNotCcpPath from '@salesforce/label/c.CcpUrlPolicy_NotCcpPath';
import urlRuleNotConnectDomain from '@salesforce/label/c.CcpUrlPolicy_NotConnectDomain';
import urlRuleNotHttps from '@salesforce/label/c.CcpUrlPolicy_NotHttps';
export const LABELS = {
    detailsUrlRefusedTerm,
    errorUrlRefused,
    fieldCcpUrl,
    fieldSamlLoginUrl,
    urlRuleBlank,
    urlRuleHasCredentials,
    urlRuleHasPort,
    urlRuleHasQueryOrFragment,
    urlRuleNotAUrl,
    urlRuleNotCcpPath,
    urlRuleNotConnectDomain,
    urlRuleNotHttps,
    ccpRegion,
    detailsSummary,
    detailsFeatureTerm,
    detailsFeatureOn,
    detailsFeatureOffNoRecord,
    detailsFeatureOffProfile,
    detailsTimerValue,
    detailsRoutingProfile,
    detailsCurrentStatus,
    detailsStatusWithNext,
    detailsPhaseInitial,
    detailsPhaseSessionEnd,
    detailsPhaseSessionEndReason,
    detailsPhaseOther,
    detailsReasonSignOut,
    detailsReasonBeforeUnload,
    detailsReasonPageHide,
    detailsActionSet,
    detailsActionQueued,
    detailsActionLogout,
    detailsActionSkipped,
    detailsSkipFeatureOff,
    detailsSkipProfileNotMatched,
    detailsSkipStateNotMatched,
    detailsSkipAlreadyInStatus,
    detailsSkipNotOffline,
    detailsSkipLiveContact,
    detailsSkipNoAgent,
    detailsSkipAlreadyEnded,
    detailsSkipUnknownStatus,
    detailsSkipOtherTabOpen,
    detailsSkipStatusChosenSince,
    detailsConfirmed,
    detailsRefused,
    detailsNotAnswered,
    detailsOutcomeWhen,
    detailsNoOutcomes,
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
    settingAnyStatus,
    settingCurrentStatuses,
    settingEveryone,
    settingInitialStatus,
    settingProfileNames,
    settingSessionEndStatus,
    settingSessionEndTimer,
    settingSignOut,
    unknownError,
    warningsExplanation,
    warningsSummary
};
// Shared with the AC Feature record page, which words its labels the same way.
export { formatLabel } from 'c/valueDiagnostics';
