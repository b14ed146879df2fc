import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { calculateJwkThumbprint } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearKeyImportCache, importVerificationKey, type KeyImportResult } from './import';
import { isRocaVulnerable } from './roca';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
const k1 = generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
const ed = generateKeyPairSync('ed25519');

const pem = (key: KeyObject, type: 'spki' | 'pkcs1' | 'pkcs8' | 'sec1') =>
  key.export({ type, format: 'pem' }) as string;
const jwkOf = (key: KeyObject) => key.export({ format: 'jwk' }) as Record<string, string>;
const thumb = (key: KeyObject) => calculateJwkThumbprint(jwkOf(key) as never);
const rfc7517B = JSON.parse(readFileSync(new URL('./fixtures/rfc7517_B.jwk', import.meta.url), 'utf8')) as {
  x5c: string[];
  n: string;
};

function ok(result: KeyImportResult) {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result;
}
const ids = (result: KeyImportResult) => result.findings.map((f) => f.id);

beforeEach(() => clearKeyImportCache());

describe('PEM keys', () => {
  it.each([
    ['SPKI RSA', pem(rsa.publicKey, 'spki'), rsa.publicKey, 'spki', 'RSA'],
    ['PKCS#1 RSA public', pem(rsa.publicKey, 'pkcs1'), rsa.publicKey, 'pkcs1-public', 'RSA'],
    ['SPKI P-256', pem(p256.publicKey, 'spki'), p256.publicKey, 'spki', 'EC'],
    ['SPKI P-384', pem(p384.publicKey, 'spki'), p384.publicKey, 'spki', 'EC'],
    ['SPKI secp256k1', pem(k1.publicKey, 'spki'), k1.publicKey, 'spki', 'EC'],
    ['SPKI Ed25519', pem(ed.publicKey, 'spki'), ed.publicKey, 'spki', 'OKP'],
  ] as const)('reads a %s key with the right thumbprint', async (_name, text, key, encoding, kty) => {
    const result = ok(importVerificationKey(text));
    expect(result.format).toBe('pem');
    expect(result.keys).toHaveLength(1);
    expect(result.keys[0]).toMatchObject({ encoding, kty, thumbprint: await thumb(key) });
    expect(result.keys[0]!.privateJwk).toBeUndefined();
    expect(ids(result)).not.toContain('private-key-pasted');
  });

  it.each([
    ['PKCS#8 RSA', pem(rsa.privateKey, 'pkcs8'), rsa.publicKey, 'pkcs8'],
    ['PKCS#1 RSA private', pem(rsa.privateKey, 'pkcs1'), rsa.publicKey, 'pkcs1-private'],
    ['SEC1 P-256', pem(p256.privateKey, 'sec1'), p256.publicKey, 'sec1'],
    ['PKCS#8 P-384', pem(p384.privateKey, 'pkcs8'), p384.publicKey, 'pkcs8'],
    ['SEC1 secp256k1', pem(k1.privateKey, 'sec1'), k1.publicKey, 'sec1'],
    ['PKCS#8 Ed25519', pem(ed.privateKey, 'pkcs8'), ed.publicKey, 'pkcs8'],
  ] as const)('derives the public part of a %s key and warns', async (_name, text, publicKey, encoding) => {
    const result = ok(importVerificationKey(text));
    const key = result.keys[0]!;
    expect(key.encoding).toBe(encoding);
    expect(key.thumbprint).toBe(await thumb(publicKey));
    expect(key.jwk).not.toHaveProperty('d');
    expect(key.privateJwk).toHaveProperty('d');
    expect(result.findings).toContainEqual(
      expect.objectContaining({ id: 'private-key-pasted', severity: 'warning' }),
    );
  });

  it('keeps the PKCS#8 EC private key consistent with node (d matches)', () => {
    const result = ok(importVerificationKey(pem(p256.privateKey, 'pkcs8')));
    expect(result.keys[0]!.privateJwk!.d).toBe(jwkOf(p256.privateKey).d);
  });

  it('tolerates CRLF, indentation, stray spaces and blank lines', async () => {
    const lines = pem(rsa.publicKey, 'spki').trim().split('\n');
    const noisy =
      '\r\n\r\n   ' + lines.map((l, i) => (i % 3 === 0 ? `  ${l}  ` : l)).join('\r\n\r\n') + '\r\n\r\n';
    expect(ok(importVerificationKey(noisy)).keys[0]!.thumbprint).toBe(await thumb(rsa.publicKey));
  });

  it('reads a PEM key pasted on one line', async () => {
    const oneLine = pem(p256.publicKey, 'spki').replace(/\n/g, ' ');
    expect(ok(importVerificationKey(oneLine)).keys[0]!.thumbprint).toBe(await thumb(p256.publicKey));
  });

  it('reads a PEM without line breaks inside the body', async () => {
    const text = pem(ed.publicKey, 'spki');
    const body = text.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
    expect(
      ok(importVerificationKey(`-----BEGIN PUBLIC KEY-----${body}-----END PUBLIC KEY-----`)).keys[0]!
        .thumbprint,
    ).toBe(await thumb(ed.publicKey));
  });

  it('skips EC PARAMETERS before an EC PRIVATE KEY (openssl ecparam -genkey output)', () => {
    const text =
      '-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n' +
      pem(p256.privateKey, 'sec1');
    expect(ok(importVerificationKey(text)).keys).toHaveLength(1);
  });

  it('refuses an encrypted private key with a way forward', () => {
    const text = rsa.privateKey.export({
      type: 'pkcs8',
      format: 'pem',
      cipher: 'aes-128-cbc',
      passphrase: 'x',
    }) as string;
    const result = importVerificationKey(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('key-pem-encrypted');
      expect(result.error.message).toMatch(/openssl pkey -pubout/);
    }
  });

  it('says when the PEM END line is missing', () => {
    const text = pem(rsa.publicKey, 'spki').split('-----END')[0]!;
    const result = importVerificationKey(text);
    expect(result.ok || result.error.code).toBe('key-pem-invalid');
    expect(result.ok || result.error.message).toMatch(/cut off/);
  });

  it('reports a damaged PEM body instead of treating it as a secret', () => {
    const text = pem(rsa.publicKey, 'spki').replace(/\n(.{10})/, '\n');
    const result = importVerificationKey(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(['key-der-invalid', 'key-pem-invalid']).toContain(result.error.code);
  });

  it('rejects an EC public key that is not on the curve', () => {
    const jwk = jwkOf(p256.publicKey);
    const y = Buffer.from(jwk.y!, 'base64url');
    y[31]! ^= 1;
    const result = importVerificationKey(JSON.stringify({ ...jwk, y: y.toString('base64url') }));
    expect(result.ok || result.error.code).toBe('key-point-invalid');
  });
});

describe('certificates', () => {
  const der = rfc7517B.x5c[0]!;
  const armoured = `-----BEGIN CERTIFICATE-----\n${der.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;

  it('extracts the key, subject, issuer and validity from a PEM certificate', () => {
    const result = ok(importVerificationKey(armoured));
    const key = result.keys[0]!;
    expect(key.encoding).toBe('certificate');
    expect(key.jwk.n).toBe(rfc7517B.n);
    expect(key.certificate).toEqual({
      subject: 'C=US, ST=CO, L=Denver, O=Ping Identity Corp., CN=Brian Campbell',
      issuer: 'C=US, ST=CO, L=Denver, O=Ping Identity Corp., CN=Brian Campbell',
      notBefore: '2013-02-21T23:29:15.000Z',
      notAfter: '2018-08-14T22:29:15.000Z',
      serialNumber: '01:3c:ff:16:e2:e2',
      selfIssued: true,
    });
  });

  it('reads the same certificate as bare base64 DER (an x5c entry)', () => {
    const result = ok(importVerificationKey(der));
    expect(result.format).toBe('der');
    expect(result.keys[0]!.certificate?.subject).toContain('CN=Brian Campbell');
  });
});

describe('JWK and JWKS', () => {
  it('reads a public JWK and keeps kid, alg and use', async () => {
    const jwk = { ...jwkOf(p256.publicKey), kid: 'k1', alg: 'ES256', use: 'sig' };
    const result = ok(importVerificationKey(JSON.stringify(jwk)));
    expect(result.format).toBe('jwk');
    expect(result.keys[0]).toMatchObject({
      kid: 'k1',
      alg: 'ES256',
      use: 'sig',
      crv: 'P-256',
      source: "JWK (kid 'k1')",
    });
    expect(result.keys[0]!.thumbprint).toBe(await thumb(p256.publicKey));
  });

  it('reads a private JWK as its public part with a warning', () => {
    const result = ok(importVerificationKey(JSON.stringify(jwkOf(rsa.privateKey))));
    expect(result.keys[0]!.jwk).not.toHaveProperty('d');
    expect(ids(result)).toContain('private-key-pasted');
  });

  it('reads a JWKS with RSA, EC, OKP and oct keys and skips unreadable entries', () => {
    const jwks = {
      keys: [
        { ...jwkOf(rsa.publicKey), kid: 'r' },
        { kty: 'EC', crv: 'P-999', x: 'AA', y: 'AA', kid: 'bad' },
        { ...jwkOf(ed.publicKey), kid: 'e' },
        { kty: 'oct', k: Buffer.alloc(32, 7).toString('base64url'), kid: 'h' },
      ],
    };
    const result = ok(importVerificationKey(JSON.stringify(jwks)));
    expect(result.format).toBe('jwks');
    expect(result.keys.map((k) => [k.index, k.kid, k.kty])).toEqual([
      [0, 'r', 'RSA'],
      [2, 'e', 'OKP'],
      [3, 'h', 'oct'],
    ]);
    expect(result.keys[2]!.secret).toEqual(new Uint8Array(32).fill(7));
    expect(result.skipped).toEqual([{ index: 1, kid: 'bad', message: expect.stringMatching(/P-999/) }]);
  });

  it('says what is wrong with JSON that is not a key', () => {
    const result = importVerificationKey('{"foo": 1}');
    expect(result.ok || result.error.message).toMatch(/no "kty"/);
    const broken = importVerificationKey('{"kty": "RSA", ');
    expect(broken.ok || broken.error.code).toBe('key-json-invalid');
  });

  it('rejects an EC JWK whose d does not belong to x and y', () => {
    const jwk = {
      ...jwkOf(p256.publicKey),
      d: jwkOf(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey).d,
    };
    expect(importVerificationKey(JSON.stringify(jwk)).ok).toBe(false);
  });
});

describe('shared secrets', () => {
  it.each([
    ['utf8', 'my secret', Buffer.from('my secret')],
    ['base64', 'AAEC/w==', Buffer.from([0, 1, 2, 255])],
    ['base64url', 'AAEC_w', Buffer.from([0, 1, 2, 255])],
    ['hex', '0x00 01 02 ff', Buffer.from([0, 1, 2, 255])],
  ] as const)('reads a %s secret', (secretEncoding, text, bytes) => {
    const result = ok(importVerificationKey(text, { secretEncoding }));
    expect(result.format).toBe('secret');
    expect(result.keys[0]!.secret).toEqual(new Uint8Array(bytes));
    expect(result.keys[0]!.kty).toBe('oct');
  });

  it('drops a trailing line break from a copied secret', () => {
    expect(ok(importVerificationKey('abc\r\n')).keys[0]!.secret).toEqual(new TextEncoder().encode('abc'));
  });

  it('refuses text that is not in the chosen encoding', () => {
    const result = importVerificationKey('xyz', { secretEncoding: 'hex' });
    expect(result.ok || result.error.code).toBe('secret-encoding-invalid');
  });

  it('hints when a secret looks base64 or hex but is read as UTF-8', () => {
    const b64 = Buffer.alloc(32, 0xab).toString('base64');
    expect(ok(importVerificationKey('q8Pq' + b64.slice(4))).findings).toContainEqual(
      expect.objectContaining({ id: 'secret-encoding-hint', message: expect.stringContaining('"base64"') }),
    );
    expect(ok(importVerificationKey('ab'.repeat(32))).findings[0]?.message).toContain('"hex"');
    expect(ids(ok(importVerificationKey('ab'.repeat(32), { secretEncoding: 'hex' })))).not.toContain(
      'secret-encoding-hint',
    );
  });

  it.each(['secret', 'your-256-bit-secret', 'a-string-secret-at-least-256-bits-long'])(
    'flags the well-known secret %j as weak-secret (danger)',
    (text) => {
      expect(ok(importVerificationKey(text)).findings).toContainEqual(
        expect.objectContaining({ id: 'weak-secret', severity: 'danger' }),
      );
    },
  );

  it('flags secrets shorter than the hash output of the token alg', () => {
    const s = 'x'.repeat(40);
    expect(ids(ok(importVerificationKey(s, { alg: 'HS256' })))).not.toContain('weak-secret');
    expect(ok(importVerificationKey(s, { alg: 'HS384' })).findings[0]?.message).toMatch(
      /40 bytes; HS384 needs at least 48/,
    );
  });

  it('refuses an empty oct key', () => {
    const result = ok(importVerificationKey('{"kty":"oct","k":""}'));
    expect(result.keys[0]!.refusal?.code).toBe('secret-empty');
  });

  it('says what to paste when the input is empty', () => {
    const result = importVerificationKey('  \n ');
    expect(result.ok || result.error.code).toBe('key-empty');
  });
});

describe('weak RSA keys', () => {
  it('refuses an exponent below 3', () => {
    const result = ok(importVerificationKey(JSON.stringify({ ...jwkOf(rsa.publicKey), e: 'AQ' })));
    expect(result.keys[0]!.refusal).toMatchObject({
      code: 'rsa-exponent-too-small',
      message: expect.stringMatching(/is 1/),
    });
  });

  it('warns about moduli below 2048 bits', () => {
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const result = ok(importVerificationKey(pem(small.publicKey, 'spki')));
    expect(result.keys[0]!.bits).toBe(1024);
    expect(result.findings).toContainEqual(
      expect.objectContaining({ id: 'rsa-modulus-short', severity: 'warning' }),
    );
    expect(result.keys[0]!.refusal).toBeUndefined();
  });

  it('detects the ROCA fingerprint (Wycheproof json_web_key_test #7 modulus) and not ordinary keys', () => {
    const n = BigInt(
      '0x' +
        Buffer.from(
          'AanFpofbj7KjD4Lf-N2hVMKR7yewSyXhhbirIMTGpfYEhZ_lnt5UoK98DnKIgArXGTu3MaW_HhFw16HGaTDUHqPrId7fe4r11CqRw09yBFuW79V8sYIwHdzCaWflUI6auImYbVfoN9_nD5n8N8SY9DwXw7mwZM9wREPXoDPgOoIWl6q_MPsp7n0zs3Z5ZaiQWOOzl1S9OhwAfSiiOwz6efnXEaxuTEtPd7BjSx7NaFka8Dx9U7YqXy2RFj1O9PjyaDGuRh7YXsX3iMUSP_wSyHQg_c_qHRtKUsNSGCT7OZg0hzm2KphtjnayKJvC64vAbROBR4Ubg6Bxg9IQVZ-QYyE',
          'base64url',
        ).toString('hex'),
    );
    expect(isRocaVulnerable(n)).toBe(true);
    expect(
      isRocaVulnerable(BigInt('0x' + Buffer.from(jwkOf(rsa.publicKey).n!, 'base64url').toString('hex'))),
    ).toBe(false);
  });
});

describe('cache', () => {
  it('returns the cached result for the same text and options, and a fresh one otherwise', () => {
    const text = pem(p256.publicKey, 'spki');
    const first = importVerificationKey(text);
    expect(importVerificationKey(text)).toBe(first);
    expect(importVerificationKey(text, { alg: 'ES256' })).not.toBe(first);
  });
});
