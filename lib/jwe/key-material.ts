/**
 * The decryption key the user typed, made into what jose needs for one recipient's `alg`:
 * a JWK or JWK Set (private), a PKCS#8 PEM, or a secret (AES key, `dir` key or PBES2
 * password). A JWK Set may hold several keys; `candidateKeys` returns every one that could
 * fit, best first (same `kid` first), and the caller tries them in order.
 */
import { importJWK, importPKCS8, type JWK } from 'jose';
import { importVerificationKey } from '../keys/import';
import { decodeBase64url } from '../token/base64url';
import {
  contentEncryptionAlgorithm,
  keyManagementAlgorithm,
  legacyKeyManagementAlgorithm,
  type KeyManagementAlgorithm,
} from './algorithms';
import { joseErrorToJweError, type JweError } from './jose-errors';
import { isObject } from '../is-object';

export type SecretEncoding = 'auto' | 'utf8' | 'base64url' | 'base64' | 'hex';

export type KeyText =
  | { kind: 'jwks'; keys: JWK[] }
  /** A PKCS#8 PEM the shared importer does not take (X25519/X448, made for key agreement only). */
  | { kind: 'pkcs8'; pem: string }
  | { kind: 'secret'; text: string };

export type KeyTextResult = { ok: true; value: KeyText } | { ok: false; error: JweError };

/** Reads the key text once: JSON (JWK or JWK Set), PEM, or else a secret. */
export function readKeyText(text: string): KeyTextResult {
  const trimmed = text.trim();
  if (trimmed.length === 0)
    return err(
      'jwe-key-empty',
      'Enter the decryption key: a private JWK, a PKCS#8 PEM private key, or the shared secret or password.',
    );
  if (trimmed.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch {
      return err(
        'jwe-key-invalid',
        'The key starts with "{" but is not valid JSON. Paste a complete JWK such as {"kty":"RSA",…,"d":"…"}.',
      );
    }
    if (isObject(json) && Array.isArray(json.keys)) {
      const keys = json.keys.filter(isObject) as JWK[];
      if (keys.length === 0) return err('jwe-key-invalid', 'The JWK Set has no keys.');
      return { ok: true, value: { kind: 'jwks', keys } };
    }
    if (isObject(json) && typeof json.kty === 'string')
      return { ok: true, value: { kind: 'jwks', keys: [json as JWK] } };
    return err(
      'jwe-key-invalid',
      'The JSON is neither a JWK (it has no "kty") nor a JWK Set (no "keys" array).',
    );
  }
  const pem = /-----BEGIN ([A-Z0-9 ]+)-----/.exec(trimmed);
  if (pem) return readPem(trimmed, pem[1]!);
  // A password may end in spaces; only the line break a copy adds is dropped.
  return { ok: true, value: { kind: 'secret', text: text.replace(/\r?\n$/, '') } };
}

/**
 * PEM private keys in any form the key importer reads (PKCS#8, PKCS#1, SEC1), reused from
 * lib/keys/import.ts; they become private JWKs. Public keys and certificates cannot decrypt.
 */
function readPem(text: string, label: string): KeyTextResult {
  if (label === 'ENCRYPTED PRIVATE KEY') {
    return err(
      'jwe-key-invalid',
      'This private key is password-protected. Decrypt it first, e.g. `openssl pkcs8 -in key.pem -nocrypt -out plain.pem`, then paste the result.',
    );
  }
  const imported = importVerificationKey(text);
  if (!imported.ok && label === 'PRIVATE KEY') return { ok: true, value: { kind: 'pkcs8', pem: text } };
  if (!imported.ok) return err('jwe-key-invalid', imported.error.message);
  const keys = imported.keys.flatMap((k) => (k.privateJwk ? [{ ...k.privateJwk } as JWK] : []));
  if (keys.length === 0) {
    return err(
      'jwe-key-public',
      'This is a public key or certificate. Decryption needs the matching private key ("-----BEGIN PRIVATE KEY-----" or a JWK with "d"), which only the recipient has.',
    );
  }
  return { ok: true, value: { kind: 'jwks', keys } };
}

