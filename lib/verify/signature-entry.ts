/**
 * The signatures of a decoded token as entries to check: one for a compact JWS (and the issuer JWT
 * of a compact SD-JWT), one per signature for the JWS JSON serialization, plain or carrying an
 * SD-JWT (RFC 7515 §7.2, RFC 9901 §8).
 */
import type { DecodedOk } from '../types';

export interface SignatureEntry {
  protectedB64: string;
  payloadB64: string;
  signatureB64: string;
  /** Protected and unprotected header, merged (RFC 7515 §7.2.1: they must be disjoint). */
  header: Record<string, unknown>;
  unprotected?: Record<string, unknown>;
  /** Worked out once per token (see `lastToken`): why its base64url is not canonical, or null. */
  nonCanonical?: string | null;
  /** The decoded signature, once per token; null when it is not base64url. */
  signatureBytes?: Uint8Array | null;
  /** ECDSA only, once per token: why r‖s is malformed, or null. */
  ecdsaProblem?: string | null;
}

export function signatureEntries(decoded: DecodedOk): SignatureEntry[] {
  // JWS JSON, plain or carrying an SD-JWT (RFC 9901 §8): every signature, with its unprotected header.
  if (decoded.signatures) {
    return decoded.signatures.map((s) => ({
      protectedB64: s.segments.protected,
      payloadB64: decoded.segments.payload,
      signatureB64: s.segments.signature,
      header: { ...(s.header ?? {}), ...s.protected },
      ...(s.header ? { unprotected: s.header } : {}),
    }));
  }
  // Compact JWS, unsecured JWT, and the issuer-signed JWT of an SD-JWT.
  return [
    {
      protectedB64: decoded.segments.header,
      payloadB64: decoded.segments.payload,
      signatureB64: decoded.segments.signature,
      header: decoded.header,
    },
  ];
}
