/**
 * RSA1_5 (RSAES-PKCS1-v1_5, RFC 7518 §4.2) decryption for old tokens, labelled legacy.
 * WebCrypto and jose v6 have no RSAES-PKCS1-v1_5, so the content key is unwrapped with
 * node-forge's RSA, imported here on first use so it never weighs on the page's first load;
 * the content itself is decrypted with WebCrypto (content-decryption.ts).
 *
 * Bleichenbacher's attack needs an oracle that tells a padding failure from a tag failure.
 * As RFC 7516 §11.5 and RFC 3218 §2.3.2 ask, a failed unwrap (bad padding or a key of the
 * wrong size) goes on with a random content key, so both end in the same "decryption failed".
 */
import type { JWK } from 'jose';
import { decodeBase64url } from '../token/base64url';
import { cryptoRandomBytes, type RandomBytes } from '../random';
import { contentEncryptionAlgorithm } from './algorithms';
import { decryptContent, inflate, type ContentResult } from './content-decryption';
import { DECRYPTION_FAILED, type JweError } from './jose-errors';

/** One recipient of a JWE in flattened form (RFC 7516 §7.2.2); a compact JWE fits too. */
export interface LegacyRecipient {
  /** BASE64URL(UTF8(protected header)), exactly as in the token: it is the AAD. */
  protected: string;
  encrypted_key?: string;
  iv?: string;
  ciphertext: string;
  tag?: string;
  aad?: string;
  /** The protected header, decoded: "zip" must be in it (RFC 7516 §4.1.3). */
  protectedHeader: Record<string, unknown>;
  /** The JSON serialization's shared "unprotected" header. */
  sharedHeader: Record<string, unknown>;
  /** The JSON serialization's per-recipient "header". */
  recipientHeader: Record<string, unknown>;
}

export interface LegacyOptions {
  maxDecompressedBytes: number;
  /** Where the decoy content key comes from; a parameter so tests can fix it. */
  randomBytes?: RandomBytes;
}

/** Tries each private RSA JWK on the recipient; the first that authenticates wins. Never rejects. */
export async function decryptRsa1_5(
  recipient: LegacyRecipient,
  jwks: JWK[],
  options: LegacyOptions,
): Promise<ContentResult> {
  const parts = readParts(recipient);
  if (!parts.ok) return parts;
  const enc = String(parts.header.enc);
  const cekBytes = contentEncryptionAlgorithm(enc)?.keyBytes;
  if (cekBytes === undefined)
    return fail('jwe-enc-unsupported', `The content encryption "${enc}" is not supported.`);
  const rsa = await loadRsa();
  if (!rsa.ok) return rsa;
  let firstError: JweError | undefined;
  for (const jwk of jwks) {
    const key = privateKeyOf(rsa.forge, jwk);
    if (!key.ok) {
      firstError ??= key.error;
      continue;
    }
    const cek = unwrapOrDecoy(
      key.key,
      parts.encryptedKey,
      cekBytes,
      options.randomBytes ?? cryptoRandomBytes,
    );
    const opened = await decryptContent({ enc, cek, ...parts.content });
    if (opened.ok) {
      if (parts.header.zip !== 'DEF') return opened;
      return inflate(opened.plaintext, options.maxDecompressedBytes);
    }
    if (opened.error.code !== 'jwe-decryption-failed') return opened;
  }
  return { ok: false, error: jwks.length > 1 || !firstError ? DECRYPTION_FAILED : firstError };
}

// ---- node-forge, loaded on first use ------------------------------------------------

type Forge = typeof import('node-forge');
type RsaPrivateKey = ReturnType<Forge['pki']['rsa']['setPrivateKey']>;

let forgeLoad: Promise<Forge> | undefined;

async function loadRsa(): Promise<{ ok: true; forge: Forge } | { ok: false; error: JweError }> {
  try {
    forgeLoad ??= import('node-forge/lib/rsa').then(
      async () => (await import('node-forge/lib/forge')).default,
    );
    return { ok: true, forge: await forgeLoad };
  } catch {
    forgeLoad = undefined;
    return fail(
      'jwe-internal',
      'The RSA1_5 decryption code could not be loaded. Reload the page (it may have been updated) and try again.',
    );
  }
}

/** RFC 7518 §6.3.2: a private JWK with the CRT members, which forge's RSA needs. */
function privateKeyOf(
  forge: Forge,
  jwk: JWK,
): { ok: true; key: RsaPrivateKey } | { ok: false; error: JweError } {
  const int: Partial<Record<(typeof RSA_MEMBERS)[number], InstanceType<Forge['jsbn']['BigInteger']>>> = {};
  for (const name of RSA_MEMBERS) {
    const value = jwk[name];
    const decoded = typeof value === 'string' ? decodeBase64url(value) : undefined;
    if (!decoded?.ok || decoded.bytes.length === 0) {
      return fail(
        'jwe-key-invalid',
        name === 'n' || name === 'e' || name === 'd'
          ? `The RSA JWK has no valid "${name}" (base64url), so it cannot decrypt.`
          : `The RSA JWK has no "${name}": RSA1_5 decryption here needs the full private key with its CRT members p, q, dp, dq and qi (RFC 7518 §6.3.2), as "openssl" and every JWK library export it.`,
      );
    }
    int[name] = new forge.jsbn.BigInteger(hex(decoded.bytes), 16);
  }
  const { n, e, d, p, q, dp, dq, qi } = int as Required<typeof int>;
  return { ok: true, key: forge.pki.rsa.setPrivateKey(n, e, d, p, q, dp, dq, qi) };
}

