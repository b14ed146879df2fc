/**
 * One JWK (RFC 7517 §4, RFC 7518 §6, RFC 8037 §2) to normalised public key material; the private
 * members, when present, are checked against the public ones and kept aside.
 */
import { concatBytes } from './der';
import { decodeBase64url, encodeBase64url } from '../token/base64url';
import { isObject } from '../is-object';
import {
  EC_CURVES,
  OKP_CURVES,
  derivePublic,
  ecMaterial,
  leftPad,
  okpMaterial,
  rsaMaterial,
  sameBytes,
} from './import-material';
import { KeyError, type Draft, type KeyMaterial, type PublicJwk } from './import-types';

/** RFC 7517 §4 / RFC 7518 §6 / RFC 8037 §2. */
export function fromJwk(value: unknown): Draft {
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
