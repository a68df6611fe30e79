import { describe, expect, it } from '@jest/globals';
import { reduceErrors } from 'c/ldsUtils';

describe('reduceErrors', () => {
    it('reads the message of an AuraHandledException', () => {
        const apexError = {
            status: 500,
            body: { message: 'No AC CTI Adapter named TokyoAdapter.' }
        };
        expect(reduceErrors(apexError)).toEqual(['No AC CTI Adapter named TokyoAdapter.']);
    });

    it('reads every message of a UI API error list', () => {
        const uiApiError = {
            status: 403,
            statusText: 'Forbidden',
            body: [
                { errorCode: 'INSUFFICIENT_ACCESS', message: "You don't have access." },
                { errorCode: 'OTHER', message: 'Ask your administrator.' }
            ]
        };
        expect(reduceErrors(uiApiError)).toEqual([
            "You don't have access.",
            'Ask your administrator.'
        ]);
    });

    it('prefers page and field errors of a DML error to its summary message', () => {
        const dmlError = {
            body: {
                message: 'An error occurred.',
                pageErrors: [{ message: 'Record is locked.' }],
                fieldErrors: { Value__c: [{ message: 'Value is too long.' }] }
            }
        };
        expect(reduceErrors(dmlError)).toEqual(['Record is locked.', 'Value is too long.']);
    });

    it('reads JavaScript errors, strings and lists of both', () => {
        expect(reduceErrors([new Error('CCP container is not rendered'), 'Timed out'])).toEqual([
            'CCP container is not rendered',
            'Timed out'
        ]);
    });

    it('falls back to the HTTP status text when nothing else says why', () => {
        expect(
            reduceErrors({ body: { message: ' ' }, message: '', statusText: 'Not Found' })
        ).toEqual(['Not Found']);
    });

    it('gives no message for errors that carry none, so the caller can say so', () => {
        expect(reduceErrors(new Event('error'))).toEqual([]);
        expect(reduceErrors(null)).toEqual([]);
        expect(reduceErrors(undefined)).toEqual([]);
    });
});
