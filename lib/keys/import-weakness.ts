/**
 * Weak-key checks on an imported key: findings for a pasted private key, short RSA moduli and
 * short or well-known secrets, and a refusal for keys that must not verify anything.
 */
import { decodeBase64url } from '../token/base64url';
import type { Finding } from '../types';
import type { ImportedKey } from './import-types';
import { isRocaVulnerable } from './roca';
import { WELL_KNOWN_JWT_SECRETS } from './well-known-secrets';

/** HMAC output sizes: RFC 7518 §3.2 wants a secret at least this long. */
const HMAC_HASH_BYTES: Readonly<Record<string, number>> = { HS256: 32, HS384: 48, HS512: 64 };

/** Adds findings, and a refusal for keys that must not verify anything. Mutates the fresh key only. */
export function weaknessFindings(
  key: ImportedKey,
  secretText: string | undefined,
  alg: string | undefined,
  many: boolean,
): Finding[] {
  const out: Finding[] = [];
  const which = many ? `${key.source}: ` : '';
  if (key.privateJwk) {
    out.push({
      id: 'private-key-pasted',
      severity: 'warning',
      message: `${which}You pasted a private key. Only its public part is used to verify. Nothing leaves this page, but treat the key as exposed if you pasted it anywhere else, and use the public key next time.`,
    });
  }
  if (key.kty === 'RSA') {
    const e = bigIntOf(key.jwk.e);
    const n = bigIntOf(key.jwk.n);
    if (e < 3n || e % 2n === 0n) {
      key.refusal = {
        code: 'rsa-exponent-too-small',
        message: `${which}The RSA public exponent is ${e}; it must be an odd number of at least 3 (RFC 8017 §3.1). With e = 1 anyone can forge signatures, so this key is refused.`,
      };
      out.push({ id: 'rsa-exponent-too-small', severity: 'danger', message: key.refusal.message });
    }
    if (isRocaVulnerable(n)) {
      key.refusal = {
        code: 'rsa-roca',
        message: `${which}This RSA modulus has the ROCA fingerprint (CVE-2017-15361): it was made by a flawed Infineon library and its private key can be recovered. The key is refused; the issuer must replace it.`,
      };
      out.push({ id: 'rsa-roca', severity: 'danger', message: key.refusal.message });
    }
    if (key.bits < 2048) {
      out.push({
        id: 'rsa-modulus-short',
        severity: 'warning',
        message: `${which}The RSA modulus is ${key.bits} bits; RFC 7518 §3.3 requires at least 2048. Keys this short can be factored by a determined attacker.`,
      });
    }
  }
  if (key.kty === 'oct') {
    const bytes = key.secret?.length ?? 0;
    const minimum = (alg && Object.hasOwn(HMAC_HASH_BYTES, alg) && HMAC_HASH_BYTES[alg]) || 32;
    if (bytes === 0) {
      key.refusal = {
        code: 'secret-empty',
        message: `${which}The secret is empty, so anyone can compute the signature. Paste the real secret.`,
      };
      out.push({ id: 'weak-secret', severity: 'danger', message: key.refusal.message });
    } else if (secretText !== undefined && WELL_KNOWN_JWT_SECRETS.has(secretText)) {
      out.push({
        id: 'weak-secret',
        severity: 'danger',
        message: `${which}"${secretText}" is a well-known example secret from tutorials and JWT secret lists. Anyone can sign tokens with it; never use it outside a demo.`,
      });
    } else if (bytes < minimum) {
      out.push({
        id: 'weak-secret',
        severity: 'warning',
        message: `${which}The secret is ${bytes} bytes; ${alg && Object.hasOwn(HMAC_HASH_BYTES, alg) ? alg : 'HS256'} needs at least ${minimum} bytes (RFC 7518 §3.2). Short secrets can be brute-forced offline from any token.`,
      });
    }
  }
  return out;
}

/** A base64url big-endian integer (JWK n, e) as a bigint; 0 when unreadable. */
function bigIntOf(member: string | undefined): bigint {
  const decoded = decodeBase64url(member ?? '');
  let n = 0n;
  if (decoded.ok) for (const b of decoded.bytes) n = (n << 8n) | BigInt(b);
  return n;
}
