/**
 * Everything JWT Lens knows about one JWS `alg`, one row per algorithm (RFC 7518 §3, RFC 8037,
 * RFC 8812 for ES256K). `engine` says who checks the signature: jose/WebCrypto, @noble/curves
 * for curves WebCrypto lacks, or nobody (with the reason shown to the user).
 */
import type { KeyType } from '../keys/import';

export interface JwsAlgorithm {
  alg: string;
  /** Human name of the family, used in messages. */
  family: 'HMAC' | 'RSASSA-PKCS1-v1_5' | 'RSASSA-PSS' | 'ECDSA' | 'EdDSA';
  kty: KeyType;
  /** Curves the key must be on (EC and OKP). */
  curves?: readonly string[];
  /** HMAC hash output in bytes: RFC 7518 §3.2 minimum secret length. */
  hashBytes?: number;
  /** ECDSA: bytes of the JOSE r‖s signature (RFC 7518 §3.4). */
  signatureBytes?: number;
  engine: 'jose' | 'noble-secp256k1';
  /** WebCrypto's verify parameters (as in jose's own table), for the 'jose' engine algorithms. */
  webCrypto?: AlgorithmIdentifier | RsaPssParams | EcdsaParams;
}

export const JWS_ALGORITHMS: readonly JwsAlgorithm[] = [
  { alg: 'HS256', family: 'HMAC', kty: 'oct', hashBytes: 32, engine: 'jose', webCrypto: { name: 'HMAC' } },
  { alg: 'HS384', family: 'HMAC', kty: 'oct', hashBytes: 48, engine: 'jose', webCrypto: { name: 'HMAC' } },
  { alg: 'HS512', family: 'HMAC', kty: 'oct', hashBytes: 64, engine: 'jose', webCrypto: { name: 'HMAC' } },
  {
    alg: 'RS256',
    family: 'RSASSA-PKCS1-v1_5',
    kty: 'RSA',
    engine: 'jose',
    webCrypto: { name: 'RSASSA-PKCS1-v1_5' },
  },
  {
    alg: 'RS384',
    family: 'RSASSA-PKCS1-v1_5',
    kty: 'RSA',
    engine: 'jose',
    webCrypto: { name: 'RSASSA-PKCS1-v1_5' },
  },
  {
    alg: 'RS512',
    family: 'RSASSA-PKCS1-v1_5',
    kty: 'RSA',
    engine: 'jose',
    webCrypto: { name: 'RSASSA-PKCS1-v1_5' },
  },
  {
    alg: 'PS256',
    family: 'RSASSA-PSS',
    kty: 'RSA',
    engine: 'jose',
    webCrypto: { name: 'RSA-PSS', saltLength: 32 },
  },
  {
    alg: 'PS384',
    family: 'RSASSA-PSS',
    kty: 'RSA',
    engine: 'jose',
    webCrypto: { name: 'RSA-PSS', saltLength: 48 },
  },
  {
    alg: 'PS512',
    family: 'RSASSA-PSS',
    kty: 'RSA',
    engine: 'jose',
    webCrypto: { name: 'RSA-PSS', saltLength: 64 },
  },
  {
    alg: 'ES256',
    family: 'ECDSA',
    kty: 'EC',
    curves: ['P-256'],
    signatureBytes: 64,
    engine: 'jose',
    webCrypto: { name: 'ECDSA', hash: 'SHA-256' },
  },
  {
    alg: 'ES384',
    family: 'ECDSA',
    kty: 'EC',
    curves: ['P-384'],
    signatureBytes: 96,
    engine: 'jose',
    webCrypto: { name: 'ECDSA', hash: 'SHA-384' },
  },
  {
    alg: 'ES512',
    family: 'ECDSA',
    kty: 'EC',
    curves: ['P-521'],
    signatureBytes: 132,
    engine: 'jose',
    webCrypto: { name: 'ECDSA', hash: 'SHA-512' },
  },
  {
    alg: 'ES256K',
    family: 'ECDSA',
    kty: 'EC',
    curves: ['secp256k1'],
    signatureBytes: 64,
    engine: 'noble-secp256k1',
  },
  {
    alg: 'EdDSA',
    family: 'EdDSA',
    kty: 'OKP',
    curves: ['Ed25519'],
    engine: 'jose',
    webCrypto: { name: 'Ed25519' },
  },
  {
    alg: 'Ed25519',
    family: 'EdDSA',
    kty: 'OKP',
    curves: ['Ed25519'],
    engine: 'jose',
    webCrypto: { name: 'Ed25519' },
  },
];

/** Algorithms people meet that cannot be checked here, with the reason. */
export const UNSUPPORTED_ALGORITHMS: Readonly<Record<string, string>> = {
  Ed448: "Ed448 signatures are not available in the browser's WebCrypto, so JWT Lens cannot check them.",
  ES224: 'ES224 (ECDSA on P-224) is not a registered JWS algorithm and WebCrypto has no P-224.',
  RS1: 'RS1 (RSA with SHA-1) is not a registered JWS algorithm; SHA-1 signatures are broken.',
  HS1: 'HS1 (HMAC with SHA-1) is not a registered JWS algorithm.',
  'ML-DSA-44': "ML-DSA signatures are not available in the browser's WebCrypto yet.",
  'ML-DSA-65': "ML-DSA signatures are not available in the browser's WebCrypto yet.",
  'ML-DSA-87': "ML-DSA signatures are not available in the browser's WebCrypto yet.",
};

export function jwsAlgorithm(alg: string): JwsAlgorithm | undefined {
  return JWS_ALGORITHMS.find((row) => row.alg === alg);
}

/** What kind of key an algorithm needs, for messages: "a shared secret", "an EC P-256 key". */
export function keyNeeded(row: JwsAlgorithm): string {
  if (row.kty === 'oct') return 'a shared secret';
  if (row.kty === 'RSA') return 'an RSA public key';
  if (row.kty === 'EC') return `an EC ${row.curves!.join('/')} key`;
  return `an ${row.curves!.join('/')} key`;
}
