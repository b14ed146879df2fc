/**
 * encryptToken: encrypts a token or any text for a recipient, as the encoder's "Encrypt"
 * step. The key is the recipient's public key (JWK, PEM or certificate) for RSA-OAEP and
 * ECDH-ES, or a shared secret / password for the symmetric algorithms. Never rejects.
 */
import { CompactEncrypt, importJWK, importSPKI, type CompactJWEHeaderParameters, type JWK } from 'jose';
import { importVerificationKey } from '../keys/import';
import {
  keyManagementAlgorithm,
  contentEncryptionAlgorithm,
  KEY_MANAGEMENT_ALGORITHMS,
  CONTENT_ENCRYPTION_ALGORITHMS,
  REFUSED_KEY_MANAGEMENT,
} from './algorithms';
import { joseErrorToJweError, type JweError } from './jose-errors';
import { candidateKeys, readKeyText, type SecretEncoding } from './key-material';

export interface EncryptOptions {
  alg: string;
  enc: string;
  /** Content type; defaults to "JWT" when the plaintext is a compact JWT (RFC 7519 §5.2). */
  cty?: string;
  /** Compress the plaintext with DEFLATE before encrypting. */
  zip?: boolean;
  kid?: string;
  secretEncoding?: SecretEncoding;
  /** PBES2 iterations; default 600,000 (OWASP's PBKDF2-SHA-256 advice), at most 1,000,000. */
  p2c?: number;
}

export type EncryptResult =
  { ok: true; token: string; header: Record<string, unknown> } | { ok: false; error: JweError };

export async function encryptToken(
  plaintext: string,
  keyText: string,
  options: EncryptOptions,
): Promise<EncryptResult> {
  try {
    const { alg, enc } = options;
    if (Object.hasOwn(REFUSED_KEY_MANAGEMENT, alg))
      return failure('jwe-rsa1_5-deprecated', REFUSED_KEY_MANAGEMENT[alg]!);
    const algorithm = keyManagementAlgorithm(alg);
    if (!algorithm)
      return failure(
        'jwe-alg-unsupported',
        `Choose a key management algorithm: ${KEY_MANAGEMENT_ALGORITHMS.map((a) => a.alg).join(', ')}.`,
      );
    if (!contentEncryptionAlgorithm(enc))
      return failure(
        'jwe-enc-unsupported',
        `Choose a content encryption: ${CONTENT_ENCRYPTION_ALGORITHMS.map((e) => e.enc).join(', ')}.`,
      );
    const key =
      algorithm.kind === 'rsa' || algorithm.kind === 'ecdh'
        ? await publicKey(keyText, alg)
        : await sharedKey(keyText, alg, enc, options.secretEncoding);
    if (!key.ok) return key;
    const isJwt = /^[\w-]+\.[\w-]*\.[\w-]*$/.test(plaintext.trim());
    const cty = options.cty ?? (isJwt ? 'JWT' : undefined);
    const header: CompactJWEHeaderParameters = {
      alg,
      enc,
      ...(cty ? { cty } : {}),
      ...(options.kid ? { kid: options.kid } : {}),
      ...(options.zip ? { zip: 'DEF' } : {}),
    };
    const encrypter = new CompactEncrypt(new TextEncoder().encode(plaintext)).setProtectedHeader(header);
    if (algorithm.kind === 'password')
      encrypter.setKeyManagementParameters({ p2c: Math.min(options.p2c ?? 600_000, 1_000_000) });
    const token = await encrypter.encrypt(key.key);
    return { ok: true, token, header: { ...header } };
  } catch (e) {
    const mapped = joseErrorToJweError(e);
    return failure(
      mapped.code === 'jwe-internal' ? 'jwe-encrypt-failed' : mapped.code,
      mapped.code === 'jwe-internal'
        ? 'Encryption failed unexpectedly. Check the key and the chosen algorithms.'
        : mapped.message,
    );
  }
}

async function publicKey(
  text: string,
  alg: string,
): Promise<{ ok: true; key: CryptoKey | Uint8Array } | { ok: false; error: JweError }> {
  const trimmed = text.trim();
  if (!trimmed)
    return failure(
      'jwe-key-empty',
      "Enter the recipient's public key: a JWK or a PEM public key or certificate.",
    );
  try {
    if (trimmed.startsWith('{')) {
      const parsed = JSON.parse(trimmed) as JWK & { keys?: JWK[] };
      const jwk = Array.isArray(parsed.keys)
        ? parsed.keys.find((k) => k.use === undefined || k.use === 'enc')
        : parsed;
      if (!jwk) return failure('jwe-key-invalid', 'The JWK Set has no key for encryption.');
      // Only the public members are used, so pasting a private JWK cannot leak "d" into anything.
      const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, alg: _alg, key_ops: _ops, ...pub } = jwk;
      return { ok: true, key: await importJWK(pub, alg) };
    }
    // PEM or DER in any form the shared importer reads (SPKI, PKCS#1, certificate, or a private key's public part).
    const imported = importVerificationKey(trimmed);
    const first = imported.ok ? imported.keys.find((k) => k.kty !== 'oct') : undefined;
    if (first) {
      const { alg: _alg, use: _use, key_ops: _ops, ...pub } = first.jwk;
      return { ok: true, key: await importJWK(pub as JWK, alg) };
    }
    // X25519/X448 SPKI: the importer keeps to signature keys, jose reads these directly.
    if (trimmed.includes('-----BEGIN PUBLIC KEY-----'))
      return { ok: true, key: await importSPKI(trimmed, alg) };
    return failure(
      'jwe-key-mismatch',
      `"${alg}" encrypts for a public key: paste a JWK or a PEM "PUBLIC KEY"/"CERTIFICATE", not a secret.`,
    );
  } catch (e) {
    if (e instanceof SyntaxError)
      return failure('jwe-key-invalid', 'The key starts with "{" but is not valid JSON.');
    return failure(
      'jwe-key-mismatch',
      `The key cannot be used for "${alg}": ${joseErrorToJweError(e).message}`,
    );
  }
}

async function sharedKey(text: string, alg: string, enc: string, encoding?: SecretEncoding) {
  const parsed = readKeyText(text);
  if (!parsed.ok) return parsed;
  const keys = await candidateKeys(parsed.value, { alg, enc }, encoding);
  if (!keys.ok) return keys;
  return { ok: true as const, key: keys.keys[0]!.key };
}

function failure(code: JweError['code'], message: string): { ok: false; error: JweError } {
  return { ok: false, error: { code, message } };
}
