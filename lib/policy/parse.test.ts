import { describe, expect, it } from 'vitest';
import schema from './policy.schema.json';
import { parsePolicy, POLICY_ALGORITHMS, POLICY_MEMBERS } from './parse';

const minimal = { version: 1, name: 'orders-service', algorithms: ['RS256'] };
const parse = (value: unknown) => parsePolicy(JSON.stringify(value));
const errorOf = (value: unknown) => {
  const result = parse(value);
  if (result.ok) throw new Error('expected an error');
  return result.error;
};

describe('parsePolicy', () => {
  it('reads the full example and normalises one issuer or audience to a list', () => {
    const result = parse({
      ...minimal,
      issuer: 'https://id.example.com/',
      audience: ['orders-api'],
      algorithms: ['RS256', 'ES256'],
      typ: 'at+jwt',
      requiredClaims: ['sub', 'exp', 'iat'],
      claimValues: { azp: 'web-app' },
      maxLifetimeSeconds: 3600,
      maxAgeSeconds: 86400,
      clockToleranceSeconds: 30,
      scopes: { claim: 'scope', all: ['orders:read'], any: [] },
      roles: { claim: 'realm_access.roles', all: [], any: ['admin', 'clerk'] },
      tenants: { claim: 'tid', allowed: ['t1'] },
      jwksUri: 'https://id.example.com/.well-known/jwks.json',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.policy.issuer).toEqual(['https://id.example.com/']);
    expect(result.policy.roles).toEqual({ claim: 'realm_access.roles', all: [], any: ['admin', 'clerk'] });
    expect(result.policy.clockToleranceSeconds).toBe(30);
  });

  it('fills defaults for a minimal policy', () => {
    expect(parse(minimal)).toEqual({
      ok: true,
      policy: { ...minimal, requiredClaims: [], claimValues: {}, clockToleranceSeconds: 0 },
    });
  });

  it('reports unknown members with their JSON path', () => {
    expect(errorOf({ ...minimal, audiance: 'x' })).toMatchObject({
      path: '$.audiance',
      message: expect.stringContaining('Unknown member "audiance"'),
    });
    expect(errorOf({ ...minimal, scopes: { all: ['a'], every: [] } }).path).toBe('$.scopes.every');
    expect(errorOf({ ...minimal, tenants: { allowed: ['a'], deny: [] } }).path).toBe('$.tenants.deny');
  });

  it('never allows "none", in any case', () => {
    expect(errorOf({ ...minimal, algorithms: ['RS256', 'None'] })).toMatchObject({
      path: '$.algorithms[1]',
      message: expect.stringContaining('never allowed'),
    });
    expect(errorOf({ ...minimal, algorithms: ['RSA-OAEP'] }).path).toBe('$.algorithms[0]');
    expect(errorOf({ ...minimal, algorithms: [] }).path).toBe('$.algorithms');
    expect(errorOf({ version: 1, name: 'x' }).message).toContain('RFC 8725');
  });

  it('refuses key material by name, since policies are shared', () => {
    expect(errorOf({ ...minimal, secret: 'hunter2' })).toMatchObject({
      path: '$.secret',
      message: expect.stringContaining('never part of a policy'),
    });
    expect(errorOf({ ...minimal, jwks: { keys: [] } }).path).toBe('$.jwks');
  });

  it('gives a path for each kind of bad value', () => {
    expect(errorOf({ ...minimal, version: 2 }).path).toBe('$.version');
    expect(errorOf({ ...minimal, name: ' ' }).path).toBe('$.name');
    expect(errorOf({ ...minimal, issuer: ['a', 3] }).path).toBe('$.issuer[1]');
    expect(errorOf({ ...minimal, maxLifetimeSeconds: 1.5 }).path).toBe('$.maxLifetimeSeconds');
    expect(errorOf({ ...minimal, clockToleranceSeconds: -1 }).path).toBe('$.clockToleranceSeconds');
    expect(errorOf({ ...minimal, claimValues: { 'a..b': 1 } }).path).toBe('$.claimValues["a..b"]');
    expect(errorOf({ ...minimal, roles: { all: [], any: [] } }).path).toBe('$.roles');
    expect(errorOf({ ...minimal, jwksUri: 'http://id.example.com/jwks' }).message).toContain('https');
    expect(parse({ ...minimal, jwksUri: 'http://127.0.0.1:8080/jwks' }).ok).toBe(true);
    expect(errorOf([minimal]).path).toBe('$');
  });

  it('explains bad JSON, empty text and duplicate members', () => {
    expect(parsePolicy('')).toMatchObject({ ok: false, error: { path: '$' } });
    expect(parsePolicy('{"version": 1,')).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('not valid JSON') },
    });
    expect(parsePolicy('{"version":1,"name":"a","name":"b","algorithms":["RS256"]}')).toMatchObject({
      ok: false,
      error: { path: '$.name' },
    });
  });

  it('refuses "__proto__" claim paths and URLs with line breaks (they would reach generated code)', () => {
    const proto = parsePolicy(
      '{"version":1,"name":"a","algorithms":["RS256"],"claimValues":{"__proto__":{"x":1}}}',
    );
    expect(proto).toMatchObject({ ok: false, error: { path: '$.claimValues.__proto__' } });
    expect(errorOf({ ...minimal, roles: { claim: 'a.__proto__', any: ['x'] } }).path).toBe('$.roles.claim');
    expect(errorOf({ ...minimal, jwksUri: 'https://id.example.com/jwks\nprocess.exit(0)//' }).path).toBe(
      '$.jwksUri',
    );
    expect(errorOf({ ...minimal, jwksUri: 'https://id.example.com/\u2028x' }).path).toBe('$.jwksUri');
  });
});

describe('policy.schema.json', () => {
  it('lists the same members and algorithms as the parser', () => {
    expect(Object.keys(schema.properties)).toEqual([...POLICY_MEMBERS]);
    expect(schema.properties.algorithms.items.enum).toEqual([...POLICY_ALGORITHMS]);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.algorithms.items.enum).not.toContain('none');
  });
});
