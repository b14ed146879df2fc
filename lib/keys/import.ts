/**
 * importVerificationKey: turns whatever key text people paste into normalised public keys.
 *
 * Detected automatically from one text box (in this order), each format read by its own file:
 * - PEM blocks (import-pem.ts): SPKI `PUBLIC KEY`, PKCS#1 `RSA PUBLIC KEY`, PKCS#8 `PRIVATE KEY`,
 *   PKCS#1 `RSA PRIVATE KEY`, SEC1 `EC PRIVATE KEY`, X.509 `CERTIFICATE` (several blocks give
 *   several keys); their DER bodies go to import-der.ts, certificates through certificate.ts;
 * - JSON (import-jwks.ts): one JWK (import-jwk.ts, public or private) or a JWK Set
 *   `{ "keys": [...] }`, including `oct` keys;
 * - bare base64 DER of a certificate, SPKI or PKCS#8 key (import-der.ts);
 * - anything else is an HMAC shared secret, read with `secretEncoding` (import-secret.ts).
 *
 * This file only detects the format, numbers the keys, runs the weak-key checks
 * (import-weakness.ts) and caches the result. Private keys are reduced to their public part
 * (a `private-key-pasted` warning says so); the private JWK is kept on the result, in memory
 * only, for the encoder and key tools.
 *
 * The function is synchronous and never throws. A key that parses but must not be used (RSA
 * e < 3, a ROCA modulus, an empty secret) is returned with `refusal` set; verifyToken skips it
 * and shows the reason. Results are cached in memory, keyed by the input, because the verifier
 * re-imports on every keystroke; the returned objects are shared, so treat them as read-only.
 */
import { jwkThumbprint } from './thumbprint';
import type { SecretEncoding } from './secret-encoding';
import { bareDer } from './import-der';
import { readJsonKeys } from './import-jwks';
import { readPemBlocks } from './import-pem';
import { readSecret } from './import-secret';
import {
  KeyError,
  type Draft,
  type ImportedKey,
  type KeyEncoding,
  type KeyImportOptions,
  type KeyImportResult,
  type KeyInputFormat,
} from './import-types';
import { weaknessFindings } from './import-weakness';
import type { Finding } from '../types';

export { SECRET_ENCODINGS, type SecretEncoding } from './secret-encoding';
export { EC_CURVES } from './import-material';
export type {
  ImportedKey,
  KeyEncoding,
  KeyImportErrorCode,
  KeyImportOptions,
  KeyImportResult,
  KeyInputFormat,
  KeyRefusalCode,
  KeyType,
  PublicJwk,
} from './import-types';
export type { CertificateInfo } from './certificate';

const ENCODING_NAMES: Readonly<Record<KeyEncoding, string>> = {
  secret: 'shared secret',
  spki: 'public key (SPKI)',
  'pkcs1-public': 'RSA public key (PKCS#1)',
  pkcs8: 'private key (PKCS#8)',
  'pkcs1-private': 'RSA private key (PKCS#1)',
  sec1: 'EC private key (SEC1)',
  certificate: 'certificate (X.509)',
  jwk: 'JWK',
};

// ---- public API ----------------------------------------------------------------

const CACHE_LIMIT = 32;
/**
 * Keyed by the exact input (options + text): a JS Map hashes string keys natively, which costs about
 * 1 µs per lookup where a SHA-256 of the text cost 30–70 µs, and an exact key can never return the
 * result for a different key text (a short non-cryptographic digest could collide).
 */
const cache = new Map<string, KeyImportResult>();

/** Detects and reads the key text. Synchronous, never throws; see the module comment. */
export function importVerificationKey(text: string, options: KeyImportOptions = {}): KeyImportResult {
  const encoding = options.secretEncoding ?? 'utf8';
  const cacheKey = `${encoding}\u0000${options.alg ?? ''}\u0000${text}`;
  const hit = cache.get(cacheKey);
  if (hit) {
    cache.delete(cacheKey);
    cache.set(cacheKey, hit); // most recently used last
    return hit;
  }
  const result = importUncached(typeof text === 'string' ? text : '', encoding, options.alg);
  cache.set(cacheKey, result);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return result;
}

/** Empties the in-memory import cache (e.g. when the user clears the page). */
export function clearKeyImportCache(): void {
  cache.clear();
}

// ---- detection ---------------------------------------------------------------

function importUncached(raw: string, encoding: SecretEncoding, alg: string | undefined): KeyImportResult {
  const findings: Finding[] = [];
  try {
    const text = raw.replace(/^\uFEFF/, '');
    if (text.trim().length === 0) {
      throw new KeyError(
        'key-empty',
        'Paste a key to verify the signature: a secret, a PEM key or certificate, a JWK or a JWKS.',
      );
    }
    const trimmed = text.trim();
    if (trimmed.includes('-----BEGIN')) return finish('pem', readPemBlocks(trimmed), [], findings, alg);
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
      const json = readJsonKeys(trimmed);
      return finish(json.format, json.drafts, json.skipped, findings, alg);
    }
    const der = bareDer(trimmed);
    if (der) return finish('der', [der], [], findings, alg);
    return finish('secret', [readSecret(text, encoding, findings)], [], findings, alg);
  } catch (err) {
    if (err instanceof KeyError)
      return { ok: false, error: { code: err.code, message: err.message }, findings };
    const detail = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      error: {
        code: 'key-der-invalid',
        message: `The key could not be read (${detail}). Check that you copied all of it.`,
      },
      findings,
    };
  }
}

function finish(
  format: KeyInputFormat,
  drafts: Draft[],
  skipped: { index: number; kid?: string; message: string }[],
  findings: Finding[],
  alg: string | undefined,
): KeyImportResult {
  const keys = drafts.map((draft, index): ImportedKey => {
    const { label, sourceIndex, secretText, ...rest } = draft;
    const key: ImportedKey = {
      ...rest,
      index: sourceIndex ?? index,
      source: label ?? describeSource(format, draft, index, drafts.length),
      thumbprint: jwkThumbprint(draft.jwk as unknown as Record<string, unknown>) ?? '',
    };
    findings.push(...weaknessFindings(key, secretText, alg, drafts.length > 1));
    return key;
  });
  return { ok: true, format, keys, skipped, findings };
}

function describeSource(format: KeyInputFormat, draft: Draft, index: number, count: number): string {
  const kid = draft.kid !== undefined ? ` (kid '${draft.kid}')` : '';
  if (format === 'jwks') return `JWKS key ${index + 1}${kid}`;
  if (format === 'jwk') return `JWK${kid}`;
  const name = ENCODING_NAMES[draft.encoding];
  if (format === 'pem') return count > 1 ? `PEM block ${index + 1}: ${name}` : `PEM ${name}`;
  return `base64 DER ${name}`;
}
