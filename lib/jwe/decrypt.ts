/**
 * decryptToken: decrypts a JWE (compact, flattened or general JSON serialization) with the
 * key text the user typed. Thin, like jose's `jwtDecrypt`: it checks the headers against our
 * limits (p2c, known algorithms), picks the key per recipient, lets jose decrypt (or, for the
 * legacy RSA1_5 that jose dropped, rsa1_5.ts), and decodes a nested JWT into `inner`. Never rejects.
 */
import { compactDecrypt, flattenedDecrypt, type FlattenedJWE } from 'jose';
import { decodeToken } from '../token/decode';
import { bytesToText } from '../token/base64url';
import { cleanInput } from '../token/clean';
import { parseStrictJson } from '../token/json';
import type { DecodeResult } from '../types';
import {
  CONTENT_ENCRYPTION_ALGORITHMS,
  KEY_MANAGEMENT_ALGORITHMS,
  MAX_DECOMPRESSED_BYTES,
  MAX_PBES2_COUNT,
  RSA1_5_LEGACY_NOTICE,
  contentEncryptionAlgorithm,
  keyManagementAlgorithm,
  legacyKeyManagementAlgorithm,
} from './algorithms';
import { joseErrorToJweError, type JweError } from './jose-errors';
import { candidateKeys, legacyRsaKeys, readKeyText, type KeyText, type SecretEncoding } from './key-material';
import { decryptRsa1_5 } from './rsa1_5';
import { isObject } from '../is-object';

export interface DecryptOptions {
  /** How to read a secret key; 'auto' (default) tries text, base64url and hex to find the right size. */
  secretEncoding?: SecretEncoding;
  /** PBES2 iteration cap; default and maximum 1,000,000. */
  maxPbes2Count?: number;
  /** Cap on zip:"DEF" output in bytes; default 10 MB. */
  maxDecompressedBytes?: number;
  /** The clock passed to decodeToken for the inner token's findings. */
  now?: Date;
}

export type DecryptResult =
  | {
      ok: true;
      /** The JOSE header that applied: protected, shared unprotected and per-recipient, merged. */
      header: Record<string, unknown>;
      /** The plaintext as JSON when it parses, else as text. */
      payload: unknown;
      plaintext: string;
      /** The plaintext is not UTF-8 (shown with replacement characters). */
      plaintextIsBinary?: boolean;
      /** The nested JWT, decoded, when the plaintext is one (`cty: "JWT"`, or it parses as one). */
      inner?: DecodeResult;
      /** For the general JSON serialization: which recipient (0-based) the key opened. */
      recipient?: number;
      serialization: 'compact' | 'json-flattened' | 'json-general';
      /** Set when the token used a deprecated algorithm (RSA1_5) that is decrypted for old systems only. */
      legacy?: LegacyNotice;
    }
  | { ok: false; error: JweError };

export interface LegacyNotice {
  label: 'legacy';
  alg: string;
  /** Why the algorithm is deprecated and what the issuer should use instead. */
  message: string;
}

const ALL_KEY_MANAGEMENT = KEY_MANAGEMENT_ALGORITHMS.map((a) => a.alg);
const ALL_ENC = CONTENT_ENCRYPTION_ALGORITHMS.map((e) => e.enc);

export async function decryptToken(
  token: string,
  key: string,
  options: DecryptOptions = {},
): Promise<DecryptResult> {
  try {
    return await decrypt(token, key, options);
  } catch (e) {
    return { ok: false, error: joseErrorToJweError(e) };
  }
}

