/**
 * jose and WebCrypto errors, mapped by `err.code` (class names are mangled in production
 * builds) to our codes and to messages that say what to do next. jose's own text is never
 * shown as the message; at most it is quoted as a detail after ours.
 */
export type JweErrorCode =
  | 'jwe-not-jwe'
  | 'jwe-invalid'
  | 'jwe-alg-unsupported'
  | 'jwe-enc-unsupported'
  | 'jwe-rsa1_5-deprecated'
  | 'jwe-p2c-too-large'
  | 'jwe-key-empty'
  | 'jwe-key-invalid'
  | 'jwe-key-public'
  | 'jwe-key-mismatch'
  | 'jwe-key-alg-mismatch'
  | 'jwe-key-size'
  | 'jwe-no-matching-key'
  | 'jwe-decryption-failed'
  | 'jwe-decompression-failed'
  | 'jwe-crit-unsupported'
  | 'jwe-not-supported'
  | 'jwe-alg-not-allowed'
  | 'jwe-encrypt-failed'
  | 'jwe-internal';

export interface JweError {
  code: JweErrorCode;
  message: string;
}

/**
 * A wrong key and a changed token give this same error, by design: RFC 7516 §11.5 asks that
 * a failed key unwrap be indistinguishable from a failed tag check.
 */
export const DECRYPTION_FAILED: JweError = Object.freeze({
  code: 'jwe-decryption-failed',
  message:
    'Decryption failed: the authentication tag does not match. Either this is not the key the token was encrypted for, or the token (header, IV, ciphertext or tag) was changed after encryption.',
});

/** The message for zip:"DEF" plaintext that does not inflate. */
export const NOT_DEFLATE_MESSAGE =
  'The plaintext is marked zip:"DEF" but is not valid DEFLATE data, so it cannot be decompressed.';

/** jose error codes (jose/dist/webapi/util/errors.js) to ours, with the message to show. */
const BY_JOSE_CODE: Readonly<Record<string, JweError>> = Object.freeze({
  ERR_JWE_DECRYPTION_FAILED: DECRYPTION_FAILED,
  ERR_JWE_INVALID: {
    code: 'jwe-invalid',
    message: 'The JWE is malformed, so it cannot be decrypted. Check that the whole token was copied.',
  },
  ERR_JOSE_NOT_SUPPORTED: {
    code: 'jwe-not-supported',
    message: 'This JWE uses an algorithm, curve or key type that this browser or tool does not support.',
  },
  ERR_JOSE_ALG_NOT_ALLOWED: {
    code: 'jwe-alg-not-allowed',
    message: 'The JWE algorithm does not fit the key (the key was made for another algorithm).',
  },
  ERR_JWK_INVALID: {
    code: 'jwe-key-invalid',
    message:
      'The JWK is not valid for this algorithm: check "kty", "crv" and that the private part ("d") is present.',
  },
  ERR_JOSE_GENERIC: { code: 'jwe-invalid', message: 'The JWE could not be processed.' },
});

/** Known jose ERR_JWE_INVALID texts, to say precisely what is malformed. */
const INVALID_DETAILS: readonly [RegExp, JweError][] = [
  [/Decompressed plaintext exceeded/, { code: 'jwe-decompression-failed', message: '' }],
  [/Failed to decompress/, { code: 'jwe-decompression-failed', message: NOT_DEFLATE_MESSAGE }],
  [
    /"zip".*MUST be in a protected header/,
    {
      code: 'jwe-invalid',
      message:
        '"zip" must be in the protected header (RFC 7516 §4.1.3); this JWE puts it in an unprotected one, so it is rejected.',
    },
  ],
  [
    /must be disjoint/,
    {
      code: 'jwe-invalid',
      message:
        'A header parameter appears in more than one of the protected, shared and per-recipient headers; RFC 7516 §7.2.1 forbids that.',
    },
  ],
  [
    /p2c/,
    { code: 'jwe-invalid', message: 'The PBES2 iteration count "p2c" is missing or not a positive integer.' },
  ],
  [/p2s/, { code: 'jwe-invalid', message: 'The PBES2 salt "p2s" is missing or shorter than 8 bytes.' }],
  [
    /epk/,
    {
      code: 'jwe-invalid',
      message:
        'The ephemeral public key "epk" is missing or not a valid public key on the curve (an invalid-curve attack would look like this).',
    },
  ],
  [
    /Extension Header Parameter|"crit"/,
    {
      code: 'jwe-crit-unsupported',
      message:
        'The JWE marks a header extension as critical ("crit") that this tool does not understand, so it must be rejected (RFC 7516 §4.1.13).',
    },
  ],
  [
    /Invalid Compact JWE/,
    { code: 'jwe-invalid', message: 'A compact JWE has exactly 5 segments separated by dots.' },
  ],
  [
    /Initialization Vector|iv/,
    {
      code: 'jwe-invalid',
      message: 'The initialization vector is missing or has the wrong length for "enc".',
    },
  ],
  [
    /Authentication Tag|tag/,
    { code: 'jwe-invalid', message: 'The authentication tag is missing or has the wrong length for "enc".' },
  ],
  [
    /Encrypted Key/,
    {
      code: 'jwe-invalid',
      message:
        'The encrypted key is missing, or present where the algorithm ("dir", "ECDH-ES") requires it to be empty.',
    },
  ],
];

/** Maps anything jose or WebCrypto throws during JWE work to a JweError. */
export function joseErrorToJweError(err: unknown, decompressionCapBytes?: number): JweError {
  const code = errorCode(err);
  const detail = err instanceof Error ? err.message : String(err);
  if (code === 'ERR_JWE_INVALID') {
    for (const [pattern, mapped] of INVALID_DETAILS) {
      if (!pattern.test(detail)) continue;
      return mapped.message
        ? mapped
        : { code: mapped.code, message: decompressionCapMessage(decompressionCapBytes ?? 0) };
    }
  }
  const mapped = code ? BY_JOSE_CODE[code] : undefined;
  if (mapped) return mapped;
  // WebCrypto DOMExceptions carry `name` (not mangled: it is part of the platform, not our bundle).
  const name = err instanceof Error ? err.name : '';
  if (name === 'OperationError') return BY_JOSE_CODE.ERR_JWE_DECRYPTION_FAILED!;
  if (name === 'DataError' || name === 'InvalidAccessError' || err instanceof TypeError) {
    return {
      code: 'jwe-key-mismatch',
      message:
        'The key does not fit this JWE: check that it is the private key (or secret) of the right type and size for the token\'s "alg" and "enc".',
    };
  }
  if (name === 'NotSupportedError') return BY_JOSE_CODE.ERR_JOSE_NOT_SUPPORTED!;
  return {
    code: 'jwe-internal',
    message:
      'Something unexpected went wrong while decrypting. Nothing was sent anywhere; please report it with a token that shows it.',
  };
}

/** The decompression-cap message, with the cap in it. */
export function decompressionCapMessage(capBytes: number): string {
  return `The compressed plaintext (zip:"DEF") inflates to more than ${formatBytes(capBytes)}, the limit of this tool. This protects the page from "zip bombs"; a real token is far smaller.`;
}

function errorCode(err: unknown): string | undefined {
  if (
    err !== null &&
    typeof err === 'object' &&
    'code' in err &&
    typeof (err as { code: unknown }).code === 'string'
  ) {
    return (err as { code: string }).code;
  }
  return undefined;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(0)} MB` : `${bytes} bytes`;
}
