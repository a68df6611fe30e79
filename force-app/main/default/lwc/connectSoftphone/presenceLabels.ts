// The presence backstop's words on the softphone (Custom Labels, Japanese in the translations),
// kept apart from labels.ts so the backstop's strings live in one place.
import presenceTerm from '@salesforce/label/c.ConnectSoftphone_PresenceTerm';
import presenceOff from '@salesforce/label/c.ConnectSoftphone_PresenceOff';
import presenceRefusedUrl from '@salesforce/label/c.ConnectSoftphone_PresenceRefusedUrl';
import presenceWaiting from '@salesforce/label/c.ConnectSoftphone_PresenceWaiting';
import presenceAnswered from '@salesforce/label/c.ConnectSoftphone_PresenceAnswered';
import presenceRefused from '@salesforce/label/c.ConnectSoftphone_PresenceRefused';
import presenceUnreachable from '@salesforce/label/c.ConnectSoftphone_PresenceUnreachable';
import presenceTokenFailed from '@salesforce/label/c.ConnectSoftphone_PresenceTokenFailed';
import presenceLeft from '@salesforce/label/c.ConnectSoftphone_PresenceLeft';
import backstopNoticeNoSignOfLife from '@salesforce/label/c.ConnectSoftphone_BackstopNoticeNoSignOfLife';
import backstopNoticeLeaveRepair from '@salesforce/label/c.ConnectSoftphone_BackstopNoticeLeaveRepair';
import backstopNoticeQueued from '@salesforce/label/c.ConnectSoftphone_BackstopNoticeQueued';
import backstopRestoreButton from '@salesforce/label/c.ConnectSoftphone_BackstopRestoreButton';
import backstopDismiss from '@salesforce/label/c.ConnectSoftphone_BackstopDismiss';
import backstopRestoreUnknown from '@salesforce/label/c.ConnectSoftphone_BackstopRestoreUnknown';
import backstopRestoreRefused from '@salesforce/label/c.ConnectSoftphone_BackstopRestoreRefused';

export const PRESENCE_LABELS = {
    presenceTerm,
    presenceOff,
    presenceRefusedUrl,
    presenceWaiting,
    presenceAnswered,
    presenceRefused,
    presenceUnreachable,
    presenceTokenFailed,
    presenceLeft,
    backstopNoticeNoSignOfLife,
    backstopNoticeLeaveRepair,
    backstopNoticeQueued,
    backstopRestoreButton,
    backstopDismiss,
    backstopRestoreUnknown,
    backstopRestoreRefused
};
