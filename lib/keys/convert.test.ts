import { readFileSync } from 'node:fs';
import { CompactSign, compactVerify, importJWK, importPKCS8, importSPKI } from 'jose';
import { describe, expect, it } from 'vitest';
import { convertKey, type ConvertedKey } from './convert';
import { generateKey } from './generate';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

function onlyKey(text: string): ConvertedKey {
  const r = convertKey(text);
  if (!r.ok) throw new Error(r.error.message);
  expect(r.keys).toHaveLength(1);
  return r.keys[0]!;
}

describe('convertKey: PEM inputs made by OpenSSL', () => {
  it('PKCS#1 RSA private key → the same PKCS#8 and SPKI that OpenSSL writes', () => {
    const key = onlyKey(fixture('test-rsa-2048.pkcs1.pem'));
    expect(key.source).toContain('PKCS#1');
    expect(key.privatePem).toBe(fixture('test-rsa-2048.pkcs8.pem'));
    expect(key.publicPem).toBe(fixture('test-rsa-2048.spki.pem'));
    expect(key.privateJwk).toMatchObject({ kty: 'RSA', e: 'AQAB', kid: key.thumbprint });
    expect(Object.keys(key.privateJwk!)).toEqual(
      expect.arrayContaining(['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi']),
    );
    expect(key.publicJwk).not.toHaveProperty('d');
    expect(key.bits).toBe(2048);
  });

  it('SEC1 EC private key → PKCS#8 and SPKI that OpenSSL agrees with', () => {
    const key = onlyKey(fixture('test-p256.sec1.pem'));
    expect(key.publicPem).toBe(fixture('test-p256.spki.pem'));
    expect(key.privatePem).toBe(fixture('test-p256.pkcs8.pem'));
    expect(key.privateJwk).toMatchObject({ kty: 'EC', crv: 'P-256' });
  });

  it('Ed25519 PKCS#8 → the same PKCS#8 and SPKI', () => {
    const key = onlyKey(fixture('test-ed25519.pkcs8.pem'));
    expect(key.privatePem).toBe(fixture('test-ed25519.pkcs8.pem'));
    expect(key.publicPem).toBe(fixture('test-ed25519.spki.pem'));
    expect(key.publicJwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
  });

  it('public SPKI → public JWK only, with the RFC 9278 URI', () => {
    const key = onlyKey(fixture('test-p384.spki.pem'));
    expect(key.privatePem).toBeUndefined();
    expect(key.privateJwk).toBeUndefined();
    expect(key.publicJwk).toMatchObject({ kty: 'EC', crv: 'P-384', kid: key.thumbprint });
    expect(key.thumbprintUri).toBe(`urn:ietf:params:oauth:jwk-thumbprint:sha-256:${key.thumbprint}`);
  });

  it('the converted JWK signs, and the converted PEM verifies', async () => {
    const key = onlyKey(fixture('test-p256.sec1.pem'));
    const jws = await new CompactSign(new TextEncoder().encode('x'))
      .setProtectedHeader({ alg: 'ES256' })
      .sign(await importJWK(key.privateJwk!, 'ES256'));
    await expect(compactVerify(jws, await importSPKI(key.publicPem!, 'ES256'))).resolves.toBeTruthy();
  });
});

describe('convertKey: JWK inputs', () => {
  it('RFC 7638 §3.1 example JWK → PEM, keeping its kid and alg', async () => {
    const key = onlyKey(fixture('rfc7638_3.1.jwk'));
    expect(key.thumbprint).toBe('NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs');
    expect(key.publicJwk).toMatchObject({ kid: '2011-04-29', alg: 'RS256' });
    const pem = await importSPKI(key.publicPem!, 'RS256');
    const viaJwk = await importJWK(key.publicJwk, 'RS256');
    expect(pem.algorithm).toEqual(viaJwk instanceof Uint8Array ? undefined : viaJwk.algorithm);
  });

  it.each([
    ['rsa', '2048'],
    ['ec', 'P-521'],
    ['ed25519', 'Ed25519'],
  ] as const)('generated %s private JWK → PKCS#8 PEM equal to WebCrypto export', async (type, size) => {
    const generated = await generateKey({ type, size });
    if (!generated.ok || generated.value.kind !== 'key-pair') throw new Error('generation failed');
    const key = onlyKey(JSON.stringify(generated.value.privateJwk));
    expect(key.privatePem).toBe(generated.value.privatePem);
    expect(key.publicPem).toBe(generated.value.publicPem);
    expect(key.thumbprint).toBe(generated.value.thumbprint);
    await expect(importPKCS8(key.privatePem!, generated.value.alg)).resolves.toBeTruthy();
  });

  it('an RSA private JWK without CRT members has no private PEM, and says why', async () => {
    const generated = await generateKey({ type: 'rsa', size: '2048' });
    if (!generated.ok || generated.value.kind !== 'key-pair') throw new Error('generation failed');
    const { p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...minimal } = generated.value.privateJwk;
    const r = convertKey(JSON.stringify(minimal));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.keys[0]!.privatePem).toBeUndefined();
    expect(r.keys[0]!.privatePemProblem).toContain('p, q, dp, dq and qi');
    expect(r.keys[0]!.publicPem).toBe(generated.value.publicPem);
  });

  it('a JWKS converts every key', () => {
    const jwks = { keys: [JSON.parse(fixture('rfc7638_3.1.jwk')), JSON.parse(fixture('rfc7517_B.jwk'))] };
    const r = convertKey(JSON.stringify(jwks));
    expect(r.ok && r.keys.map((k) => k.kty)).toEqual(['RSA', 'RSA']);
  });
});

describe('convertKey: errors', () => {
  it('asks for a key when empty', () => {
    const r = convertKey('  ');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('key-empty');
  });

  it('passes on the importer message for a broken PEM', () => {
    const r = convertKey('-----BEGIN PUBLIC KEY-----\nMIIB');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('key-pem-invalid');
  });

  it('a secret gives its oct JWK and thumbprint but no PEM', () => {
    const key = onlyKey('a-secret-that-is-at-least-thirty-two-bytes');
    expect(key.kty).toBe('oct');
    expect(key.publicPem).toBeUndefined();
    expect(key.publicJwk).toMatchObject({
      kty: 'oct',
      k: Buffer.from('a-secret-that-is-at-least-thirty-two-bytes').toString('base64url'),
    });
  });
});
