// Server side of the Apex stand-in: AcFeatureController.getSoftphoneConfig answered from the
// config store, following force-app/main/default/classes/AcFeatureController.cls (same lookups,
// same messages). Like Lightning's serialization of @AuraEnabled DTOs, null fields are omitted.
// The name of the DTO's feature field is read from the class itself, so the preview answers
// with exactly the JSON the org would send, and a component/Apex disagreement shows up here.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readCustomLabels } from '../lib/labels.mjs';

const SESSION_END_FEATURE_NAME = 'SetAgentStatusOnSessionEnd';
export const APEX_CLASS_FILE = resolve(
    import.meta.dirname,
    '../../force-app/main/default/classes/AcFeatureController.cls'
);

const LABELS_FILE = resolve(
    import.meta.dirname,
    '../../force-app/main/default/labels/CustomLabels.labels-meta.xml'
);
const LABELS = readCustomLabels(LABELS_FILE);

/** The Custom Label an Apex message uses (System.Label), as an English user reads it. */
function apexLabel(name, ...values) {
    const text = LABELS.get(name);
    if (text === undefined) {
        throw new Error(`Custom Label ${name} is not defined in ${LABELS_FILE}`);
    }
    return text.replace(/\{(\d+)\}/g, (placeholder, index) => values[Number(index)] ?? placeholder);
}

/**
 * @param {string} classFile path of AcFeatureController.cls
 * @returns {{ featureField: string }} the SoftphoneConfig field holding the FeatureRecord
 */
export function readSoftphoneConfigShape(classFile = APEX_CLASS_FILE) {
    const source = existsSync(classFile) ? readFileSync(classFile, 'utf8') : '';
    const dto = source.match(/class\s+SoftphoneConfig\s*\{([\s\S]*?)\n\s*\}/)?.[1] ?? '';
    const featureField = dto.match(/public\s+FeatureRecord\s+(\w+)\s*;/)?.[1] ?? 'feature';
    return { featureField };
}

class AuraHandledError extends Error {}

function sameName(a, b) {
    // SOQL compares text case-insensitively.
    return String(a).toLowerCase() === String(b).toLowerCase();
}

function withoutNulls(record) {
    return Object.fromEntries(
        Object.entries(record).filter(([, value]) => value !== null && value !== undefined)
    );
}

function getSoftphoneConfig({ adapterName }, config, shape) {
    if (!adapterName || !adapterName.trim()) {
        throw new AuraHandledError(apexLabel('AcFeatureController_NoAdapterName'));
    }
    const trimmedName = adapterName.trim();
    const adapter = config.adapters.find((candidate) => sameName(candidate.name, trimmedName));
    if (!adapter) {
        throw new AuraHandledError(apexLabel('AcFeatureController_AdapterNotVisible', trimmedName));
    }
    const feature = adapter.features
        .filter(
            (candidate) => candidate.active && sameName(candidate.name, SESSION_END_FEATURE_NAME)
        )
        .sort((a, b) => b.lastModified - a.lastModified)[0];
    return withoutNulls({
        adapter: withoutNulls({
            id: adapter.id,
            name: adapter.name,
            ccpUrl: adapter.ccpUrl,
            customCcpDomains: adapter.customCcpDomains,
            samlLoginUrl: adapter.samlLoginUrl,
            region: adapter.region,
            allowFramedSoftphone: adapter.allowFramedSoftphone,
            ccpLoadTimeoutSeconds: adapter.ccpLoadTimeoutSeconds
        }),
        [shape.featureField]: feature
            ? withoutNulls({ id: feature.id, name: feature.name, rawValue: feature.value })
            : null
    });
}

/** Salesforce answers a call from a page whose session ended with an error, never with false. */
class SessionEndedError extends Error {}

function isSessionActive(params, config, shape, session) {
    if (!session.active) {
        throw new SessionEndedError('Session expired or invalid');
    }
    return true;
}

/**
 * PresenceTokenController.getPresenceToken, following the class: no URL means off; else the
 * certificate name and the username rule are checked, and the local presence service's key (the
 * certificate's stand-in) signs the token with the claims the class builds.
 */
