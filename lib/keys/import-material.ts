/**
 * The public-key material every format reader shares: RSA moduli, EC points (validated on the
 * curve with @noble/curves) and OKP keys become a normalised public JWK, plus the curve table.
 */
import { p256, p384, p521 } from '@noble/curves/nist.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { encodeBase64url } from '../token/base64url';
import { DerError } from './der';
import { KeyError, type KeyMaterial, type PublicJwk } from './import-types';

export const OID = {
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsaPss: '1.2.840.113549.1.1.10',
  ecPublicKey: '1.2.840.10045.2.1',
  ed25519: '1.3.101.112',
  ed448: '1.3.101.113',
  x25519: '1.3.101.110',
  x448: '1.3.101.111',
} as const;

export interface WeierstrassCurve {
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
export const OKP_CURVES: Readonly<Record<string, { oid: string; size: number; bits: number }>> = {
  Ed25519: { oid: OID.ed25519, size: 32, bits: 256 },
  Ed448: { oid: OID.ed448, size: 57, bits: 456 },
  X25519: { oid: OID.x25519, size: 32, bits: 256 },
  X448: { oid: OID.x448, size: 56, bits: 448 },
};

export function rsaMaterial(n: Uint8Array, e: Uint8Array): KeyMaterial {
  const jwk: PublicJwk = { kty: 'RSA', n: encodeBase64url(n), e: encodeBase64url(e) };
  return { kty: 'RSA', jwk, bits: bitLength(n) };
}

export function ecMaterial(curve: WeierstrassCurve, point: Uint8Array): KeyMaterial {
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

export function okpMaterial(okp: { name: string; size: number; bits: number }, x: Uint8Array): KeyMaterial {
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
export function normalisePoint(curve: WeierstrassCurve, bytes: Uint8Array): Uint8Array {
  try {
    return curve.impl.Point.fromBytes(bytes).toBytes(false);
  } catch {
    throw new KeyError(
      'key-point-invalid',
      `The ${curve.name} public key is not a point on the curve. The key is damaged, or it belongs to another curve.`,
    );
  }
}

export function derivePublic(curve: WeierstrassCurve, d: Uint8Array): Uint8Array {
  try {
    return curve.impl.getPublicKey(d, false);
  } catch {
    throw new KeyError(
      'key-point-invalid',
      `The ${curve.name} private key is out of range (zero or at least the group order).`,
    );
  }
}

export function curveByOid(oid: string): WeierstrassCurve {
  const curve = EC_CURVES.find((c) => c.oid === oid);
  if (!curve)
    throw new KeyError(
      'key-algorithm-unsupported',
      `The EC key uses the curve ${oid}, which JWS does not use. JWS uses P-256, P-384, P-521 and secp256k1.`,
    );
  return curve;
}

export function okpByOid(oid: string): { name: string; size: number; bits: number } {
  const entry = Object.entries(OKP_CURVES).find(([, c]) => c.oid === oid);
  if (!entry)
    throw new KeyError(
      'key-algorithm-unsupported',
      `The key algorithm ${oid} is not one JWS uses (RSA, EC, Ed25519).`,
    );
  return { name: entry[0], ...entry[1] };
}

function bitLength(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length && bytes[i] === 0) i++;
  if (i === bytes.length) return 0;
  return (bytes.length - i - 1) * 8 + (32 - Math.clz32(bytes[i]!));
}

export function leftPad(bytes: Uint8Array, size: number): Uint8Array {
  if (bytes.length >= size) return bytes.subarray(bytes.length - size);
  const out = new Uint8Array(size);
  out.set(bytes, size - bytes.length);
  return out;
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
