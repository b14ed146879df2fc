/**
 * importVerificationKey: turns whatever key text people paste into normalised public keys.
 *
 * Detected automatically from one text box (in this order):
 * - PEM blocks: SPKI `PUBLIC KEY`, PKCS#1 `RSA PUBLIC KEY`, PKCS#8 `PRIVATE KEY`, PKCS#1
 *   `RSA PRIVATE KEY`, SEC1 `EC PRIVATE KEY`, X.509 `CERTIFICATE` (several blocks give several keys);
 * - JSON: one JWK (public or private) or a JWK Set `{ "keys": [...] }`, including `oct` keys;
 * - bare base64 DER of a certificate, SPKI or PKCS#8 key;
 * - anything else is an HMAC shared secret, read with `secretEncoding`.
 *
 * PKCS#1 and SEC1 are rewrapped as SPKI/PKCS#8 with the DER writer, so one parser handles each
 * kind. Private keys are reduced to their public part (a `private-key-pasted` warning says so);
 * the private JWK is kept on the result, in memory only, for the encoder and key tools.
 *
 * The function is synchronous and never throws. A key that parses but must not be used (RSA
 * e < 3, a ROCA modulus, an empty secret) is returned with `refusal` set; verifyToken skips it
 * and shows the reason. Results are cached in memory, keyed by the input (issue 8); the returned
 * objects are shared, so treat them as read-only.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { ed448 } from '@noble/curves/ed448.js';
import { p256, p384, p521 } from '@noble/curves/nist.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import type { LensError } from '../errors';
import { decodeBase64url, encodeBase64url } from '../token/base64url';
import type { Finding } from '../types';
import { readCertificate, type CertificateInfo } from './certificate';
import {
  bitStringBytes,
  childrenOf,
  concatBytes,
  DerError,
  derInteger,
  derNull,
  derOctetString,
  derOid,
  derSequence,
  derBitString,
  expectTag,
  integerBytes,
  readDer,
  readOid,
  TAG,
} from './der';
import { isRocaVulnerable } from './roca';
import { jwkThumbprint } from './thumbprint';
import { WELL_KNOWN_JWT_SECRETS } from './well-known-secrets';

import type { SecretEncoding } from './secret-encoding';
import { isObject } from '../is-object';
export { SECRET_ENCODINGS, type SecretEncoding } from './secret-encoding';

export interface KeyImportOptions {
  /** How to read a shared secret; default 'utf8'. Ignored for PEM, DER and JWK input. */
  secretEncoding?: SecretEncoding;
  /** The token's alg, when known: sets the minimum HMAC secret length (RFC 7518 §3.2). */
  alg?: string;
}

export type KeyImportErrorCode =
  | 'key-empty'
  | 'key-json-invalid'
  | 'key-pem-invalid'
  | 'key-pem-encrypted'
  | 'key-pem-unsupported'
  | 'key-der-invalid'
  | 'key-algorithm-unsupported'
  | 'key-jwk-invalid'
  | 'key-jwks-empty'
  | 'key-point-invalid'
  | 'secret-encoding-invalid';

export type KeyRefusalCode = 'rsa-exponent-too-small' | 'rsa-roca' | 'secret-empty';

/** How the key was written in the input. */
export type KeyEncoding =
  'secret' | 'spki' | 'pkcs1-public' | 'pkcs8' | 'pkcs1-private' | 'sec1' | 'certificate' | 'jwk';

/** The whole input: a shared secret, PEM block(s), bare base64 DER, one JWK or a JWK Set. */
export type KeyInputFormat = 'secret' | 'pem' | 'der' | 'jwk' | 'jwks';

export type KeyType = 'RSA' | 'EC' | 'OKP' | 'oct';

/** A public JWK (RFC 7517), plus the metadata members JWT Lens uses. `oct` keys carry `k`. */
export interface PublicJwk {
  kty: KeyType;
  crv?: string;
  n?: string;
  e?: string;
  x?: string;
  y?: string;
  k?: string;
  alg?: string;
  kid?: string;
  use?: string;
  key_ops?: string[];
}

