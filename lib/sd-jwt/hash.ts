/** The `_sd_alg` hash functions (IANA "Named Information Hash Algorithm" names), synchronous. */
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { encodeBase64url } from '../token/base64url';

const SD_HASHES: Record<string, (data: Uint8Array) => Uint8Array> = {
  'sha-256': sha256,
  'sha-384': sha384,
  'sha-512': sha512,
};

export const SUPPORTED_SD_ALGS = Object.freeze(Object.keys(SD_HASHES));

export function isSupportedSdAlg(alg: string): boolean {
  return Object.prototype.hasOwnProperty.call(SD_HASHES, alg);
}

/** base64url(hash(ASCII(text))), as for disclosure digests and `sd_hash` (RFC 9901 §4.2.3, §4.3.1). */
export function digestText(alg: string, text: string): string {
  const hash = SD_HASHES[alg];
  if (!hash) throw new Error(`unsupported _sd_alg ${alg}`);
  return encodeBase64url(hash(new TextEncoder().encode(text)));
}
