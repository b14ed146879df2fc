/**
 * RSA1_5 decryption, labelled legacy: tokens made by jwcrypto (fixtures/rsa1_5/make_tokens.py),
 * the key given as a JWK, a JWK Set and PEM, and the RFC 7516 §11.5 decoy key on bad padding.
 */
import { constants, createPrivateKey, createPublicKey, publicEncrypt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { decryptToken } from './decrypt';
import { decryptRsa1_5, type LegacyRecipient } from './rsa1_5';

const fixture = JSON.parse(readFileSync(join(__dirname, 'fixtures/rsa1_5/jwcrypto-tokens.json'), 'utf8')) as {
  key: JWK;
  otherKey: JWK;
  cases: { name: string; token: string | Record<string, unknown>; plaintext: string; wrongKey?: boolean }[];
};
const KEY = JSON.stringify(fixture.key);
const tokenOf = (name: string) => {
  const found = fixture.cases.find((c) => c.name === name)!;
  return typeof found.token === 'string' ? found.token : JSON.stringify(found.token);
};
const caseOf = (name: string) => fixture.cases.find((c) => c.name === name)!;

describe('decryptToken with RSA1_5 (jwcrypto tokens)', () => {
  for (const c of fixture.cases.filter((x) => !x.wrongKey)) {
    it(`decrypts ${c.name} and labels it legacy`, async () => {
      const result = await decryptToken(tokenOf(c.name), KEY);
      expect(result.ok && result.plaintext).toBe(c.plaintext);
      if (!result.ok) return;
      expect(result.legacy).toMatchObject({ label: 'legacy', alg: 'RSA1_5' });
      expect(result.legacy?.message).toMatch(/Bleichenbacher/);
      expect(result.legacy?.message).toMatch(/RSA-OAEP-256/);
    });
  }

  it('decodes the nested JWT of an RSA1_5 token', async () => {
    const result = await decryptToken(tokenOf('nested JWT (cty JWT)'), KEY);
    expect(result.ok && result.inner?.ok && result.inner.payload).toEqual({ sub: 'nested-legacy' });
  });

  it('reads the key as a PEM private key (PKCS#8) too', async () => {
    const pem = createPrivateKey({ key: fixture.key as never, format: 'jwk' })
      .export({ format: 'pem', type: 'pkcs8' })
      .toString();
    const result = await decryptToken(tokenOf('A128GCM compact'), pem);
    expect(result.ok && result.legacy?.label).toBe('legacy');
  });

  it('picks the key by "kid" from a JWK Set', async () => {
    const set = JSON.stringify({ keys: [fixture.otherKey, fixture.key] });
    const result = await decryptToken(tokenOf('A256CBC-HS512 compact with kid'), set);
    expect(result.ok && result.plaintext).toBe(caseOf('A256CBC-HS512 compact with kid').plaintext);
  });

  it('a wrong key fails as "decryption failed", the same error as a changed token', async () => {
    const wrong = await decryptToken(tokenOf('encrypted to another key'), KEY);
    expect(wrong).toEqual({ ok: false, error: expect.objectContaining({ code: 'jwe-decryption-failed' }) });
    const [h, k, iv, ct, tag] = tokenOf('A128GCM compact').split('.');
    const flipped = `${h}.${k}.${iv}.${ct!.startsWith('A') ? 'B' : 'A'}${ct!.slice(1)}.${tag}`;
    const changed = await decryptToken(flipped, KEY);
    expect(changed.ok).toBe(false);
    if (!wrong.ok && !changed.ok) expect(changed.error).toEqual(wrong.error);
  });

  it('refuses a public key, saying the private key is needed', async () => {
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = fixture.key;
    const result = await decryptToken(tokenOf('A128GCM compact'), JSON.stringify(publicJwk));
    expect(result).toMatchObject({ ok: false, error: { code: 'jwe-key-public' } });
  });

  it('refuses a secret, and a key labelled for RSA-OAEP (RFC 7517 §4.4)', async () => {
    const secret = await decryptToken(tokenOf('A128GCM compact'), 'some-shared-secret');
    expect(secret).toMatchObject({ ok: false, error: { code: 'jwe-key-mismatch' } });
    const oaep = await decryptToken(
      tokenOf('A128GCM compact'),
      JSON.stringify({ ...fixture.key, alg: 'RSA-OAEP' }),
    );
    expect(oaep).toMatchObject({ ok: false, error: { code: 'jwe-key-alg-mismatch' } });
  });

  it('asks for the CRT members when the JWK has only n, e and d', async () => {
    const { p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...short } = fixture.key;
    const result = await decryptToken(tokenOf('A128GCM compact'), JSON.stringify(short));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/CRT members p, q, dp, dq and qi/);
  });

  it('refuses "crit", a "zip" outside the protected header and repeated header names', async () => {
    const flat = caseOf('A192CBC-HS384 flattened JSON with aad and a per-recipient header').token as Record<
      string,
      unknown
    >;
    const crit = await decryptToken(JSON.stringify({ ...flat, unprotected: { crit: ['exp'], exp: 1 } }), KEY);
    expect(crit).toMatchObject({ ok: false, error: { code: 'jwe-crit-unsupported' } });
    const zip = await decryptToken(JSON.stringify({ ...flat, unprotected: { zip: 'DEF' } }), KEY);
    expect(zip).toMatchObject({
      ok: false,
      error: { code: 'jwe-invalid', message: expect.stringMatching(/§4\.1\.3/) },
    });
    const twice = await decryptToken(JSON.stringify({ ...flat, unprotected: { kid: 'legacy-2019' } }), KEY);
    expect(twice).toMatchObject({
      ok: false,
      error: { code: 'jwe-invalid', message: expect.stringMatching(/§7\.2\.1/) },
    });
  });

  it('stops inflating zip:"DEF" plaintext at the cap', async () => {
    const result = await decryptToken(tokenOf('A256GCM compact with zip DEF'), KEY, {
      maxDecompressedBytes: 100,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'jwe-decompression-failed' } });
  });
});

