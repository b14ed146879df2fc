import { sha256 } from '@noble/hashes/sha2.js';
import { encodeBase64url } from '../token/base64url';

/** RFC 7638 §3.2: the required members of each key type, in lexicographic order. */
const REQUIRED_MEMBERS: Readonly<Record<string, readonly string[]>> = {
  RSA: ['e', 'kty', 'n'],
  EC: ['crv', 'kty', 'x', 'y'],
  OKP: ['crv', 'kty', 'x'],
  oct: ['k', 'kty'],
};

/** The RFC 7638 SHA-256 JWK thumbprint (base64url), or undefined for an unknown or incomplete key. */
export function jwkThumbprint(jwk: Record<string, unknown>): string | undefined {
  const members = typeof jwk.kty === 'string' ? REQUIRED_MEMBERS[jwk.kty] : undefined;
  if (!members) return undefined;
  const canonical: Record<string, unknown> = {};
  for (const name of members) {
    if (typeof jwk[name] !== 'string') return undefined;
    canonical[name] = jwk[name];
  }
  return encodeBase64url(sha256(new TextEncoder().encode(JSON.stringify(canonical))));
}
