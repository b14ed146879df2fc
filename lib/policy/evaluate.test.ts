import { exportJWK, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluatePolicy } from './evaluate';
import { policyWith } from './rules/testing';

const now = new Date('2026-06-01T12:00:00Z');
const t = Math.floor(now.getTime() / 1000);
const policy = policyWith({
  name: 'orders-service',
  issuer: ['https://id.example.com/'],
  audience: ['orders-api'],
  algorithms: ['RS256'],
  requiredClaims: ['sub'],
  scopes: { all: ['orders:read'], any: [] },
});
let pem = '';
let jwks = { keys: [] as unknown[] };
let good = '';
let otherKeyToken = '';

async function sign(claims: Record<string, unknown>, key: CryptoKey, kid = 'k1'): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).sign(key);
}

beforeAll(async () => {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  pem = await exportSPKI(publicKey);
  jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] };
  const claims = {
    iss: 'https://id.example.com/',
    aud: 'orders-api',
    sub: 'u1',
    scope: 'orders:read',
    iat: t - 60,
    exp: t + 600,
  };
  good = await sign(claims, privateKey);
  const other = await generateKeyPair('RS256');
  otherKeyToken = await sign(claims, other.privateKey);
});

describe('evaluatePolicy', () => {
  it('accepts a token that meets every rule, with a PEM key or a JWKS', async () => {
    for (const options of [{ key: pem }, { jwks }, { jwks: JSON.stringify(jwks) }]) {
      const result = await evaluatePolicy(good, policy, { now, ...options });
      expect(result).toMatchObject({ accepted: true, signature: 'valid' });
      expect(result.firstFailure).toBeUndefined();
      expect(result.rules.map((r) => r.id)).toEqual([
        'algorithm',
        'signature',
        'required:sub',
        'issuer',
        'audience',
        'exp',
        'nbf',
        'iat',
        'scopes',
      ]);
    }
  });

  it('with no key: signature unchecked, rules still shown, not accepted', async () => {
    const result = await evaluatePolicy(good, policy, { now });
    expect(result).toMatchObject({ accepted: false, signature: 'unchecked' });
    expect(result.rules.find((r) => r.id === 'signature')).toMatchObject({
      status: 'skip',
      message: expect.stringContaining('no key'),
    });
    expect(result.rules.filter((r) => r.id !== 'signature').every((r) => r.status !== 'fail')).toBe(true);
  });

  it('rejects a token signed by another key, naming the signature row', async () => {
    const result = await evaluatePolicy(otherKeyToken, policy, { now, key: pem });
    expect(result).toMatchObject({ accepted: false, signature: 'invalid', firstFailure: 'signature' });
  });

  it('reports the first failing rule in rule order', async () => {
    const late = new Date(now.getTime() + 3600_000);
    const result = await evaluatePolicy(
      good,
      { ...policy, audience: ['billing-api'] },
      { now: late, key: pem },
    );
    expect(result.firstFailure).toBe('audience');
    expect(result.rules.filter((r) => r.status === 'fail').map((r) => r.id)).toEqual(['audience', 'exp']);
  });

  it('never throws for bad input', async () => {
    for (const token of ['', 'not a token', 'a.b.c', 'eyJhbGciOiJub25lIn0.e30.']) {
      const result = await evaluatePolicy(token, policy, { now, key: pem });
      expect(result.accepted).toBe(false);
      expect(result.firstFailure).toBeDefined();
    }
    // @ts-expect-error: a caller without a clock
    expect((await evaluatePolicy(good, policy, {})).accepted).toBe(false);
    expect((await evaluatePolicy(good, policy, { now, key: 'not a key' })).signature).toBe('error');
  });

  it('never accepts alg none, whatever the policy object says', async () => {
    const unsigned =
      'eyJhbGciOiJub25lIn0.' +
      Buffer.from(JSON.stringify({ iss: 'https://id.example.com/' })).toString('base64url') +
      '.';
    const result = await evaluatePolicy(unsigned, { ...policy, algorithms: ['none'] }, { now, key: pem });
    expect(result.accepted).toBe(false);
    expect(result.signature).toBe('invalid');
  });
});
