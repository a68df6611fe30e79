// `lightning/uiRecordApi` and `@salesforce/schema/*`, which @salesforce/lightning-types does not
// declare. Only what this project uses; shapes follow the UI API's Record representation. This file
// is a global script (no top-level import/export), so the `declare module` blocks are ambient.

/** `@salesforce/schema/<Object>.<Field>`: a reference the platform checks when the bundle deploys. */
declare module '@salesforce/schema/*' {
    const fieldReference: { objectApiName: string; fieldApiName: string };
    export default fieldReference;
}

declare module 'lightning/uiRecordApi' {
    type FieldReference = { objectApiName: string; fieldApiName: string } | string;

    /** One field of a UI API record: `value` as stored, `displayValue` formatted (or null). */
    export interface FieldValueRepresentation {
        displayValue: string | null;
        value: unknown;
    }

    export interface RecordRepresentation {
        apiName: string;
        id: string;
        fields: Record<string, FieldValueRepresentation>;
        lastModifiedDate?: string | null;
        systemModstamp?: string | null;
    }

    export interface GetRecordConfig {
        recordId: string | undefined;
        fields?: FieldReference[];
        optionalFields?: FieldReference[];
    }

    /** Provisions `{ data, error }`; LDS re-provisions it when the record changes (an admin saves). */
    export const getRecord: import('lwc').WireAdapterConstructor<
        GetRecordConfig,
        { data?: RecordRepresentation; error?: unknown }
    >;

    export function getFieldValue(
        record: RecordRepresentation | undefined,
        field: FieldReference
    ): unknown;
}
