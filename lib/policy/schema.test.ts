/**
 * policy.schema.json and parsePolicy agree: the published schema (checked with ajv, JSON Schema 2020-12)
 * accepts what the parser accepts and rejects what it rejects, on the templates and on one broken policy per
 * kind of mistake.
 */
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { ISSUER_TEMPLATES } from './issuers';
import { parsePolicy } from './parse';
import schema from './policy.schema.json';

const ajv = new Ajv2020({ allErrors: true, strict: true, validateFormats: false });
const validate = ajv.compile(schema);
const minimal = { version: 1, name: 'orders-service', algorithms: ['RS256'] };

const VALID: unknown[] = [
  minimal,
  {
    ...minimal,
    issuer: ['https://id.example.com/', 'https://id2.example.com/'],
    audience: 'orders-api',
    typ: 'at+jwt',
    requiredClaims: ['sub'],
    claimValues: { azp: 'web-app', 'realm_access.roles': ['a'] },
    maxLifetimeSeconds: 3600,
    maxAgeSeconds: 60,
    clockToleranceSeconds: 0,
    scopes: { all: ['orders:read'] },
    roles: { claim: 'realm_access.roles', any: ['admin'] },
    tenants: { allowed: ['t-1'] },
    jwksUri: 'http://127.0.0.1:8080/jwks.json',
  },
  ...ISSUER_TEMPLATES.map((t) => t.policy),
];

const INVALID: unknown[] = [
  { ...minimal, audiance: 'x' },
  { ...minimal, version: 2 },
  { version: 1, name: 'x' },
  { ...minimal, algorithms: [] },
  { ...minimal, algorithms: ['none'] },
  { ...minimal, algorithms: ['ES256K'] },
  { ...minimal, issuer: [] },
  { ...minimal, name: ' ' },
  { ...minimal, maxLifetimeSeconds: 0 },
  { ...minimal, clockToleranceSeconds: -1 },
  { ...minimal, clockToleranceSeconds: 1.5 },
  { ...minimal, claimValues: { 'a..b': 1 } },
  { ...minimal, scopes: { all: [], any: [] } },
  { ...minimal, scopes: { all: ['a'], every: ['b'] } },
  { ...minimal, tenants: { claim: 'tid' } },
  { ...minimal, jwksUri: 'http://id.example.com/jwks' },
  { ...minimal, secret: 'hunter2' },
  { ...minimal, claimValues: { 'a.__proto__': 1 } },
  { ...minimal, jwksUri: 'https://id.example.com/jwks\nprocess.exit(0)//' },
];

describe('policy.schema.json', () => {
  it.each(VALID.map((v, i) => [i, v]))('accepts valid policy %i, as parsePolicy does', (_, policy) => {
    expect(validate(policy), JSON.stringify(validate.errors)).toBe(true);
    expect(parsePolicy(JSON.stringify(policy)).ok).toBe(true);
  });

  it.each(INVALID.map((v) => [JSON.stringify(v), v]))('rejects %s, as parsePolicy does', (_, policy) => {
    expect(validate(policy)).toBe(false);
    expect(parsePolicy(JSON.stringify(policy)).ok).toBe(false);
  });
});
