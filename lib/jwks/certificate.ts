/**
 * The subject and expiry of the first certificate of a key's `x5c` chain (RFC 7517 §4.7), for the keys
 * table. It only reads the certificate; it does not check its signature or chain, and the UI says so.
 */
import { decodeBase64url } from '../token/base64url';

export type CertificateSummary =
  { ok: true; subject: string; notAfter: string; expired: boolean } | { ok: false; problem: string };

interface Tlv {
  tag: number;
  value: Uint8Array;
}

class NotDer extends Error {}

/** Reads one DER element at `offset` (X.690 §8.1): tag, definite length, contents. */
function readTlv(bytes: Uint8Array, offset: number): Tlv & { end: number } {
  const tag = bytes[offset];
  let lengthByte = bytes[offset + 1];
  if (tag === undefined || lengthByte === undefined) throw new NotDer();
  let cursor = offset + 2;
  let length = lengthByte;
  if (lengthByte & 0x80) {
    const count = lengthByte & 0x7f;
    if (count === 0 || count > 4) throw new NotDer();
    length = 0;
    for (let i = 0; i < count; i++) {
      lengthByte = bytes[cursor++];
      if (lengthByte === undefined) throw new NotDer();
      length = length * 256 + lengthByte;
    }
  }
  const end = cursor + length;
  if (end > bytes.length) throw new NotDer();
  return { tag, value: bytes.subarray(cursor, end), end };
}

function childrenOf(node: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let offset = 0; offset < node.value.length;) {
    const child = readTlv(node.value, offset);
    out.push(child);
    offset = child.end;
  }
  return out;
}

function oidText(bytes: Uint8Array): string {
  const first = bytes[0] ?? 0;
  const parts = [Math.floor(first / 40), first % 40];
  let value = 0;
  for (const byte of bytes.subarray(1)) {
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      parts.push(value);
      value = 0;
    }
  }
  return parts.join('.');
}

const NAME_ATTRIBUTES: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
};

function stringValue(node: Tlv): string {
  // BMPString (0x1e) is UTF-16BE; the others this reader meets are ASCII or UTF-8.
  if (node.tag === 0x1e) return new TextDecoder('utf-16be').decode(node.value);
  return new TextDecoder('utf-8').decode(node.value);
}

/** "CN=Brian Campbell, O=Ping Identity Corp., C=US": most specific first, like most tools show it. */
function nameText(name: Tlv): string {
  const parts: string[] = [];
  for (const rdn of childrenOf(name)) {
    for (const attribute of childrenOf(rdn)) {
      const [type, value] = childrenOf(attribute);
      if (!type || !value) continue;
      const oid = oidText(type.value);
      parts.push(`${NAME_ATTRIBUTES[oid] ?? oid}=${stringValue(value)}`);
    }
  }
  return parts.reverse().join(', ');
}

/** UTCTime (YYMMDDHHMMSSZ, RFC 5280 §4.1.2.5.1) or GeneralizedTime (YYYYMMDDHHMMSSZ) to ISO 8601. */
function timeText(node: Tlv): string {
  const text = new TextDecoder().decode(node.value);
  const match = /^(\d{2}|\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!match) throw new NotDer();
  let year = Number(match[1]);
  if (match[1]!.length === 2) year += year >= 50 ? 1900 : 2000;
  return `${String(year).padStart(4, '0')}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}Z`;
}

export function describeFirstCertificate(x5c: unknown[], now: number): CertificateSummary {
  const first = x5c[0];
  // x5c holds standard base64 (RFC 7517 §4.7), which the lenient base64url decoder also reads.
  const decoded = typeof first === 'string' ? decodeBase64url(first.replace(/\s+/g, '')) : undefined;
  if (!decoded?.ok)
    return { ok: false, problem: 'The first x5c entry is not base64 DER, so it cannot be read.' };
  try {
    const certificate = readTlv(decoded.bytes, 0);
    const [tbs] = childrenOf(certificate);
    if (!tbs) throw new NotDer();
    const fields = childrenOf(tbs);
    // RFC 5280 §4.1: the version is [0] EXPLICIT and absent for v1 certificates.
    const [, , , validity, subject] = fields[0]?.tag === 0xa0 ? fields.slice(1) : fields;
    if (!validity || !subject) throw new NotDer();
    const [, notAfterNode] = childrenOf(validity);
    if (!notAfterNode) throw new NotDer();
    const notAfter = timeText(notAfterNode);
    return { ok: true, subject: nameText(subject), notAfter, expired: Date.parse(notAfter) < now };
  } catch {
    return { ok: false, problem: 'The first x5c certificate is not a well-formed X.509 certificate.' };
  }
}
