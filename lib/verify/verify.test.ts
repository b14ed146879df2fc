import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { pemOf, keyPairFor, selfSignedCertificate, signBytes, signCompact, type KeyAlg } from './testing';
import { verifyToken } from './verify';

const NOW = new Date('2026-01-01T12:00:00Z');
const nowSeconds = NOW.getTime() / 1000;
const claims = {
  sub: 'user-1',
  iss: 'https://issuer.example',
  aud: 'api',
  iat: nowSeconds - 60,
  exp: nowSeconds + 3600,
};
const spki = (k: KeyObject) => k.export({ type: 'spki', format: 'pem' }) as string;
const jwk = (k: KeyObject) => k.export({ format: 'jwk' }) as Record<string, string>;
const secret = new TextEncoder().encode('a secret that is long enough for HS512, 64 bytes or more, really!');
const verify = (token: string, key: string, options = {}) =>
  verifyToken(token, key, { currentDate: NOW, ...options });

function tamper(token: string): string {
  const [h, p, s] = token.split('.');
  const payload = JSON.parse(Buffer.from(p!, 'base64url').toString()) as Record<string, unknown>;
  return `${h}.${Buffer.from(JSON.stringify({ ...payload, sub: 'admin' })).toString('base64url')}.${s}`;
}

describe('every supported algorithm: valid, wrong key, tampered', () => {
  const asymmetric: KeyAlg[] = [
    'RS256',
    'RS384',
    'RS512',
    'PS256',
    'PS384',
    'PS512',
    'ES256',
    'ES384',
    'ES512',
    'ES256K',
    'EdDSA',
    'Ed25519',
  ];
  it.each(asymmetric)('%s', async (alg) => {
    const pair = keyPairFor(alg);
    const other = keyPairFor(alg);
    const token = signCompact({ alg, typ: 'JWT' }, claims, pair.privateKey);

    const ok = await verify(token, spki(pair.publicKey));
    expect(ok).toMatchObject({ signature: 'valid', claims: 'valid', errors: [] });
    expect(ok.key).toMatchObject({
      source: 'PEM public key (SPKI)',
      thumbprint: expect.stringMatching(/^[\w-]{43}$/),
    });

    const wrong = await verify(token, spki(other.publicKey));
    expect(wrong.signature).toBe('invalid');
    expect(wrong.claims).toBe('unchecked');
    expect(wrong.errors[0]).toMatchObject({
      code: 'signature-mismatch',
      message: expect.stringContaining('Invalid signature'),
    });

    expect((await verify(tamper(token), spki(pair.publicKey))).signature).toBe('invalid');
  });

  it.each(['HS256', 'HS384', 'HS512'])('%s', async (alg) => {
    const token = signCompact({ alg }, claims, secret);
    const text = new TextDecoder().decode(secret);
    expect((await verify(token, text)).signature).toBe('valid');
    expect((await verify(token, text + 'x')).signature).toBe('invalid');
    expect((await verify(tamper(token), text)).signature).toBe('invalid');
  });
});