const RSA_MEMBERS = ['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'] as const;

/**
 * RSAES-PKCS1-v1_5 decryption (RFC 8017 §7.2.2) by node-forge; any failure, and a key of the
 * wrong size for "enc", yields random bytes instead (RFC 7516 §11.5), so that what follows
 * fails at the tag exactly as a wrong key would.
 */
function unwrapOrDecoy(
  key: RsaPrivateKey,
  encryptedKey: Uint8Array,
  cekBytes: number,
  randomBytes: RandomBytes,
): Uint8Array {
  const decoy = randomBytes(cekBytes);
  let unwrapped: string | undefined;
  try {
    unwrapped = key.decrypt(binary(encryptedKey), 'RSAES-PKCS1-V1_5');
  } catch {
    unwrapped = undefined;
  }
  if (unwrapped === undefined || unwrapped.length !== cekBytes) return decoy;
  return Uint8Array.from(unwrapped, (c) => c.charCodeAt(0));
}

// ---- the token's parts ------------------------------------------------------------------

type Parts =
  | {
      ok: true;
      header: Record<string, unknown>;
      encryptedKey: Uint8Array;
      content: { iv: Uint8Array; ciphertext: Uint8Array; tag: Uint8Array; additionalData: Uint8Array };
    }
  | { ok: false; error: JweError };

/** The checks jose makes before decrypting (RFC 7516 §5.2), for the one algorithm it no longer runs. */
function readParts(recipient: LegacyRecipient): Parts {
  const { protectedHeader, sharedHeader, recipientHeader } = recipient;
  const names = [protectedHeader, sharedHeader, recipientHeader].flatMap((h) => Object.keys(h));
  if (new Set(names).size !== names.length)
    return fail(
      'jwe-invalid',
      'A header parameter appears in more than one of the protected, shared and per-recipient headers; RFC 7516 §7.2.1 forbids that.',
    );
  const header = { ...protectedHeader, ...sharedHeader, ...recipientHeader };
  if (header.crit !== undefined)
    return fail(
      'jwe-crit-unsupported',
      'The JWE marks a header extension as critical ("crit") that this tool does not understand, so it must be rejected (RFC 7516 §4.1.13).',
    );
  if (header.zip !== undefined && header.zip !== 'DEF')
    return fail(
      'jwe-not-supported',
      `The compression "zip": ${JSON.stringify(header.zip)} is unknown; only "DEF" is defined.`,
    );
  if (header.zip !== undefined && protectedHeader.zip === undefined)
    return fail(
      'jwe-invalid',
      '"zip" must be in the protected header (RFC 7516 §4.1.3); this JWE puts it in an unprotected one, so it is rejected.',
    );
  const named = {
    'encrypted key': recipient.encrypted_key,
    'initialization vector': recipient.iv,
    ciphertext: recipient.ciphertext,
    'authentication tag': recipient.tag,
  };
  const bytes: Uint8Array[] = [];
  for (const [name, text] of Object.entries(named)) {
    const decoded = typeof text === 'string' && text !== '' ? decodeBase64url(text) : undefined;
    if (name !== 'ciphertext' && (text === undefined || text === ''))
      return fail(
        'jwe-invalid',
        `The ${name} is missing; an RSA1_5 JWE carries all of them (RFC 7516 §5.1).`,
      );
    if (decoded && (!decoded.ok || decoded.issues.length > 0))
      return fail('jwe-invalid', `The ${name} is not valid unpadded base64url (RFC 7516 §2).`);
    bytes.push(decoded?.ok ? decoded.bytes : new Uint8Array(0));
  }
  if (recipient.aad !== undefined && !decodeBase64url(recipient.aad).ok)
    return fail('jwe-invalid', 'The "aad" member is not valid base64url (RFC 7516 §7.2.1).');
  const aadText = recipient.protected + (recipient.aad !== undefined ? `.${recipient.aad}` : '');
  const [encryptedKey, iv, ciphertext, tag] = bytes as [Uint8Array, Uint8Array, Uint8Array, Uint8Array];
  return {
    ok: true,
    header,
    encryptedKey,
    content: { iv, ciphertext, tag, additionalData: new TextEncoder().encode(aadText) },
  };
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** forge works on "binary strings", one character per byte. */
function binary(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += String.fromCharCode(b);
  return out;
}

function fail(code: JweError['code'], message: string): { ok: false; error: JweError } {
  return { ok: false, error: { code, message } };
}
