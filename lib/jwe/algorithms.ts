/**
 * Everything about one JWE algorithm in one table row (RFC 7518 §4 and §5), in the
 * manner of jose's `jws_algorithms.ts`: which key it needs and how big it must be.
 */

/** The kind of key a key-management algorithm decrypts with. */
export type JweKeyKind =
  /** RSA private key. */
  | 'rsa'
  /** EC (P-256/384/521) or OKP X25519 private key. */
  | 'ecdh'
  /** A symmetric key of exactly `keyBytes` bytes (AES key wrap, AES-GCM key wrap). */
  | 'aes'
  /** The content-encryption key itself, sized by `enc`. */
  | 'direct'
  /** A password (PBES2). */
  | 'password';

export interface KeyManagementAlgorithm {
  alg: string;
  kind: JweKeyKind;
  /** AES key size for 'aes'. */
  keyBytes?: number;
  description: string;
}

export const KEY_MANAGEMENT_ALGORITHMS: readonly KeyManagementAlgorithm[] = Object.freeze([
  { alg: 'RSA-OAEP', kind: 'rsa', description: 'RSAES-OAEP with SHA-1 (RFC 7518 §4.3)' },
  { alg: 'RSA-OAEP-256', kind: 'rsa', description: 'RSAES-OAEP with SHA-256' },
  { alg: 'RSA-OAEP-384', kind: 'rsa', description: 'RSAES-OAEP with SHA-384' },
  { alg: 'RSA-OAEP-512', kind: 'rsa', description: 'RSAES-OAEP with SHA-512' },
  {
    alg: 'ECDH-ES',
    kind: 'ecdh',
    description: 'ECDH-ES key agreement, used directly as the content key (RFC 7518 §4.6)',
  },
  { alg: 'ECDH-ES+A128KW', kind: 'ecdh', description: 'ECDH-ES key agreement, then AES-128 key wrap' },
  { alg: 'ECDH-ES+A192KW', kind: 'ecdh', description: 'ECDH-ES key agreement, then AES-192 key wrap' },
  { alg: 'ECDH-ES+A256KW', kind: 'ecdh', description: 'ECDH-ES key agreement, then AES-256 key wrap' },
  { alg: 'A128KW', kind: 'aes', keyBytes: 16, description: 'AES-128 key wrap (RFC 3394)' },
  { alg: 'A192KW', kind: 'aes', keyBytes: 24, description: 'AES-192 key wrap' },
  { alg: 'A256KW', kind: 'aes', keyBytes: 32, description: 'AES-256 key wrap' },
  { alg: 'A128GCMKW', kind: 'aes', keyBytes: 16, description: 'AES-128-GCM key wrap (RFC 7518 §4.7)' },
  { alg: 'A192GCMKW', kind: 'aes', keyBytes: 24, description: 'AES-192-GCM key wrap' },
  { alg: 'A256GCMKW', kind: 'aes', keyBytes: 32, description: 'AES-256-GCM key wrap' },
  { alg: 'dir', kind: 'direct', description: 'a shared content-encryption key used directly' },
  {
    alg: 'PBES2-HS256+A128KW',
    kind: 'password',
    description: 'password-based, PBKDF2-SHA-256 then AES-128 key wrap (RFC 7518 §4.8)',
  },
  {
    alg: 'PBES2-HS384+A192KW',
    kind: 'password',
    description: 'password-based, PBKDF2-SHA-384 then AES-192 key wrap',
  },
  {
    alg: 'PBES2-HS512+A256KW',
    kind: 'password',
    description: 'password-based, PBKDF2-SHA-512 then AES-256 key wrap',
  },
]);

export interface ContentEncryptionAlgorithm {
  enc: string;
  /** Content-encryption key size in bytes (for `dir`). */
  keyBytes: number;
  description: string;
}

export const CONTENT_ENCRYPTION_ALGORITHMS: readonly ContentEncryptionAlgorithm[] = Object.freeze([
  { enc: 'A128GCM', keyBytes: 16, description: 'AES-128-GCM' },
  { enc: 'A192GCM', keyBytes: 24, description: 'AES-192-GCM' },
  { enc: 'A256GCM', keyBytes: 32, description: 'AES-256-GCM' },
  { enc: 'A128CBC-HS256', keyBytes: 32, description: 'AES-128-CBC with HMAC-SHA-256 (RFC 7518 §5.2)' },
  { enc: 'A192CBC-HS384', keyBytes: 48, description: 'AES-192-CBC with HMAC-SHA-384' },
  { enc: 'A256CBC-HS512', keyBytes: 64, description: 'AES-256-CBC with HMAC-SHA-512' },
]);

/**
 * Key management this tool decrypts for old tokens but never uses to encrypt. RSA1_5 is kept
 * out of KEY_MANAGEMENT_ALGORITHMS so that no encryption form offers it; jose v6 and WebCrypto
 * dropped it, so lib/jwe/rsa1_5.ts unwraps the key with node-forge, loaded only when needed.
 */
export const LEGACY_KEY_MANAGEMENT: Readonly<Record<string, KeyManagementAlgorithm>> = Object.freeze({
  RSA1_5: { alg: 'RSA1_5', kind: 'rsa', description: 'RSAES-PKCS1-v1_5 (RFC 7518 §4.2), legacy' },
});

/**
 * Shown with every RSA1_5 result (RFC 8725 §3.2 recommends against it). The attack needs a
 * server that answers many chosen ciphertexts; a local debugger whose user already holds
 * the private key is not such an oracle, which is why decryption is offered at all.
 */
export const RSA1_5_LEGACY_NOTICE =
  'Legacy algorithm: RSA1_5 (RSAES-PKCS1-v1_5) is deprecated. Its padding allows Bleichenbacher\'s padding-oracle attack: a server that reveals whether decryption "worked" lets an attacker decrypt or forge messages with its key (RFC 8725 §3.2). Decrypting here, in this page with your own key, answers nobody\'s queries, so it is no such oracle; the system that issues these tokens should move to RSA-OAEP-256 or ECDH-ES.';

/** Algorithms people meet but this tool refuses to encrypt with, with the reason shown to them. */
export const REFUSED_KEY_MANAGEMENT: Readonly<Record<string, string>> = Object.freeze({
  RSA1_5:
    'RSA1_5 (RSAES-PKCS1-v1_5) is deprecated, so new tokens are not encrypted with it: its padding allows Bleichenbacher\'s padding-oracle attack, where a server that reveals whether decryption "worked" lets an attacker decrypt or forge messages with its key. Old RSA1_5 tokens can still be decrypted here (labelled legacy). Use RSA-OAEP-256 or ECDH-ES.',
});

/** PBES2 iteration counts above this are refused so that a token cannot freeze the page. */
export const MAX_PBES2_COUNT = 1_000_000;

/** zip:"DEF" plaintext is not inflated beyond this many bytes (a "zip bomb" guard). */
export const MAX_DECOMPRESSED_BYTES = 10 * 1024 * 1024;

export function keyManagementAlgorithm(alg: string): KeyManagementAlgorithm | undefined {
  return KEY_MANAGEMENT_ALGORITHMS.find((a) => a.alg === alg);
}

export function legacyKeyManagementAlgorithm(alg: string): KeyManagementAlgorithm | undefined {
  return Object.hasOwn(LEGACY_KEY_MANAGEMENT, alg) ? LEGACY_KEY_MANAGEMENT[alg] : undefined;
}

export function contentEncryptionAlgorithm(enc: string): ContentEncryptionAlgorithm | undefined {
  return CONTENT_ENCRYPTION_ALGORITHMS.find((e) => e.enc === enc);
}