export interface ImportedKey {
  /** 0-based position in the input (JWKS entry or PEM block). */
  index: number;
  /** For people: "PEM public key (SPKI)", "JWKS key 2 (kid 'k1')", "shared secret (UTF-8, 19 bytes)". */
  source: string;
  encoding: KeyEncoding;
  kty: KeyType;
  /** P-256, P-384, P-521, secp256k1, Ed25519, Ed448, X25519, X448. */
  crv?: string;
  /** Metadata declared by a JWK. */
  alg?: string;
  kid?: string;
  use?: string;
  keyOps?: string[];
  /** RSA modulus, EC/OKP curve size or secret length, in bits. */
  bits: number;
  jwk: PublicJwk;
  /** Present when a private key was pasted; kept in memory only. */
  privateJwk?: Record<string, unknown>;
  /** The secret bytes of an `oct` key. */
  secret?: Uint8Array;
  /** RFC 7638 SHA-256 thumbprint, base64url. */
  thumbprint: string;
  certificate?: CertificateInfo;
  /** Set when the key parsed but must not be used for verification. */
  refusal?: { code: KeyRefusalCode; message: string };
}

export type KeyImportResult =
  | {
      ok: true;
      format: KeyInputFormat;
      keys: ImportedKey[];
      /** JWKS entries that could not be read, with the reason. */
      skipped: { index: number; kid?: string; message: string }[];
      findings: Finding[];
    }
  | { ok: false; error: LensError; findings: Finding[] };

// ---- algorithm tables ----------------------------------------------------------

const OID = {
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsaPss: '1.2.840.113549.1.1.10',
  ecPublicKey: '1.2.840.10045.2.1',
  ed25519: '1.3.101.112',
  ed448: '1.3.101.113',
  x25519: '1.3.101.110',
  x448: '1.3.101.111',
} as const;

interface WeierstrassCurve {
  name: string;
  oid: string;
  /** Bytes per coordinate. */
  size: number;
  bits: number;
  impl: typeof p256 | typeof secp256k1;
}

/** One row per EC curve: everything JWT Lens needs to know about it. */
export const EC_CURVES: readonly WeierstrassCurve[] = [
  { name: 'P-256', oid: '1.2.840.10045.3.1.7', size: 32, bits: 256, impl: p256 },
  { name: 'P-384', oid: '1.3.132.0.34', size: 48, bits: 384, impl: p384 },
  { name: 'P-521', oid: '1.3.132.0.35', size: 66, bits: 521, impl: p521 },
  { name: 'secp256k1', oid: '1.3.132.0.10', size: 32, bits: 256, impl: secp256k1 },
];

/** RFC 8037 OKP curves: public key length in bytes. */
const OKP_CURVES: Readonly<Record<string, { oid: string; size: number; bits: number }>> = {
  Ed25519: { oid: OID.ed25519, size: 32, bits: 256 },
  Ed448: { oid: OID.ed448, size: 57, bits: 456 },
  X25519: { oid: OID.x25519, size: 32, bits: 256 },
  X448: { oid: OID.x448, size: 56, bits: 448 },
};

/** HMAC output sizes: RFC 7518 §3.2 wants a secret at least this long. */
const HMAC_HASH_BYTES: Readonly<Record<string, number>> = { HS256: 32, HS384: 48, HS512: 64 };

const PEM_LABELS: Readonly<Record<string, Exclude<KeyEncoding, 'secret' | 'jwk'>>> = {
  'PUBLIC KEY': 'spki',
  'RSA PUBLIC KEY': 'pkcs1-public',
  'PRIVATE KEY': 'pkcs8',
  'RSA PRIVATE KEY': 'pkcs1-private',
  'EC PRIVATE KEY': 'sec1',
  CERTIFICATE: 'certificate',
  'X509 CERTIFICATE': 'certificate',
};

const ENCODING_NAMES: Readonly<Record<KeyEncoding, string>> = {
  secret: 'shared secret',
  spki: 'public key (SPKI)',
  'pkcs1-public': 'RSA public key (PKCS#1)',
  pkcs8: 'private key (PKCS#8)',
  'pkcs1-private': 'RSA private key (PKCS#1)',
  sec1: 'EC private key (SEC1)',
  certificate: 'certificate (X.509)',
  jwk: 'JWK',
};

// ---- public API ----------------------------------------------------------------

const CACHE_LIMIT = 32;
/**
 * Keyed by the exact input (options + text): a JS Map hashes string keys natively, which costs about
 * 1 µs per lookup where a SHA-256 of the text cost 30–70 µs, and an exact key can never return the
 * result for a different key text (a short non-cryptographic digest could collide).
 */
