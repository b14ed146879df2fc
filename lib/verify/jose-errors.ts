/**
 * jose error codes → our codes and messages people can act on. Mapped by `err.code`, never by
 * class name (mangled in production builds). Raw jose/WebCrypto messages are never shown.
 */
export interface MappedError {
  code: string;
  message: string;
}

const JOSE_ERRORS: Readonly<Record<string, MappedError>> = {
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: {
    code: 'signature-mismatch',
    message:
      'The signature does not match this key: the token was changed, or it was signed with another key.',
  },
  ERR_JWS_INVALID: {
    code: 'jws-invalid',
    message:
      'The JWS structure is not valid (RFC 7515 §5.2): check the header members, "crit" and the serialization.',
  },
  ERR_JOSE_ALG_NOT_ALLOWED: {
    code: 'alg-not-allowed',
    message:
      "The token's alg is not in the list of allowed algorithms. Add it to the allow-list only if you expect it.",
  },
  ERR_JOSE_NOT_SUPPORTED: {
    code: 'alg-unsupported',
    message: "This algorithm or key type cannot be checked with the browser's WebCrypto.",
  },
  ERR_JWK_INVALID: {
    code: 'key-jwk-invalid',
    message: 'The JWK is not valid for this algorithm. Check its kty, crv and key members.',
  },
  ERR_JWKS_INVALID: {
    code: 'key-jwks-invalid',
    message: 'The JWKS is not valid: it must be {"keys": [ ...JWKs ]}.',
  },
  ERR_JWKS_NO_MATCHING_KEY: {
    code: 'no-fitting-key',
    message: 'No key in the JWKS fits this token (kid, kty, alg and use were compared).',
  },
  ERR_JWKS_MULTIPLE_MATCHING_KEYS: {
    code: 'kid-ambiguous',
    message: 'Several keys in the JWKS fit this token. Give each key a distinct kid (RFC 7517 §4.5).',
  },
  ERR_JWT_INVALID: {
    code: 'jwt-invalid',
    message: 'The payload is not a valid JWT claims set (a JSON object).',
  },
  ERR_JWT_EXPIRED: { code: 'jwt-expired', message: 'The token has expired ("exp" is in the past).' },
  ERR_JWT_CLAIM_VALIDATION_FAILED: {
    code: 'claim-invalid',
    message: 'A claim check failed; see the checks list.',
  },
  ERR_JOSE_GENERIC: {
    code: 'verification-failed',
    message: 'The signature could not be checked. Check that the key matches the token.',
  },
};

/** Turns anything jose or WebCrypto threw into one of our messages. */
export function mapJoseError(err: unknown, context: string): MappedError {
  const code =
    typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
  const mapped = JOSE_ERRORS[code];
  if (mapped) return { code: mapped.code, message: `${context}${mapped.message}` };
  // WebCrypto DataError/InvalidAccessError and jose TypeErrors carry no code: a key/alg mismatch.
  return {
    code: 'key-unusable',
    message: `${context}The browser's WebCrypto could not use this key for the token's algorithm. Check that the key type and size fit the alg.`,
  };
}
