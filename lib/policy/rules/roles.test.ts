import { describe, expect, it } from 'vitest';
import { rolesRule } from './roles';
import { contextWith } from './testing';

describe('roles rule', () => {
  it('passes roles at a nested path (Keycloak realm_access.roles) and in "roles"', () => {
    expect(
      rolesRule.check(
        contextWith(
          { roles: { claim: 'realm_access.roles', all: [], any: ['admin', 'clerk'] } },
          { realm_access: { roles: ['clerk'] } },
        ),
      )[0]?.status,
    ).toBe('pass');
    expect(
      rolesRule.check(
        contextWith({ roles: { all: ['Orders.Read'], any: [] } }, { roles: ['Orders.Read'] }),
      )[0]?.status,
    ).toBe('pass');
  });
  it('fails without a needed role or without the claim', () => {
    expect(
      rolesRule.check(contextWith({ roles: { all: [], any: ['admin'] } }, { roles: ['viewer'] }))[0]?.status,
    ).toBe('fail');
    expect(rolesRule.check(contextWith({ roles: { all: ['admin'], any: [] } }, {}))[0]?.status).toBe('fail');
  });
});
