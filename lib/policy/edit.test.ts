import { describe, expect, it } from 'vitest';
import { decodeToken } from '../token/decode';
import type { DecodedOk } from '../types';
import { policyFormValues, starterPolicyText, withPolicyField } from './edit';
import { parsePolicy } from './parse';

const base =
  '{\n  "version": 1,\n  "name": "gateway",\n  "algorithms": ["RS256"],\n  "scopes": {"all": ["a"], "any": []}\n}';

describe('policy form editor model', () => {
  it('reads fields from the JSON and writes them back, keeping members the form does not show', () => {
    expect(policyFormValues(base)).toMatchObject({ name: 'gateway', algorithms: 'RS256', issuer: '' });
    const next = withPolicyField(
      withPolicyField(base, 'audience', 'orders-api, billing-api'),
      'maxLifetimeSeconds',
      '3600',
    );
    expect(JSON.parse(next)).toEqual({
      version: 1,
      name: 'gateway',
      audience: ['orders-api', 'billing-api'],
      algorithms: ['RS256'],
      maxLifetimeSeconds: 3600,
      scopes: { all: ['a'], any: [] },
    });
    expect(Object.keys(JSON.parse(next))).toEqual([
      'version',
      'name',
      'audience',
      'algorithms',
      'maxLifetimeSeconds',
      'scopes',
    ]);
  });

  it('removes a member whose field is emptied, and leaves broken JSON alone', () => {
    expect(JSON.parse(withPolicyField(base, 'name', ''))).not.toHaveProperty('name');
    expect(withPolicyField('{"version": 1,', 'name', 'x')).toBe('{"version": 1,');
    expect(policyFormValues('[1]')).toBeUndefined();
  });

  it('keeps a bad number as text, so parsePolicy can point at it', () => {
    const text = withPolicyField(base, 'maxAgeSeconds', '1 day');
    expect(parsePolicy(text)).toMatchObject({ ok: false, error: { path: '$.maxAgeSeconds' } });
  });

  it('starts a policy from the token: issuer, audience, alg, exp required', () => {
    const token =
      'eyJhbGciOiJFUzI1NiJ9.' +
      Buffer.from(JSON.stringify({ iss: 'https://id.example.com/', aud: ['orders-api'], exp: 1 })).toString(
        'base64url',
      ) +
      '.c2ln';
    const decoded = decodeToken(token, { now: new Date(0) }) as DecodedOk;
    const parsed = parsePolicy(starterPolicyText(decoded));
    expect(parsed).toMatchObject({
      ok: true,
      policy: {
        issuer: ['https://id.example.com/'],
        audience: ['orders-api'],
        algorithms: ['ES256'],
        requiredClaims: ['exp'],
      },
    });
    expect(parsePolicy(starterPolicyText(undefined)).ok).toBe(true);
  });
});
