/**
 * A shared secret (HMAC, RFC 7518 §3.2) as typed, read as UTF-8, base64, base64url or hex, with
 * a hint when UTF-8 text looks like an encoded secret.
 */
import { decodeBase64url, encodeBase64url } from '../token/base64url';
import type { Finding } from '../types';
import type { SecretEncoding } from './secret-encoding';
import { KeyError, type Draft } from './import-types';

const ENCODING_LABELS: Readonly<Record<SecretEncoding, string>> = {
  utf8: 'UTF-8',
  base64: 'base64',
  base64url: 'base64url',
  hex: 'hex',
};

export function readSecret(text: string, encoding: SecretEncoding, findings: Finding[]): Draft {
  let secret: Uint8Array;
  if (encoding === 'utf8') {
    // A trailing line break comes from copying a line, never from the secret itself.
    const withoutBreak = text.replace(/(\r\n|\r|\n)+$/, '');
    secret = new TextEncoder().encode(withoutBreak);
    const hint = encodedLookalike(withoutBreak.trim());
    if (hint) {
      findings.push({
        id: 'secret-encoding-hint',
        severity: 'info',
        message: `The secret looks ${hint}-encoded but is read as UTF-8 text. If the issuer decodes it before signing (many libraries do), choose "${hint}" under Secret encoding.`,
      });
    }
  } else {
    const compact = text.replace(/\s+/g, '');
    if (encoding === 'hex') {
      const hex = compact.replace(/^0x/i, '');
      if (!/^([0-9a-fA-F]{2})*$/.test(hex)) {
        throw new KeyError(
          'secret-encoding-invalid',
          'The secret is not hex (pairs of 0-9 and a-f). Choose another Secret encoding, or UTF-8 to use the text as it is.',
        );
      }
      secret = Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
    } else {
      const decoded = decodeBase64url(compact);
      if (!decoded.ok) {
        throw new KeyError(
          'secret-encoding-invalid',
          `The secret is not ${encoding}${decoded.reason === 'invalid-char' ? ` ("${decoded.char}" at position ${decoded.position + 1})` : ' (its length is wrong)'}. Choose another Secret encoding, or UTF-8 to use the text as it is.`,
        );
      }
      secret = decoded.bytes;
    }
  }
  return {
    kty: 'oct',
    encoding: 'secret',
    bits: secret.length * 8,
    secret,
    jwk: { kty: 'oct', k: encodeBase64url(secret) },
    label: `shared secret (${ENCODING_LABELS[encoding]}, ${secret.length} byte${secret.length === 1 ? '' : 's'})`,
    secretText: text.trim(),
  };
}

function encodedLookalike(text: string): SecretEncoding | undefined {
  if (text.length >= 32 && /^([0-9a-fA-F]{2})+$/.test(text)) return 'hex';
  const mixed = /[A-Z]/.test(text) && /[a-z]/.test(text) && /[0-9]/.test(text);
  if (
    text.length >= 20 &&
    mixed &&
    /^[A-Za-z0-9+/]+={0,2}$/.test(text) &&
    (text.length % 4 === 0 || /[+/]/.test(text))
  )
    return 'base64';
  if (text.length >= 20 && mixed && /^[A-Za-z0-9_-]+$/.test(text)) return 'base64url';
  return undefined;
}
