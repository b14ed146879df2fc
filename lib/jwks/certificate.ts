/**
 * The subject and expiry of the first certificate of a key's `x5c` chain (RFC 7517 §4.7), for the keys
 * table. It only reads the certificate (lib/keys/certificate.ts); it does not check its signature or
 * chain, and the UI says so.
 */
import { readCertificate } from '../keys/certificate';
import { decodeBase64url } from '../token/base64url';

export type CertificateSummary =
  { ok: true; subject: string; notAfter: string; expired: boolean } | { ok: false; problem: string };

export function describeFirstCertificate(x5c: unknown[], now: number): CertificateSummary {
  const first = x5c[0];
  // x5c holds standard base64 (not base64url), which the lenient decoder also reads.
  const decoded = typeof first === 'string' ? decodeBase64url(first.replace(/\s+/g, '')) : undefined;
  if (!decoded?.ok)
    return { ok: false, problem: 'The first x5c entry is not base64 DER, so it cannot be read.' };
  try {
    const { info } = readCertificate(decoded.bytes);
    return {
      ok: true,
      subject: info.subject,
      notAfter: info.notAfter,
      expired: Date.parse(info.notAfter) < now,
    };
  } catch {
    return { ok: false, problem: 'The first x5c certificate is not a well-formed X.509 certificate.' };
  }
}