describe('key formats', () => {
  const rsa = keyPairFor('RS256');
  const rsToken = signCompact({ alg: 'RS256' }, claims, rsa.privateKey);
  const ec = keyPairFor('ES256');
  const esToken = signCompact({ alg: 'ES256' }, claims, ec.privateKey);

  it.each([
    [
      'PKCS#1 RSA PUBLIC KEY',
      () => rsa.publicKey.export({ type: 'pkcs1', format: 'pem' }) as string,
      'PEM RSA public key (PKCS#1)',
    ],
    [
      'PKCS#8 PRIVATE KEY',
      () => rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
      'PEM private key (PKCS#8)',
    ],
    [
      'PKCS#1 RSA PRIVATE KEY',
      () => rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string,
      'PEM RSA private key (PKCS#1)',
    ],
    ['JWK', () => JSON.stringify(jwk(rsa.publicKey)), 'JWK'],
    ['private JWK', () => JSON.stringify(jwk(rsa.privateKey)), 'JWK'],
    [
      'PEM certificate',
      () => pemOf('CERTIFICATE', selfSignedCertificate(rsa, 'rsa.example')),
      'PEM certificate (X.509)',
    ],
    [
      'bare base64 certificate',
      () => selfSignedCertificate(rsa, 'rsa.example'),
      'base64 DER certificate (X.509)',
    ],
  ])('RS256 with a %s', async (_name, key, source) => {
    const result = await verify(rsToken, key());
    expect(result.signature).toBe('valid');
    expect(result.key?.source).toBe(source);
  });

  it('warns that a private key was pasted, and still verifies', async () => {
    const result = await verify(esToken, ec.privateKey.export({ type: 'sec1', format: 'pem' }) as string);
    expect(result.signature).toBe('valid');
    expect(result.findings).toContainEqual(
      expect.objectContaining({ id: 'private-key-pasted', severity: 'warning' }),
    );
  });

  it('shows the certificate subject of the key that verified', async () => {
    const result = await verify(esToken, pemOf('CERTIFICATE', selfSignedCertificate(ec, 'es.example')));
    expect(result.key?.certificate).toMatchObject({
      subject: 'CN=es.example',
      notAfter: '2035-01-01T00:00:00.000Z',
    });
  });

  it('tolerates CRLF and blank lines in PEM', async () => {
    const noisy = spki(ec.publicKey).replace(/\n/g, '\r\n\r\n  ');
    expect((await verify(esToken, noisy)).signature).toBe('valid');
  });

  it.each([
    ['utf8', 'my-32-byte-long-secret-for-hs256', undefined],
    ['base64', Buffer.from('0123456789abcdef0123456789abcdef').toString('base64'), 'base64'],
    ['base64url', Buffer.from([250, 251, 252, ...Array(30).fill(7)]).toString('base64url'), 'base64url'],
    ['hex', Buffer.from('0123456789abcdef0123456789abcdef').toString('hex'), 'hex'],
  ] as const)('HS256 with a %s secret', async (_name, text, secretEncoding) => {
    const bytes = secretEncoding
      ? Buffer.from(text, secretEncoding === 'base64url' ? 'base64url' : secretEncoding)
      : Buffer.from(text);
    const token = signCompact({ alg: 'HS256' }, claims, bytes);
    expect((await verify(token, text, secretEncoding ? { secretEncoding } : {})).signature).toBe('valid');
    if (secretEncoding) expect((await verify(token, text)).signature).toBe('invalid'); // read as UTF-8: wrong bytes
  });

  it('verifies a jwt.io-style token with a well-known secret but reports weak-secret', async () => {
    const token = signCompact({ alg: 'HS256' }, claims, Buffer.from('your-256-bit-secret'));
    const result = await verify(token, 'your-256-bit-secret');
    expect(result.signature).toBe('valid');
    expect(result.findings).toContainEqual(
      expect.objectContaining({ id: 'weak-secret', severity: 'danger' }),
    );
  });
});

