/**
 * The types of key import: what importVerificationKey returns (re-exported by import.ts) and
 * the draft that each format reader (import-pem, import-der, import-jwk, import-jwks,
 * import-secret) produces before numbering and the weak-key checks.
 */
import type { LensError } from '../errors';
import type { Finding } from '../types';
import type { CertificateInfo } from './certificate';
import type { SecretEncoding } from './secret-encoding';

export interface KeyImportOptions {
  /** How to read a shared secret; default 'utf8'. Ignored for PEM, DER and JWK input. */
  secretEncoding?: SecretEncoding;
  /** The token's alg, when known: sets the minimum HMAC secret length (RFC 7518 §3.2). */
  alg?: string;
}

export type KeyImportErrorCode =
  | 'key-empty'
  | 'key-json-invalid'
  | 'key-pem-invalid'
  | 'key-pem-encrypted'
  | 'key-pem-unsupported'
  | 'key-der-invalid'
  | 'key-algorithm-unsupported'
  | 'key-jwk-invalid'
  | 'key-jwks-empty'
  | 'key-point-invalid'
  | 'secret-encoding-invalid';

export type KeyRefusalCode = 'rsa-exponent-too-small' | 'rsa-roca' | 'secret-empty';

/** How the key was written in the input. */
export type KeyEncoding =
  'secret' | 'spki' | 'pkcs1-public' | 'pkcs8' | 'pkcs1-private' | 'sec1' | 'certificate' | 'jwk';

/** The whole input: a shared secret, PEM block(s), bare base64 DER, one JWK or a JWK Set. */
export type KeyInputFormat = 'secret' | 'pem' | 'der' | 'jwk' | 'jwks';

export type KeyType = 'RSA' | 'EC' | 'OKP' | 'oct';

/** A public JWK (RFC 7517), plus the metadata members JWT Lens uses. `oct` keys carry `k`. */
export interface PublicJwk {
  kty: KeyType;
  crv?: string;
  n?: string;
  e?: string;
  x?: string;
  y?: string;
  k?: string;
  alg?: string;
  kid?: string;
  use?: string;
  key_ops?: string[];
}

export interface ImportedKey {
  /** 0-based position in the input (JWKS entry or PEM block). */
  index: number;
  /** For people: "PEM public key (SPKI)", "JWKS key 2 (kid 'k1')", "shared secret (UTF-8, 19 bytes)". */
  source: string;
  encoding: KeyEncoding;
  kty: KeyType;
  /** P-256, P-384, P-521, secp256k1, Ed25519, Ed448, X25519, X448. */
  crv?: string;
  /** Metadata declared by a JWK. */
  alg?: string;
  kid?: string;
  use?: string;
  keyOps?: string[];
  /** RSA modulus, EC/OKP curve size or secret length, in bits. */
  bits: number;
  jwk: PublicJwk;
  /** Present when a private key was pasted; kept in memory only. */
  privateJwk?: Record<string, unknown>;
  /** The secret bytes of an `oct` key. */
  secret?: Uint8Array;
  /** RFC 7638 SHA-256 thumbprint, base64url. */
  thumbprint: string;
  certificate?: CertificateInfo;
  /** Set when the key parsed but must not be used for verification. */
  refusal?: { code: KeyRefusalCode; message: string };
}

export type KeyImportResult =
  | {
      ok: true;
      format: KeyInputFormat;
      keys: ImportedKey[];
      /** JWKS entries that could not be read, with the reason. */
      skipped: { index: number; kid?: string; message: string }[];
      findings: Finding[];
    }
  | { ok: false; error: LensError; findings: Finding[] };

/** Thrown inside the readers only; importVerificationKey turns it into `{ ok: false }`. */
export class KeyError extends Error {
  constructor(
    readonly code: KeyImportErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** A key before numbering and weakness checks. */
export interface Draft extends Omit<ImportedKey, 'index' | 'source' | 'thumbprint'> {
  label?: string;
  /** Position in the input when it differs from the position among readable keys (JWKS). */
  sourceIndex?: number;
  /** The secret as typed, for the well-known secret list. */
  secretText?: string;
}

export type KeyMaterial = Omit<Draft, 'encoding'>;
