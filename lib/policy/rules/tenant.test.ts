import { describe, expect, it } from 'vitest';
import { tenantRule } from './tenant';
import { contextWith } from './testing';

describe('tenant rule', () => {
  const tid = '72f988bf-86f1-41af-91ab-2d7cd011db47';
  it('passes an allowed tenant, by default in "tid"', () => {
    expect(tenantRule.check(contextWith({ tenants: { allowed: [tid] } }, { tid }))[0]?.status).toBe('pass');
    expect(
      tenantRule.check(
        contextWith({ tenants: { claim: 'org.id', allowed: ['acme'] } }, { org: { id: 'acme' } }),
      )[0]?.status,
    ).toBe('pass');
  });
  it('fails another tenant and a missing tenant claim', () => {
    expect(tenantRule.check(contextWith({ tenants: { allowed: [tid] } }, { tid: 'other' }))[0]).toMatchObject(
      { status: 'fail', message: expect.stringContaining('"other"') },
    );
    expect(tenantRule.check(contextWith({ tenants: { allowed: [tid] } }, {}))[0]?.message).toContain(
      'no "tid"',
    );
  });
});
