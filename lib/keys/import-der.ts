/**
 * DER key formats (ITU-T X.690): SPKI, PKCS#8, PKCS#1 (public and private), SEC1 and X.509
 * certificates, also when pasted as bare base64 without the PEM armour. PKCS#1 and SEC1 are
 * rewrapped as SPKI/PKCS#8 with the DER writer, so one parser handles each kind.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { ed448 } from '@noble/curves/ed448.js';
import { decodeBase64url, encodeBase64url } from '../token/base64url';
import { readCertificate } from './certificate';
import {
  bitStringBytes,
  childrenOf,
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
import {
  OID,
  curveByOid,
  derivePublic,
  ecMaterial,
  leftPad,
  normalisePoint,
  okpByOid,
  okpMaterial,
  rsaMaterial,
  sameBytes,
} from './import-material';
import { KeyError, type Draft, type KeyEncoding, type KeyMaterial } from './import-types';

/** A certificate or key pasted as base64 DER without the PEM armour (e.g. an x5c entry). */
export function bareDer(text: string): Draft | undefined {
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

export function fromDer(der: Uint8Array, encoding: Exclude<KeyEncoding, 'secret' | 'jwk'>): Draft {
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
