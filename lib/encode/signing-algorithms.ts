/**
 * Everything about one signing `alg` in one row (RFC 7518 §3, RFC 8037, RFC 9864), in the
 * shape of jose's `jws_algorithms.ts`. The encoder signs with WebCrypto directly so that the
 * header and payload bytes are exactly the text the user wrote.
 */
export type SigningFamily = 'hmac' | 'rsa-pkcs1' | 'rsa-pss' | 'ecdsa' | 'eddsa';
export type HashName = 'SHA-256' | 'SHA-384' | 'SHA-512';
export type CurveName = 'P-256' | 'P-384' | 'P-521';

export interface SigningAlgorithm {
  alg: string;
  family: SigningFamily;
  /** The hash the algorithm uses; undefined for EdDSA, which hashes internally. */
  hash?: HashName;
  /** Output size of the hash in bytes: the minimum HMAC secret length (RFC 7518 §3.2). */
  hashBytes?: number;
  /** The only curve an ECDSA alg may use (RFC 7518 §3.4). */
  curve?: CurveName;
  /** A short description for the alg select. */
  label: string;
}

export const SIGNING_ALGORITHMS: readonly SigningAlgorithm[] = [
  {
    alg: 'HS256',
    family: 'hmac',
    hash: 'SHA-256',
    hashBytes: 32,
    label: 'HMAC with SHA-256 (shared secret)',
  },
  {
    alg: 'HS384',
    family: 'hmac',
    hash: 'SHA-384',
    hashBytes: 48,
    label: 'HMAC with SHA-384 (shared secret)',
  },
  {
    alg: 'HS512',
    family: 'hmac',
    hash: 'SHA-512',
    hashBytes: 64,
    label: 'HMAC with SHA-512 (shared secret)',
  },
  {
    alg: 'RS256',
    family: 'rsa-pkcs1',
    hash: 'SHA-256',
    hashBytes: 32,
    label: 'RSA PKCS#1 v1.5 with SHA-256',
  },
  {
    alg: 'RS384',
    family: 'rsa-pkcs1',
    hash: 'SHA-384',
    hashBytes: 48,
    label: 'RSA PKCS#1 v1.5 with SHA-384',
  },
  {
    alg: 'RS512',
    family: 'rsa-pkcs1',
    hash: 'SHA-512',
    hashBytes: 64,
    label: 'RSA PKCS#1 v1.5 with SHA-512',
  },
  { alg: 'PS256', family: 'rsa-pss', hash: 'SHA-256', hashBytes: 32, label: 'RSA-PSS with SHA-256' },
  { alg: 'PS384', family: 'rsa-pss', hash: 'SHA-384', hashBytes: 48, label: 'RSA-PSS with SHA-384' },
  { alg: 'PS512', family: 'rsa-pss', hash: 'SHA-512', hashBytes: 64, label: 'RSA-PSS with SHA-512' },
  {
    alg: 'ES256',
    family: 'ecdsa',
    hash: 'SHA-256',
    hashBytes: 32,
    curve: 'P-256',
    label: 'ECDSA on P-256 with SHA-256',
  },
  {
    alg: 'ES384',
    family: 'ecdsa',
    hash: 'SHA-384',
    hashBytes: 48,
    curve: 'P-384',
    label: 'ECDSA on P-384 with SHA-384',
  },
  {
    alg: 'ES512',
    family: 'ecdsa',
    hash: 'SHA-512',
    hashBytes: 64,
    curve: 'P-521',
    label: 'ECDSA on P-521 with SHA-512',
  },
  { alg: 'EdDSA', family: 'eddsa', label: 'EdDSA with Ed25519 (RFC 8037)' },
  { alg: 'Ed25519', family: 'eddsa', label: 'Ed25519 (RFC 9864, fully specified)' },
];

/** The RSA modulus size below which jose (and so our verifier) refuses RS* and PS* keys. */
export const MIN_RSA_BITS = 2048;

export function signingAlgorithm(alg: string): SigningAlgorithm | undefined {
  return SIGNING_ALGORITHMS.find((row) => row.alg === alg);
}

/** The WebCrypto parameters for `crypto.subtle.sign` with this alg. */
export function webCryptoSignParams(row: SigningAlgorithm): AlgorithmIdentifier | RsaPssParams | EcdsaParams {
  switch (row.family) {
    case 'hmac':
      return { name: 'HMAC' };
    case 'rsa-pkcs1':
      return { name: 'RSASSA-PKCS1-v1_5' };
    case 'rsa-pss':
      // RFC 7518 §3.5: the salt is as long as the hash output.
      return { name: 'RSA-PSS', saltLength: row.hashBytes! };
    case 'ecdsa':
      return { name: 'ECDSA', hash: row.hash! };
    case 'eddsa':
      return { name: 'Ed25519' };
  }
}

/** The WebCrypto parameters for importing or generating a key for this alg. */
export function webCryptoKeyParams(
  row: SigningAlgorithm,
): HmacImportParams | RsaHashedImportParams | EcKeyImportParams | AlgorithmIdentifier {
  switch (row.family) {
    case 'hmac':
      return { name: 'HMAC', hash: row.hash! };
    case 'rsa-pkcs1':
      return { name: 'RSASSA-PKCS1-v1_5', hash: row.hash! };
    case 'rsa-pss':
      return { name: 'RSA-PSS', hash: row.hash! };
    case 'ecdsa':
      return { name: 'ECDSA', namedCurve: row.curve! };
    case 'eddsa':
      return { name: 'Ed25519' };
  }
}
