/**
 * Reads what a person needs from an X.509 certificate (RFC 5280 §4.1): the public key
 * (SubjectPublicKeyInfo), subject, issuer and validity dates. It does not check the
 * certificate's own signature or chain; the UI says so.
 */
import { childrenOf, DerError, expectTag, readDer, readOid, TAG, type DerNode } from './der';

export interface CertificateInfo {
  subject: string;
  issuer: string;
  /** ISO 8601, UTC. */
  notBefore: string;
  notAfter: string;
  serialNumber: string;
  selfIssued: boolean;
}

/** Short names for the attribute types people recognise (RFC 4519, RFC 5280 Appendix A). */
const NAME_ATTRIBUTES: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '1.2.840.113549.1.9.1': 'emailAddress',
  '0.9.2342.19200300.100.1.25': 'DC',
};

/** Splits a DER certificate into its SubjectPublicKeyInfo and the descriptive fields. */
export function readCertificate(der: Uint8Array): { spki: Uint8Array; info: CertificateInfo } {
  const cert = expectTag(readDer(der), TAG.sequence, 'a certificate SEQUENCE');
  const [tbsNode, sigAlg, sigValue] = childrenOf(cert);
  if (!sigAlg || !sigValue) throw new DerError('the certificate has no signature');
  const tbs = childrenOf(expectTag(tbsNode, TAG.sequence, 'the to-be-signed certificate'));
  // RFC 5280 §4.1: version is [0] EXPLICIT and optional (absent means v1).
  const fields = tbs[0]?.tag === 0xa0 ? tbs.slice(1) : tbs;
  const [serial, , issuer, validity, subject, spki] = fields;
  const [notBefore, notAfter] = childrenOf(expectTag(validity, TAG.sequence, 'the validity dates'));
  const issuerText = nameToText(expectTag(issuer, TAG.sequence, 'the issuer name'));
  const subjectText = nameToText(expectTag(subject, TAG.sequence, 'the subject name'));
  return {
    spki: expectTag(spki, TAG.sequence, 'the subject public key').raw,
    info: {
      subject: subjectText,
      issuer: issuerText,
      notBefore: readTime(notBefore),
      notAfter: readTime(notAfter),
      serialNumber: toHex(expectTag(serial, TAG.integer, 'the serial number').value),
      selfIssued: subjectText === issuerText,
    },
  };
}

function nameToText(name: DerNode): string {
  const parts: string[] = [];
  for (const rdn of childrenOf(name)) {
    for (const attribute of childrenOf(rdn)) {
      const [type, value] = childrenOf(attribute);
      const oid = readOid(type);
      parts.push(`${NAME_ATTRIBUTES[oid] ?? oid}=${stringValue(value)}`);
    }
  }
  return parts.join(', ');
}

function stringValue(node: DerNode | undefined): string {
  if (!node) return '';
  if (node.tag === TAG.bmpString) {
    let out = '';
    for (let i = 0; i + 1 < node.value.length; i += 2)
      out += String.fromCharCode((node.value[i]! << 8) | node.value[i + 1]!);
    return out;
  }
  return new TextDecoder().decode(node.value);
}

/** UTCTime (YYMMDDHHMMSSZ, RFC 5280 §4.1.2.5.1) or GeneralizedTime (YYYYMMDDHHMMSSZ). */
function readTime(node: DerNode | undefined): string {
  if (!node || (node.tag !== TAG.utcTime && node.tag !== TAG.generalizedTime))
    throw new DerError('expected a date');
  const text = new TextDecoder().decode(node.value);
  const m = /^(\d{2}|\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(text);
  if (!m) throw new DerError(`the date "${text}" is not in the DER form`);
  let year = Number(m[1]);
  if (m[1]!.length === 2) year += year >= 50 ? 1900 : 2000;
  return new Date(
    Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)),
  ).toISOString();
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(':');
}
