// The identity token: a compact RS256 JWS minted by Apex (docs/presence-protocol.md). The agent's
// identity (org + Connect username) comes from a verified token and from nothing else.
import { importSPKI, importX509, jwtVerify, type CryptoKey, type JWTPayload } from 'jose';

export const TOKEN_AUDIENCE = 'urn:amazon-connect-softphone:presence';
const CLOCK_SKEW_SECONDS = 60;
const MAX_LIFETIME_SECONDS = 600;
const SALESFORCE_ID = /^[a-zA-Z0-9]{18}$/;

export interface Identity {
    org: string;
    username: string;
    salesforceUserId: string;
    tokenId: string;
}

export interface TokenPolicy {
    issuer: string;
    orgId: string;
    key: CryptoKey;
}

/**
 * The key that verifies Salesforce's tokens, from the certificate exported from Certificate and
 * Key Management (`-----BEGIN CERTIFICATE-----`), or a bare public key (`-----BEGIN PUBLIC KEY-----`).
 */
export async function verificationKey(pem: string): Promise<CryptoKey> {
    const text = pem.trim();
    if (text.startsWith('-----BEGIN CERTIFICATE-----')) return importX509(text, 'RS256');
    if (text.startsWith('-----BEGIN PUBLIC KEY-----')) return importSPKI(text, 'RS256');
    throw new Error(
        'CertificatePem must be a PEM certificate (-----BEGIN CERTIFICATE-----) or public key'
    );
}

/** Why a token was refused: logged (never the token itself), never sent to the caller. */
export type TokenCheck = { ok: true; identity: Identity } | { ok: false; reason: string };

function claim(payload: JWTPayload, name: string): string | null {
    const value = payload[name];
    return typeof value === 'string' && value !== '' ? value : null;
}

export async function verifyToken(
    token: string,
    policy: TokenPolicy,
    nowMs: number
): Promise<TokenCheck> {
    let payload: JWTPayload;
    try {
        ({ payload } = await jwtVerify(token, policy.key, {
            algorithms: ['RS256'],
            issuer: policy.issuer,
            audience: TOKEN_AUDIENCE,
            clockTolerance: CLOCK_SKEW_SECONDS,
            currentDate: new Date(nowMs),
            requiredClaims: ['iat', 'exp', 'sub', 'jti']
        }));
    } catch (error) {
        const code = (error as { code?: string }).code ?? 'ERR_JWT_INVALID';
        return { ok: false, reason: code };
    }
    const org = claim(payload, 'org');
    const username = claim(payload, 'connect_username');
    const sub = claim(payload, 'sub');
    const jti = claim(payload, 'jti');
    if (org !== policy.orgId) return { ok: false, reason: 'wrongOrg' };
    if (!username) return { ok: false, reason: 'noConnectUsername' };
    if (!sub || !SALESFORCE_ID.test(sub)) return { ok: false, reason: 'badSubject' };
    if (!jti) return { ok: false, reason: 'noTokenId' };
    const lifetime = (payload.exp ?? 0) - (payload.iat ?? 0);
    if (lifetime <= 0 || lifetime > MAX_LIFETIME_SECONDS) {
        return { ok: false, reason: 'lifetimeOverTenMinutes' };
    }
    return { ok: true, identity: { org, username, salesforceUserId: sub, tokenId: jti } };
}
