// Stand-in for lightning/platformUtilityBarApi, backed by the preview console's utility bar.
// The preview hosts one utility (the softphone), so the enclosing utility is always that one.
import { utilityBar } from '../../../../client/utilityBar.js';

function resolved(value) {
    return Promise.resolve(value);
}

export function getEnclosingUtilityId() {
    return resolved(utilityBar.id);
}

export function getAllUtilityInfo() {
    return resolved([utilityBar.info()]);
}

export function getUtilityInfo(utilityId) {
    return resolved(utilityId === utilityBar.id ? utilityBar.info() : null);
}

export function openUtility(utilityId = utilityBar.id) {
    return resolved(utilityBar.open(utilityId));
}

export const open = openUtility;

export function minimize(utilityId = utilityBar.id) {
    return resolved(utilityBar.minimize(utilityId));
}

export function updateUtility(utilityId, attributes = {}) {
    return resolved(utilityBar.update(utilityId, attributes));
}

export function updatePanel(utilityId, attributes = {}) {
    return resolved(utilityBar.updatePanel(utilityId, attributes));
}

export function setUtilityLabel(utilityId, label) {
    return updateUtility(utilityId, { label });
}

export function setUtilityHighlighted(utilityId, highlighted) {
    return updateUtility(utilityId, { highlighted });
}

export function onUtilityClick(utilityId, handler) {
    return resolved(utilityBar.onClick(utilityId, handler));
}

export function isUtilityPoppedOut() {
    return resolved(false);
}

/** Wire adapter: `@wire(EnclosingUtilityId) utilityId;` */
export class EnclosingUtilityId {
    constructor(dataCallback) {
        this.dataCallback = dataCallback;
    }

    connect() {
        this.dataCallback(utilityBar.id);
    }

    update() {}

    disconnect() {}
}
