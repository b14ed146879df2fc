/**
 * JWK thumbprints (RFC 7638) and thumbprint URIs (RFC 9278). The hash input is the JSON of
 * the required members only, in lexicographic order, with no whitespace (RFC 7638 §3.2), so
 * a private JWK and its public half, or a JWK with or without `kid`, share one thumbprint.
 */
import type { LensError } from '../errors';
import { encodeBase64url } from '../token/base64url';

export type ThumbprintHash = 'sha-256' | 'sha-384' | 'sha-512';

/** Required members per `kty`, already in lexicographic order (RFC 7638 §3.2, RFC 8037 §2). */
const REQUIRED_MEMBERS: Record<string, readonly string[]> = {
  EC: ['crv', 'kty', 'x', 'y'],
  OKP: ['crv', 'kty', 'x'],
  RSA: ['e', 'kty', 'n'],
  oct: ['k', 'kty'],
};

const WEBCRYPTO_HASH: Record<ThumbprintHash, string> = {
  'sha-256': 'SHA-256',
  'sha-384': 'SHA-384',
  'sha-512': 'SHA-512',
};

export type ThumbprintResult =
  { ok: true; thumbprint: string; uri: string; hash: ThumbprintHash } | { ok: false; error: LensError };

/** The thumbprint input: the required members as compact JSON (exposed for display and tests). */
export function thumbprintInput(
  jwk: Record<string, unknown>,
): { ok: true; json: string } | { ok: false; error: LensError } {
  const kty = jwk.kty;
  const members = typeof kty === 'string' ? REQUIRED_MEMBERS[kty] : undefined;
  if (!members) {
    return {
      ok: false,
      error: {
        code: 'thumbprint-unsupported-kty',
        message: `A thumbprint needs a JWK whose "kty" is EC, OKP, RSA or oct${typeof kty === 'string' ? `; this one has "${kty}"` : ''}.`,
      },
    };
  }
  const required: Record<string, string> = {};
  for (const name of members) {
    const value = jwk[name];
    if (typeof value !== 'string' || value.length === 0) {
      return {
        ok: false,
        error: {
          code: 'thumbprint-missing-member',
          message: `A ${kty} JWK needs a "${name}" member to compute its thumbprint (RFC 7638 §3.2). Paste the complete key.`,
        },
      };
    }
    required[name] = value;
  }
  return { ok: true, json: JSON.stringify(required) };
}

/** RFC 7638 thumbprint and RFC 9278 URI of a JWK (public or private). Never rejects. */
export async function jwkThumbprintUri(
  jwk: Record<string, unknown>,
  hash: ThumbprintHash = 'sha-256',
): Promise<ThumbprintResult> {
  const input = thumbprintInput(jwk);
  if (!input.ok) return input;
  try {
    const digest = await crypto.subtle.digest(WEBCRYPTO_HASH[hash], new TextEncoder().encode(input.json));
    const thumbprint = encodeBase64url(new Uint8Array(digest));
    return { ok: true, thumbprint, uri: `urn:ietf:params:oauth:jwk-thumbprint:${hash}:${thumbprint}`, hash };
  } catch {
    return {
      ok: false,
      error: {
        code: 'thumbprint-failed',
        message: 'This browser could not compute the hash for the thumbprint.',
      },
    };
  }
}