describe('never valid', () => {
  const rsa = keyPairFor('RS256');
  const pem = spki(rsa.publicKey);

  it.each(['none', 'None', 'NONE', 'nOnE'])('alg %s, whatever the key', async (alg) => {
    const token = signCompact({ alg: 'HS256' }, claims, secret).replace(
      /^[^.]+/,
      Buffer.from(JSON.stringify({ alg })).toString('base64url'),
    );
    for (const key of [pem, 'secret', '']) {
      const result = await verify(token, key);
      expect(result.signature).not.toBe('valid');
    }
    const unsigned = `${Buffer.from(JSON.stringify({ alg })).toString('base64url')}.${Buffer.from('{}').toString('base64url')}.`;
    expect(await verify(unsigned, pem)).toMatchObject({
      signature: 'invalid',
      errors: [{ code: 'alg-none' }],
    });
  });

  it('an HMAC token checked with an RSA public key PEM (algorithm confusion)', async () => {
    // The classic attack: HS256 with the PEM text itself as the HMAC secret.
    const forged = signCompact({ alg: 'HS256' }, claims, Buffer.from(pem));
    const result = await verify(forged, pem);
    expect(result.signature).toBe('error');
    expect(result.errors[0]).toMatchObject({
      code: 'algorithm-confusion',
      message: expect.stringMatching(/algorithm-confusion attack/),
    });
    expect((await verify(forged, JSON.stringify(jwk(rsa.publicKey)))).errors[0]?.code).toBe(
      'algorithm-confusion',
    );
  });

  it('a key of the wrong type or curve for the alg, with a specific message', async () => {
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    const es256 = signCompact({ alg: 'ES256' }, claims, keyPairFor('ES256').privateKey);
    expect((await verify(es256, spki(p384.publicKey))).errors[0]?.message).toBe(
      "This is an EC P-384 key but the token's alg is ES256, which needs P-256.",
    );
    expect((await verify(es256, pem)).errors[0]?.message).toBe(
      "This is an RSA 2048-bit key but the token's alg is ES256, which needs an EC P-256 key.",
    );
    const rs = signCompact({ alg: 'RS256' }, claims, rsa.privateKey);
    expect((await verify(rs, 'some-secret')).errors[0]?.code).toBe('key-type-mismatch');
  });

  it('ECDSA r = 0 or s = 0 (CVE-2022-21449)', async () => {
    const pair = keyPairFor('ES256');
    const token = signCompact({ alg: 'ES256' }, claims, pair.privateKey);
    const [h, p] = token.split('.');
    const zero = Buffer.alloc(64).toString('base64url');
    const result = await verify(`${h}.${p}.${zero}`, spki(pair.publicKey));
    expect(result.signature).toBe('invalid');
    expect(result.errors[0]?.message).toMatch(/CVE-2022-21449/);
  });

  it('a DER-encoded ECDSA signature, with a hint', async () => {
    const pair = keyPairFor('ES256');
    const [h, p] = signCompact({ alg: 'ES256' }, claims, pair.privateKey).split('.');
    const der = Buffer.concat([
      Buffer.from([0x30, 0x44, 0x02, 0x20]),
      Buffer.alloc(32, 1),
      Buffer.from([0x02, 0x20]),
      Buffer.alloc(32, 1),
    ]);
    expect(
      (await verify(`${h}.${p}.${der.toString('base64url')}`, spki(pair.publicKey))).errors[0]?.message,
    ).toMatch(/DER-encoded/);
  });

  it('non-canonical base64url (padding) and spaces inside a segment', async () => {
    const token = signCompact({ alg: 'HS256' }, 'ab', secret); // payload "YWI" would be "YWI=" padded
    const [h, p, s] = token.split('.');
    const text = new TextDecoder().decode(secret);
    expect((await verify(`${h}.${p}=.${s}`, text)).errors[0]?.code).toBe('non-canonical-base64url');
    expect((await verify(`${h}.${p}.${s!.slice(0, 10)} ${s!.slice(10)}`, text)).errors[0]?.code).toBe(
      'whitespace-in-token',
    );
  });

  it('RSA e = 1 and a 1024-bit modulus are refused', async () => {
    const token = signCompact({ alg: 'RS256' }, claims, rsa.privateKey);
    const e1 = await verify(token, JSON.stringify({ ...jwk(rsa.publicKey), e: 'AQ' }));
    expect(e1.errors[0]?.code).toBe('rsa-exponent-too-small');
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const short = await verify(
      signCompact({ alg: 'RS256' }, claims, small.privateKey),
      spki(small.publicKey),
    );
    expect(short).toMatchObject({ signature: 'error', errors: [{ code: 'rsa-key-too-short' }] });
    expect(short.findings).toContainEqual(expect.objectContaining({ id: 'rsa-modulus-short' }));
  });
});

