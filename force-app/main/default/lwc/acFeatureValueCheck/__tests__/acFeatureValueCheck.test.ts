import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { createElement } from 'lwc';
import AcFeatureValueCheck from 'c/acFeatureValueCheck';
import { getRecord } from 'lightning/uiRecordApi';
import type { RecordRepresentation } from 'lightning/uiRecordApi';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The controls sfdx-lwc-jest's LDS test adapter adds to `getRecord` (not in the platform types). */
interface LdsTestWireAdapter {
    emit(value: RecordRepresentation): void;
    error(body?: unknown, status?: number, statusText?: string): void;
    getLastConfig(): Record<string, unknown>;
}
// A test drives the adapter directly; in the component it is only used through @wire.
// eslint-disable-next-line @lwc/lwc/no-unexpected-wire-adapter-usages
const getRecordAdapter = getRecord as unknown as LdsTestWireAdapter;

type Fixture =
    | 'blankValue'
    | 'seedValue'
    | 'fullValue'
    | 'malformedValue'
    | 'japaneseStatus'
    | 'inactive'
    | 'otherFeature';

/** A UI API record as `getRecord` provisions it, from `__tests__/data`. */
function recordFixture(name: Fixture): RecordRepresentation {
    return JSON.parse(
        readFileSync(join(__dirname, 'data', `${name}.json`), 'utf8')
    ) as RecordRepresentation;
}

