/**
 * Strict-but-forgiving base64url (RFC 4648 §5). Decoding accepts what people paste
 * (padding, `+` and `/`) but reports each deviation, because RFC 7515 §2 requires the
 * unpadded URL-safe alphabet and a verifier that MACs the literal input must care.
 */
export type NonCanonicalIssue = 'padding' | 'standard-alphabet' | 'trailing-bits';

export type Base64urlDecode =
  | { ok: true; bytes: Uint8Array; issues: NonCanonicalIssue[] }
  | { ok: false; reason: 'invalid-char'; position: number; char: string }
  | { ok: false; reason: 'invalid-length'; position: number };

const DECODE_TABLE = (() => {
  const table = new Int16Array(128).fill(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  table['+'.charCodeAt(0)] = 62;
  table['/'.charCodeAt(0)] = 63;
  return table;
})();

function lookup(code: number): number {
  return code < 128 ? DECODE_TABLE[code]! : -1;
}

export function decodeBase64url(input: string): Base64urlDecode {
  const issues: NonCanonicalIssue[] = [];
  let end = input.length;
  while (end > 0 && input.charCodeAt(end - 1) === 61 /* = */) end--;
  if (end < input.length) {
    issues.push('padding');
    if (input.length - end > 2) return { ok: false, reason: 'invalid-length', position: end };
  }
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let o = 0;
  let i = 0;
  // Whole quads first (four characters make three bytes); any invalid character sends the
  // quad to the per-character loop below, which finds and reports it.
  const quads = end - (end % 4);
  for (; i < quads; i += 4) {
    const a = lookup(input.charCodeAt(i));
    const b = lookup(input.charCodeAt(i + 1));
    const c = lookup(input.charCodeAt(i + 2));
    const d = lookup(input.charCodeAt(i + 3));
    if ((a | b | c | d) < 0) break;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = n >> 16;
    out[o++] = (n >> 8) & 0xff;
    out[o++] = n & 0xff;
  }
  for (; i < end; i++) {
    const v = lookup(input.charCodeAt(i));
    if (v < 0) return { ok: false, reason: 'invalid-char', position: i, char: input[i]! };
    buffer = ((buffer << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >> bits) & 0xff;
    }
  }
  // Checked after the characters, so a stray character is reported where it is.
  if (end % 4 === 1) return { ok: false, reason: 'invalid-length', position: end };
  const sawStandard = input.includes('+') || input.includes('/');
  if (sawStandard) issues.push('standard-alphabet');
  if (bits > 0 && (buffer & ((1 << bits) - 1)) !== 0) issues.push('trailing-bits');
  return { ok: true, bytes: o === out.length ? out : out.subarray(0, o), issues };
}

/**
 * The first character that is not in the base64url alphabet (RFC 4648 §5: A–Z, a–z, 0–9, "-", "_"),
 * including the standard-base64 "+", "/" and "=" that decodeBase64url tolerates. Used to blame a
 * segment that cannot be decoded on the character that broke it, not on its length.
 */
export function firstNonBase64urlChar(input: string): { position: number; char: string } | undefined {
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    const ok = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 95;
    if (!ok) return { position: i, char: String.fromCodePoint(input.codePointAt(i)!) };
  }
  return undefined;
}

const ENCODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function encodeBase64url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out +=
      ENCODE_ALPHABET[n >> 18]! +
      ENCODE_ALPHABET[(n >> 12) & 63]! +
      ENCODE_ALPHABET[(n >> 6) & 63]! +
      ENCODE_ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += ENCODE_ALPHABET[n >> 18]! + ENCODE_ALPHABET[(n >> 12) & 63]!;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += ENCODE_ALPHABET[n >> 18]! + ENCODE_ALPHABET[(n >> 12) & 63]! + ENCODE_ALPHABET[(n >> 6) & 63]!;
  }
  return out;
}

export function encodeBase64urlText(text: string): string {
  return encodeBase64url(new TextEncoder().encode(text));
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** UTF-8 text of the bytes; `valid: false` when they are not UTF-8 (replacement characters shown). */
export function bytesToText(bytes: Uint8Array): { text: string; valid: boolean } {
  try {
    return { text: strictUtf8.decode(bytes), valid: true };
  } catch {
    return { text: lenientUtf8.decode(bytes), valid: false };
  }
}
