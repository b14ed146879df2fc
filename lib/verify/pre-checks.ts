/**
 * Checks before the crypto: what makes a signature invalid whatever the key (RFC 7515 §2 canonical
 * base64url, no spaces inside a segment, RFC 7518 §3.4 ECDSA r‖s form), and the note about keys the
 * token names for itself.
 */
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { p256, p384, p521 } from '@noble/curves/nist.js';
import { decodeBase64url } from '../token/base64url';
import { cleanInput } from '../token/clean';
import type { Finding } from '../types';
import type { JwsAlgorithm } from './algorithms';
import type { SignatureEntry } from './signature-entry';

/** Compact tokens may be wrapped across lines, but a space inside a segment is an alteration. */
export function hasSpacesInsideToken(raw: string): boolean {
  if (raw.trim().startsWith('{')) return false;
  const unwrapped = raw.replace(/[ \t]*(\r\n|\r|\n)[ \t]*/g, '');
  return cleanInput(unwrapped).steps.some((step) => step.startsWith('removed spaces inside'));
}

/** RFC 7515 §2: base64url without padding; anything else means the MACed bytes are not the ones shown. */
export function nonCanonicalSegment(entry: SignatureEntry): string | undefined {
  const parts: [string, string][] = [
    ['header', entry.protectedB64],
    ['signature', entry.signatureB64],
  ];
  if (entry.header.b64 !== false) parts.push(['payload', entry.payloadB64]);
  for (const [name, segment] of parts) {
    const decoded = decodeBase64url(segment);
    if (!decoded.ok) return `The ${name} is not base64url.`;
    if (decoded.issues.length > 0) {
      const what = decoded.issues
        .map((i) =>
          i === 'padding'
            ? '"=" padding'
            : i === 'standard-alphabet'
              ? '"+" or "/" from standard base64'
              : 'non-zero unused bits in its last character',
        )
        .join(' and ');
      return `The ${name} is not canonical base64url: it has ${what}. RFC 7515 §2 allows exactly one encoding, so this token was altered after signing.`;
    }
  }
  return undefined;
}

const EC_ORDERS: Readonly<Record<string, bigint>> = {
  ES256: p256.Point.CURVE().n,
  ES384: p384.Point.CURVE().n,
  ES512: p521.Point.CURVE().n,
  ES256K: secp256k1.Point.CURVE().n,
};

/** RFC 7518 §3.4: r‖s of fixed length, each in [1, n-1]. r = 0 or s = 0 is CVE-2022-21449. */
export function ecdsaSignatureProblem(row: JwsAlgorithm, signature: Uint8Array): string | undefined {
  const size = row.signatureBytes!;
  if (signature.length !== size) {
    return `An ${row.alg} signature is ${size} bytes (r and s of ${size / 2} bytes each, RFC 7518 §3.4), but this one is ${signature.length}. ${signature.length > size && signature[0] === 0x30 ? 'It looks DER-encoded: JWS uses the raw r‖s form.' : ''}`.trim();
  }
  const n = EC_ORDERS[row.alg]!;
  const r = toBigInt(signature.subarray(0, size / 2));
  const s = toBigInt(signature.subarray(size / 2));
  if (r === 0n || s === 0n) {
    return `The signature has ${r === 0n ? 'r' : 's'} = 0, which no real ECDSA signature has. Some Java versions accepted such forgeries (CVE-2022-21449); it is rejected.`;
  }
  if (r >= n || s >= n)
    return `The signature's ${r >= n ? 'r' : 's'} is not below the curve order, so it is not a valid ECDSA signature.`;
  return undefined;
}

export function noteEmbeddedKeys(header: Record<string, unknown>, findings: Finding[]) {
  const named = ['jwk', 'jku', 'x5u'].filter((m) => header[m] !== undefined);
  if (named.length === 0) return;
  findings.push({
    id: 'embedded-key-ignored',
    severity: 'info',
    message: `The header carries ${named.map((m) => `"${m}"`).join(', ')}. JWT Lens never uses or fetches keys named by the token itself; it verifies only with the key you give.`,
  });
}

function toBigInt(bytes: Uint8Array): bigint {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n;
}
