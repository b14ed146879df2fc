/**
 * Turns extractable CryptoKeys into the texts people paste elsewhere: PEM (SPKI for public,
 * PKCS#8 for private keys, RFC 7468) and JWK (RFC 7517), with a `kid` set to the RFC 7638
 * thumbprint. Shared by key generation and conversion.
 */
import type { LensError } from '../errors';
import { jwkThumbprintUri } from './thumbprint-uri';

export type Jwk = Record<string, unknown>;

/** Base64 in lines of 64 characters between the RFC 7468 boundaries. */
export function toPem(der: ArrayBuffer | Uint8Array, label: 'PUBLIC KEY' | 'PRIVATE KEY'): string {
  const bytes = der instanceof Uint8Array ? der : new Uint8Array(der);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  const body = btoa(binary).replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}

/** The order people expect to read a JWK in: type and curve, public, private, then metadata. */
const JWK_MEMBER_ORDER = [
  'kty',
  'crv',
  'n',
  'e',
  'x',
  'y',
  'd',
  'p',
  'q',
  'dp',
  'dq',
  'qi',
  'k',
  'alg',
  'use',
  'kid',
];

/** Keeps only the key members (drops WebCrypto's `ext` and `key_ops`) and adds metadata. */
export function tidyJwk(raw: JsonWebKey, extra: { alg?: string; use?: string; kid?: string } = {}): Jwk {
  const merged: Record<string, unknown> = { ...raw, ...extra };
  const out: Jwk = {};
  for (const name of JWK_MEMBER_ORDER) {
    if (merged[name] !== undefined) out[name] = merged[name];
  }
  return out;
}

export interface PublicKeyTexts {
  publicPem: string;
  publicJwk: Jwk;
  /** `{ "keys": [publicJwk] }`, ready to publish. */
  jwks: { keys: Jwk[] };
  thumbprint: string;
  thumbprintUri: string;
}

export interface KeyPairTexts extends PublicKeyTexts {
  privatePem: string;
  privateJwk: Jwk;
}

function exportFailed(what: string): LensError {
  return {
    code: 'key-export-failed',
    message: `This browser could not export the ${what}. Try another key type, or a current Chrome, Edge, Firefox or Safari.`,
  };
}

/** PEM and JWK texts of a public key, plus a JWKS with `kid` = thumbprint. Never rejects. */
export async function exportPublicKeyTexts(
  publicKey: CryptoKey,
  meta: { alg?: string; use?: string } = {},
): Promise<{ ok: true; value: PublicKeyTexts } | { ok: false; error: LensError }> {
  let spki: ArrayBuffer;
  let raw: JsonWebKey;
  try {
    spki = await crypto.subtle.exportKey('spki', publicKey);
    raw = await crypto.subtle.exportKey('jwk', publicKey);
  } catch {
    return { ok: false, error: exportFailed('public key') };
  }
  const print = jwkThumbprintUri(tidyJwk(raw));
  if (!print.ok) return print;
  const publicJwk = tidyJwk(raw, { ...meta, kid: print.thumbprint });
  return {
    ok: true,
    value: {
      publicPem: toPem(spki, 'PUBLIC KEY'),
      publicJwk,
      jwks: { keys: [publicJwk] },
      thumbprint: print.thumbprint,
      thumbprintUri: print.uri,
    },
  };
}

/** Everything for a key pair: PEM SPKI and PKCS#8, public and private JWK, JWKS. Never rejects. */
export async function exportKeyPairTexts(
  pair: { publicKey: CryptoKey; privateKey: CryptoKey },
  meta: { alg?: string; use?: string } = {},
): Promise<{ ok: true; value: KeyPairTexts } | { ok: false; error: LensError }> {
  const pub = await exportPublicKeyTexts(pair.publicKey, meta);
  if (!pub.ok) return pub;
  let pkcs8: ArrayBuffer;
  let raw: JsonWebKey;
  try {
    pkcs8 = await crypto.subtle.exportKey('pkcs8', pair.privateKey);
    raw = await crypto.subtle.exportKey('jwk', pair.privateKey);
  } catch {
    return { ok: false, error: exportFailed('private key') };
  }
  return {
    ok: true,
    value: {
      ...pub.value,
      privatePem: toPem(pkcs8, 'PRIVATE KEY'),
      privateJwk: tidyJwk(raw, { ...meta, kid: pub.value.thumbprint }),
    },
  };
}