export interface RecipientHeader {
  alg: string;
  enc?: string;
  kid?: string;
  epk?: unknown;
}

export type KeyCandidates =
  { ok: true; keys: { key: CryptoKey | Uint8Array; kid?: string }[] } | { ok: false; error: JweError };

/** The keys from the user's key text that could decrypt for this recipient, best first. */
export async function candidateKeys(
  keyText: KeyText,
  header: RecipientHeader,
  encoding: SecretEncoding = 'auto',
): Promise<KeyCandidates> {
  const algorithm = keyManagementAlgorithm(header.alg);
  if (!algorithm) return err('jwe-alg-unsupported', `Unknown key management algorithm "${header.alg}".`);
  if (keyText.kind === 'secret') return secretKey(keyText.text, algorithm, header, encoding);
  if (keyText.kind === 'pkcs8') return pkcs8Key(keyText.pem, algorithm);
  return jwkKeys(keyText.keys, algorithm, header);
}

export type LegacyRsaKeys = { ok: true; jwks: JWK[] } | { ok: false; error: JweError };

/**
 * The private RSA JWKs that may open an RSA1_5 recipient, best first, under the same rules as
 * every other algorithm (kty, "kid", "use", "alg"). RSA1_5 needs the JWK itself, not a
 * CryptoKey, because WebCrypto cannot run it.
 */
export function legacyRsaKeys(keyText: KeyText, header: RecipientHeader): LegacyRsaKeys {
  const algorithm = legacyKeyManagementAlgorithm(header.alg);
  if (!algorithm) return err('jwe-alg-unsupported', `"${header.alg}" is not a legacy algorithm.`);
  if (keyText.kind !== 'jwks')
    return err(
      'jwe-key-mismatch',
      `"${algorithm.alg}" needs an ${KIND_NAMES.rsa} as a JWK (with "d") or a PEM private key, not ${keyText.kind === 'secret' ? 'a secret' : 'this PEM key'}.`,
    );
  const ordered = fittingJwks(keyText.keys, algorithm, header);
  if (!ordered.ok) return ordered;
  const jwks: JWK[] = [];
  let firstError: JweError | undefined;
  for (const jwk of ordered.jwks) {
    const refusal = refuseJwk(jwk, algorithm, header);
    if (refusal) firstError ??= refusal;
    else jwks.push(jwk);
  }
  if (jwks.length === 0)
    return {
      ok: false,
      error: firstError ?? { code: 'jwe-no-matching-key', message: 'No key fits this token.' },
    };
  return { ok: true, jwks };
}

/** The JWKs of the right type for the algorithm, those with the header's "kid" first. */
function fittingJwks(keys: JWK[], algorithm: KeyManagementAlgorithm, header: RecipientHeader): LegacyRsaKeys {
  const fitting = keys.filter((k) => ktyFits(k, algorithm, header));
  if (fitting.length === 0) {
    return err(
      'jwe-key-mismatch',
      `${keys.length === 1 ? 'The JWK is' : 'No JWK in the set is'} a ${KIND_NAMES[algorithm.kind]}, which "${algorithm.alg}" needs${keys[0]?.kty ? ` (the key has kty "${keys[0].kty}"${keys[0].crv ? `, crv "${keys[0].crv}"` : ''})` : ''}.`,
    );
  }
  // RFC 7517 §4.5: a "kid" hint picks the key; without a match every fitting key is tried.
  const byKid = header.kid === undefined ? [] : fitting.filter((k) => k.kid === header.kid);
  return { ok: true, jwks: byKid.length > 0 ? byKid : fitting };
}