const cache = new Map<string, KeyImportResult>();

/** Detects and reads the key text. Synchronous, never throws; see the module comment. */
export function importVerificationKey(text: string, options: KeyImportOptions = {}): KeyImportResult {
  const encoding = options.secretEncoding ?? 'utf8';
  const cacheKey = `${encoding}\u0000${options.alg ?? ''}\u0000${text}`;
  const hit = cache.get(cacheKey);
  if (hit) {
    cache.delete(cacheKey);
    cache.set(cacheKey, hit); // most recently used last
    return hit;
  }
  const result = importUncached(typeof text === 'string' ? text : '', encoding, options.alg);
  cache.set(cacheKey, result);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return result;
}

/** Empties the in-memory import cache (e.g. when the user clears the page). */
export function clearKeyImportCache(): void {
  cache.clear();
}

// ---- detection ---------------------------------------------------------------

class KeyError extends Error {
  constructor(
    readonly code: KeyImportErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** A key before numbering and weakness checks. */
interface Draft extends Omit<ImportedKey, 'index' | 'source' | 'thumbprint'> {
  label?: string;
  /** Position in the input when it differs from the position among readable keys (JWKS). */
  sourceIndex?: number;
  /** The secret as typed, for the well-known secret list. */
  secretText?: string;
}

function importUncached(raw: string, encoding: SecretEncoding, alg: string | undefined): KeyImportResult {
  const findings: Finding[] = [];
  try {
    const text = raw.replace(/^\uFEFF/, '');
    if (text.trim().length === 0) {
      throw new KeyError(
        'key-empty',
        'Paste a key to verify the signature: a secret, a PEM key or certificate, a JWK or a JWKS.',
      );
    }
    const trimmed = text.trim();
    if (trimmed.includes('-----BEGIN')) return finish('pem', readPemBlocks(trimmed), [], findings, alg);
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) return readJsonKeys(trimmed, findings, alg);
    const der = bareDer(trimmed);
    if (der) return finish('der', [der], [], findings, alg);
    return finish('secret', [readSecret(text, encoding, findings)], [], findings, alg);
  } catch (err) {
    if (err instanceof KeyError)
      return { ok: false, error: { code: err.code, message: err.message }, findings };
    const detail = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      error: {
        code: 'key-der-invalid',
        message: `The key could not be read (${detail}). Check that you copied all of it.`,
      },
      findings,
    };
  }
}

function finish(
  format: KeyInputFormat,
  drafts: Draft[],
  skipped: { index: number; kid?: string; message: string }[],
  findings: Finding[],
  alg: string | undefined,
): KeyImportResult {
  const keys = drafts.map((draft, index): ImportedKey => {
    const { label, sourceIndex, secretText, ...rest } = draft;
    const key: ImportedKey = {
      ...rest,
      index: sourceIndex ?? index,
      source: label ?? describeSource(format, draft, index, drafts.length),
      thumbprint: jwkThumbprint(draft.jwk as unknown as Record<string, unknown>) ?? '',
    };
    findings.push(...weaknessFindings(key, secretText, alg, drafts.length > 1));
    return key;
  });
  return { ok: true, format, keys, skipped, findings };
}

function describeSource(format: KeyInputFormat, draft: Draft, index: number, count: number): string {
  const kid = draft.kid !== undefined ? ` (kid '${draft.kid}')` : '';
  if (format === 'jwks') return `JWKS key ${index + 1}${kid}`;
  if (format === 'jwk') return `JWK${kid}`;
  const name = ENCODING_NAMES[draft.encoding];
  if (format === 'pem') return count > 1 ? `PEM block ${index + 1}: ${name}` : `PEM ${name}`;
  return `base64 DER ${name}`;
}

// ---- PEM and DER -----------------------------------------------------------------

/**
 * Tolerates what copying does to PEM: CRLF, indentation, stray spaces, blank lines, and
 * everything on one line. RFC 7468 §2 headers ("Proc-Type: ...") mean an encrypted key.
 */
