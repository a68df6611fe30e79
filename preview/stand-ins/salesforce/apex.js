// Stand-in for `@salesforce/apex/<Class>.<method>` imports: calls the preview server's Apex
// stand-in and reports failures the way Lightning Data Service does for an AuraHandledException
// (`error.body.message`). Results are deep-frozen: cacheable Apex results are read-only in an org.

function deepFreeze(value) {
    if (value && typeof value === 'object' && !Object.isFrozen(value)) {
        Object.freeze(value);
        Object.values(value).forEach(deepFreeze);
    }
    return value;
}

function serverError(status, statusText, payload) {
    return {
        ok: false,
        status,
        statusText,
        headers: {},
        body: {
            message: payload?.message ?? statusText,
            exceptionType: payload?.exceptionType ?? 'System.UnexpectedException',
            isUserDefinedException: false,
            stackTrace: null
        }
    };
}

/**
 * @param {string} className e.g. 'AcFeatureController'
 * @param {string} methodName e.g. 'getSoftphoneConfig'
 * @returns {Function} callable imperatively and usable with @wire (via its `adapter`)
 */
export function createApexMethod(className, methodName) {
    async function callApex(params = {}) {
        const query = new URLSearchParams();
        for (const [name, value] of Object.entries(params ?? {})) {
            if (value !== undefined && value !== null) {
                query.set(name, typeof value === 'object' ? JSON.stringify(value) : String(value));
            }
        }
        let response;
        try {
            response = await fetch(`/apex/${encodeURIComponent(methodName)}?${query}`, {
                headers: { Accept: 'application/json', 'X-Apex-Class': className }
            });
        } catch {
            throw serverError(0, 'Disconnected or Canceled', null);
        }
        const payload = await response.json().catch(() => null);
        if (!response.ok) {
            throw serverError(response.status, response.statusText, payload);
        }
        return deepFreeze(payload);
    }

    // `@wire(apexMethod, config)` goes through `adapter`, as the platform's Apex imports do.
    callApex.adapter = class ApexWireAdapter {
        constructor(dataCallback) {
            this.dataCallback = dataCallback;
            this.disconnected = false;
        }

        connect() {
            this.disconnected = false;
        }

        disconnect() {
            this.disconnected = true;
        }

        update(config) {
            callApex(config).then(
                (data) => !this.disconnected && this.dataCallback({ data, error: undefined }),
                (error) => !this.disconnected && this.dataCallback({ data: undefined, error })
            );
        }
    };
    return callApex;
}