async function getPresenceToken({ adapterName }, config, shape, session, presence) {
    const name = (adapterName ?? '').trim();
    const adapter = config.adapters.find((candidate) => sameName(candidate.name, name));
    if (!adapter) {
        throw new AuraHandledError(
            `No AC CTI Adapter named ${name} is visible to you. Check the name in App Builder and that you have the Connect Softphone Agent permission set.`
        );
    }
    if (!adapter.presenceServiceUrl) {
        return {};
    }
    if (!adapter.presenceCertificateName) {
        throw new AuraHandledError(
            `The AC CTI Adapter ${adapter.name} has a Presence Service URL but no Presence Certificate Name. Enter the Unique Name of the signing certificate from Setup > Certificate and Key Management, or clear the URL to turn the backstop off.`
        );
    }
    const fieldName = adapter.presenceUsernameField ?? 'Username';
    const user = presence?.user ?? {};
    if (!Object.hasOwn(user, fieldName)) {
        throw new AuraHandledError(
            `The User field ${fieldName} named in Presence Username Field of the AC CTI Adapter ${adapter.name} does not exist or is not a text field. Enter the API name of a text field of User, for example Username or FederationIdentifier.`
        );
    }
    let username = String(user[fieldName] ?? '').trim();
    if (adapter.presenceUsernameStripDomain && username.includes('@')) {
        username = username.slice(0, username.indexOf('@')).trim();
    }
    if (!username) {
        throw new AuraHandledError(
            `Your User record has no value in ${fieldName}, which holds your Amazon Connect username for the presence backstop. Ask your admin to fill it in.`
        );
    }
    if (!presence?.signToken || adapter.presenceCertificateName !== presence.certificateName) {
        throw new AuraHandledError(
            `The certificate ${adapter.presenceCertificateName} named on the AC CTI Adapter ${adapter.name} could not sign the presence token. Check that a certificate with this Unique Name exists in Setup > Certificate and Key Management.`
        );
    }
    const issuedAt = Math.floor(Date.now() / 1000);
    const token = await presence.signToken({
        sub: user.Id,
        connect_username: username,
        iat: issuedAt,
        exp: issuedAt + 600
    });
    return { serviceUrl: adapter.presenceServiceUrl, token, expiresAt: (issuedAt + 600) * 1000 };
}

// refreshSoftphoneConfig is the same read without the platform's cache (the preview has none).
const METHODS = {
    getSoftphoneConfig,
    refreshSoftphoneConfig: getSoftphoneConfig,
    isSessionActive,
    getPresenceToken
};

/**
 * @param {string} methodName
 * @param {Record<string, string>} params
 * @param {{ adapters: object[] }} config
 * @param {{ featureField: string }} shape from readSoftphoneConfigShape
 * @param {{ active: boolean }} session the Salesforce session (Log Out ends it)
 * @param {{ signToken: Function, certificateName: string, user: object } | null} presence the
 *   local presence service's signer (the certificate's stand-in) and the running user's record
 * @returns {Promise<{ status: number, body: object }>}
 */
export async function callApex(
    methodName,
    params,
    config,
    shape,
    session = { active: true },
    presence = null
) {
    const method = Object.hasOwn(METHODS, methodName) ? METHODS[methodName] : null;
    if (!method) {
        return {
            status: 404,
            body: {
                message: `No Apex method ${methodName} in the preview`,
                exceptionType: 'System.NoSuchMethodException'
            }
        };
    }
    try {
        return { status: 200, body: await method(params, config, shape, session, presence) };
    } catch (error) {
        if (error instanceof SessionEndedError) {
            return {
                status: 401,
                body: { message: error.message, exceptionType: 'INVALID_SESSION_ID' }
            };
        }
        if (error instanceof AuraHandledError) {
            return {
                status: 500,
                body: { message: error.message, exceptionType: 'System.AuraHandledException' }
            };
        }
        throw error;
    }
}