describe('unsupported algorithms', () => {
  it('Ed448 says which algorithm and why', async () => {
    const pair = keyPairFor('Ed448');
    const token = signCompact({ alg: 'EdDSA' }, claims, pair.privateKey);
    const result = await verify(token, spki(pair.publicKey));
    expect(result.signature).toBe('error');
    expect(result.errors[0]?.message).toMatch(/Ed448.*WebCrypto/);
    const named = signCompact({ alg: 'Ed448' }, claims, pair.privateKey);
    expect((await verify(named, spki(pair.publicKey))).errors[0]).toMatchObject({
      code: 'alg-unsupported',
      message: expect.stringMatching(/^Ed448/),
    });
  });

  it('an unknown alg', async () => {
    const token = signCompact({ alg: 'HS256' }, claims, secret).replace(
      /^[^.]+/,
      Buffer.from('{"alg":"XYZ"}').toString('base64url'),
    );
    expect((await verify(token, 'k')).errors[0]?.message).toMatch(/"XYZ" is not a JWS signature algorithm/);
  });

  it('an algorithms allow-list', async () => {
    const token = signCompact({ alg: 'HS256' }, claims, secret);
    expect(
      (await verify(token, new TextDecoder().decode(secret), { algorithms: ['RS256'] })).errors[0]?.code,
    ).toBe('alg-not-allowed');
  });
});

describe('JWKS key selection', () => {
  const a = keyPairFor('ES256');
  const b = keyPairFor('ES256');
  const jwks = JSON.stringify({
    keys: [
      { ...jwk(a.publicKey), kid: 'k1' },
      { ...jwk(b.publicKey), kid: 'k2' },
    ],
  });

  it('selects by kid', async () => {
    const result = await verify(signCompact({ alg: 'ES256', kid: 'k2' }, claims, b.privateKey), jwks);
    expect(result.key).toMatchObject({ kid: 'k2', source: "JWKS key 2 (kid 'k2')" });
  });

  it('lists the kids when none matches', async () => {
    const result = await verify(signCompact({ alg: 'ES256', kid: 'abc' }, claims, b.privateKey), jwks);
    expect(result.errors[0]?.message).toBe(
      "The JWKS has no key with kid 'abc'; it has kids 'k1', 'k2'. Is this the issuer's current JWKS?",
    );
  });

  it('without kid, tries the fitting keys and reports which verified', async () => {
    const mixed = JSON.stringify({
      keys: [{ ...jwk(keyPairFor('RS256').publicKey), kid: 'r' }, ...JSON.parse(jwks).keys],
    });
    const result = await verify(signCompact({ alg: 'ES256' }, claims, b.privateKey), mixed);
    expect(result).toMatchObject({ signature: 'valid', key: { kid: 'k2' } });
  });

  it('oct keys in a JWKS, selected by kid', async () => {
    const set = JSON.stringify({
      keys: [
        { kty: 'oct', kid: 'h1', k: Buffer.alloc(32, 1).toString('base64url') },
        { kty: 'oct', kid: 'h2', k: Buffer.from(secret).toString('base64url') },
      ],
    });
    expect((await verify(signCompact({ alg: 'HS256', kid: 'h2' }, claims, secret), set)).key?.kid).toBe('h2');
  });

  it('says when no key fits', async () => {
    const result = await verify(signCompact({ alg: 'RS256' }, claims, keyPairFor('RS256').privateKey), jwks);
    expect(result.errors[0]).toMatchObject({
      code: 'no-fitting-key',
      message: expect.stringContaining("kids present: 'k1', 'k2'"),
    });
  });
});

