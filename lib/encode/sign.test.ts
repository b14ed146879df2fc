import { readFileSync } from 'node:fs';
import { compactVerify, importJWK, importSPKI, type JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { generateKey, type GeneratedKeyPair } from '../keys/generate';
import { decodeToken } from '../token/decode';
import { signToken } from './sign';

const fixture = (name: string) => readFileSync(new URL(`../keys/fixtures/${name}`, import.meta.url), 'utf8');
const HEADER = '{\n  "typ": "JWT"\n}';
const PAYLOAD = '{\n  "sub": "1234567890",\n  "name": "Ada",\n  "iat": 1516239022\n}';
const SECRET_32 = 'lens-test-secret-0123456789abcdef-long-enough';

async function keyPair(
  type: 'rsa' | 'ec' | 'ed25519',
  size: string,
  alg?: string,
): Promise<GeneratedKeyPair> {
  const r = await generateKey({ type, size, ...(alg ? { alg } : {}) });
  if (!r.ok || r.value.kind !== 'key-pair') throw new Error('key generation failed in the test setup');
  return r.value;
}

async function expectVerifies(token: string, publicKey: Parameters<typeof compactVerify>[1]) {
  const { payload, protectedHeader } = await compactVerify(token, publicKey);
  return { payload: JSON.parse(new TextDecoder().decode(payload)) as unknown, protectedHeader };
}

describe('signToken: HMAC', () => {
  it.each(['HS256', 'HS384', 'HS512'])('%s signs the exact text, verifiable by jose', async (alg) => {
    const r = await signToken({ header: HEADER, payload: PAYLOAD }, SECRET_32.repeat(2), { alg });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const key = await importJWK(
      { kty: 'oct', k: Buffer.from(SECRET_32.repeat(2)).toString('base64url') },
      alg,
    );
    const { payload, protectedHeader } = await expectVerifies(r.token, key);
    expect(protectedHeader).toEqual({ typ: 'JWT', alg });
    expect(payload).toEqual({ sub: '1234567890', name: 'Ada', iat: 1516239022 });
    expect(r.headerJson).toBe(`{"typ":"JWT","alg":"${alg}"}`);
    expect(r.parts.map((p) => p.kind)).toEqual(['header', 'separator', 'payload', 'separator', 'signature']);
    expect(r.parts.map((p) => p.text).join('')).toBe(r.token);
  });

  it('reproduces the well-known jwt.io HS256 example byte for byte', async () => {
    const r = await signToken(
      {
        header: '{"alg":"HS256","typ":"JWT"}',
        payload: '{"sub":"1234567890","name":"John Doe","iat":1516239022}',
      },
      'your-256-bit-secret',
      { alg: 'HS256' },
    );
    expect(r.ok && r.token).toBe(
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
    );
  });

  it('reads the secret with the chosen encoding', async () => {
    const bytes = Buffer.alloc(32, 7);
    const variants = [
      [bytes.toString('hex'), 'hex'],
      [bytes.toString('base64'), 'base64'],
      [bytes.toString('base64url'), 'base64url'],
    ] as const;
    const tokens = new Set<string>();
    for (const [text, secretEncoding] of variants) {
      const r = await signToken({ header: '{}', payload: '{}' }, text, { alg: 'HS256', secretEncoding });
      expect(r.ok).toBe(true);
      if (r.ok) tokens.add(r.token);
    }
    expect(tokens.size).toBe(1);
  });

  it('warns when the secret is shorter than the hash', async () => {
    const r = await signToken({ header: '{}', payload: '{}' }, 'short-secret-1', { alg: 'HS384' });
    expect(r.ok).toBe(true);
    const warning = r.warnings.find((w) => w.id === 'hmac-secret-short');
    expect(warning?.message).toContain('The secret is 14 bytes; HS384 needs at least 48');
  });

  it('does not warn for a long enough secret', async () => {
    const r = await signToken({ header: '{}', payload: '{}' }, SECRET_32, { alg: 'HS256' });
    expect(r.warnings).toEqual([]);
  });

  it('passes on the warning for a well-known example secret', async () => {
    const r = await signToken({ header: '{}', payload: '{}' }, 'a-string-secret-at-least-256-bits-long', {
      alg: 'HS256',
    });
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => [w.id, w.severity])).toEqual([['weak-secret', 'danger']]);
  });

  it('refuses an empty secret with a signing message', async () => {
    const r = await signToken({ header: '{}', payload: '{}' }, '  ', { alg: 'HS256' });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toEqual({
        code: 'key-empty',
        field: 'key',
        message: 'Enter the shared secret to sign with HS256.',
      });
  });
});

