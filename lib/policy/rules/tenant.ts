import { claimAt, quoteList } from '../claims';
import { fail, pass, type PolicyRule } from './rule';

/** Multi-tenant issuers (Entra "tid") sign for every tenant with the same keys: the service must pick its own. */
export const tenantRule: PolicyRule = {
  id: 'tenant',
  check({ policy, claims }) {
    if (!policy.tenants) return [];
    const claim = policy.tenants.claim ?? 'tid';
    const value = claims ? claimAt(claims, claim) : undefined;
    const allowed = quoteList(policy.tenants.allowed);
    if (value === undefined)
      return [fail('tenant', `The token has no "${claim}"; the policy accepts tenants ${allowed}.`)];
    return typeof value === 'string' && policy.tenants.allowed.includes(value)
      ? [pass('tenant', `tenant "${value}" is allowed.`)]
      : [fail('tenant', `tenant ${JSON.stringify(value)} is not one of ${allowed}.`)];
  },
};