function readPemBlocks(text: string): Draft[] {
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

/** A certificate or key pasted as base64 DER without the PEM armour (e.g. an x5c entry). */
function bareDer(text: string): Draft | undefined {
  const compact = text.replace(/\s+/g, '');
  if (compact.length < 80 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(compact)) return undefined;
  const decoded = decodeBase64url(compact);
  if (!decoded.ok || decoded.bytes[0] !== TAG.sequence) return undefined;
  for (const encoding of ['certificate', 'spki', 'pkcs8', 'pkcs1-public', 'pkcs1-private', 'sec1'] as const) {
    try {
      return fromDer(decoded.bytes, encoding);
    } catch (err) {
      if (err instanceof KeyError && err.code !== 'key-der-invalid') throw err;
    }
  }
  return undefined;
}

function fromDer(der: Uint8Array, encoding: Exclude<KeyEncoding, 'secret' | 'jwk'>): Draft {
  switch (encoding) {
    case 'spki':
      return { ...fromSpki(der), encoding };
    case 'pkcs1-public':
      // RFC 8017 A.1.1 RSAPublicKey, rewrapped as SPKI (RFC 3279 §2.3.1).
      readDer(der);
      return {
        ...fromSpki(derSequence(derSequence(derOid(OID.rsaEncryption), derNull()), derBitString(der))),
        encoding,
      };
    case 'pkcs8':
      return { ...fromPkcs8(der), encoding };
    case 'pkcs1-private':
      readDer(der);
      return { ...fromPkcs8(pkcs8Wrap(derSequence(derOid(OID.rsaEncryption), derNull()), der)), encoding };
    case 'sec1': {
      // RFC 5915 §3 ECPrivateKey; its [0] parameters name the curve PKCS#8 needs.
      const parts = childrenOf(expectTag(readDer(der), TAG.sequence, 'an ECPrivateKey SEQUENCE'));
      const params = parts.find((p) => p.tag === 0xa0);
      if (!params) throw new DerError('the EC private key does not name its curve');
      const curveOid = readOid(childrenOf(params)[0], 'the curve');
      return {
        ...fromPkcs8(pkcs8Wrap(derSequence(derOid(OID.ecPublicKey), derOid(curveOid)), der)),
        encoding,
      };
    }
    case 'certificate': {
      const { spki, info } = readCertificate(der);
      return { ...fromSpki(spki), encoding, certificate: info };
    }
  }
}

function pkcs8Wrap(algorithmIdentifier: Uint8Array, privateKey: Uint8Array): Uint8Array {
  return derSequence(derInteger(0), algorithmIdentifier, derOctetString(privateKey));
}

type KeyMaterial = Omit<Draft, 'encoding'>;

/** RFC 5280 §4.1.2.7 SubjectPublicKeyInfo. */
function fromSpki(der: Uint8Array): KeyMaterial {
  const [algorithm, publicKey] = childrenOf(
    expectTag(readDer(der), TAG.sequence, 'a SubjectPublicKeyInfo SEQUENCE'),
  );
  const [oidNode, params] = childrenOf(expectTag(algorithm, TAG.sequence, 'an AlgorithmIdentifier'));
  const oid = readOid(oidNode, 'the key algorithm');
  const keyBytes = bitStringBytes(publicKey, 'the public key BIT STRING');
  if (oid === OID.rsaEncryption || oid === OID.rsaPss) {
    const [n, e] = childrenOf(expectTag(readDer(keyBytes), TAG.sequence, 'an RSAPublicKey SEQUENCE'));
    return rsaMaterial(integerBytes(n, 'the RSA modulus'), integerBytes(e, 'the RSA exponent'));
  }
  if (oid === OID.ecPublicKey) return ecMaterial(curveByOid(readOid(params, 'the curve')), keyBytes);
  return okpMaterial(okpByOid(oid), keyBytes);
}

/** RFC 5208 §5 PrivateKeyInfo; the public part is read or derived, the private part kept aside. */
function fromPkcs8(der: Uint8Array): KeyMaterial {
  const [, algorithm, privateKey] = childrenOf(
    expectTag(readDer(der), TAG.sequence, 'a PrivateKeyInfo SEQUENCE'),
  );
  const [oidNode, params] = childrenOf(expectTag(algorithm, TAG.sequence, 'an AlgorithmIdentifier'));
  const oid = readOid(oidNode, 'the key algorithm');
  const inner = expectTag(privateKey, TAG.octetString, 'the private key OCTET STRING').value;
  if (oid === OID.rsaEncryption || oid === OID.rsaPss) {
    const f = childrenOf(expectTag(readDer(inner), TAG.sequence, 'an RSAPrivateKey SEQUENCE'));
    const names = ['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'] as const;
    const values = names.map((name, i) => integerBytes(f[i + 1], `the RSA ${name}`));
    const material = rsaMaterial(values[0]!, values[1]!);
    const privateJwk: Record<string, unknown> = { ...material.jwk };
    names.forEach((name, i) => (privateJwk[name] = encodeBase64url(values[i]!)));
    return { ...material, privateJwk };
  }
  if (oid === OID.ecPublicKey) {
    const f = childrenOf(expectTag(readDer(inner), TAG.sequence, 'an ECPrivateKey SEQUENCE'));
    const explicit = f.find((p) => p.tag === 0xa0);
    const curveOid =
      params?.tag === TAG.oid ? readOid(params) : explicit ? readOid(childrenOf(explicit)[0]) : undefined;
    if (!curveOid) throw new DerError('the EC private key does not name its curve');
    const curve = curveByOid(curveOid);
    const d = leftPad(expectTag(f[1], TAG.octetString, 'the EC private key').value, curve.size);
    const embedded = f.find((p) => p.tag === 0xa1);
    const derived = derivePublic(curve, d);
    if (embedded) {
      const stated = bitStringBytes(childrenOf(embedded)[0], 'the EC public key');
      if (!sameBytes(normalisePoint(curve, stated), derived)) {
        throw new KeyError(
          'key-point-invalid',
          'The EC private key contains a public key that does not belong to it. The key file is damaged or was edited.',
        );
      }
    }
    const material = ecMaterial(curve, derived);
    return { ...material, privateJwk: { ...material.jwk, d: encodeBase64url(d) } };
  }
  const okp = okpByOid(oid);
  // RFC 8410 §7: the private key is an OCTET STRING wrapped in the outer OCTET STRING.
  const seed = expectTag(readDer(inner), TAG.octetString, 'the curve private key').value;
  const signer = okp.name === 'Ed25519' ? ed25519 : okp.name === 'Ed448' ? ed448 : undefined;
  if (!signer)
    throw new KeyError(
      'key-algorithm-unsupported',
      `${okp.name} keys are for key agreement (JWE ECDH-ES), not for signatures.`,
    );
  const material = okpMaterial(okp, signer.getPublicKey(seed));
  return { ...material, privateJwk: { ...material.jwk, d: encodeBase64url(seed) } };
}

function rsaMaterial(n: Uint8Array, e: Uint8Array): KeyMaterial {
  const jwk: PublicJwk = { kty: 'RSA', n: encodeBase64url(n), e: encodeBase64url(e) };
  return { kty: 'RSA', jwk, bits: bitLength(n) };
}

function ecMaterial(curve: WeierstrassCurve, point: Uint8Array): KeyMaterial {
  const full = normalisePoint(curve, point);
  const x = full.subarray(1, 1 + curve.size);
  const y = full.subarray(1 + curve.size);
  return {
    kty: 'EC',
    crv: curve.name,
    bits: curve.bits,
    jwk: { kty: 'EC', crv: curve.name, x: encodeBase64url(x), y: encodeBase64url(y) },
  };
}

function okpMaterial(okp: { name: string; size: number; bits: number }, x: Uint8Array): KeyMaterial {
  if (x.length !== okp.size)
    throw new DerError(`an ${okp.name} public key is ${okp.size} bytes, not ${x.length}`);
  return {
    kty: 'OKP',
    crv: okp.name,
    bits: okp.bits,
    jwk: { kty: 'OKP', crv: okp.name, x: encodeBase64url(x) },
  };
}

/** Validates the point (on the curve, not infinity) and returns it uncompressed. */
function normalisePoint(curve: WeierstrassCurve, bytes: Uint8Array): Uint8Array {
  try {
    return curve.impl.Point.fromBytes(bytes).toBytes(false);
  } catch {
    throw new KeyError(
      'key-point-invalid',
      `The ${curve.name} public key is not a point on the curve. The key is damaged, or it belongs to another curve.`,
    );
  }
}

function derivePublic(curve: WeierstrassCurve, d: Uint8Array): Uint8Array {
  try {
    return curve.impl.getPublicKey(d, false);
  } catch {
    throw new KeyError(
      'key-point-invalid',
      `The ${curve.name} private key is out of range (zero or at least the group order).`,
    );
  }
}

function curveByOid(oid: string): WeierstrassCurve {
  const curve = EC_CURVES.find((c) => c.oid === oid);
  if (!curve)
    throw new KeyError(
      'key-algorithm-unsupported',
      `The EC key uses the curve ${oid}, which JWS does not use. JWS uses P-256, P-384, P-521 and secp256k1.`,
    );
  return curve;
}

function okpByOid(oid: string): { name: string; size: number; bits: number } {
  const entry = Object.entries(OKP_CURVES).find(([, c]) => c.oid === oid);
  if (!entry)
    throw new KeyError(
      'key-algorithm-unsupported',
      `The key algorithm ${oid} is not one JWS uses (RSA, EC, Ed25519).`,
    );
  return { name: entry[0], ...entry[1] };
}

// ---- JWK and JWKS ------------------------------------------------------------------

function readJsonKeys(text: string, findings: Finding[], alg: string | undefined): KeyImportResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new KeyError(
      'key-json-invalid',
      `The key starts like JSON but is not valid JSON (${detail}). Paste a complete JWK or JWKS.`,
    );
  }
  const list = Array.isArray(value)
    ? value
    : isObject(value) && Array.isArray(value.keys)
      ? value.keys
      : undefined;
  if (!list) {
    if (!isObject(value))
      throw new KeyError(
        'key-jwk-invalid',
        'The JSON is not a JWK (an object with "kty") or a JWKS ({"keys": [...]}).',
      );
    return finish('jwk', [fromJwk(value)], [], findings, alg);
  }
  const drafts: Draft[] = [];
  const skipped: { index: number; kid?: string; message: string }[] = [];
  list.forEach((entry: unknown, index: number) => {
    try {
      drafts.push({
        ...fromJwk(entry),
        sourceIndex: index,
        label: `JWKS key ${index + 1}${isObject(entry) && typeof entry.kid === 'string' ? ` (kid '${entry.kid}')` : ''}`,
      });
    } catch (err) {
      if (!(err instanceof KeyError)) throw err;
      skipped.push({
        index,
        ...(isObject(entry) && typeof entry.kid === 'string' ? { kid: entry.kid } : {}),
        message: err.message,
      });
    }
  });
  if (drafts.length === 0) {
    const reasons = skipped.map((s) => `key ${s.index + 1}: ${s.message}`).join(' ');
    throw new KeyError(
      'key-jwks-empty',
      list.length === 0
        ? 'The JWKS has an empty "keys" array, so there is no key to verify with.'
        : `None of the ${list.length} keys in the JWKS could be read. ${reasons}`,
    );
  }
  return finish('jwks', drafts, skipped, findings, alg);
}

