/**
 * The key of one distinct token: SHA-256 over its UTF-8 text, in hex. Synchronous (noble), because the
 * scanner runs in one pass and WebCrypto's digest is async. The full digest never leaves this module's
 * callers; rows and placeholders show a prefix, which identifies a token without revealing any of it.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

const encoder = new TextEncoder();

/** The first 16 hex digits of the token's SHA-256: the row key of "Tokens found". */
export function tokenFingerprint(token: string): string {
  return bytesToHex(sha256(encoder.encode(token))).slice(0, 16);
}
