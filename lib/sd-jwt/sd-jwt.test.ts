import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { decodeToken } from '../token/decode';
import { encodeBase64urlText } from '../token/base64url';
import type { DecodedOk } from '../types';
import { digestText } from './hash';
import { verifyKeyBinding } from './verify-key-binding';
import {
  SPEC_EXAMPLE_DIGESTS,
  SPEC_EXAMPLE_DISCLOSURES,
  SPEC_EXAMPLE_ISSUER_JWT,
  SPEC_EXAMPLE_KB_JWT,
} from './fixtures/spec-example';

const NOW = new Date('2026-01-01T00:00:00Z');

function decodeOk(token: string): DecodedOk {
  const result = decodeToken(token, { now: NOW });
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

const ids = (d: DecodedOk) => d.findings.map((f) => f.id);

/** A disclosure as an issuer makes it: base64url of the JSON array. */
function disclose(...parts: unknown[]): string {
  return encodeBase64urlText(JSON.stringify(parts));
}

const fakeJwt = (payload: unknown, header: unknown = { alg: 'ES256', typ: 'dc+sd-jwt' }) =>
  `${encodeBase64urlText(JSON.stringify(header))}.${encodeBase64urlText(JSON.stringify(payload))}.c2ln`;

describe('SD-JWT spec example (draft -05 §5)', () => {
  const token = `${SPEC_EXAMPLE_ISSUER_JWT}~${SPEC_EXAMPLE_DISCLOSURES.join('~')}~`;

  it('computes every digest the draft lists', () => {
    expect(SPEC_EXAMPLE_DISCLOSURES.map((d) => digestText('sha-256', d))).toEqual(SPEC_EXAMPLE_DIGESTS);
  });

  it('matches all 10 disclosures and rebuilds the disclosed payload', () => {
    const d = decodeOk(token);
    expect(d.format).toBe('sd-jwt');
    expect(d.disclosures?.map((x) => x.status)).toEqual(Array(10).fill('matched'));
    expect(d.disclosures?.[0]).toMatchObject({
      name: 'given_name',
      value: 'John',
      salt: '2GLC42sKQveCfGfryNRN9w',
      path: 'payload.given_name',
    });
    expect(d.disclosures?.[8]).toMatchObject({ value: 'US', path: 'payload.nationalities[0]' });
    expect(d.disclosures?.[8]?.name).toBeUndefined();
    expect(JSON.parse(JSON.stringify(d.disclosedPayload))).toEqual({
      iss: 'https://example.com/issuer',
      iat: 1683000000,
      exp: 1883000000,
      sub: 'user_42',
      nationalities: ['US', 'DE'],
      cnf: {
        jwk: {
          kty: 'EC',
          crv: 'P-256',
          x: 'TCAER19Zvu3OHF4j4W4vfSVoHIP1ILilDls7vCeGemc',
          y: 'ZxjiWWbZMQGHVWKVQ4hbSIirsVfuecCE6t4jT9F2HZQ',
        },
      },
      given_name: 'John',
      family_name: 'Doe',
      email: 'johndoe@example.com',
      phone_number: '+1-202-555-0101',
      phone_number_verified: true,
      address: { street_address: '123 Main St', locality: 'Anytown', region: 'Anystate', country: 'US' },
      birthdate: '1940-01-01',
      updated_at: 1570000000,
    });
    expect(d.sdJwt?.withheld).toEqual([]);
    expect(ids(d).filter((id) => id.startsWith('sd-'))).toEqual([]);
  });

  it('lists the claims a presentation withholds', () => {
    const presented = [1, 5, 0, 8].map((i) => SPEC_EXAMPLE_DISCLOSURES[i]!);
    const d = decodeOk(`${SPEC_EXAMPLE_ISSUER_JWT}~${presented.join('~')}~${SPEC_EXAMPLE_KB_JWT}`);
    expect(d.sdJwt?.withheld).toHaveLength(6);
    expect(d.sdJwt?.withheld.filter((w) => w.kind === 'array-element')).toEqual([
      {
        path: 'payload.nationalities[1]',
        digest: '7Cf6JkPudry3lcbwHgeZ8khAv1U1OSlerP0VkBJrWZ0',
        kind: 'array-element',
      },
    ]);
    expect((d.disclosedPayload as Record<string, unknown>).nationalities).toEqual(['US']);
    expect(d.sdJwt?.keyBinding).toMatchObject({
      aud: 'https://example.com/verifier',
      nonce: '1234567890',
      iat: 1688160483,
    });
    // That draft's KB-JWT predates sd_hash, so the finding must say it is unbound.
    expect(d.findings.find((f) => f.id === 'sd-key-binding')?.message).toMatch(/no "sd_hash"/);
  });
});

describe('SD-JWT disclosures', () => {
  it('resolves recursive disclosures (an object disclosure that itself holds _sd)', () => {
    const street = disclose('s1', 'street', 'Main St 1');
    const city = disclose('s2', 'city', 'Berlin');
    const address = disclose('s3', 'address', {
      _sd: [digestText('sha-256', street), digestText('sha-256', city)],
      country: 'DE',
    });
    const token = `${fakeJwt({ iss: 'x', _sd: [digestText('sha-256', address)] })}~${street}~${address}~`;
    const d = decodeOk(token);
    expect(JSON.parse(JSON.stringify(d.disclosedPayload))).toEqual({
      iss: 'x',
      address: { country: 'DE', street: 'Main St 1' },
    });
    expect(d.disclosures?.map((x) => x.path)).toEqual(['payload.address.street', 'payload.address']);
    expect(d.sdJwt?.withheld).toEqual([
      { path: 'payload.address', digest: digestText('sha-256', city), kind: 'property' },
    ]);
    expect(ids(d)).not.toContain('sd-disclosure-unreferenced');
  });

  it('resolves array elements nested in arrays of objects', () => {
    const e = disclose('s', 'b');
    const token = `${fakeJwt({ list: [{ inner: ['a', { '...': digestText('sha-256', e) }] }] })}~${e}~`;
    const d = decodeOk(token);
    expect(JSON.parse(JSON.stringify(d.disclosedPayload))).toEqual({ list: [{ inner: ['a', 'b'] }] });
    expect(d.disclosures?.[0]?.path).toBe('payload.list[0].inner[1]');
  });

  it('reports a disclosure that no digest refers to', () => {
    const stray = disclose('salt', 'admin', true);
    const d = decodeOk(`${fakeJwt({ sub: 'u', _sd: ['AAAA'] })}~${stray}~`);
    expect(d.disclosures?.[0]?.status).toBe('unreferenced');
    const finding = d.findings.find((f) => f.id === 'sd-disclosure-unreferenced');
    expect(finding).toMatchObject({ severity: 'danger', path: 'disclosure1' });
    expect(finding?.message).toContain('"admin"');
    expect(JSON.parse(JSON.stringify(d.disclosedPayload))).toEqual({ sub: 'u' });
  });

  it('reports duplicate digests in the payload and a disclosure sent twice', () => {
    const a = disclose('s', 'a', 1);
    const da = digestText('sha-256', a);
    const inPayload = decodeOk(`${fakeJwt({ _sd: [da], nested: { _sd: [da] } })}~${a}~`);
    expect(inPayload.findings.filter((f) => f.id === 'sd-digest-duplicate')).toHaveLength(1);
    expect(inPayload.sdJwt?.duplicateDigests).toEqual([da]);
    const twice = decodeOk(`${fakeJwt({ _sd: [da] })}~${a}~${a}~`);
    expect(twice.sdJwt?.duplicateDigests).toEqual([da]);
    expect(ids(twice)).toContain('sd-digest-duplicate');
  });

  it('uses _sd_alg sha-384 and sha-512', () => {
    for (const alg of ['sha-384', 'sha-512']) {
      const a = disclose('s', 'a', 1);
      const d = decodeOk(`${fakeJwt({ _sd_alg: alg, _sd: [digestText(alg, a)] })}~${a}~`);
      expect(d.disclosures?.[0]?.status).toBe('matched');
      expect(d.disclosures?.[0]?.digest).toHaveLength(alg === 'sha-384' ? 64 : 86);
      expect(JSON.parse(JSON.stringify(d.disclosedPayload))).toEqual({ a: 1 });
    }
  });

  it('flags an unsupported _sd_alg and leaves digests unchecked', () => {
    const a = disclose('s', 'a', 1);
    const d = decodeOk(`${fakeJwt({ _sd_alg: 'md5', _sd: ['x'] })}~${a}~`);
    expect(d.sdJwt?.sdAlgSupported).toBe(false);
    expect(d.disclosures?.[0]?.status).toBe('unchecked');
    expect(d.findings.find((f) => f.id === 'sd-alg-unsupported')?.message).toContain('"md5"');
    expect(ids(d)).not.toContain('sd-disclosure-unreferenced');
  });

  it('reports malformed disclosures, misplaced ones and name clashes', () => {
    const notArray = encodeBase64urlText('{"a":1}');
    const badName = disclose('s', '_sd', 1);
    const element = disclose('s', 'v');
    const clash = disclose('s2', 'sub', 'other');
    const d = decodeOk(
      `${fakeJwt({ sub: 'u', _sd: [digestText('sha-256', element), digestText('sha-256', clash)] })}~${notArray}~${badName}~${element}~${clash}~`,
    );
    expect(d.disclosures?.map((x) => x.status)).toEqual(['invalid', 'invalid', 'invalid', 'invalid']);
    const messages = d.findings.filter((f) => f.id === 'sd-disclosure-invalid').map((f) => f.message);
    expect(messages).toHaveLength(4);
    expect(messages.join('\n')).toMatch(/JSON array/);
    expect(messages.join('\n')).toMatch(/"_sd"/);
    expect(messages.join('\n')).toMatch(/array element/);
    expect(messages.join('\n')).toMatch(/already has a claim/);
    expect((d.disclosedPayload as Record<string, unknown>).sub).toBe('u');
  });

  it('keeps __proto__ an ordinary claim name', () => {
    const p = disclose('s', '__proto__', { polluted: true });
    const d = decodeOk(`${fakeJwt({ _sd: [digestText('sha-256', p)] })}~${p}~`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(d.disclosedPayload as object)).toEqual(['__proto__']);
  });
});

describe('SD-JWT key binding', () => {
  async function presentation(
    options: { tamper?: 'sd_hash' | 'drop-disclosure' | 'wrong-key'; typ?: string } = {},
  ) {
    const issuer = await generateKeyPair('ES256');
    const holder = await generateKeyPair('ES256');
    const other = await generateKeyPair('ES256');
    const name = disclose('salt1', 'given_name', 'Erika');
    const age = disclose('salt2', 'age_over_18', true);
    const issuerJwt = await new SignJWT({
      iss: 'https://issuer.example',
      _sd: [digestText('sha-256', name), digestText('sha-256', age)],
      cnf: { jwk: await exportJWK(holder.publicKey) },
    })
      .setProtectedHeader({ alg: 'ES256', typ: 'dc+sd-jwt' })
      .sign(issuer.privateKey);
    const presented = `${issuerJwt}~${name}~${age}~`;
    const kb = await new SignJWT({
      aud: 'https://verifier.example',
      nonce: 'n-0S6_WzA2Mj',
      iat: Math.floor(NOW.getTime() / 1000),
      sd_hash: options.tamper === 'sd_hash' ? 'AAAA' : digestText('sha-256', presented),
    })
      .setProtectedHeader({ alg: 'ES256', typ: options.typ ?? 'kb+jwt' })
      .sign(options.tamper === 'wrong-key' ? other.privateKey : holder.privateKey);
    return options.tamper === 'drop-disclosure' ? `${issuerJwt}~${name}~${kb}` : `${presented}${kb}`;
  }

  it('decodes the KB-JWT, checks sd_hash and verifies with cnf.jwk', async () => {
    const token = await presentation();
    const d = decodeOk(token);
    expect(d.sdJwt?.keyBinding).toMatchObject({
      aud: 'https://verifier.example',
      nonce: 'n-0S6_WzA2Mj',
      iat: NOW.getTime() / 1000,
    });
    expect(d.sdJwt?.keyBinding?.sdHash).toBe(d.sdJwt?.keyBinding?.expectedSdHash);
    expect(ids(d)).not.toContain('sd-key-binding');
    const result = await verifyKeyBinding(d, {
      now: NOW,
      audience: 'https://verifier.example',
      nonce: 'n-0S6_WzA2Mj',
    });
    expect(result).toMatchObject({
      ok: true,
      alg: 'ES256',
      aud: 'https://verifier.example',
      nonce: 'n-0S6_WzA2Mj',
    });
  });

  it('rejects a wrong sd_hash, both as a finding and in verification', async () => {
    const token = await presentation({ tamper: 'sd_hash' });
    expect(ids(decodeOk(token))).toContain('sd-key-binding');
    const result = await verifyKeyBinding(token, { now: NOW });
    expect(result.ok || result.error.code).toBe('kb-sd-hash-mismatch');
  });

  it('rejects a presentation whose disclosures changed after the holder signed', async () => {
    const result = await verifyKeyBinding(await presentation({ tamper: 'drop-disclosure' }), { now: NOW });
    expect(result.ok || result.error.code).toBe('kb-sd-hash-mismatch');
  });

  it('rejects a KB-JWT signed by a key other than cnf.jwk', async () => {
    const result = await verifyKeyBinding(await presentation({ tamper: 'wrong-key' }), { now: NOW });
    expect(result.ok || result.error.code).toBe('kb-signature-invalid');
    if (!result.ok) expect(result.error.message).toMatch(/cnf\.jwk/);
  });

  it('rejects the wrong typ, audience and nonce', async () => {
    expect(await verifyKeyBinding(await presentation({ typ: 'JWT' }), { now: NOW })).toMatchObject({
      ok: false,
      error: { code: 'kb-bad-typ' },
    });
    const token = await presentation();
    expect(await verifyKeyBinding(token, { now: NOW, audience: 'https://evil.example' })).toMatchObject({
      ok: false,
      error: { code: 'kb-aud-mismatch' },
    });
    expect(await verifyKeyBinding(token, { now: NOW, nonce: 'other' })).toMatchObject({
      ok: false,
      error: { code: 'kb-nonce-mismatch' },
    });
  });

  it('says so when there is no KB-JWT or no token at all', async () => {
    const token = `${fakeJwt({ sub: 'u' })}~`;
    expect(await verifyKeyBinding(token, { now: NOW })).toMatchObject({
      ok: false,
      error: { code: 'kb-missing' },
    });
    expect(await verifyKeyBinding('a.b.c', { now: NOW })).toMatchObject({
      ok: false,
      error: { code: 'kb-not-sd-jwt' },
    });
  });
});
