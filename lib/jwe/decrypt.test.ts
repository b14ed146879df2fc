import { CompactEncrypt, exportJWK, exportPKCS8, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { decryptToken } from './decrypt';
import { encryptToken } from './encrypt';

const NOW = new Date('2026-01-01T00:00:00Z');
const hex = (bytes: number) => 'ab'.repeat(bytes);

async function pair(alg: string, crv?: string) {
  const { publicKey, privateKey } = await generateKeyPair(alg, {
    extractable: true,
    ...(crv ? { crv } : {}),
  });
  return {
    publicJwk: JSON.stringify(await exportJWK(publicKey)),
    privateJwk: JSON.stringify(await exportJWK(privateKey)),
    spki: await exportSPKI(publicKey),
    pkcs8: await exportPKCS8(privateKey),
  };
}

describe('encryptToken → decryptToken round trips', () => {
  const ENCS = ['A128GCM', 'A192GCM', 'A256GCM', 'A128CBC-HS256', 'A192CBC-HS384', 'A256CBC-HS512'];

  it.each(['RSA-OAEP', 'RSA-OAEP-256', 'RSA-OAEP-384', 'RSA-OAEP-512'])(
    '%s with a PEM and a JWK private key',
    async (alg) => {
      const keys = await pair(alg);
      const sealed = await encryptToken('{"msg":"hello"}', keys.spki, { alg, enc: 'A256GCM' });
      expect(sealed.ok).toBe(true);
      if (!sealed.ok) return;
      for (const key of [keys.pkcs8, keys.privateJwk]) {
        const opened = await decryptToken(sealed.token, key);
        expect(opened).toMatchObject({
          ok: true,
          plaintext: '{"msg":"hello"}',
          payload: { msg: 'hello' },
          header: { alg, enc: 'A256GCM' },
        });
      }
    },
  );

  const curves = ['P-256', 'P-384', 'P-521', 'X25519'];
  const ecdhAlgs = ['ECDH-ES', 'ECDH-ES+A128KW', 'ECDH-ES+A192KW', 'ECDH-ES+A256KW'];
  it.each(curves.flatMap((crv) => ecdhAlgs.map((alg) => [alg, crv] as const)))(
    '%s on %s',
    async (alg, crv) => {
      const keys = await pair('ECDH-ES', crv);
      const sealed = await encryptToken('secret text', keys.publicJwk, { alg, enc: 'A128CBC-HS256' });
      expect(sealed.ok).toBe(true);
      if (!sealed.ok) return;
      expect(await decryptToken(sealed.token, keys.privateJwk)).toMatchObject({
        ok: true,
        plaintext: 'secret text',
      });
      expect(await decryptToken(sealed.token, keys.pkcs8)).toMatchObject({
        ok: true,
        plaintext: 'secret text',
      });
    },
  );

  it.each([
    ['A128KW', 16],
    ['A192KW', 24],
    ['A256KW', 32],
    ['A128GCMKW', 16],
    ['A192GCMKW', 24],
    ['A256GCMKW', 32],
  ] as const)('%s with a hex secret, for every enc', async (alg, bytes) => {
    for (const enc of ENCS) {
      const sealed = await encryptToken('x', hex(bytes), { alg, enc });
      expect(sealed.ok).toBe(true);
      if (sealed.ok)
        expect(await decryptToken(sealed.token, hex(bytes))).toMatchObject({ ok: true, plaintext: 'x' });
    }
  });

  it('dir with a base64url key of the size enc needs', async () => {
    for (const [enc, bytes] of [
      ['A128GCM', 16],
      ['A256CBC-HS512', 64],
    ] as const) {
      const k = Buffer.alloc(bytes, 7).toString('base64url');
      const sealed = await encryptToken('direct', k, { alg: 'dir', enc });
      expect(sealed.ok).toBe(true);
      if (sealed.ok)
        expect(await decryptToken(sealed.token, JSON.stringify({ kty: 'oct', k }))).toMatchObject({
          ok: true,
          plaintext: 'direct',
        });
    }
  });

  it.each(['PBES2-HS256+A128KW', 'PBES2-HS384+A192KW', 'PBES2-HS512+A256KW'])(
    '%s with a password',
    async (alg) => {
      const sealed = await encryptToken('pw', 'correct horse battery staple', {
        alg,
        enc: 'A128GCM',
        p2c: 1000,
      });
      expect(sealed.ok).toBe(true);
      if (!sealed.ok) return;
      expect(await decryptToken(sealed.token, 'correct horse battery staple')).toMatchObject({
        ok: true,
        plaintext: 'pw',
      });
      expect(await decryptToken(sealed.token, 'wrong password')).toMatchObject({
        ok: false,
        error: { code: 'jwe-decryption-failed' },
      });
    },
  );

  it('zip:"DEF" compresses and decompresses', async () => {
    const text = 'repeat '.repeat(1000);
    const sealed = await encryptToken(text, hex(16), { alg: 'A128KW', enc: 'A128GCM', zip: true });
    expect(sealed.ok && sealed.token.length).toBeLessThan(1000);
    if (sealed.ok)
      expect(await decryptToken(sealed.token, hex(16))).toMatchObject({
        ok: true,
        plaintext: text,
        header: { zip: 'DEF' },
      });
  });
});

describe('decryptToken limits', () => {
  it('refuses a p2c above 1,000,000 at once, with a message', async () => {
    const sealed = await new CompactEncrypt(new TextEncoder().encode('x'))
      .setProtectedHeader({ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM' })
      .setKeyManagementParameters({ p2c: 1000, p2s: new Uint8Array(16) })
      .encrypt(new TextEncoder().encode('pw'));
    // Re-label the header with a huge p2c: decryption must stop before any PBKDF2 work.
    const [, ...rest] = sealed.split('.');
    const header = Buffer.from(
      JSON.stringify({
        alg: 'PBES2-HS256+A128KW',
        enc: 'A128GCM',
        p2c: 2_000_000_000,
        p2s: 'AAAAAAAAAAAAAAAAAAAAAA',
      }),
    ).toString('base64url');
    const deriveBits = vi.spyOn(globalThis.crypto.subtle, 'deriveBits');
    try {
      const result = await decryptToken([header, ...rest].join('.'), 'pw');
      expect(deriveBits).not.toHaveBeenCalled();
      expect(result).toMatchObject({ ok: false, error: { code: 'jwe-p2c-too-large' } });
      if (!result.ok) expect(result.error.message).toContain('1,000,000');
    } finally {
      deriveBits.mockRestore();
    }
  });

  it('stops inflating zip:"DEF" output at the cap', async () => {
    const sealed = await encryptToken('a'.repeat(50_000), hex(16), {
      alg: 'A128KW',
      enc: 'A128GCM',
      zip: true,
    });
    if (!sealed.ok) throw new Error(sealed.error.message);
    const result = await decryptToken(sealed.token, hex(16), { maxDecompressedBytes: 10_000 });
    expect(result).toMatchObject({ ok: false, error: { code: 'jwe-decompression-failed' } });
    if (!result.ok) expect(result.error.message).toMatch(/more than 10000 bytes.*zip bombs/);
  });
});

describe('decryptToken keys and errors', () => {
  it('says that a public key cannot decrypt', async () => {
    const keys = await pair('RSA-OAEP-256');
    const sealed = await encryptToken('x', keys.publicJwk, { alg: 'RSA-OAEP-256', enc: 'A128GCM' });
    if (!sealed.ok) throw new Error(sealed.error.message);
    expect(await decryptToken(sealed.token, keys.publicJwk)).toMatchObject({
      ok: false,
      error: { code: 'jwe-key-public' },
    });
    expect(await decryptToken(sealed.token, keys.spki)).toMatchObject({
      ok: false,
      error: { code: 'jwe-key-public' },
    });
  });

  it('reports the wrong key as a failed authentication tag', async () => {
    const [a, b] = [await pair('RSA-OAEP-256'), await pair('RSA-OAEP-256')];
    const sealed = await encryptToken('x', a.spki, { alg: 'RSA-OAEP-256', enc: 'A128GCM' });
    if (!sealed.ok) throw new Error(sealed.error.message);
    const result = await decryptToken(sealed.token, b.pkcs8);
    expect(result).toMatchObject({ ok: false, error: { code: 'jwe-decryption-failed' } });
    if (!result.ok) expect(result.error.message).toMatch(/not the key the token was encrypted for/);
  });

  it("picks the JWK with the token's kid from a JWK Set, and tries all when there is no kid", async () => {
    const [a, b] = [await pair('ECDH-ES'), await pair('ECDH-ES')];
    const set = JSON.stringify({
      keys: [
        { ...JSON.parse(a.privateJwk), kid: 'a' },
        { ...JSON.parse(b.privateJwk), kid: 'b' },
      ],
    });
    const withKid = await encryptToken('to b', b.publicJwk, { alg: 'ECDH-ES', enc: 'A128GCM', kid: 'b' });
    const withoutKid = await encryptToken('to b', b.publicJwk, { alg: 'ECDH-ES', enc: 'A128GCM' });
    for (const sealed of [withKid, withoutKid]) {
      if (!sealed.ok) throw new Error(sealed.error.message);
      expect(await decryptToken(sealed.token, set)).toMatchObject({ ok: true, plaintext: 'to b' });
    }
  });

  it('reads a secret as text, base64url or hex to find the size the algorithm needs', async () => {
    const text = 'sixteen byte key';
    const sealed = await encryptToken('x', text, { alg: 'A128KW', enc: 'A128GCM' });
    if (!sealed.ok) throw new Error(sealed.error.message);
    expect(await decryptToken(sealed.token, text)).toMatchObject({ ok: true });
    expect(await decryptToken(sealed.token, Buffer.from(text).toString('base64url'))).toMatchObject({
      ok: true,
    });
    expect(await decryptToken(sealed.token, Buffer.from(text).toString('hex'))).toMatchObject({ ok: true });
    const short = await decryptToken(sealed.token, 'short');
    expect(short).toMatchObject({ ok: false, error: { code: 'jwe-key-size' } });
    if (!short.ok) expect(short.error.message).toMatch(/exactly 16 bytes \(128 bits\)/);
  });

  it('refuses a JWK labelled for another algorithm or for signing', async () => {
    const k = Buffer.alloc(16, 1).toString('base64url');
    const sealed = await encryptToken('x', JSON.stringify({ kty: 'oct', k }), {
      alg: 'A128KW',
      enc: 'A128GCM',
    });
    if (!sealed.ok) throw new Error(sealed.error.message);
    expect(
      await decryptToken(sealed.token, JSON.stringify({ kty: 'oct', k, alg: 'A128GCMKW' })),
    ).toMatchObject({ ok: false, error: { code: 'jwe-key-alg-mismatch' } });
    expect(await decryptToken(sealed.token, JSON.stringify({ kty: 'oct', k, use: 'sig' }))).toMatchObject({
      ok: false,
      error: { code: 'jwe-key-alg-mismatch' },
    });
  });

  it('takes PKCS#1 public keys for encryption, PKCS#1 and SEC1 private keys through the shared key importer, and explains encrypted PEM', async () => {
    const rsa = await pair('RSA-OAEP');
    const ec = await pair('ECDH-ES', 'P-384');
    const pkcs1 = createPrivateKey(rsa.pkcs8).export({ type: 'pkcs1', format: 'pem' }).toString();
    const sec1 = createPrivateKey(ec.pkcs8).export({ type: 'sec1', format: 'pem' }).toString();
    const pkcs1Public = createPublicKey(rsa.spki).export({ type: 'pkcs1', format: 'pem' }).toString();
    const toRsa = await encryptToken('to rsa', pkcs1Public, { alg: 'RSA-OAEP', enc: 'A128GCM' });
    const toEc = await encryptToken('to ec', ec.spki, { alg: 'ECDH-ES+A256KW', enc: 'A256GCM' });
    if (!toRsa.ok || !toEc.ok) throw new Error('encryption failed');
    expect(await decryptToken(toRsa.token, pkcs1)).toMatchObject({ ok: true, plaintext: 'to rsa' });
    expect(await decryptToken(toEc.token, sec1)).toMatchObject({ ok: true, plaintext: 'to ec' });
    const encrypted = await decryptToken(
      toRsa.token,
      '-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----',
    );
    expect(!encrypted.ok && encrypted.error.message).toMatch(/password-protected/);
  });

  it('decodes a nested JWT into inner', async () => {
    const signer = await generateKeyPair('ES256');
    const jws = await new SignJWT({ sub: 'alice' })
      .setProtectedHeader({ alg: 'ES256' })
      .sign(signer.privateKey);
    const sealed = await encryptToken(jws, hex(32), { alg: 'A256KW', enc: 'A256GCM' });
    if (!sealed.ok) throw new Error(sealed.error.message);
    expect(sealed.header.cty).toBe('JWT');
    const result = await decryptToken(sealed.token, hex(32), { now: NOW });
    expect(result.ok && result.inner?.ok && result.inner.format).toBe('jws');
    expect(result.ok && result.inner?.ok && result.inner.payload).toEqual({ sub: 'alice' });
  });

  it('returns an error for non-JWE input and never rejects', async () => {
    expect(await decryptToken('eyJhbGciOiJIUzI1NiJ9.e30.c2ln', 'k')).toMatchObject({
      ok: false,
      error: { code: 'jwe-not-jwe' },
    });
    expect(await decryptToken('not a token', 'k')).toMatchObject({
      ok: false,
      error: { code: 'jwe-invalid' },
    });
    expect(await decryptToken(undefined as unknown as string, 'k')).toMatchObject({ ok: false });
    expect(await decryptToken('a.b.c.d.e', '')).toMatchObject({ ok: false });
  });

  it('refuses RSA1_5 for encryption too, saying why', async () => {
    const result = await encryptToken('x', (await pair('RSA-OAEP')).spki, { alg: 'RSA1_5', enc: 'A128GCM' });
    expect(result).toMatchObject({ ok: false, error: { code: 'jwe-rsa1_5-deprecated' } });
  });
});
