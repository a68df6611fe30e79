// Every user-visible string of the record-page check is a Custom Label (labels/CustomLabels.labels-meta.xml,
// Japanese in translations/ja.translation-meta.xml). The problem sentences come from c/valueDiagnostics.
import anyStatus from '@salesforce/label/c.AcFeatureValueCheck_AnyStatus';
import currentStatuses from '@salesforce/label/c.AcFeatureValueCheck_CurrentStatuses';
import errorIcon from '@salesforce/label/c.AcFeatureValueCheck_ErrorIcon';
import errorTitle from '@salesforce/label/c.AcFeatureValueCheck_ErrorTitle';
import everyone from '@salesforce/label/c.AcFeatureValueCheck_Everyone';
import featureOff from '@salesforce/label/c.AcFeatureValueCheck_FeatureOff';
import formatHint from '@salesforce/label/c.AcFeatureValueCheck_FormatHint';
import infoIcon from '@salesforce/label/c.AcFeatureValueCheck_InfoIcon';
import initialStatus from '@salesforce/label/c.AcFeatureValueCheck_InitialStatus';
import loading from '@salesforce/label/c.AcFeatureValueCheck_Loading';
import noProblems from '@salesforce/label/c.AcFeatureValueCheck_NoProblems';
import otherFeature from '@salesforce/label/c.AcFeatureValueCheck_OtherFeature';
import problemsFound from '@salesforce/label/c.AcFeatureValueCheck_ProblemsFound';
import problemsHeading from '@salesforce/label/c.AcFeatureValueCheck_ProblemsHeading';
import profileNames from '@salesforce/label/c.AcFeatureValueCheck_ProfileNames';
import seconds from '@salesforce/label/c.AcFeatureValueCheck_Seconds';
import sessionEndStatus from '@salesforce/label/c.AcFeatureValueCheck_SessionEndStatus';
import sessionEndTimer from '@salesforce/label/c.AcFeatureValueCheck_SessionEndTimer';
import settingsHeading from '@salesforce/label/c.AcFeatureValueCheck_SettingsHeading';
import signOut from '@salesforce/label/c.AcFeatureValueCheck_SignOut';
import successIcon from '@salesforce/label/c.AcFeatureValueCheck_SuccessIcon';
import timerNote from '@salesforce/label/c.AcFeatureValueCheck_TimerNote';
import title from '@salesforce/label/c.AcFeatureValueCheck_Title';
import warningIcon from '@salesforce/label/c.AcFeatureValueCheck_WarningIcon';
// Generic wording the softphone already has translated.
import unknownError from '@salesforce/label/c.ConnectSoftphone_UnknownError';
export const LABELS = {
    anyStatus,
    currentStatuses,
    errorIcon,
    errorTitle,
    everyone,
    featureOff,
    formatHint,
    infoIcon,
    initialStatus,
    loading,
    noProblems,
    otherFeature,
    problemsFound,
    problemsHeading,
    profileNames,
    seconds,
    sessionEndStatus,
    sessionEndTimer,
    settingsHeading,
    signOut,
    successIcon,
    timerNote,
    title,
    unknownError,
    warningIcon
};