describe('decryptRsa1_5: the RFC 7516 §11.5 decoy content key', () => {
  const publicKey = createPublicKey({ key: fixture.key as never, format: 'jwk' });
  const [protectedB64, , iv, ciphertext, tag] = tokenOf('A128GCM compact').split('.') as string[];
  const recipient = (encryptedKey: Buffer): LegacyRecipient => ({
    protected: protectedB64!,
    encrypted_key: encryptedKey.toString('base64url'),
    iv: iv!,
    ciphertext: ciphertext!,
    tag: tag!,
    protectedHeader: { alg: 'RSA1_5', enc: 'A128GCM' },
    sharedHeader: {},
    recipientHeader: {},
  });

  it('uses random bytes instead of a CEK of the wrong size, so the failure is the tag check', async () => {
    // A valid PKCS#1 v1.5 block holding 24 bytes where A128GCM needs 16.
    const wrongSize = publicEncrypt(
      { key: publicKey, padding: constants.RSA_PKCS1_PADDING },
      Buffer.alloc(24, 7),
    );
    const asked: number[] = [];
    const result = await decryptRsa1_5(recipient(wrongSize), [fixture.key], {
      maxDecompressedBytes: 1000,
      randomBytes: (n) => (asked.push(n), new Uint8Array(n)),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'jwe-decryption-failed' } });
    expect(asked).toEqual([16]);
  });

  it('does the same for a block whose padding is not PKCS#1 v1.5', async () => {
    // RSA-OAEP padding decrypts to a block that does not start 00 02.
    const oaep = publicEncrypt(
      { key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING },
      Buffer.alloc(16, 7),
    );
    const result = await decryptRsa1_5(recipient(oaep), [fixture.key], { maxDecompressedBytes: 1000 });
    expect(result).toMatchObject({ ok: false, error: { code: 'jwe-decryption-failed' } });
  });

  it('says which part is missing before any RSA work', async () => {
    const { encrypted_key: _k, ...noKey } = recipient(Buffer.alloc(0));
    const result = await decryptRsa1_5(noKey, [fixture.key], { maxDecompressedBytes: 1000 });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'jwe-invalid', message: expect.stringMatching(/encrypted key is missing/) },
    });
  });
});
