/**
 * The crypto: one signature checked with one key. The plain case goes straight to WebCrypto, the
 * rest (unprotected headers, crit, b64) through jose's flattenedVerify, and secp256k1 through noble.
 * Keys are imported once per key and alg.
 */
import { flattenedVerify, importJWK, type JWK } from 'jose';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import type { ImportedKey } from '../keys/import';
import { decodeBase64url } from '../token/base64url';
import type { JwsAlgorithm } from './algorithms';
import { mapJoseError } from './jose-errors';
import type { SignatureEntry } from './signature-entry';

const cryptoKeys = new WeakMap<ImportedKey, Map<string, Promise<CryptoKey | Uint8Array>>>();

/** true / false for a checked signature, or an error when it could not be checked. */
export async function checkSignature(
  row: JwsAlgorithm,
  key: ImportedKey,
  entry: SignatureEntry,
  signature: Uint8Array,
): Promise<boolean | { code: string; message: string }> {
  const context = `${key.source}: `;
  if (row.engine === 'noble-secp256k1') {
    const input = new TextEncoder().encode(`${entry.protectedB64}.${entry.payloadB64}`);
    const x = decodeBase64url(key.jwk.x!);
    const y = decodeBase64url(key.jwk.y!);
    if (!x.ok || !y.ok)
      return { code: 'key-jwk-invalid', message: `${context}The EC key coordinates are not base64url.` };
    const point = new Uint8Array([4, ...x.bytes, ...y.bytes]);
    try {
      return secp256k1.verify(signature, input, point, { lowS: false });
    } catch {
      return false;
    }
  }
  let cryptoKey: CryptoKey | Uint8Array;
  try {
    cryptoKey = await cryptoKeyFor(key, row.alg);
  } catch (err) {
    return mapJoseError(err, context);
  }
  const direct = await verifyDirectly(row, cryptoKey, entry, signature);
  if (direct !== undefined) return direct;
  try {
    await flattenedVerify(
      {
        // RFC 7515 §7.2.1: "protected" is absent when only the unprotected header is used.
        ...(entry.protectedB64 ? { protected: entry.protectedB64 } : {}),
        payload: entry.payloadB64,
        signature: entry.signatureB64,
        ...(entry.unprotected ? { header: entry.unprotected } : {}),
      },
      cryptoKey,
      { algorithms: [row.alg] },
    );
    return true;
  } catch (err) {
    const mapped = mapJoseError(err, context);
    return mapped.code === 'signature-mismatch' ? false : mapped;
  }
}

/**
 * The plain case, checked with WebCrypto directly: a compact-style entry (protected header only, no
 * `crit`, no `b64`) and a CryptoKey imported for this alg. By then verifyToken has already parsed the
 * header, checked the alg, the key's fit and size and the canonical encoding, and decoded the
 * signature, which jose's flattenedVerify would all do again (keeping verifyToken within 10% of bare jose).
 * Parameters from the algorithm table (as in jose's own, RFC 7518 §3). Anything else, or a WebCrypto error, returns
 * undefined and goes through jose, which reports it.
 */
async function verifyDirectly(
  row: JwsAlgorithm,
  cryptoKey: CryptoKey | Uint8Array,
  entry: SignatureEntry,
  signature: Uint8Array,
): Promise<boolean | undefined> {
  const params = row.webCrypto;
  if (
    !params ||
    cryptoKey instanceof Uint8Array ||
    !entry.protectedB64 ||
    entry.unprotected ||
    entry.header.crit !== undefined ||
    entry.header.b64 !== undefined
  )
    return undefined;
  try {
    return await crypto.subtle.verify(
      params,
      cryptoKey,
      signature as Uint8Array<ArrayBuffer>,
      new TextEncoder().encode(`${entry.protectedB64}.${entry.payloadB64}`),
    );
  } catch {
    return undefined;
  }
}

/** The WebCrypto key for this key and alg, imported once and cached (no re-import while the user types). */
function cryptoKeyFor(key: ImportedKey, alg: string): Promise<CryptoKey | Uint8Array> {
  let perAlg = cryptoKeys.get(key);
  if (!perAlg) cryptoKeys.set(key, (perAlg = new Map()));
  let pending = perAlg.get(alg);
  if (!pending) {
    const { alg: _alg, kid: _kid, use: _use, key_ops: _ops, ...material } = key.jwk;
    pending =
      key.kty === 'oct'
        ? hmacKeyFor(key.secret ?? new Uint8Array(), alg)
        : (importJWK(material as JWK, alg) as Promise<CryptoKey | Uint8Array>);
    perAlg.set(alg, pending);
    pending.catch(() => perAlg!.delete(alg));
  }
  return pending;
}

/**
 * A non-extractable HMAC CryptoKey for the secret, imported once: given raw bytes, jose
 * imports a key on every verification, which doubles the WebCrypto round trips while the user types.
 * Anything unusual (an empty secret, an engine without HMAC import) keeps the raw bytes, so jose
 * reports the problem exactly as before.
 */
async function hmacKeyFor(secret: Uint8Array, alg: string): Promise<CryptoKey | Uint8Array> {
  if (secret.length === 0 || !/^HS(256|384|512)$/.test(alg)) return secret;
  try {
    return await crypto.subtle.importKey(
      'raw',
      secret as Uint8Array<ArrayBuffer>,
      { name: 'HMAC', hash: `SHA-${alg.slice(2)}` },
      false,
      ['verify'],
    );
  } catch {
    return secret;
  }
}
