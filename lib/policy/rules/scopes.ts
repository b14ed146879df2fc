import { checkClaimList } from './claim-list';
import type { PolicyRule } from './rule';

/** OAuth scopes: "scope" (RFC 8693 §4.2, RFC 9068 §2.2.3), or Entra's "scp", unless the policy names the claim. */
export const scopesRule: PolicyRule = {
  id: 'scopes',
  check({ policy, claims }) {
    if (!policy.scopes) return [];
    const names = policy.scopes.claim ? [policy.scopes.claim] : ['scope', 'scp'];
    return [checkClaimList('scopes', 'scopes', policy.scopes, claims, names)];
  },
};