async function decrypt(token: string, key: string, options: DecryptOptions): Promise<DecryptResult> {
  if (typeof token !== 'string' || typeof key !== 'string')
    return failure('jwe-not-jwe', 'Paste a JWE and its decryption key.');
  const cleaned = cleanInput(token).text;
  const form = readForm(cleaned);
  if (!form.ok) return form;
  const keyText = readKeyText(key);
  if (!keyText.ok) return keyText;

  const limits = {
    maxPBES2Count: Math.min(options.maxPbes2Count ?? MAX_PBES2_COUNT, MAX_PBES2_COUNT),
    maxDecompressedLength: options.maxDecompressedBytes ?? MAX_DECOMPRESSED_BYTES,
  };
  const attempts: JweError[] = [];
  for (const [index, recipient] of form.recipients.entries()) {
    const header = { ...form.protectedHeader, ...form.shared, ...recipient.header };
    const refusal = checkHeader(header, limits.maxPBES2Count);
    if (refusal) {
      attempts.push(refusal);
      continue;
    }
    if (legacyKeyManagementAlgorithm(String(header.alg))) {
      const opened = await decryptLegacy(form, index, cleaned, keyText.value, limits.maxDecompressedLength);
      if (opened.ok) {
        const legacy: LegacyNotice = {
          label: 'legacy',
          alg: String(header.alg),
          message: RSA1_5_LEGACY_NOTICE,
        };
        const recipientIndex = form.recipients.length > 1 ? index : undefined;
        return success(opened.plaintext, header, form.serialization, recipientIndex, options, legacy);
      }
      attempts.push(opened.error);
      continue;
    }
    const keys = await candidateKeys(keyText.value, headerForKey(header), options.secretEncoding);
    if (!keys.ok) {
      attempts.push(keys.error);
      continue;
    }
    for (const candidate of keys.keys) {
      try {
        const joseOptions = {
          keyManagementAlgorithms: [String(header.alg)],
          contentEncryptionAlgorithms: ALL_ENC,
          ...limits,
        };
        const out =
          form.serialization === 'compact'
            ? await compactDecrypt(cleaned, candidate.key, joseOptions)
            : await flattenedDecrypt(flattenedFor(form.jwe, recipient), candidate.key, joseOptions);
        return success(
          out.plaintext,
          header,
          form.serialization,
          form.recipients.length > 1 ? index : undefined,
          options,
        );
      } catch (e) {
        attempts.push(joseErrorToJweError(e, limits.maxDecompressedLength));
      }
    }
  }
  return { ok: false, error: bestError(attempts, form.recipients.length) };
}

// ---- the token's form -------------------------------------------------------

interface Recipient {
  header?: Record<string, unknown>;
  encrypted_key?: string;
}

type Form =
  | {
      ok: true;
      serialization: 'compact' | 'json-flattened' | 'json-general';
      protectedHeader: Record<string, unknown>;
      shared: Record<string, unknown>;
      recipients: Recipient[];
      jwe: Record<string, unknown>;
    }
  | { ok: false; error: JweError };

function readForm(token: string): Form {
  const decoded = decodeToken(token);
  if (!decoded.ok) return failure('jwe-invalid', decoded.error.message);
  if (decoded.format !== 'jwe') {
    return failure(
      'jwe-not-jwe',
      `This is ${decoded.format === 'sd-jwt' ? 'an SD-JWT' : 'a signed token (JWS)'}, not an encrypted one, so there is nothing to decrypt. Verify its signature instead.`,
    );
  }
  if (decoded.serialization === 'compact') {
    return {
      ok: true,
      serialization: 'compact',
      protectedHeader: decoded.header,
      shared: {},
      recipients: [{}],
      jwe: {},
    };
  }
  const parsed = parseStrictJson(decoded.token);
  const jwe = parsed.ok && isObject(parsed.value) ? parsed.value : {};
  const shared = isObject(jwe.unprotected) ? jwe.unprotected : {};
  if (decoded.serialization === 'json-general') {
    const recipients = (jwe.recipients as unknown[]).filter(isObject) as Recipient[];
    if (recipients.length === 0)
      return failure('jwe-invalid', 'The "recipients" array is empty: there is no encrypted key to try.');
    return {
      ok: true,
      serialization: 'json-general',
      protectedHeader: decoded.header,
      shared,
      recipients,
      jwe,
    };
  }
  const single: Recipient = {
    ...(isObject(jwe.header) ? { header: jwe.header } : {}),
    ...(typeof jwe.encrypted_key === 'string' ? { encrypted_key: jwe.encrypted_key } : {}),
  };
  return {
    ok: true,
    serialization: 'json-flattened',
    protectedHeader: decoded.header,
    shared,
    recipients: [single],
    jwe,
  };
}

function flattenedFor(jwe: Record<string, unknown>, recipient: Recipient): FlattenedJWE {
  const { recipients: _all, header: _h, encrypted_key: _k, ...shared } = jwe;
  return { ...shared, ...recipient } as unknown as FlattenedJWE;
}

/** RSA1_5, which jose v6 no longer decrypts: the key is chosen as for any other algorithm, then rsa1_5.ts opens it. */
async function decryptLegacy(
  form: Extract<Form, { ok: true }>,
  index: number,
  compact: string,
  keyText: KeyText,
  maxDecompressedBytes: number,
) {
  const recipient = form.recipients[index]!;
  const header = { ...form.protectedHeader, ...form.shared, ...recipient.header };
  const keys = legacyRsaKeys(keyText, headerForKey(header));
  if (!keys.ok) return keys;
  const [encodedProtected = '', encryptedKey, iv, ciphertext = '', tag] = compact.split('.');
  const flat =
    form.serialization === 'compact'
      ? { protected: encodedProtected, encrypted_key: encryptedKey, iv, ciphertext, tag }
      : flattenedFor(form.jwe, recipient);
  return decryptRsa1_5(
    {
      protected: typeof flat.protected === 'string' ? flat.protected : '',
      ...(typeof flat.encrypted_key === 'string' ? { encrypted_key: flat.encrypted_key } : {}),
      ...(typeof flat.iv === 'string' ? { iv: flat.iv } : {}),
      ciphertext: typeof flat.ciphertext === 'string' ? flat.ciphertext : '',
      ...(typeof flat.tag === 'string' ? { tag: flat.tag } : {}),
      ...(typeof flat.aad === 'string' ? { aad: flat.aad } : {}),
      protectedHeader: form.protectedHeader,
      sharedHeader: form.shared,
      recipientHeader: recipient.header ?? {},
    },
    keys.jwks,
    { maxDecompressedBytes },
  );
}

