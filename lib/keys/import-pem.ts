/**
 * PEM (RFC 7468): finds each BEGIN/END block, names the ones that cannot verify (encrypted,
 * OpenSSH, unknown labels) and hands the base64 body to the DER reader.
 */
import { decodeBase64url } from '../token/base64url';
import { DerError } from './der';
import { fromDer } from './import-der';
import { KeyError, type Draft, type KeyEncoding } from './import-types';

const PEM_LABELS: Readonly<Record<string, Exclude<KeyEncoding, 'secret' | 'jwk'>>> = {
  'PUBLIC KEY': 'spki',
  'RSA PUBLIC KEY': 'pkcs1-public',
  'PRIVATE KEY': 'pkcs8',
  'RSA PRIVATE KEY': 'pkcs1-private',
  'EC PRIVATE KEY': 'sec1',
  CERTIFICATE: 'certificate',
  'X509 CERTIFICATE': 'certificate',
};

/**
 * Tolerates what copying does to PEM: CRLF, indentation, stray spaces, blank lines, and
 * everything on one line. RFC 7468 §2 headers ("Proc-Type: ...") mean an encrypted key.
 */
export function readPemBlocks(text: string): Draft[] {
  const pattern = /-----\s*BEGIN ([A-Z0-9 ]+?)\s*-----([\s\S]*?)-----\s*END ([A-Z0-9 ]+?)\s*-----/g;
  const drafts: Draft[] = [];
  let match: RegExpExecArray | null;
  let blocks = 0;
  while ((match = pattern.exec(text)) !== null) {
    blocks++;
    const label = match[1]!.replace(/\s+/g, ' ');
    const body = match[2]!;
    if (label !== match[3]!.replace(/\s+/g, ' ')) {
      throw new KeyError(
        'key-pem-invalid',
        `The PEM block starts with "BEGIN ${label}" but ends with "END ${match[3]}". Copy the block again from its source.`,
      );
    }
    if (label === 'EC PARAMETERS') continue; // `openssl ecparam -genkey` writes this before the key
    if (label === 'ENCRYPTED PRIVATE KEY' || /Proc-Type:\s*4,\s*ENCRYPTED/i.test(body)) {
      throw new KeyError(
        'key-pem-encrypted',
        'This private key is encrypted with a passphrase. Paste the public key instead (openssl pkey -pubout -in key.pem), which is all verification needs.',
      );
    }
    if (label === 'OPENSSH PRIVATE KEY' || label === 'SSH2 PUBLIC KEY') {
      throw new KeyError(
        'key-pem-unsupported',
        'This is an OpenSSH key, not a PEM key for JWTs. Convert it with: ssh-keygen -e -m PKCS8 -f key.pub',
      );
    }
    const encoding = PEM_LABELS[label];
    if (!encoding) {
      throw new KeyError(
        'key-pem-unsupported',
        `A PEM block of type "${label}" cannot verify a token. Paste a PUBLIC KEY, a CERTIFICATE, or a private key (PRIVATE KEY, RSA PRIVATE KEY, EC PRIVATE KEY).`,
      );
    }
    const base64 = body
      .split(/\r\n|\r|\n/)
      .filter((line) => !/^[\w-]+:/.test(line.trim()))
      .join('')
      .replace(/\s+/g, '');
    const decoded = decodeBase64url(base64);
    if (!decoded.ok || base64.length === 0) {
      throw new KeyError(
        'key-pem-invalid',
        `The ${label} block is not valid base64${decoded.ok ? ' (it is empty)' : decoded.reason === 'invalid-char' ? ` (it contains "${decoded.char}")` : ' (its length is wrong: was it cut off?)'}. Copy the whole block, including the BEGIN and END lines.`,
      );
    }
    drafts.push(withDerContext(label, () => fromDer(decoded.bytes, encoding)));
  }
  if (blocks === 0) {
    throw new KeyError(
      'key-pem-invalid',
      'The key has a "-----BEGIN" line but no matching "-----END ... -----" line. Did it get cut off when you copied it?',
    );
  }
  if (drafts.length === 0)
    throw new KeyError(
      'key-pem-unsupported',
      'The PEM text holds only EC PARAMETERS, no key. Paste the EC PRIVATE KEY or PUBLIC KEY block too.',
    );
  return drafts;
}

function withDerContext(label: string, read: () => Draft): Draft {
  try {
    return read();
  } catch (err) {
    if (err instanceof DerError) {
      throw new KeyError(
        'key-der-invalid',
        `The ${label} block is not a valid ${label.toLowerCase()}: ${err.message}. Copy it again, including every line.`,
      );
    }
    throw err;
  }
}
