/**
 * Test-only helpers (node:crypto): keys in every format, tokens signed with them, and a
 * self-signed X.509 certificate built with our DER writer. Never imported by the app.
 */
import { createHmac, generateKeyPairSync, sign as nodeSign, type KeyObject } from 'node:crypto';
import { derBitString, derElement, derInteger, derNull, derOid, derSequence, TAG } from '../keys/der';

export type KeyAlg =
  | 'RS256'
  | 'RS384'
  | 'RS512'
  | 'PS256'
  | 'PS384'
  | 'PS512'
  | 'ES256'
  | 'ES384'
  | 'ES512'
  | 'ES256K'
  | 'EdDSA'
  | 'Ed25519'
  | 'Ed448';

export interface TestKeyPair {
  publicKey: KeyObject;
  privateKey: KeyObject;
}

const CURVES: Record<string, string> = {
  ES256: 'P-256',
  ES384: 'P-384',
  ES512: 'P-521',
  ES256K: 'secp256k1',
};

export function keyPairFor(alg: KeyAlg): TestKeyPair {
  if (alg.startsWith('RS') || alg.startsWith('PS'))
    return generateKeyPairSync('rsa', { modulusLength: 2048 });
  if (alg.startsWith('ES')) return generateKeyPairSync('ec', { namedCurve: CURVES[alg]! });
  if (alg === 'Ed448') return generateKeyPairSync('ed448');
  return generateKeyPairSync('ed25519');
}

const b64u = (data: Uint8Array | string) => Buffer.from(data).toString('base64url');

/** A compact JWS signed with node:crypto (covers algs jose cannot sign, such as ES256K and Ed448). */
export function signCompact(
  header: Record<string, unknown>,
  payload: unknown,
  key: KeyObject | Uint8Array,
): string {
  const input = `${b64u(JSON.stringify(header))}.${b64u(typeof payload === 'string' ? payload : JSON.stringify(payload))}`;
  return `${input}.${b64u(signBytes(String(header.alg), input, key))}`;
}

export function signBytes(alg: string, input: string, key: KeyObject | Uint8Array): Uint8Array {
  const data = Buffer.from(input);
  const hash = `sha${alg.slice(2)}`;
  if (key instanceof Uint8Array) return createHmac(hash, key).update(data).digest();
  if (alg.startsWith('RS')) return nodeSign(hash, data, key);
  if (alg.startsWith('PS'))
    return nodeSign(hash, data, { key, padding: 6, saltLength: Number(alg.slice(2)) / 8 });
  if (alg.startsWith('ES'))
    return nodeSign(alg === 'ES256K' ? 'sha256' : hash, data, { key, dsaEncoding: 'ieee-p1363' });
  return nodeSign(null, data, key);
}

/** A minimal self-signed X.509 v3 certificate (RFC 5280 §4.1) for an RSA or EC key pair. */
export function selfSignedCertificate(
  pair: TestKeyPair,
  commonName: string,
  notBefore = '250101000000Z',
  notAfter = '350101000000Z',
): string {
  const isRsa = pair.publicKey.asymmetricKeyType === 'rsa';
  const sigAlg = derSequence(
    ...(isRsa ? [derOid('1.2.840.113549.1.1.11'), derNull()] : [derOid('1.2.840.10045.4.3.2')]),
  );
  const name = derSequence(
    derElement(TAG.set, derSequence(derOid('2.5.4.3'), derElement(TAG.utf8String, Buffer.from(commonName)))),
  );
  const time = (t: string) => derElement(TAG.utcTime, Buffer.from(t));
  const spki = new Uint8Array(pair.publicKey.export({ type: 'spki', format: 'der' }));
  const tbs = derSequence(
    derElement(0xa0, derInteger(2)),
    derInteger(Uint8Array.of(0x01, 0x23, 0x45)),
    sigAlg,
    name,
    derSequence(time(notBefore), time(notAfter)),
    name,
    spki,
  );
  const signature = nodeSign(
    'sha256',
    tbs,
    isRsa ? pair.privateKey : { key: pair.privateKey, dsaEncoding: 'der' },
  );
  return Buffer.from(derSequence(tbs, sigAlg, derBitString(signature))).toString('base64');
}

export function pemOf(type: string, base64: string): string {
  return `-----BEGIN ${type}-----\n${base64.match(/.{1,64}/g)!.join('\n')}\n-----END ${type}-----\n`;
}