describe('token forms', () => {
  const pair = keyPairFor('ES256');
  const key = spki(pair.publicKey);
  const token = signCompact({ alg: 'ES256' }, claims, pair.privateKey);

  it('a Bearer prefix and wrapped lines', async () => {
    const wrapped = `Authorization: Bearer ${token.match(/.{1,40}/g)!.join('\n    ')}`;
    expect((await verify(wrapped, key)).signature).toBe('valid');
  });

  it('JWS JSON flattened and general: valid when one signature verifies, and says which', async () => {
    const [h, p, s] = token.split('.');
    expect((await verify(JSON.stringify({ protected: h, payload: p, signature: s }), key)).signature).toBe(
      'valid',
    );
    const otherPair = keyPairFor('RS256');
    const [h2, , s2] = signCompact({ alg: 'RS256' }, claims, otherPair.privateKey).split('.');
    const general = JSON.stringify({
      payload: p,
      signatures: [
        { protected: h2, signature: s2 },
        { protected: h, signature: s },
      ],
    });
    const result = await verify(general, key);
    expect(result.signature).toBe('valid');
    expect(result.signatures.map((x) => [x.alg, x.status])).toEqual([
      ['RS256', 'error'],
      ['ES256', 'valid'],
    ]);
    expect(result.findings).toContainEqual(
      expect.objectContaining({
        id: 'signature-verified-one-of-many',
        message: expect.stringMatching(/^Signature 2 of 2 verified/),
      }),
    );
  });

  it('the issuer-signed JWT of an SD-JWT', async () => {
    const disclosure = Buffer.from('["salt","name","value"]').toString('base64url');
    expect((await verify(`${token}~${disclosure}~`, key)).signature).toBe('valid');
  });

  it('a JWE is explained, not verified', async () => {
    const jwe = 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMTI4R0NNIn0..AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA';
    expect((await verify(jwe, key)).errors[0]?.code).toBe('jwe-not-signed');
  });

  it('never rejects, even for nonsense input', async () => {
    for (const [t, k] of [
      ['', ''],
      ['a.b', 'x'],
      ['{', '{'],
      [token, '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----'],
    ]) {
      const result = await verify(t!, k!);
      expect(result.signature).not.toBe('valid');
      expect(result.errors[0]?.message.length).toBeGreaterThan(10);
    }
  });
});

describe('x5c', () => {
  const pair = keyPairFor('RS256');
  const cert = selfSignedCertificate(pair, 'signer.example');
  const token = signCompact({ alg: 'RS256', x5c: [cert] }, claims, pair.privateKey);

  it('is not used unless asked', async () => {
    expect((await verify(token, '')).signature).toBe('error');
  });

  it('uses the leaf certificate when asked, labelled self-asserted', async () => {
    const result = await verify(token, '', { useX5c: true });
    expect(result).toMatchObject({
      signature: 'valid',
      key: { selfAsserted: true, certificate: { subject: 'CN=signer.example' } },
    });
    expect(result.key?.source).toMatch(/self-asserted/);
    expect(result.findings).toContainEqual(
      expect.objectContaining({ id: 'x5c-self-asserted', severity: 'warning' }),
    );
  });

  it('never uses an embedded jwk', async () => {
    const attacker = keyPairFor('ES256');
    const forged = signCompact({ alg: 'ES256', jwk: jwk(attacker.publicKey) }, claims, attacker.privateKey);
    const result = await verify(forged, spki(keyPairFor('ES256').publicKey));
    expect(result.signature).toBe('invalid');
    expect(result.findings).toContainEqual(expect.objectContaining({ id: 'embedded-key-ignored' }));
  });
});

describe('claims stage', () => {
  const secretText = new TextDecoder().decode(secret);
  it('keeps the signature verdict separate from an expired token', async () => {
    const token = signCompact({ alg: 'HS256' }, { ...claims, exp: nowSeconds - 3 * 3600 }, secret);
    const result = await verify(token, secretText);
    expect(result).toMatchObject({ signature: 'valid', claims: 'invalid' });
    expect(result.checks).toContainEqual({
      id: 'exp',
      ok: false,
      message: expect.stringMatching(/^expired 3 h ago/),
    });
  });

  it('checks issuer, audience, subject, typ and required claims as separate rows', async () => {
    const token = signCompact({ alg: 'HS256', typ: 'at+jwt' }, claims, secret);
    const result = await verify(token, secretText, {
      issuer: 'https://issuer.example',
      audience: ['other', 'api'],
      subject: 'user-2',
      typ: 'application/at+jwt',
      requiredClaims: ['jti'],
    });
    expect(result.checks.map((c) => [c.id, c.ok])).toEqual([
      ['required:jti', false],
      ['exp', true],
      ['iat', true],
      ['iss', true],
      ['aud', true],
      ['sub', false],
      ['typ', true],
    ]);
    expect(result.claims).toBe('invalid');
  });

  it('leaves claims unchecked when the signature is not valid', async () => {
    const token = signCompact({ alg: 'HS256' }, { exp: 1 }, secret);
    expect(await verify(token, 'wrong')).toMatchObject({
      signature: 'invalid',
      claims: 'unchecked',
      checks: [],
    });
  });
});