/** RFC 7517 §4 / RFC 7518 §6 / RFC 8037 §2. */
function fromJwk(value: unknown): Draft {
  if (!isObject(value)) throw new KeyError('key-jwk-invalid', 'A JWKS entry is not a JSON object.');
  const kty = value.kty;
  const meta = jwkMetadata(value);
  const material = (): KeyMaterial => {
    switch (kty) {
      case 'RSA': {
        const n = jwkBytes(value, 'n', 'RSA');
        const e = jwkBytes(value, 'e', 'RSA');
        const material = rsaMaterial(n, e);
        if (typeof value.d !== 'string') return material;
        const privateJwk: Record<string, unknown> = { ...material.jwk };
        for (const name of ['d', 'p', 'q', 'dp', 'dq', 'qi'])
          if (typeof value[name] === 'string') privateJwk[name] = value[name];
        return { ...material, privateJwk };
      }
      case 'EC': {
        const curve = EC_CURVES.find((c) => c.name === value.crv);
        if (!curve)
          throw new KeyError(
            'key-jwk-invalid',
            `The EC JWK has crv ${JSON.stringify(value.crv)}; JWS uses "P-256", "P-384", "P-521" or "secp256k1".`,
          );
        const x = jwkBytes(value, 'x', 'EC');
        const y = jwkBytes(value, 'y', 'EC');
        if (x.length !== curve.size || y.length !== curve.size) {
          throw new KeyError(
            'key-jwk-invalid',
            `The ${curve.name} JWK has x and y of ${x.length} and ${y.length} bytes; RFC 7518 §6.2.1.2 requires exactly ${curve.size}.`,
          );
        }
        const material = ecMaterial(curve, concatBytes([Uint8Array.of(4), x, y]));
        if (typeof value.d !== 'string') return material;
        const d = jwkBytes(value, 'd', 'EC');
        if (!sameBytes(derivePublic(curve, leftPad(d, curve.size)), concatBytes([Uint8Array.of(4), x, y]))) {
          throw new KeyError(
            'key-point-invalid',
            'The EC JWK\'s "d" does not belong to its "x" and "y". The key is damaged or was edited.',
          );
        }
        return { ...material, privateJwk: { ...material.jwk, d: value.d } };
      }
      case 'OKP': {
        const okp = typeof value.crv === 'string' ? OKP_CURVES[value.crv] : undefined;
        if (!okp)
          throw new KeyError(
            'key-jwk-invalid',
            `The OKP JWK has crv ${JSON.stringify(value.crv)}; RFC 8037 defines "Ed25519", "Ed448", "X25519" and "X448".`,
          );
        const material = okpMaterial({ name: value.crv as string, ...okp }, jwkBytes(value, 'x', 'OKP'));
        return typeof value.d === 'string'
          ? { ...material, privateJwk: { ...material.jwk, d: value.d } }
          : material;
      }
      case 'oct': {
        if (typeof value.k !== 'string')
          throw new KeyError('key-jwk-invalid', 'The oct JWK has no "k" (the secret, base64url).');
        const secret = value.k.length === 0 ? new Uint8Array() : jwkBytes(value, 'k', 'oct');
        return {
          kty: 'oct',
          bits: secret.length * 8,
          secret,
          jwk: { kty: 'oct', k: encodeBase64url(secret) },
        };
      }
      default:
        throw new KeyError(
          'key-jwk-invalid',
          kty === undefined
            ? 'The JSON has no "kty", so it is not a JWK. Paste a JWK ({"kty": ...}) or a JWKS ({"keys": [...]}).'
            : `The JWK has kty ${JSON.stringify(kty)}; signatures use "RSA", "EC", "OKP" or "oct".`,
        );
    }
  };
  const m = material();
  return { ...m, ...meta, encoding: 'jwk', jwk: { ...m.jwk, ...metaJwk(meta) } };
}

