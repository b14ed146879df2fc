import { describe, expect, it } from 'vitest';
import { scopesRule } from './scopes';
import { contextWith } from './testing';

describe('scopes rule', () => {
  const policy = { scopes: { all: ['orders:read'], any: ['orders:write', 'orders:admin'] } };
  it('reads a space-separated "scope", or Entra\'s "scp" when there is no "scope"', () => {
    expect(
      scopesRule.check(contextWith(policy, { scope: 'openid orders:read orders:write' }))[0]?.status,
    ).toBe('pass');
    expect(scopesRule.check(contextWith(policy, { scp: 'orders:read orders:admin' }))[0]?.status).toBe(
      'pass',
    );
    expect(
      scopesRule.check(
        contextWith({ scopes: { claim: 'permissions', all: ['a'], any: [] } }, { permissions: ['a', 'b'] }),
      )[0]?.status,
    ).toBe('pass');
  });
  it('fails a missing "all" scope, no "any" scope, and no scope claim', () => {
    expect(scopesRule.check(contextWith(policy, { scope: 'orders:write' }))[0]).toMatchObject({
      status: 'fail',
      message: expect.stringContaining('"orders:read"'),
    });
    expect(scopesRule.check(contextWith(policy, { scope: 'orders:read' }))[0]?.message).toContain('none of');
    expect(scopesRule.check(contextWith(policy, {}))[0]?.message).toContain('no "scope", "scp"');
    expect(scopesRule.check(contextWith(policy, { scope: 42 }))[0]?.status).toBe('fail');
  });
});
