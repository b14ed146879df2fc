/**
 * Key generation in WebCrypto: nothing leaves the page. One table row per key type says
 * which sizes exist and which `alg` the key is for; `generateKey` turns a choice into the
 * texts of lib/keys/export.ts. HMAC secrets take their randomness as a parameter for tests.
 */
import type { LensError } from '../errors';
import { encodeBase64url } from '../token/base64url';
import { signingAlgorithm, webCryptoKeyParams } from '../encode/signing-algorithms';
import { cryptoRandomBytes, type RandomBytes } from '../random';
import { exportKeyPairTexts, tidyJwk, type Jwk, type KeyPairTexts } from './export';
import { jwkThumbprintUri } from './thumbprint-uri';

export type KeyGenType = 'hmac' | 'rsa' | 'ec' | 'ed25519';

export interface KeySizeOption {
  /** The value of the size select. */
  value: string;
  label: string;
  /** The `alg` a key of this size is for (RSA: the default; the user may pick RS or PS). */
  alg: string;
}

export interface KeyGenTypeOption {
  type: KeyGenType;
  label: string;
  sizes: readonly KeySizeOption[];
  /** RSA keys serve RS* and PS* alike; the user picks the `alg` written into the JWK. */
  algChoices?: readonly string[];
}

export const KEY_TYPES: readonly KeyGenTypeOption[] = [
  {
    type: 'hmac',
    label: 'HMAC secret',
    sizes: [
      { value: '256', label: '256 bits (HS256)', alg: 'HS256' },
      { value: '384', label: '384 bits (HS384)', alg: 'HS384' },
      { value: '512', label: '512 bits (HS512)', alg: 'HS512' },
    ],
  },
  {
    type: 'rsa',
    label: 'RSA',
    sizes: [
      { value: '2048', label: '2048 bits', alg: 'RS256' },
      { value: '3072', label: '3072 bits', alg: 'RS256' },
      { value: '4096', label: '4096 bits', alg: 'RS256' },
    ],
    algChoices: ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'],
  },
  {
    type: 'ec',
    label: 'EC (ECDSA)',
    sizes: [
      { value: 'P-256', label: 'P-256 (ES256)', alg: 'ES256' },
      { value: 'P-384', label: 'P-384 (ES384)', alg: 'ES384' },
      { value: 'P-521', label: 'P-521 (ES512)', alg: 'ES512' },
    ],
  },
  {
    type: 'ed25519',
    label: 'Ed25519 (EdDSA)',
    sizes: [{ value: 'Ed25519', label: 'Ed25519', alg: 'EdDSA' }],
  },
];

export interface KeyChoice {
  type: KeyGenType;
  /** A `value` from the type's sizes. */
  size: string;
  /** RSA only: one of algChoices; defaults to the size's alg. */
  alg?: string;
}

export interface GeneratedSecret {
  kind: 'secret';
  alg: string;
  bits: number;
  /** The secret as base64url (use with the "base64url" encoding) and as hex. */
  base64url: string;
  hex: string;
  jwk: Jwk;
  thumbprint: string;
  thumbprintUri: string;
}

export interface GeneratedKeyPair extends KeyPairTexts {
  kind: 'key-pair';
  alg: string;
}

export type GenerateResult =
  { ok: true; value: GeneratedSecret | GeneratedKeyPair } | { ok: false; error: LensError };

function invalidChoice(message: string): GenerateResult {
  return { ok: false, error: { code: 'key-choice-invalid', message } };
}

/** Generates a key for the choice. Never rejects. */
export async function generateKey(
  choice: KeyChoice,
  randomBytes: RandomBytes = cryptoRandomBytes,
): Promise<GenerateResult> {
  const type = KEY_TYPES.find((t) => t.type === choice.type);
  if (!type) return invalidChoice('Choose a key type: HMAC secret, RSA, EC or Ed25519.');
  const size = type.sizes.find((s) => s.value === choice.size);
  if (!size) {
    return invalidChoice(`Choose a size for ${type.label}: ${type.sizes.map((s) => s.value).join(', ')}.`);
  }
  const alg = choice.alg ?? size.alg;
  if (choice.alg !== undefined && !(type.algChoices ?? [size.alg]).includes(choice.alg)) {
    return invalidChoice(
      `A ${type.label} key of this size is for ${(type.algChoices ?? [size.alg]).join(', ')}, not ${choice.alg}.`,
    );
  }
  if (type.type === 'hmac') return generateSecret(Number(size.value), alg, randomBytes);
  return generateKeyPair(type.type, size.value, alg);
}

async function generateSecret(bits: number, alg: string, randomBytes: RandomBytes): Promise<GenerateResult> {
  const bytes = randomBytes(bits / 8);
  const k = encodeBase64url(bytes);
  const print = jwkThumbprintUri({ kty: 'oct', k });
  if (!print.ok) return print;
  return {
    ok: true,
    value: {
      kind: 'secret',
      alg,
      bits,
      base64url: k,
      hex: Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(''),
      jwk: tidyJwk({ kty: 'oct', k }, { alg, kid: print.thumbprint }),
      thumbprint: print.thumbprint,
      thumbprintUri: print.uri,
    },
  };
}

async function generateKeyPair(
  type: Exclude<KeyGenType, 'hmac'>,
  size: string,
  alg: string,
): Promise<GenerateResult> {
  const row = signingAlgorithm(alg);
  if (!row) return invalidChoice(`Unknown alg ${alg}.`);
  const params =
    type === 'rsa'
      ? {
          ...(webCryptoKeyParams(row) as RsaHashedImportParams),
          modulusLength: Number(size),
          publicExponent: new Uint8Array([1, 0, 1]),
        }
      : webCryptoKeyParams(row);
  let pair: CryptoKeyPair;
  try {
    pair = (await crypto.subtle.generateKey(params, true, ['sign', 'verify'])) as CryptoKeyPair;
  } catch {
    return {
      ok: false,
      error: {
        code: 'key-generation-failed',
        message: `This browser could not generate a ${type === 'ed25519' ? 'Ed25519' : type.toUpperCase()} key. Ed25519 needs a current browser (Chrome 137+, Firefox 129+, Safari 17+); try EC P-256 instead.`,
      },
    };
  }
  const texts = await exportKeyPairTexts(pair, { alg, use: 'sig' });
  if (!texts.ok) return texts;
  return { ok: true, value: { kind: 'key-pair', alg, ...texts.value } };
}
