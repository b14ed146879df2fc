/**
 * A small, strict DER reader and writer (ITU-T X.690) for the key structures JWT Lens meets:
 * SubjectPublicKeyInfo, PKCS#1, PKCS#8, SEC1 and X.509 certificates. Only definite, minimal
 * lengths are accepted, because anything else is not DER and usually means a damaged paste.
 */
export interface DerNode {
  tag: number;
  /** The content octets. */
  value: Uint8Array;
  /** The whole TLV, tag and length included (e.g. to hand the SPKI of a certificate on). */
  raw: Uint8Array;
}

export const TAG = {
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  utf8String: 0x0c,
  printableString: 0x13,
  ia5String: 0x16,
  utcTime: 0x17,
  generalizedTime: 0x18,
  bmpString: 0x1e,
  sequence: 0x30,
  set: 0x31,
} as const;

/** Thrown inside lib/keys only; the importer turns it into a user-facing message. */
export class DerError extends Error {}

function readAt(bytes: Uint8Array, offset: number): { node: DerNode; end: number } {
  if (offset + 2 > bytes.length) throw new DerError('the data ends in the middle of a DER element');
  const tag = bytes[offset]!;
  if ((tag & 0x1f) === 0x1f) throw new DerError('multi-byte DER tags are not used by keys');
  let length = bytes[offset + 1]!;
  let headerLength = 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0) throw new DerError('indefinite lengths are not DER');
    if (count > 4) throw new DerError('a DER length is implausibly large');
    if (offset + 2 + count > bytes.length) throw new DerError('the data ends inside a DER length');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[offset + 2 + i]!;
    if (length < 0x80 || bytes[offset + 2] === 0) throw new DerError('a DER length is not minimally encoded');
    headerLength += count;
  }
  const end = offset + headerLength + length;
  if (end > bytes.length) throw new DerError('the data is shorter than its DER length says (cut off?)');
  return {
    node: { tag, value: bytes.subarray(offset + headerLength, end), raw: bytes.subarray(offset, end) },
    end,
  };
}

/** Reads exactly one element that must fill `bytes`. */
export function readDer(bytes: Uint8Array): DerNode {
  const { node, end } = readAt(bytes, 0);
  if (end !== bytes.length)
    throw new DerError(`there are ${bytes.length - end} stray bytes after the DER data`);
  return node;
}

/** The elements inside a constructed node (SEQUENCE, SET, [n]). */
export function childrenOf(node: DerNode): DerNode[] {
  const out: DerNode[] = [];
  let offset = 0;
  while (offset < node.value.length) {
    const { node: child, end } = readAt(node.value, offset);
    out.push(child);
    offset = end;
  }
  return out;
}

export function expectTag(node: DerNode | undefined, tag: number, what: string): DerNode {
  if (!node || node.tag !== tag) throw new DerError(`expected ${what}`);
  return node;
}

/** An unsigned big-endian integer with the DER sign byte removed. */
export function integerBytes(node: DerNode | undefined, what: string): Uint8Array {
  const { value } = expectTag(node, TAG.integer, what);
  if (value.length === 0) throw new DerError(`${what} is empty`);
  if (value[0]! & 0x80) throw new DerError(`${what} is negative`);
  let start = 0;
  while (start < value.length - 1 && value[start] === 0) start++;
  return value.subarray(start);
}

export function bitStringBytes(node: DerNode | undefined, what: string): Uint8Array {
  const { value } = expectTag(node, TAG.bitString, what);
  if (value.length === 0 || value[0] !== 0) throw new DerError(`${what} has unused bits`);
  return value.subarray(1);
}

export function readOid(node: DerNode | undefined, what = 'an object identifier'): string {
  const { value } = expectTag(node, TAG.oid, what);
  if (value.length === 0) throw new DerError(`${what} is empty`);
  const first = value[0]!;
  const parts: number[] = [first < 80 ? Math.floor(first / 40) : 2, first < 80 ? first % 40 : first - 80];
  let acc = 0;
  for (let i = 1; i < value.length; i++) {
    acc = acc * 128 + (value[i]! & 0x7f);
    if (!(value[i]! & 0x80)) {
      parts.push(acc);
      acc = 0;
    }
  }
  return parts.join('.');
}

// ---- writer ----------------------------------------------------------------

function encodeLength(length: number): number[] {
  if (length < 0x80) return [length];
  const out: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) out.unshift(n & 0xff);
  return [0x80 | out.length, ...out];
}

export function derElement(tag: number, content: Uint8Array): Uint8Array {
  const header = [tag, ...encodeLength(content.length)];
  const out = new Uint8Array(header.length + content.length);
  out.set(header, 0);
  out.set(content, header.length);
  return out;
}

export function derSequence(...items: Uint8Array[]): Uint8Array {
  return derElement(TAG.sequence, concatBytes(items));
}

/** An unsigned integer (big-endian magnitude), with a sign byte added when needed. */
export function derInteger(magnitude: Uint8Array | number): Uint8Array {
  let bytes = typeof magnitude === 'number' ? Uint8Array.of(magnitude) : magnitude;
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  bytes = bytes.subarray(start);
  if (bytes.length === 0) bytes = Uint8Array.of(0);
  return derElement(TAG.integer, bytes[0]! & 0x80 ? concatBytes([Uint8Array.of(0), bytes]) : bytes);
}

export function derOid(oid: string): Uint8Array {
  const [a, b, ...rest] = oid.split('.').map(Number) as [number, number, ...number[]];
  const out: number[] = [a * 40 + b];
  for (const n of rest) {
    const chunk: number[] = [n & 0x7f];
    for (let v = Math.floor(n / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift((v & 0x7f) | 0x80);
    out.push(...chunk);
  }
  return derElement(TAG.oid, Uint8Array.from(out));
}

export const derNull = (): Uint8Array => Uint8Array.of(TAG.null, 0);
export const derBitString = (bytes: Uint8Array): Uint8Array =>
  derElement(TAG.bitString, concatBytes([Uint8Array.of(0), bytes]));
export const derOctetString = (bytes: Uint8Array): Uint8Array => derElement(TAG.octetString, bytes);

export function concatBytes(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