// ---- checks before any decryption ---------------------------------------------

function checkHeader(header: Record<string, unknown>, maxPbes2: number): JweError | undefined {
  const { alg, enc } = header;
  if (typeof alg !== 'string')
    return {
      code: 'jwe-invalid',
      message: 'The JWE header has no "alg" (key management algorithm), so it cannot be decrypted.',
    };
  if (!keyManagementAlgorithm(alg) && !legacyKeyManagementAlgorithm(alg)) {
    return {
      code: 'jwe-alg-unsupported',
      message: `The key management algorithm "${alg}" is not supported. Supported: ${ALL_KEY_MANAGEMENT.join(', ')}.`,
    };
  }
  if (typeof enc !== 'string' || !contentEncryptionAlgorithm(enc)) {
    return {
      code: 'jwe-enc-unsupported',
      message: `The content encryption "${String(enc)}" is not supported. Supported: ${ALL_ENC.join(', ')}.`,
    };
  }
  if (alg.startsWith('PBES2') && typeof header.p2c === 'number' && header.p2c > maxPbes2) {
    return {
      code: 'jwe-p2c-too-large',
      message: `The token asks for ${header.p2c.toLocaleString('en-US')} PBES2 iterations ("p2c"); this tool stops at ${maxPbes2.toLocaleString('en-US')} so that a token cannot freeze the page. A sender that really uses more must be decrypted elsewhere.`,
    };
  }
  return undefined;
}

function headerForKey(header: Record<string, unknown>) {
  return {
    alg: String(header.alg),
    ...(typeof header.enc === 'string' ? { enc: header.enc } : {}),
    ...(typeof header.kid === 'string' ? { kid: header.kid } : {}),
    ...(header.epk !== undefined ? { epk: header.epk } : {}),
  };
}

/** The most useful of the per-recipient errors: a real decryption failure beats "wrong kind of key". */
function bestError(errors: JweError[], recipientCount: number): JweError {
  const order: JweError['code'][] = [
    'jwe-decompression-failed',
    'jwe-p2c-too-large',
    'jwe-invalid',
    'jwe-crit-unsupported',
    'jwe-decryption-failed',
    'jwe-key-alg-mismatch',
    'jwe-key-size',
    'jwe-key-public',
  ];
  const pick = [...errors].sort((a, b) => rank(order, a.code) - rank(order, b.code))[0];
  if (!pick) return { code: 'jwe-no-matching-key', message: 'No key fits this token.' };
  if (recipientCount > 1 && errors.length > 1) {
    return {
      code: pick.code,
      message: `The key opened none of the ${recipientCount} recipients. ${pick.message}`,
    };
  }
  return pick;
}

function rank(order: string[], code: string): number {
  const i = order.indexOf(code);
  return i < 0 ? order.length : i;
}

// ---- the result -----------------------------------------------------------------

function success(
  bytes: Uint8Array,
  header: Record<string, unknown>,
  serialization: 'compact' | 'json-flattened' | 'json-general',
  recipient: number | undefined,
  options: DecryptOptions,
  legacy?: LegacyNotice,
): DecryptResult {
  const { text, valid } = bytesToText(bytes);
  const json = valid ? parseStrictJson(text) : undefined;
  const payload = json?.ok ? json.value : text;
  const looksLikeJwt = /^[\w-]+\.[\w-]*\.[\w-]*(?:\.[\w-]*\.[\w-]*)?$/.test(text.trim());
  const ctyJwt = typeof header.cty === 'string' && header.cty.toUpperCase() === 'JWT';
  const inner =
    valid && (ctyJwt || looksLikeJwt)
      ? decodeToken(text, options.now ? { now: options.now } : {})
      : undefined;
  return {
    ok: true,
    header,
    payload,
    plaintext: text,
    ...(valid ? {} : { plaintextIsBinary: true }),
    ...(inner ? { inner } : {}),
    ...(recipient !== undefined ? { recipient } : {}),
    serialization,
    ...(legacy ? { legacy } : {}),
  };
}

function failure(code: JweError['code'], message: string): { ok: false; error: JweError } {
  return { ok: false, error: { code, message } };
}
