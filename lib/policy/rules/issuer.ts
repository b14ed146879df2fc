import { quoteList } from '../claims';
import { fail, NOT_A_CLAIMS_SET, pass, type PolicyRule } from './rule';

/** RFC 7519 §4.1.1, and the "missing claim checks" pitfall: a service that skips iss trusts every issuer. */
export const issuerRule: PolicyRule = {
  id: 'issuer',
  check({ policy, claims }) {
    if (policy.issuer === undefined) return [];
    if (!claims) return [fail('issuer', NOT_A_CLAIMS_SET)];
    const iss = Object.prototype.hasOwnProperty.call(claims, 'iss') ? claims.iss : undefined;
    const expected = quoteList(policy.issuer);
    if (typeof iss === 'string' && policy.issuer.includes(iss))
      return [pass('issuer', `issuer is "${iss}", as the policy expects.`)];
    return [
      fail(
        'issuer',
        iss === undefined
          ? `The token has no "iss"; the policy expects ${expected}.`
          : `issuer is ${JSON.stringify(iss)}; the policy expects ${expected}.`,
      ),
    ];
  },
};
