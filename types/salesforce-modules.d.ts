// Platform modules that @salesforce/lightning-types does not declare. This file is a global script
// (no top-level import/export), so the `declare module` blocks below are ambient declarations.

/**
 * An Apex method import is used two ways: called imperatively (a Promise of the result) and as the
 * adapter of `@wire` (a wire adapter constructor). Typing it as both lets either use typecheck.
 */
type ApexMethod<Params extends object, Result> = ((params: Params) => Promise<Result>) &
    import('lwc').WireAdapterConstructor<Params, { data?: Result; error?: unknown }>;

/** The DTOs of the Apex class AcFeatureController, named like its inner classes. */
declare namespace AcFeatureController {
    interface AdapterSettings {
        id: string;
        name: string;
        ccpUrl: string | null;
        customCcpDomains?: string | null; // host names outside Connect's domains, comma-separated
        samlLoginUrl: string | null;
        region: string | null;
        allowFramedSoftphone: boolean | null;
        ccpLoadTimeoutSeconds: number | null;
    }
    interface FeatureRecord {
        id: string;
        name: string;
        rawValue: string | null;
    }
    interface SoftphoneConfig {
        adapter: AdapterSettings;
        /** The active SetAgentStatusOnSessionEnd record; null when the feature is off. */
        feature: FeatureRecord | null;
    }
}

declare module '@salesforce/apex/AcFeatureController.getSoftphoneConfig' {
    const getSoftphoneConfig: ApexMethod<
        { adapterName: string },
        AcFeatureController.SoftphoneConfig
    >;
    export default getSoftphoneConfig;
}

/** The same read as getSoftphoneConfig, not cacheable: Retry gets the records as they are now. */
declare module '@salesforce/apex/AcFeatureController.refreshSoftphoneConfig' {
    const refreshSoftphoneConfig: ApexMethod<
        { adapterName: string },
        AcFeatureController.SoftphoneConfig
    >;
    export default refreshSoftphoneConfig;
}

/** The DTO of the Apex class PresenceTokenController. */
declare namespace PresenceTokenController {
    interface PresenceToken {
        /** The adapter's Presence Service URL; absent (null) when the backstop is off. */
        serviceUrl?: string | null;
        token?: string | null;
        expiresAt?: number | null; // ms since the epoch
    }
}

declare module '@salesforce/apex/PresenceTokenController.getPresenceToken' {
    const getPresenceToken: ApexMethod<
        { adapterName: string },
        PresenceTokenController.PresenceToken
    >;
    export default getPresenceToken;
}

/** Any other Apex method: its result type is unknown until it gets its own declaration above. */
declare module '@salesforce/apex/*' {
    const apexMethod: ApexMethod<Record<string, unknown>, unknown>;
    export default apexMethod;
}

/** `@salesforce/resourceUrl/<Name>`: the URL of a static resource. */
declare module '@salesforce/resourceUrl/*' {
    const url: string;
    export default url;
}

/** `@salesforce/label/c.<Name>`: the Custom Label's text in the user's language. */
declare module '@salesforce/label/*' {
    const label: string;
    export default label;
}

/** The user's Salesforce locale, e.g. `en-US`, `ja-JP`. */
declare module '@salesforce/i18n/locale' {
    const locale: string;
    export default locale;
}

/** The user's Salesforce time zone, e.g. `Asia/Tokyo`. */
declare module '@salesforce/i18n/timeZone' {
    const timeZone: string;
    export default timeZone;
}
