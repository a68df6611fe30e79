// The stand-in's https certificate: the softphone refuses a CCP URL that is not https (c/ccpUrlPolicy),
// so the CCP is served over TLS even on loopback. The key is a test fixture for 127.0.0.2 only;
// the test Chromium trusts this one certificate by its public-key hash (CHROMIUM_ARGS), nothing else.
import { X509Certificate, createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const TLS_DIR = join(import.meta.dirname, 'tls');

/** `{ cert, key }` for node:https, valid for IP 127.0.0.2 and localhost until 2126. */
export const STAND_IN_TLS = Object.freeze({
    cert: readFileSync(join(TLS_DIR, 'stand-in.cert.pem')),
    key: readFileSync(join(TLS_DIR, 'stand-in.key.pem'))
});

/** Base64 SHA-256 of the certificate's SubjectPublicKeyInfo: Chromium's --ignore-certificate-errors-spki-list. */
export const STAND_IN_SPKI_SHA256 = createHash('sha256')
    .update(
        new X509Certificate(STAND_IN_TLS.cert).publicKey.export({ type: 'spki', format: 'der' })
    )
    .digest('base64');