async function jwkKeys(
  keys: JWK[],
  algorithm: KeyManagementAlgorithm,
  header: RecipientHeader,
): Promise<KeyCandidates> {
  const ordered = fittingJwks(keys, algorithm, header);
  if (!ordered.ok) return ordered;
  const out: { key: CryptoKey | Uint8Array; kid?: string }[] = [];
  let firstError: JweError | undefined;
  for (const jwk of ordered.jwks) {
    const refusal = refuseJwk(jwk, algorithm, header);
    if (refusal) {
      firstError ??= refusal;
      continue;
    }
    try {
      const key = await importJWK(
        algorithm.kind === 'password' || algorithm.kind === 'aes' || algorithm.kind === 'direct'
          ? { ...jwk, alg: undefined }
          : jwk,
        header.alg === 'dir' ? header.enc : header.alg,
      );
      const sized = key instanceof Uint8Array ? checkSize(key, algorithm, header) : undefined;
      if (sized) {
        firstError ??= sized;
        continue;
      }
      out.push({ key, ...(jwk.kid ? { kid: jwk.kid } : {}) });
    } catch (e) {
      firstError ??= joseErrorToJweError(e);
    }
  }
  if (out.length === 0)
    return {
      ok: false,
      error: firstError ?? { code: 'jwe-no-matching-key', message: 'No key in the set fits this token.' },
    };
  return { ok: true, keys: out };
}

/** RFC 7517 §4.2–4.4: a key labelled for another purpose or algorithm is not used. */
function refuseJwk(
  jwk: JWK,
  algorithm: KeyManagementAlgorithm,
  header: RecipientHeader,
): JweError | undefined {
  if ((algorithm.kind === 'rsa' || algorithm.kind === 'ecdh') && jwk.d === undefined) {
    return {
      code: 'jwe-key-public',
      message:
        'This is a public key. Decryption needs the private key: a JWK with "d" (the recipient\'s key, which only the recipient has).',
    };
  }
  if (jwk.use !== undefined && jwk.use !== 'enc') {
    return {
      code: 'jwe-key-alg-mismatch',
      message: `The key is marked "use": "${jwk.use}", so it must not be used for encryption (RFC 7517 §4.2).`,
    };
  }
  if (jwk.alg !== undefined && jwk.alg !== header.alg && !(header.alg === 'dir' && jwk.alg === header.enc)) {
    return {
      code: 'jwe-key-alg-mismatch',
      message: `The key is labelled "alg": "${jwk.alg}" but the token uses "${header.alg}". A key made for one algorithm is not used with another (RFC 7517 §4.4); this stops attacks that switch algorithms.`,
    };
  }
  return undefined;
}

const KIND_NAMES: Record<KeyManagementAlgorithm['kind'], string> = {
  rsa: 'RSA private key',
  ecdh: 'EC (P-256/384/521) or X25519 private key',
  aes: 'symmetric ("oct") key',
  direct: 'symmetric ("oct") content-encryption key',
  password: 'password (or an "oct" JWK holding it)',
};

function ktyFits(jwk: JWK, algorithm: KeyManagementAlgorithm, header: RecipientHeader): boolean {
  switch (algorithm.kind) {
    case 'rsa':
      return jwk.kty === 'RSA';
    case 'ecdh': {
      if (jwk.kty !== 'EC' && !(jwk.kty === 'OKP' && (jwk.crv === 'X25519' || jwk.crv === 'X448')))
        return false;
      const epkCrv = isObject(header.epk) ? header.epk.crv : undefined;
      return epkCrv === undefined || jwk.crv === epkCrv;
    }
    default:
      return jwk.kty === 'oct';
  }
}