function jwkMetadata(value: Record<string, unknown>): Pick<Draft, 'alg' | 'kid' | 'use' | 'keyOps'> {
  const out: Pick<Draft, 'alg' | 'kid' | 'use' | 'keyOps'> = {};
  if (typeof value.alg === 'string') out.alg = value.alg;
  if (typeof value.kid === 'string') out.kid = value.kid;
  if (typeof value.use === 'string') out.use = value.use;
  if (Array.isArray(value.key_ops))
    out.keyOps = value.key_ops.filter((op): op is string => typeof op === 'string');
  return out;
}

function metaJwk(meta: Pick<Draft, 'alg' | 'kid' | 'use' | 'keyOps'>): Partial<PublicJwk> {
  return {
    ...(meta.alg !== undefined ? { alg: meta.alg } : {}),
    ...(meta.kid !== undefined ? { kid: meta.kid } : {}),
    ...(meta.use !== undefined ? { use: meta.use } : {}),
    ...(meta.keyOps !== undefined ? { key_ops: meta.keyOps } : {}),
  };
}

function jwkBytes(jwk: Record<string, unknown>, member: string, kty: string): Uint8Array {
  const value = jwk[member];
  if (typeof value !== 'string' || value.length === 0) {
    throw new KeyError(
      'key-jwk-invalid',
      `The ${kty} JWK has no "${member}" member${value === undefined ? '' : ' string'}. Is it a key of another type, or was it cut off?`,
    );
  }
  const decoded = decodeBase64url(value);
  if (!decoded.ok)
    throw new KeyError('key-jwk-invalid', `The JWK member "${member}" is not base64url. Copy the key again.`);
  return decoded.bytes;
}

