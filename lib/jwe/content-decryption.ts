/**
 * Content decryption with a known content-encryption key (CEK), for the key-management
 * algorithms jose no longer runs (RSA1_5). jose decrypts everything else itself; this file
 * only composes WebCrypto's AES-GCM, AES-CBC and HMAC as RFC 7518 §5 defines, and inflates
 * zip:"DEF" with the same cap as jose.
 */
import { contentEncryptionAlgorithm } from './algorithms';
import {
  DECRYPTION_FAILED,
  NOT_DEFLATE_MESSAGE,
  decompressionCapMessage,
  type JweError,
} from './jose-errors';

export interface ContentParts {
  enc: string;
  cek: Uint8Array;
  iv: Uint8Array;
  ciphertext: Uint8Array;
  tag: Uint8Array;
  /** ASCII(BASE64URL(protected header)), plus "." and BASE64URL(aad) when a JSON JWE has one (RFC 7516 §5.2 step 14). */
  additionalData: Uint8Array;
}

export type ContentResult = { ok: true; plaintext: Uint8Array } | { ok: false; error: JweError };

/** Decrypts and authenticates the ciphertext with the CEK; never rejects. */
export async function decryptContent(parts: ContentParts): Promise<ContentResult> {
  const algorithm = contentEncryptionAlgorithm(parts.enc);
  if (!algorithm)
    return invalid('jwe-enc-unsupported', `The content encryption "${parts.enc}" is not supported.`);
  if (parts.cek.length !== algorithm.keyBytes) return { ok: false, error: DECRYPTION_FAILED };
  try {
    return parts.enc.includes('GCM') ? await decryptGcm(parts) : await decryptCbcHmac(parts);
  } catch {
    // WebCrypto rejects with OperationError on a wrong tag (AES-GCM) or bad padding (AES-CBC).
    return { ok: false, error: DECRYPTION_FAILED };
  }
}

/** RFC 7518 §5.3: a 96-bit IV and a 128-bit tag. */
async function decryptGcm(parts: ContentParts): Promise<ContentResult> {
  if (parts.iv.length !== 12) return invalid('jwe-invalid', IV_MESSAGE(parts.enc, 12));
  if (parts.tag.length !== 16) return invalid('jwe-invalid', TAG_MESSAGE(parts.enc, 16));
  const key = await crypto.subtle.importKey('raw', bytes(parts.cek), 'AES-GCM', false, ['decrypt']);
  const sealed = new Uint8Array(parts.ciphertext.length + parts.tag.length);
  sealed.set(parts.ciphertext);
  sealed.set(parts.tag, parts.ciphertext.length);
  const plaintext = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: bytes(parts.iv), additionalData: bytes(parts.additionalData), tagLength: 128 },
    key,
    sealed,
  );
  return { ok: true, plaintext: new Uint8Array(plaintext) };
}

/**
 * RFC 7518 §5.2.2.2: the first half of the CEK is the HMAC key, the second the AES-CBC key;
 * the tag is the first half of HMAC(AAD || IV || ciphertext || AL), AL being the AAD's length
 * in bits as a 64-bit big-endian number. The tag is checked before anything is decrypted.
 */
async function decryptCbcHmac(parts: ContentParts): Promise<ContentResult> {
  const half = parts.cek.length / 2;
  const hash = `SHA-${half * 16}`;
  if (parts.iv.length !== 16) return invalid('jwe-invalid', IV_MESSAGE(parts.enc, 16));
  if (parts.tag.length !== half) return invalid('jwe-invalid', TAG_MESSAGE(parts.enc, half));
  const macKey = await crypto.subtle.importKey(
    'raw',
    bytes(parts.cek.subarray(0, half)),
    { name: 'HMAC', hash },
    false,
    ['sign'],
  );
  const al = new Uint8Array(8);
  new DataView(al.buffer).setBigUint64(0, BigInt(parts.additionalData.length) * 8n);
  const macInput = concat(parts.additionalData, parts.iv, parts.ciphertext, al);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', macKey, bytes(macInput))).subarray(0, half);
  if (!sameBytes(mac, parts.tag)) return { ok: false, error: DECRYPTION_FAILED };
  const encKey = await crypto.subtle.importKey('raw', bytes(parts.cek.subarray(half)), 'AES-CBC', false, [
    'decrypt',
  ]);
  const plaintext = await crypto.subtle.decrypt(
    { name: 'AES-CBC', iv: bytes(parts.iv) },
    encKey,
    bytes(parts.ciphertext),
  );
  return { ok: true, plaintext: new Uint8Array(plaintext) };
}

/** zip:"DEF" (RFC 7516 §4.1.3) is raw DEFLATE (RFC 1951); stops once the output passes the cap. */
export async function inflate(input: Uint8Array, capBytes: number): Promise<ContentResult> {
  if (typeof DecompressionStream === 'undefined')
    return invalid(
      'jwe-not-supported',
      'This browser cannot inflate zip:"DEF" plaintext (no DecompressionStream).',
    );
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  writer.write(bytes(input)).catch(() => {});
  writer.close().catch(() => {});
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      chunks.push(value);
      length += value.byteLength;
      if (length > capBytes) {
        await reader.cancel().catch(() => {});
        return invalid('jwe-decompression-failed', decompressionCapMessage(capBytes));
      }
    }
  } catch {
    return invalid('jwe-decompression-failed', NOT_DEFLATE_MESSAGE);
  }
  return { ok: true, plaintext: concat(...chunks) };
}

/** Compares in time that depends only on the length, so a tag check leaks nothing about where it differs. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A copy backed by a plain ArrayBuffer, which WebCrypto's TypeScript types require. */
function bytes(view: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(view);
}

const IV_MESSAGE = (enc: string, size: number) =>
  `The initialization vector is ${size === 12 ? 'not 96 bits' : 'not 128 bits'}, the size "${enc}" requires (RFC 7518 §5).`;
const TAG_MESSAGE = (enc: string, size: number) =>
  `The authentication tag is not ${size * 8} bits, the size "${enc}" requires (RFC 7518 §5).`;

function invalid(code: JweError['code'], message: string): { ok: false; error: JweError } {
  return { ok: false, error: { code, message } };
}