async function pkcs8Key(pem: string, algorithm: KeyManagementAlgorithm): Promise<KeyCandidates> {
  if (algorithm.kind !== 'rsa' && algorithm.kind !== 'ecdh') {
    return err(
      'jwe-key-mismatch',
      `"${algorithm.alg}" uses a shared ${KIND_NAMES[algorithm.kind]}, not a PEM key. Paste the secret itself, or an "oct" JWK.`,
    );
  }
  try {
    return { ok: true, keys: [{ key: await importPKCS8(pem, algorithm.alg) }] };
  } catch {
    return err(
      'jwe-key-mismatch',
      `The PEM private key cannot be used for "${algorithm.alg}": it needs a ${KIND_NAMES[algorithm.kind]}. Check that the PEM is complete and of the right type.`,
    );
  }
}

function secretKey(
  text: string,
  algorithm: KeyManagementAlgorithm,
  header: RecipientHeader,
  encoding: SecretEncoding,
): KeyCandidates {
  if (algorithm.kind === 'rsa' || algorithm.kind === 'ecdh') {
    return err(
      'jwe-key-mismatch',
      `"${algorithm.alg}" needs a ${KIND_NAMES[algorithm.kind]} as a JWK (with "d") or a PKCS#8 PEM, not a secret.`,
    );
  }
  if (text.length === 0) return err('jwe-key-empty', 'The secret is empty.');
  if (algorithm.kind === 'password') return { ok: true, keys: [{ key: new TextEncoder().encode(text) }] };
  const size = needBytes(algorithm, header);
  if (size === undefined) return err('jwe-enc-unsupported', `Unknown content encryption "${header.enc}".`);
  const readings = secretReadings(text.trim(), encoding);
  const exact = readings.find((r) => r.bytes.length === size);
  if (exact) return { ok: true, keys: [{ key: exact.bytes }] };
  const tried = readings.map((r) => `${r.bytes.length} bytes as ${r.name}`).join(', ');
  return err(
    'jwe-key-size',
    `"${header.alg === 'dir' ? `dir with ${header.enc}` : algorithm.alg}" needs a key of exactly ${size} bytes (${size * 8} bits), but the secret is ${tried || 'not readable in the chosen encoding'}. Paste it as base64url or hex, or as a JWK {"kty":"oct","k":"…"}.`,
  );
}

/** The readings of a secret to try; 'auto' tries text, base64url and hex, in that order. */
function secretReadings(text: string, encoding: SecretEncoding): { name: string; bytes: Uint8Array }[] {
  const out: { name: string; bytes: Uint8Array }[] = [];
  const add = (name: string, bytes: Uint8Array | undefined) => bytes && out.push({ name, bytes });
  if (encoding === 'auto' || encoding === 'utf8') add('text', new TextEncoder().encode(text));
  if (encoding === 'auto' || encoding === 'base64url' || encoding === 'base64') {
    const decoded = decodeBase64url(text);
    add('base64url', decoded.ok ? decoded.bytes : undefined);
  }
  if ((encoding === 'auto' || encoding === 'hex') && /^(?:[0-9a-fA-F]{2})+$/.test(text)) {
    add('hex', Uint8Array.from(text.match(/../g)!.map((h) => parseInt(h, 16))));
  }
  return out;
}

function needBytes(algorithm: KeyManagementAlgorithm, header: RecipientHeader): number | undefined {
  if (algorithm.kind === 'aes') return algorithm.keyBytes;
  return header.enc === undefined ? undefined : contentEncryptionAlgorithm(header.enc)?.keyBytes;
}

function checkSize(
  key: Uint8Array,
  algorithm: KeyManagementAlgorithm,
  header: RecipientHeader,
): JweError | undefined {
  if (algorithm.kind === 'password') return undefined;
  const size = needBytes(algorithm, header);
  if (size === undefined || key.length === size) return undefined;
  return {
    code: 'jwe-key-size',
    message: `The "oct" key is ${key.length} bytes, but "${header.alg === 'dir' ? `dir with ${header.enc}` : algorithm.alg}" needs exactly ${size} bytes.`,
  };
}

function err(code: JweError['code'], message: string): { ok: false; error: JweError } {
  return { ok: false, error: { code, message } };
}