// Resolves pending promises and lets the component re-render.
function flushPromises(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

async function renderCheck(): Promise<HTMLElement & { recordId?: string }> {
    const element = createElement('c-ac-feature-value-check', { is: AcFeatureValueCheck });
    Object.assign(element, { recordId: 'a01J80000012AbC002' });
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

async function showRecord(element: HTMLElement, name: Fixture): Promise<void> {
    getRecordAdapter.emit(recordFixture(name));
    await flushPromises();
    expect(element.shadowRoot).not.toBeNull();
}

function query(element: HTMLElement, selector: string): HTMLElement | null {
    return element.shadowRoot!.querySelector(selector);
}

function texts(element: HTMLElement, selector: string): string[] {
    return Array.from(element.shadowRoot!.querySelectorAll(selector)).map((node) =>
        (node.textContent ?? '').trim()
    );
}

/** The effective settings as a reader sees them: term → value (list items joined by " | "). */
function settings(element: HTMLElement): Record<string, string> {
    const rows = element.shadowRoot!.querySelectorAll('dl[data-id="settings"] > div');
    return Object.fromEntries(
        Array.from(rows).map((row) => {
            const term = row.querySelector('dt')!.textContent!.trim();
            const detail = row.querySelector('dd')!;
            const items = Array.from(detail.querySelectorAll('li')).map((li) =>
                li.textContent!.trim()
            );
            const value =
                items.length > 0
                    ? items.join(' | ')
                    : detail.querySelector(':scope > span')!.textContent!.trim();
            return [term, value];
        })
    );
}

function summary(element: HTMLElement): string {
    return (query(element, '[role="status"][data-id="summary"]')?.textContent ?? '').trim();
}

function iconTexts(element: HTMLElement, selector: string): string[] {
    return Array.from(element.shadowRoot!.querySelectorAll(selector)).map(
        (icon) => (icon as HTMLElement & { alternativeText: string }).alternativeText
    );
}

describe('c-ac-feature-value-check', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('reads the Name, Value and Active of the record it is placed on', async () => {
        await renderCheck();

        const config = getRecordAdapter.getLastConfig();
        expect(config.recordId).toBe('a01J80000012AbC002');
        expect(config.fields).toEqual([
            { objectApiName: 'AC_Feature__c', fieldApiName: 'Name' },
            { objectApiName: 'AC_Feature__c', fieldApiName: 'Value__c' },
            { objectApiName: 'AC_Feature__c', fieldApiName: 'Active__c' }
        ]);
    });

    it('shows a spinner with a spoken label until the record arrives', async () => {
        const element = await renderCheck();

        const spinner = query(element, 'lightning-spinner') as HTMLElement & {
            alternativeText: string;
        };
        expect(spinner.alternativeText).toBe('Checking the Value…');
        expect(query(element, 'dl')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('explains that a blank Value means the defaults, with no problems', async () => {
        const element = await renderCheck();
        await showRecord(element, 'blankValue');

        expect(settings(element)).toEqual({
            'Status at session end': 'Offline',
            'Applies to routing profiles containing': 'Everyone',
            'Only when the current status is': 'Any status',
            'Status after login': 'Available',
            'Session-end timer': '5 seconds'
        });
        expect(summary(element)).toBe('No problems found');
        expect(iconTexts(element, '[data-id="summary"] lightning-icon')).toEqual(['Success']);
        expect(query(element, '[data-id="problems"]')).toBeNull();
        expect(query(element, '[data-id="feature-off"]')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it("accepts the seed's Status:Offline", async () => {
        const element = await renderCheck();
        await showRecord(element, 'seedValue');

        expect(settings(element)['Status at session end']).toBe('Offline');
        expect(summary(element)).toBe('No problems found');
        await expect(element).toBeAccessible();
    });

    it('lists every setting of a full Value, Logout as signing out of the CCP', async () => {
        const element = await renderCheck();
        await showRecord(element, 'fullValue');

        expect(settings(element)).toEqual({
            'Status at session end': 'Sign out of the CCP',
            'Applies to routing profiles containing': 'Sales | Support',
            'Only when the current status is': 'Available | Lunch Break',
            'Status after login': 'Available',
            'Session-end timer': '10 seconds'
        });
        expect(texts(element, '[data-id="sessionEndTimer"] dd p')).toEqual([
            'A page back within this time counts as a reload: the agent gets their previous status back instead of the initial status. The session-end status is still set at once.'
        ]);
        expect(summary(element)).toBe('No problems found');
        await expect(element).toBeAccessible();
    });

    it('lists each problem of a malformed Value with its line number, severity and fix', async () => {
        const element = await renderCheck();
        await showRecord(element, 'malformedValue');

        expect(summary(element)).toBe(
            'Problems found: 3. Fix them in the Value and save; the check runs again when you save.'
        );
        expect(texts(element, '[data-id="problems"] > li')).toEqual([
            'Line 2: "Stauts" is not a known setting and is ignored. Did you mean "Status"?',
            'Line 3: "Offline" is not written as Key:Value and is ignored.',
            'Line 4: "status" is set more than once. Keep one line per setting; put list items on one line, comma-separated.'
        ]);
        expect(iconTexts(element, '[data-id="problem-icon"]')).toEqual([
            'Error',
            'Error',
            'Warning'
        ]);
        expect(texts(element, '[data-id="format-hint"]')[0]).toContain(
            'Write one setting per line as Key:Value.'
        );
        // The bad lines are ignored: the first Status line stands.
        expect(settings(element)['Status at session end']).toBe('Offline');
        await expect(element).toBeAccessible();
    });

    it('shows Japanese status names as written', async () => {
        const element = await renderCheck();
        await showRecord(element, 'japaneseStatus');

        expect(settings(element)).toMatchObject({
            'Status at session end': '退席中',
            'Only when the current status is': '受付可能 | 休憩中',
            'Status after login': '受付可能'
        });
        expect(summary(element)).toBe('No problems found');
        await expect(element).toBeAccessible();
    });

    it('says the feature is off when the record is inactive, and still checks the Value', async () => {
        const element = await renderCheck();
        await showRecord(element, 'inactive');

        expect(query(element, '[data-id="feature-off"]')!.textContent!.trim()).toBe(
            'This feature is off: agents keep their status when the Salesforce session ends. Select Active to turn it on.'
        );
        expect(iconTexts(element, '[data-id="feature-off"] lightning-icon')).toEqual([
            'Information'
        ]);
        expect(settings(element)['Status at session end']).toBe('Offline');
        expect(summary(element)).toBe('No problems found');
        await expect(element).toBeAccessible();
    });

    it('does not check the Value of another AC Feature', async () => {
        const element = await renderCheck();
        await showRecord(element, 'otherFeature');

        expect(query(element, '[data-id="other-feature"]')!.textContent).toBe(
            'This check covers only the SetAgentStatusOnSessionEnd feature; the Value of ContactAttributesDisplay is not checked here.'
        );
        expect(query(element, 'dl')).toBeNull();
        expect(query(element, '[data-id="problems"]')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('checks the Value again when the admin saves the record', async () => {
        const element = await renderCheck();
        await showRecord(element, 'seedValue');
        expect(summary(element)).toBe('No problems found');

        await showRecord(element, 'malformedValue');

        expect(texts(element, '[data-id="problems"] > li')).toHaveLength(3);
        expect(summary(element)).toMatch(/^Problems found: 3\./);
    });

    it('says why the record could not be read', async () => {
        const element = await renderCheck();
        getRecordAdapter.error(
            [
                {
                    errorCode: 'INSUFFICIENT_ACCESS',
                    message: "You don't have access to this record. Ask your administrator."
                }
            ],
            403,
            'Forbidden'
        );
        await flushPromises();

        const error = query(element, '[role="alert"]')!;
        expect(error.textContent).toContain(
            'The AC Feature record could not be read, so its Value was not checked.'
        );
        expect(query(element, '[data-id="error-message"]')!.textContent).toBe(
            "You don't have access to this record. Ask your administrator."
        );
        expect(iconTexts(element, '[role="alert"] lightning-icon')).toEqual(['Error']);
        expect(query(element, 'dl')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('says when the record no longer exists', async () => {
        const element = await renderCheck();
        getRecordAdapter.error(); // the adapter's default: 404, NOT_FOUND

        await flushPromises();

        expect(query(element, '[data-id="error-message"]')!.textContent).toBe(
            'The requested resource does not exist'
        );
    });
});
