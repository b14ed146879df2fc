import { describe, expect, it } from 'vitest';
import { decodeToken } from '../token/decode';
import { algMissing } from './alg-missing';
import { contextWith } from './testing';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('alg-missing', () => {
  it('fires for a JWS header without alg, or with an alg that is not a name', () => {
    const [missing] = algMissing.check(contextWith({ header: {} }));
    expect(missing?.path).toBe('header.alg');
    expect(missing?.message).toMatch(/^The header has no "alg"\. RFC 7515 §4\.1\.1 makes "alg" required/);
    for (const alg of [5, '', null])
      expect(algMissing.check(contextWith({ header: { alg } }))[0]?.message).toContain(
        `has "alg" ${JSON.stringify(alg)}`,
      );
  });

  it('stays quiet for a named alg, for JWE and for the SD-JWT wrapper pass', () => {
    expect(algMissing.check(contextWith({ header: { alg: 'ES256' } }))).toEqual([]);
    expect(algMissing.check(contextWith({ format: 'jwe', header: {} }))).toEqual([]);
    expect(algMissing.check(contextWith({ format: 'sd-jwt', header: {} }))).toEqual([]);
  });

  it('checks every signature of a JWS JSON serialization, alg from either header', () => {
    const found = algMissing.check(
      contextWith({ format: 'jws-json', header: {}, signatureHeaders: [{ alg: 'HS256' }, { kid: 'k' }] }),
    );
    expect(found.map((f) => f.message.slice(0, 40))).toEqual(['The header of signature 2 has no "alg". ']);
  });

  it('is a danger finding when decoding {} as the header', () => {
    const decoded = decodeToken(`${b64({})}.${b64({ sub: 'x' })}.c2ln`);
    expect(decoded.ok && decoded.findings.find((f) => f.id === 'alg-missing')).toMatchObject({
      severity: 'danger',
      path: 'header.alg',
    });
  });

  it('does not fire when a JWS JSON signature carries alg in its unprotected header (RFC 7520 §4.7)', () => {
    const token = JSON.stringify({ payload: b64({ sub: 'x' }), header: { alg: 'HS256' }, signature: 'c2ln' });
    const decoded = decodeToken(token);
    expect(decoded.ok && decoded.findings.map((f) => f.id)).not.toContain('alg-missing');
  });
});
