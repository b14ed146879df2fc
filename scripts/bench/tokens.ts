/**
 * Deterministic tokens for the benchmarks: a typical RS256 OpenID Connect ID token (~800 characters) and
 * tokens whose payload is padded with realistic entitlement entries up to a target size. The signatures
 * are fixed pseudo-random bytes: decoding never checks them.
 */
import { encodeBase64url, encodeBase64urlText } from '../../lib/token/base64url';

const ISSUED_AT = 1_767_225_600; // 2026-01-01T00:00:00Z

export const ID_TOKEN_HEADER = { alg: 'RS256', kid: '1e9gdk7', typ: 'JWT' };

export const ID_TOKEN_CLAIMS = {
  iss: 'https://login.example.com/tenant-4c7a1e/v2.0',
  sub: '248289761001',
  aud: 's6BhdRkqt3-web-console',
  exp: ISSUED_AT + 3600,
  iat: ISSUED_AT,
  auth_time: ISSUED_AT - 30,
  nonce: 'n-0S6_WzA2Mj-7f3e9b',
  name: 'Zoë Ångström',
  email: 'zoe.angstrom@example.com',
  email_verified: true,
  amr: ['pwd', 'mfa'],
};

/** Fixed pseudo-random bytes (a linear congruential generator), so every run decodes the same token. */
export function fixedBytes(length: number, seed = 7): Uint8Array {
  const out = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}

export function compactToken(header: object, payload: object, signature = fixedBytes(256)): string {
  return `${encodeBase64urlText(JSON.stringify(header))}.${encodeBase64urlText(JSON.stringify(payload))}.${encodeBase64url(signature)}`;
}

/** The ID-token claims plus `entitlements` entries until the payload JSON reaches `payloadBytes`. */
export function largeClaims(payloadBytes: number): Record<string, unknown> {
  const entitlements: unknown[] = [];
  const claims = { ...ID_TOKEN_CLAIMS, entitlements };
  const encoder = new TextEncoder();
  let bytes = encoder.encode(JSON.stringify(claims)).length;
  // Entries of about 150 bytes: strings, numbers, booleans and a nested array.
  for (let i = 0; bytes < payloadBytes; i++) {
    const entry = {
      id: `ent-${i.toString(36).padStart(6, '0')}`,
      scope: i % 3 === 0 ? 'repo:write' : 'repo:read',
      resource: `projects/${i % 97}/repos/r${i}`,
      granted: ISSUED_AT - i,
      active: i % 5 !== 0,
      tags: ['prod', `team-${i % 13}`],
    };
    entitlements.push(entry);
    bytes += JSON.stringify(entry).length + (i > 0 ? 1 : 0);
  }
  return claims;
}

export const smallIdToken = (): string => compactToken(ID_TOKEN_HEADER, ID_TOKEN_CLAIMS);

/** A compact RS256 token of about `tokenChars` characters in total. */
export function largeToken(tokenChars: number): string {
  const overhead = smallIdToken().length - encodeBase64urlText(JSON.stringify(ID_TOKEN_CLAIMS)).length;
  return compactToken(ID_TOKEN_HEADER, largeClaims(Math.floor(((tokenChars - overhead) * 3) / 4)));
}

/** A token whose payload is about `payloadBytes` bytes of JSON (the encoded token is a third larger). */
export const tokenWithPayload = (payloadBytes: number): string =>
  compactToken(ID_TOKEN_HEADER, largeClaims(payloadBytes));
