/**
 * convertKey: any key text the shared importer reads (PEM SPKI/PKCS#1/PKCS#8/SEC1, certificate,
 * JWK, JWKS, bare DER, secret) becomes PEM and JWK. The PEM is written with the importer's DER
 * writer, not WebCrypto, so every curve the importer knows converts, in every browser.
 * Synchronous and never throws.
 */
import type { LensError } from '../errors';
import { decodeBase64url } from '../token/base64url';
import type { Finding } from '../types';
import {
  concatBytes,
  derBitString,
  derElement,
  derInteger,
  derNull,
  derOctetString,
  derOid,
  derSequence,
} from './der';
import { toPem, type Jwk } from './export';
import { EC_CURVES, importVerificationKey, type ImportedKey, type SecretEncoding } from './import';
import { thumbprintUri } from './thumbprint-uri';

/** Algorithm identifiers of RFC 3279 §2.3, RFC 5480 §2.1.1 and RFC 8410 §3. */
const KEY_OIDS = {
  rsaEncryption: '1.2.840.113549.1.1.1',
  ecPublicKey: '1.2.840.10045.2.1',
  Ed25519: '1.3.101.112',
  Ed448: '1.3.101.113',
  X25519: '1.3.101.110',
  X448: '1.3.101.111',
} as const;

const RSA_PRIVATE_MEMBERS = ['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'] as const;

export interface ConvertedKey {
  /** For people: "PEM RSA private key (PKCS#1)", "JWKS key 2 (kid 'k1')". */
  source: string;
  kty: ImportedKey['kty'];
  crv?: string;
  bits: number;
  /** Public key as PEM SPKI; absent for a shared secret. */
  publicPem?: string;
  /** Public JWK (for a shared secret: the `oct` JWK, which is secret). */
  publicJwk: Jwk;
  /** Present when the input held a private key. */
  privatePem?: string;
  privateJwk?: Jwk;
  /** Why a private key has no PEM (an RSA JWK without its CRT members). */
  privatePemProblem?: string;
  thumbprint: string;
  thumbprintUri: string;
}

export type ConvertResult =
  | { ok: true; keys: ConvertedKey[]; findings: Finding[] }
  | { ok: false; error: LensError; findings: Finding[] };

export function convertKey(text: string, options: { secretEncoding?: SecretEncoding } = {}): ConvertResult {
  if (text.trim().length === 0) {
    return {
      ok: false,
      error: {
        code: 'key-empty',
        message: 'Paste a key to convert: PEM (any kind), a certificate, a JWK or a JWKS.',
      },
      findings: [],
    };
  }
  const imported = importVerificationKey(text, options);
  // "Only its public part is used to verify" does not apply to conversion.
  const findings = imported.findings.filter((f) => f.id !== 'private-key-pasted');
  if (!imported.ok) return { ok: false, error: imported.error, findings };
  try {
    return { ok: true, keys: imported.keys.map(convertOne), findings };
  } catch {
    return {
      ok: false,
      error: {
        code: 'key-convert-failed',
        message: 'The key was read but could not be written as PEM. Check that it is complete.',
      },
      findings,
    };
  }
}

function convertOne(key: ImportedKey): ConvertedKey {
  const meta = { ...(key.alg ? { alg: key.alg } : {}), ...(key.use ? { use: key.use } : {}) };
  const kid = { kid: key.kid ?? key.thumbprint };
  const publicJwk: Jwk = { ...key.jwk, ...meta, ...kid };
  delete publicJwk.key_ops;
  const base = {
    source: key.source,
    kty: key.kty,
    ...(key.crv ? { crv: key.crv } : {}),
    bits: key.bits,
    publicJwk,
    thumbprint: key.thumbprint,
    thumbprintUri: thumbprintUri(key.thumbprint),
  };
  if (key.kty === 'oct') return base;
  const converted: ConvertedKey = { ...base, publicPem: toPem(spkiOf(key), 'PUBLIC KEY') };
  if (key.privateJwk) {
    const { key_ops: _ops, ext: _ext, ...members } = key.privateJwk;
    converted.privateJwk = { ...members, ...meta, ...kid };
    try {
      converted.privatePem = toPem(pkcs8Of(key, key.privateJwk), 'PRIVATE KEY');
    } catch {
      converted.privatePemProblem =
        'This private JWK lacks members PKCS#8 needs (an RSA key needs p, q, dp, dq and qi besides n, e and d), so there is no private PEM.';
    }
  }
  return converted;
}

function bytes(value: unknown): Uint8Array {
  const decoded = typeof value === 'string' ? decodeBase64url(value) : undefined;
  if (!decoded?.ok) throw new Error('missing key member');
  return decoded.bytes;
}

function algorithmIdentifier(key: ImportedKey): Uint8Array {
  if (key.kty === 'RSA') return derSequence(derOid(KEY_OIDS.rsaEncryption), derNull());
  if (key.kty === 'EC') {
    const curve = EC_CURVES.find((c) => c.name === key.crv);
    if (!curve) throw new Error('unknown curve');
    return derSequence(derOid(KEY_OIDS.ecPublicKey), derOid(curve.oid));
  }
  const oid = KEY_OIDS[key.crv as keyof typeof KEY_OIDS];
  if (!oid) throw new Error('unknown curve');
  return derSequence(derOid(oid));
}

/** The EC point as SEC1 uncompressed bytes: 04 || x || y. */
function ecPoint(jwk: ImportedKey['jwk']): Uint8Array {
  return concatBytes([Uint8Array.of(4), bytes(jwk.x), bytes(jwk.y)]);
}

/** RFC 5280 §4.1.2.7 SubjectPublicKeyInfo. */
function spkiOf(key: ImportedKey): Uint8Array {
  const publicKey =
    key.kty === 'RSA'
      ? derSequence(derInteger(bytes(key.jwk.n)), derInteger(bytes(key.jwk.e)))
      : key.kty === 'EC'
        ? ecPoint(key.jwk)
        : bytes(key.jwk.x);
  return derSequence(algorithmIdentifier(key), derBitString(publicKey));
}

/** RFC 5208 §5 PrivateKeyInfo around RFC 8017 A.1.2, RFC 5915 §3 or RFC 8410 §7 private keys. */
function pkcs8Of(key: ImportedKey, privateJwk: Record<string, unknown>): Uint8Array {
  let privateKey: Uint8Array;
  if (key.kty === 'RSA') {
    privateKey = derSequence(
      derInteger(0),
      ...RSA_PRIVATE_MEMBERS.map((name) => derInteger(bytes(privateJwk[name]))),
    );
  } else if (key.kty === 'EC') {
    privateKey = derSequence(
      derInteger(1),
      derOctetString(bytes(privateJwk.d)),
      derElement(0xa1, derBitString(ecPoint(key.jwk))),
    );
  } else {
    privateKey = derOctetString(bytes(privateJwk.d));
  }
  return derSequence(derInteger(0), algorithmIdentifier(key), derOctetString(privateKey));
}
