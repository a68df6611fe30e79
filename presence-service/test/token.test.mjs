// The identity token: only an RS256 token signed by the configured certificate, for this issuer,
// audience and org, unexpired and living at most 10 minutes, names an agent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createPrivateKey } from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import { loadService } from '../build.mjs';

const svc = await loadService();
const fixture = (name) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
// A self-signed test certificate, as Certificate and Key Management exports one (PEM).
const CERTIFICATE = fixture('test-signing.crt');
const PRIVATE_KEY = createPrivateKey(fixture('test-signing.key'));
const ISSUER = 'https://acme.my.salesforce.com';
const ORG = '00D5g000004FakeAAA';
const NOW = Date.parse('2026-12-01T09:00:00Z');
const policy = { issuer: ISSUER, orgId: ORG, key: await svc.verificationKey(CERTIFICATE) };

function claims(overrides = {}) {
    const iat = Math.floor(NOW / 1000);
    return {
        iss: ISSUER,
        sub: '005000000000001AAA',
        aud: svc.TOKEN_AUDIENCE,
        org: ORG,
        connect_username: 'agent1',
        iat,
        exp: iat + 600,
        jti: 'j-1',
        ...overrides
    };
}

const sign = (payload, key = PRIVATE_KEY, alg = 'RS256') =>
    new SignJWT(payload).setProtectedHeader({ alg }).sign(key);

test('a token signed with the Salesforce certificate names the org and the Connect username', async () => {
    const check = await svc.verifyToken(await sign(claims()), policy, NOW);
    assert.deepEqual(check, {
        ok: true,
        identity: {
            org: ORG,
            username: 'agent1',
            salesforceUserId: '005000000000001AAA',
            tokenId: 'j-1'
        }
    });
});

test('clock skew up to 60 s is tolerated, beyond it the token has expired', async () => {
    const token = await sign(claims());
    assert.equal((await svc.verifyToken(token, policy, NOW + 650_000)).ok, true);
    assert.deepEqual(await svc.verifyToken(token, policy, NOW + 670_000), {
        ok: false,
        reason: 'ERR_JWT_EXPIRED'
    });
});

test('tokens the service must refuse, each with its reason', async () => {
    const refusals = [
        [claims({ iss: 'https://other.my.salesforce.com' }), 'ERR_JWT_CLAIM_VALIDATION_FAILED'],
        [claims({ aud: 'urn:other' }), 'ERR_JWT_CLAIM_VALIDATION_FAILED'],
        [claims({ org: '00D000000000000AAA' }), 'wrongOrg'],
        [claims({ connect_username: '' }), 'noConnectUsername'],
        [claims({ sub: 'not-an-id' }), 'badSubject'],
        [claims({ exp: Math.floor(NOW / 1000) + 3600 }), 'lifetimeOverTenMinutes'],
        [claims({ jti: undefined }), 'ERR_JWT_CLAIM_VALIDATION_FAILED']
    ];
    for (const [payload, reason] of refusals) {
        assert.deepEqual(
            await svc.verifyToken(await sign(payload), policy, NOW),
            { ok: false, reason },
            JSON.stringify(payload)
        );
    }
});

test('a forged token is refused: another key, alg none, HS256 keyed with the public certificate', async () => {
    const { privateKey } = await import('jose').then((j) => j.generateKeyPair('RS256'));
    assert.equal((await svc.verifyToken(await sign(claims(), privateKey), policy, NOW)).ok, false);
    const unsigned = new UnsecuredJWT(claims()).encode();
    assert.equal((await svc.verifyToken(unsigned, policy, NOW)).ok, false);
    const hmac = await sign(claims(), new TextEncoder().encode(CERTIFICATE), 'HS256');
    assert.equal((await svc.verifyToken(hmac, policy, NOW)).ok, false);
    const [header, payload, signature] = (await sign(claims())).split('.');
    const otherPayload = Buffer.from(
        JSON.stringify(claims({ connect_username: 'agent2' }))
    ).toString('base64url');
    assert.equal(
        (await svc.verifyToken(`${header}.${otherPayload}.${signature}`, policy, NOW)).ok,
        false
    );
    void payload;
});

test('the certificate must be PEM, and the message says so', async () => {
    await assert.rejects(
        svc.verificationKey('MIIB...'),
        /CertificatePem must be a PEM certificate/
    );
});
