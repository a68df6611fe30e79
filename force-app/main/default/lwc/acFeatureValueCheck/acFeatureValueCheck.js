/**
 * AC Feature record page: checks the Value of `SetAgentStatusOnSessionEnd` where the admin writes it,
 * with the same parser the softphone uses, and shows the effective settings and every problem.
 * `getRecord` re-provisions when the record is saved, so the check follows each edit.
 */
import { LightningElement, api, wire } from 'lwc';
import { getFieldValue, getRecord } from 'lightning/uiRecordApi';
import ACTIVE_FIELD from '@salesforce/schema/AC_Feature__c.Active__c';
import NAME_FIELD from '@salesforce/schema/AC_Feature__c.Name';
import VALUE_FIELD from '@salesforce/schema/AC_Feature__c.Value__c';
import { SESSION_END_FEATURE_NAME, parseSessionEndValue } from 'c/featureValueParser';
import { formatLabel } from 'c/valueDiagnostics';
import { reduceErrors } from 'c/ldsUtils';
import { buildProblems, buildSettingRows } from './checkView';
import { LABELS } from './labels';
const FIELDS = [NAME_FIELD, VALUE_FIELD, ACTIVE_FIELD];
export default class AcFeatureValueCheck extends LightningElement {
    @api
    recordId;
    labels = LABELS;
    record;
    parsed = parseSessionEndValue(null);
    errorMessage = '';
    @wire(getRecord, { recordId: '$recordId', fields: FIELDS })
    wiredRecord({ data, error }) {
        if (data) {
            const value = getFieldValue(data, VALUE_FIELD);
            this.record = data;
            this.parsed = parseSessionEndValue(typeof value === 'string' ? value : null);
            this.errorMessage = '';
        }
        else if (error) {
            this.record = undefined;
            this.errorMessage = reduceErrors(error).join(' ') || LABELS.unknownError;
        }
    }
    get isLoading() {
        return !this.record && !this.errorMessage;
    }
    get hasError() {
        return this.errorMessage !== '';
    }
    get featureName() {
        const name = getFieldValue(this.record, NAME_FIELD);
        return typeof name === 'string' ? name.trim() : '';
    }
    /** Matched as the softphone's Apex query matches it: SOQL compares names case-insensitively. */
    get isOtherFeature() {
        return this.featureName.toLowerCase() !== SESSION_END_FEATURE_NAME.toLowerCase();
    }
    get otherFeatureNote() {
        return formatLabel(LABELS.otherFeature, SESSION_END_FEATURE_NAME, this.featureName);
    }
    get isInactive() {
        return getFieldValue(this.record, ACTIVE_FIELD) !== true;
    }
    get settingRows() {
        return buildSettingRows(this.parsed.settings);
    }
    get problems() {
        return buildProblems(this.parsed.diagnostics);
    }
    get hasProblems() {
        return this.parsed.diagnostics.length > 0;
    }
    get summaryText() {
        return this.hasProblems
            ? formatLabel(LABELS.problemsFound, this.parsed.diagnostics.length)
            : LABELS.noProblems;
    }
}
