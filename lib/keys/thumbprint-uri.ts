/**
 * RFC 9278 thumbprint URIs on top of the shared RFC 7638 thumbprint (lib/keys/thumbprint.ts),
 * as a result with a message for the key tools instead of `undefined`.
 */
import type { LensError } from '../errors';
import { jwkThumbprint } from './thumbprint';

export type ThumbprintResult =
  { ok: true; thumbprint: string; uri: string } | { ok: false; error: LensError };

/** RFC 9278 §3: the URI names the hash, here always SHA-256 like the thumbprint. */
export function thumbprintUri(thumbprint: string): string {
  return `urn:ietf:params:oauth:jwk-thumbprint:sha-256:${thumbprint}`;
}

/** RFC 7638 SHA-256 thumbprint and RFC 9278 URI of a public or private JWK. */
export function jwkThumbprintUri(jwk: Record<string, unknown>): ThumbprintResult {
  const thumbprint = jwkThumbprint(jwk);
  if (thumbprint === undefined) {
    return {
      ok: false,
      error: {
        code: 'thumbprint-unavailable',
        message:
          'A thumbprint needs a complete JWK: "kty" EC (with crv, x, y), OKP (crv, x), RSA (n, e) or oct (k), as RFC 7638 §3.2 lists. Paste the whole key.',
      },
    };
  }
  return { ok: true, thumbprint, uri: thumbprintUri(thumbprint) };
}
