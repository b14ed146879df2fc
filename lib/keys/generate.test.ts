import { CompactSign, compactVerify, importJWK, importPKCS8, importSPKI } from 'jose';
import { describe, expect, it } from 'vitest';
import { generateKey, KEY_TYPES, type GeneratedKeyPair } from './generate';
import { jwkThumbprintUri } from './thumbprint-uri';

const payload = new TextEncoder().encode('{"sub":"round-trip"}');

/** Sign with the exported private key, verify with the exported public key, both through jose. */
async function roundTrip(key: GeneratedKeyPair) {
  const privateFromPem = await importPKCS8(key.privatePem, key.alg);
  const privateFromJwk = await importJWK(key.privateJwk, key.alg);
  const publicFromPem = await importSPKI(key.publicPem, key.alg);
  const publicFromJwks = await importJWK(key.jwks.keys[0]!, key.alg);
  for (const signer of [privateFromPem, privateFromJwk]) {
    const jws = await new CompactSign(payload)
      .setProtectedHeader({ alg: key.alg, kid: key.thumbprint })
      .sign(signer);
    for (const verifier of [publicFromPem, publicFromJwks]) {
      const { payload: out } = await compactVerify(jws, verifier);
      expect(new TextDecoder().decode(out)).toBe('{"sub":"round-trip"}');
    }
  }
}

describe('generateKey', () => {
  it('offers every size the issue asks for', () => {
    const sizes = Object.fromEntries(KEY_TYPES.map((t) => [t.type, t.sizes.map((s) => s.value)]));
    expect(sizes).toEqual({
      hmac: ['256', '384', '512'],
      rsa: ['2048', '3072', '4096'],
      ec: ['P-256', 'P-384', 'P-521'],
      ed25519: ['Ed25519'],
    });
  });

  it.each([
    ['256', 'HS256', 32],
    ['384', 'HS384', 48],
    ['512', 'HS512', 64],
  ])('makes an HMAC secret of %s bits from the given randomness', async (size, alg, bytes) => {
    const r = await generateKey({ type: 'hmac', size }, (n) => new Uint8Array(n).fill(1));
    expect(r.ok).toBe(true);
    if (!r.ok || r.value.kind !== 'secret') return;
    expect(r.value.alg).toBe(alg);
    expect(r.value.hex).toBe('01'.repeat(bytes));
    expect(r.value.jwk).toMatchObject({ kty: 'oct', k: r.value.base64url, alg, kid: r.value.thumbprint });
    const print = jwkThumbprintUri({ kty: 'oct', k: r.value.base64url });
    expect(print.ok && print.thumbprint).toBe(r.value.thumbprint);
    // The secret works as an HMAC key of the right length.
    const key = await importJWK(r.value.jwk, alg);
    const jws = await new CompactSign(payload).setProtectedHeader({ alg }).sign(key);
    await expect(compactVerify(jws, key)).resolves.toBeTruthy();
  });

  it.each([
    ['ec', 'P-256', 'ES256'],
    ['ec', 'P-384', 'ES384'],
    ['ec', 'P-521', 'ES512'],
    ['ed25519', 'Ed25519', 'EdDSA'],
  ] as const)('%s %s: generate, export, import, sign, verify', async (type, size, alg) => {
    const r = await generateKey({ type, size });
    expect(r.ok).toBe(true);
    if (!r.ok || r.value.kind !== 'key-pair') return;
    const key = r.value;
    expect(key.alg).toBe(alg);
    expect(key.publicPem).toMatch(
      /^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=\n]+\n-----END PUBLIC KEY-----\n$/,
    );
    expect(key.privatePem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(key.publicPem.split('\n').every((line) => line.length <= 64)).toBe(true);
    expect(key.publicJwk).not.toHaveProperty('d');
    expect(key.privateJwk).toHaveProperty('d');
    expect(key.publicJwk).not.toHaveProperty('key_ops');
    expect(key.jwks).toEqual({ keys: [key.publicJwk] });
    expect(key.publicJwk).toMatchObject({ alg, use: 'sig', kid: key.thumbprint });
    expect(key.thumbprintUri).toBe(`urn:ietf:params:oauth:jwk-thumbprint:sha-256:${key.thumbprint}`);
    const print = jwkThumbprintUri(key.privateJwk);
    expect(print.ok && print.thumbprint).toBe(key.thumbprint);
    await roundTrip(key);
  });

  it.each([
    ['2048', 'RS256'],
    ['2048', 'PS384'],
    ['3072', 'PS256'],
  ])('RSA %s for %s: generate, export, import, sign, verify', async (size, alg) => {
    const r = await generateKey({ type: 'rsa', size, alg });
    expect(r.ok).toBe(true);
    if (!r.ok || r.value.kind !== 'key-pair') return;
    expect(r.value.publicJwk).toMatchObject({ kty: 'RSA', e: 'AQAB', alg });
    // The modulus has exactly the chosen number of bits.
    const n = Buffer.from(r.value.publicJwk.n as string, 'base64url');
    expect(n.length * 8).toBe(Number(size));
    expect(n[0]! & 0x80).toBe(0x80);
    await roundTrip(r.value);
  });

  it('generates RSA 4096', async () => {
    const r = await generateKey({ type: 'rsa', size: '4096' });
    expect(
      r.ok && r.value.kind === 'key-pair' && Buffer.from(r.value.publicJwk.n as string, 'base64url').length,
    ).toBe(512);
  });

  it('refuses a size that does not belong to the type', async () => {
    const r = await generateKey({ type: 'ec', size: '2048' });
    expect(r).toEqual({
      ok: false,
      error: { code: 'key-choice-invalid', message: 'Choose a size for EC (ECDSA): P-256, P-384, P-521.' },
    });
  });

  it('refuses an alg that does not fit the key type', async () => {
    const r = await generateKey({ type: 'rsa', size: '2048', alg: 'ES256' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('not ES256');
  });
});