describe('signToken: private keys', () => {
  it.each([
    ['RS256', 'rsa', '2048'],
    ['PS256', 'rsa', '2048'],
    ['PS512', 'rsa', '2048'],
    ['ES256', 'ec', 'P-256'],
    ['ES384', 'ec', 'P-384'],
    ['ES512', 'ec', 'P-521'],
    ['EdDSA', 'ed25519', 'Ed25519'],
    ['Ed25519', 'ed25519', 'Ed25519'],
  ] as const)('%s: generate, sign with PEM and JWK, verify with the public key', async (alg, type, size) => {
    const key = await keyPair(type, size, type === 'rsa' ? alg : undefined);
    const publicKey = await importSPKI(key.publicPem, alg);
    for (const keyText of [key.privatePem, JSON.stringify(key.privateJwk)]) {
      const r = await signToken({ header: HEADER, payload: PAYLOAD }, keyText, { alg });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const { protectedHeader } = await expectVerifies(r.token, publicKey);
      expect(protectedHeader.alg).toBe(alg);
    }
  });

  it('signs with a PKCS#1 RSA private key made by OpenSSL', async () => {
    const r = await signToken({ header: HEADER, payload: PAYLOAD }, fixture('test-rsa-2048.pkcs1.pem'), {
      alg: 'RS384',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.keySource).toContain('PKCS#1');
    await expectVerifies(r.token, await importSPKI(fixture('test-rsa-2048.spki.pem'), 'RS384'));
  });

  it('signs with a SEC1 EC private key made by OpenSSL', async () => {
    const r = await signToken({ header: HEADER, payload: PAYLOAD }, fixture('test-p384.sec1.pem'), {
      alg: 'ES384',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    await expectVerifies(r.token, await importSPKI(fixture('test-p384.spki.pem'), 'ES384'));
  });

  it('ignores alg and key_ops in a private JWK that disagree with the chosen alg family', async () => {
    const key = await keyPair('rsa', '2048', 'RS256');
    const jwk: JWK = { ...key.privateJwk, alg: 'RS256', key_ops: ['sign'] };
    const r = await signToken({ header: '{}', payload: '{}' }, JSON.stringify(jwk), { alg: 'PS256' });
    expect(r.ok).toBe(true);
  });

  it('picks the matching private key from a JWKS', async () => {
    const ec = await keyPair('ec', 'P-256');
    const ed = await keyPair('ed25519', 'Ed25519');
    const jwks = JSON.stringify({ keys: [ed.privateJwk, ec.privateJwk] });
    const r = await signToken({ header: '{}', payload: '{}' }, jwks, { alg: 'ES256' });
    expect(r.ok).toBe(true);
    if (r.ok) await expectVerifies(r.token, await importSPKI(ec.publicPem, 'ES256'));
  });
});

describe('signToken: a key that does not fit the alg', () => {
  it('names both curves for an EC key on the wrong curve', async () => {
    const r = await signToken({ header: '{}', payload: '{}' }, fixture('test-p256.sec1.pem'), {
      alg: 'ES384',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('key-alg-mismatch');
      expect(r.error.field).toBe('key');
      expect(r.error.message).toBe('ES384 needs a P-384 key; this is P-256. Choose ES256 instead.');
    }
  });

  it('says a public key cannot sign', async () => {
    const r = await signToken({ header: '{}', payload: '{}' }, fixture('test-p256.spki.pem'), {
      alg: 'ES256',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('key-not-private');
      expect(r.error.message).toMatch(/^This is a public key .*signing needs the private key/);
    }
  });

  it('refuses a PEM key for an HMAC alg', async () => {
    const r = await signToken({ header: '{}', payload: '{}' }, fixture('test-rsa-2048.pkcs1.pem'), {
      alg: 'HS256',
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.message).toMatch(
        /^HS256 signs with a shared secret, but this is an RSA key .*Choose an RS or PS alg/,
      );
  });

  it('refuses a secret for an RSA alg', async () => {
    const r = await signToken({ header: '{}', payload: '{}' }, SECRET_32, { alg: 'RS256' });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.message).toBe(
        'RS256 needs a private key, but this is a shared secret. Choose HS256, HS384 or HS512, or paste a private key.',
      );
  });

  it('refuses an RSA key shorter than 2048 bits', async () => {
    const r = await signToken({ header: '{}', payload: '{}' }, fixture('test-rsa-1024.pkcs1.pem'), {
      alg: 'RS256',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('at least 2048 bits (RFC 7518 §3.3); this one has 1024');
  });

  it('refuses an EC key for EdDSA and an Ed25519 key for RS256', async () => {
    const ec = await keyPair('ec', 'P-256');
    const ed = await keyPair('ed25519', 'Ed25519');
    const a = await signToken({ header: '{}', payload: '{}' }, ec.privatePem, { alg: 'EdDSA' });
    expect(!a.ok && a.error.message).toBe(
      'EdDSA needs an Ed25519 key; this is an EC key on P-256. Choose ES256 instead.',
    );
    const b = await signToken({ header: '{}', payload: '{}' }, ed.privatePem, { alg: 'RS256' });
    expect(!b.ok && b.error.message).toBe(
      'RS256 needs an RSA key; this is an OKP key on Ed25519. Choose EdDSA instead.',
    );
  });

  it('passes an unreadable key on with the importer message', async () => {
    const r = await signToken({ header: '{}', payload: '{}' }, '-----BEGIN PRIVATE KEY-----\nAAAA', {
      alg: 'ES256',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('key-pem-invalid');
  });
});

describe('signToken: alg none', () => {
  it('is refused without the explicit choice', async () => {
    const r = await signToken({ header: '{}', payload: '{}' }, '', { alg: 'none' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('none-not-allowed');
  });

  it('makes an unsecured token with an empty signature when allowed', async () => {
    const r = await signToken({ header: HEADER, payload: PAYLOAD }, 'ignored', {
      alg: 'none',
      allowNone: true,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.token.endsWith('.')).toBe(true);
    const decoded = decodeToken(r.token, { now: new Date(0) });
    expect(decoded.ok && decoded.format).toBe('unsecured');
  });
});

describe('signToken: header and payload text', () => {
  it('sets alg in the header, replacing a different one', async () => {
    const r = await signToken({ header: '{"alg":"RS256","kid":"k1"}', payload: '{}' }, SECRET_32, {
      alg: 'HS256',
    });
    expect(r.ok && r.headerJson).toBe('{"alg":"HS256","kid":"k1"}');
  });

  it('keeps the digits of big integers in the payload', async () => {
    const r = await signToken({ header: '{}', payload: '{"id": 12345678901234567890}' }, SECRET_32, {
      alg: 'HS256',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const payload = Buffer.from(r.token.split('.')[1]!, 'base64url').toString();
    expect(payload).toBe('{"id":12345678901234567890}');
  });

  it('reports invalid payload JSON with its position', async () => {
    const r = await signToken({ header: '{}', payload: '{\n  "sub": \n}' }, SECRET_32, { alg: 'HS256' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('json-invalid');
      expect(r.error.field).toBe('payload');
      expect(r.error.at?.line).toBe(3);
    }
  });

  it('reports a header that is not an object', async () => {
    const r = await signToken({ header: '"HS256"', payload: '{}' }, SECRET_32, { alg: 'HS256' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('json-not-object');
      expect(r.error.field).toBe('header');
    }
  });

  it('warns about duplicate members', async () => {
    const r = await signToken({ header: '{}', payload: '{"sub":"a","sub":"b"}' }, SECRET_32, {
      alg: 'HS256',
    });
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => [w.id, w.path])).toEqual([['duplicate-member', 'payload.sub']]);
  });

  it('refuses an alg it cannot sign with', async () => {
    const r = await signToken({ header: '{}', payload: '{}' }, SECRET_32, { alg: 'ES256K' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('alg-unsupported');
  });
});
