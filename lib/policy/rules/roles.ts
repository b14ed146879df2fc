import { checkClaimList } from './claim-list';
import type { PolicyRule } from './rule';

/** Roles, by default in "roles" (RFC 9068 §2.2.3.1, Entra); Keycloak's are at "realm_access.roles". */
export const rolesRule: PolicyRule = {
  id: 'roles',
  check({ policy, claims }) {
    if (!policy.roles) return [];
    return [checkClaimList('roles', 'roles', policy.roles, claims, [policy.roles.claim ?? 'roles'])];
  },
};
