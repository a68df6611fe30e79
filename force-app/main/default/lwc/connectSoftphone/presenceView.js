import { formatLabel } from './labels';
import { PRESENCE_LABELS } from './presenceLabels';
export function presenceDetailRow(link, adapterName, time) {
    return { key: 'presence', term: PRESENCE_LABELS.presenceTerm, text: describeLink(link) };
    function describeLink(current) {
        if (current.kind === 'off') {
            return formatLabel(PRESENCE_LABELS.presenceOff, adapterName);
        }
        if (current.kind === 'refusedUrl') {
            return formatLabel(PRESENCE_LABELS.presenceRefusedUrl, current.message);
        }
        if (current.kind === 'waiting') {
            return PRESENCE_LABELS.presenceWaiting;
        }
        if (current.kind === 'tokenFailed') {
            return formatLabel(PRESENCE_LABELS.presenceTokenFailed, time(current.at), current.message);
        }
        if (current.kind === 'answered') {
            return formatLabel(PRESENCE_LABELS.presenceAnswered, time(current.at), current.thresholdSeconds);
        }
        if (current.kind === 'refused') {
            return formatLabel(PRESENCE_LABELS.presenceRefused, time(current.at), current.httpStatus, current.error);
        }
        if (current.kind === 'unreachable') {
            return formatLabel(PRESENCE_LABELS.presenceUnreachable, time(current.at), current.detail);
        }
        return formatLabel(PRESENCE_LABELS.presenceLeft, time(current.at));
    }
}
/** Null when there is no notice to show. */
export function backstopNoticeView(notice, time) {
    if (notice.kind === 'none') {
        return null;
    }
    const { action } = notice;
    const what = action.path === 'leaveRepair'
        ? PRESENCE_LABELS.backstopNoticeLeaveRepair
        : PRESENCE_LABELS.backstopNoticeNoSignOfLife;
    const text = formatLabel(what, time(action.at), action.statusName);
    let error = null;
    if (notice.kind === 'restoreFailed') {
        error = formatLabel(notice.reason === 'unknownStatus'
            ? PRESENCE_LABELS.backstopRestoreUnknown
            : PRESENCE_LABELS.backstopRestoreRefused, action.previousStatusName);
    }
    return {
        text: action.queued ? `${text} ${PRESENCE_LABELS.backstopNoticeQueued}` : text,
        restoreLabel: formatLabel(PRESENCE_LABELS.backstopRestoreButton, action.previousStatusName),
        restoring: notice.kind === 'restoring',
        error
    };
}
/** Times in the user's Salesforce locale and time zone; an unknown identifier falls back. */
export function timeFormatter(locale, timeZone) {
    let format;
    try {
        format = new Intl.DateTimeFormat(locale, { timeStyle: 'medium', timeZone });
    }
    catch {
        format = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });
    }
    return (at) => format.format(at);
}