describe('re-verifying the same token (the per-token memo and the direct WebCrypto path)', () => {
  it.each(['HS256', 'RS256', 'PS256', 'ES256', 'EdDSA'] as const)(
    '%s: each call checks the signature once, and the verdict follows the key, not the memo',
    async (alg) => {
      const pair = alg === 'HS256' ? undefined : keyPairFor(alg);
      const other = alg === 'HS256' ? undefined : keyPairFor(alg);
      const token = signCompact({ alg }, claims, pair ? pair.privateKey : secret);
      const good = pair ? spki(pair.publicKey) : new TextDecoder().decode(secret);
      const bad = other ? spki(other.publicKey) : `${good}!`;
      const subtleVerify = vi.spyOn(globalThis.crypto.subtle, 'verify');
      try {
        for (const [key, expected] of [
          [good, 'valid'],
          [good, 'valid'],
          [bad, 'invalid'],
          [good, 'valid'],
        ] as const) {
          subtleVerify.mockClear();
          expect((await verify(token, key)).signature).toBe(expected);
          expect(subtleVerify).toHaveBeenCalledTimes(1);
        }
      } finally {
        subtleVerify.mockRestore();
      }
    },
  );

  it('an RFC 7797 unencoded payload (b64: false, crit) still verifies, through jose', async () => {
    const header = { alg: 'HS256', b64: false, crit: ['b64'] };
    const h = Buffer.from(JSON.stringify(header)).toString('base64url');
    const payload = '$02';
    const signature = Buffer.from(signBytes('HS256', `${h}.${payload}`, secret)).toString('base64url');
    const text = new TextDecoder().decode(secret);
    expect((await verify(`${h}.${payload}.${signature}`, text)).signature).toBe('valid');
    expect((await verify(`${h}.$03.${signature}`, text)).signature).toBe('invalid');
  });
});

describe('malformed aud (RFC 7519 §4.1.3)', () => {
  it('fails the audience check of a jose-signed HS256 token whose aud holds a number', async () => {
    const { CompactSign } = await import('jose');
    // CompactSign takes the payload bytes as they are (SignJWT's types would not allow the number).
    const token = await new CompactSign(
      new TextEncoder().encode(JSON.stringify({ aud: ['a', 5, 'example.com'] })),
    )
      .setProtectedHeader({ alg: 'HS256' })
      .sign(secret);
    const result = await verify(token, Buffer.from(secret).toString(), { audience: 'example.com' });
    expect(result.signature).toBe('valid');
    expect(result.claims).toBe('invalid');
    expect(result.checks.find((c) => c.id === 'aud')).toMatchObject({
      ok: false,
      message: expect.stringContaining('must be a string or an array of strings'),
    });
  });
});

describe('a header without alg (RFC 7515 §4.1.1)', () => {
  it('refuses to verify and says why, with the right key at hand', async () => {
    const token = signCompact({ alg: 'HS256' }, claims, secret).replace(
      /^[^.]+/,
      Buffer.from('{}').toString('base64url'),
    );
    const result = await verify(token, Buffer.from(secret).toString());
    expect(result.signature).toBe('error');
    expect(result.errors).toEqual([
      {
        code: 'alg-missing',
        message: expect.stringMatching(
          /^The header has no "alg", so there is no way to know how it was signed \(RFC 7515 §4\.1\.1 makes "alg" required\)\. JWT Lens refuses to verify it/,
        ),
      },
    ]);
  });
});