// ---- shared secrets ---------------------------------------------------------------

const ENCODING_LABELS: Readonly<Record<SecretEncoding, string>> = {
  utf8: 'UTF-8',
  base64: 'base64',
  base64url: 'base64url',
  hex: 'hex',
};

function readSecret(text: string, encoding: SecretEncoding, findings: Finding[]): Draft {
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

// ---- weak keys ----------------------------------------------------------------------

/** Adds findings, and a refusal for keys that must not verify anything. Mutates the fresh key only. */
function weaknessFindings(
  key: ImportedKey,
  secretText: string | undefined,
  alg: string | undefined,
  many: boolean,
): Finding[] {
  const out: Finding[] = [];
  const which = many ? `${key.source}: ` : '';
  if (key.privateJwk) {
    out.push({
      id: 'private-key-pasted',
      severity: 'warning',
      message: `${which}You pasted a private key. Only its public part is used to verify. Nothing leaves this page, but treat the key as exposed if you pasted it anywhere else, and use the public key next time.`,
    });
  }
  if (key.kty === 'RSA') {
    const e = bigIntOf(key.jwk.e);
    const n = bigIntOf(key.jwk.n);
    if (e < 3n || e % 2n === 0n) {
      key.refusal = {
        code: 'rsa-exponent-too-small',
        message: `${which}The RSA public exponent is ${e}; it must be an odd number of at least 3 (RFC 8017 §3.1). With e = 1 anyone can forge signatures, so this key is refused.`,
      };
      out.push({ id: 'rsa-exponent-too-small', severity: 'danger', message: key.refusal.message });
    }
    if (isRocaVulnerable(n)) {
      key.refusal = {
        code: 'rsa-roca',
        message: `${which}This RSA modulus has the ROCA fingerprint (CVE-2017-15361): it was made by a flawed Infineon library and its private key can be recovered. The key is refused; the issuer must replace it.`,
      };
      out.push({ id: 'rsa-roca', severity: 'danger', message: key.refusal.message });
    }
    if (key.bits < 2048) {
      out.push({
        id: 'rsa-modulus-short',
        severity: 'warning',
        message: `${which}The RSA modulus is ${key.bits} bits; RFC 7518 §3.3 requires at least 2048. Keys this short can be factored by a determined attacker.`,
      });
    }
  }
  if (key.kty === 'oct') {
    const bytes = key.secret?.length ?? 0;
    const minimum = (alg && Object.hasOwn(HMAC_HASH_BYTES, alg) && HMAC_HASH_BYTES[alg]) || 32;
    if (bytes === 0) {
      key.refusal = {
        code: 'secret-empty',
        message: `${which}The secret is empty, so anyone can compute the signature. Paste the real secret.`,
      };
      out.push({ id: 'weak-secret', severity: 'danger', message: key.refusal.message });
    } else if (secretText !== undefined && WELL_KNOWN_JWT_SECRETS.has(secretText)) {
      out.push({
        id: 'weak-secret',
        severity: 'danger',
        message: `${which}"${secretText}" is a well-known example secret from tutorials and JWT secret lists. Anyone can sign tokens with it; never use it outside a demo.`,
      });
    } else if (bytes < minimum) {
      out.push({
        id: 'weak-secret',
        severity: 'warning',
        message: `${which}The secret is ${bytes} bytes; ${alg && Object.hasOwn(HMAC_HASH_BYTES, alg) ? alg : 'HS256'} needs at least ${minimum} bytes (RFC 7518 §3.2). Short secrets can be brute-forced offline from any token.`,
      });
    }
  }
  return out;
}

// ---- small helpers ----------------------------------------------------------------------

function bitLength(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length && bytes[i] === 0) i++;
  if (i === bytes.length) return 0;
  return (bytes.length - i - 1) * 8 + (32 - Math.clz32(bytes[i]!));
}

/** A base64url big-endian integer (JWK n, e) as a bigint; 0 when unreadable. */
function bigIntOf(member: string | undefined): bigint {
  const decoded = decodeBase64url(member ?? '');
  let n = 0n;
  if (decoded.ok) for (const b of decoded.bytes) n = (n << 8n) | BigInt(b);
  return n;
}

function leftPad(bytes: Uint8Array, size: number): Uint8Array {
  if (bytes.length >= size) return bytes.subarray(bytes.length - size);
  const out = new Uint8Array(size);
  out.set(bytes, size - bytes.length);
  return out;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

export type { CertificateInfo } from './certificate';
