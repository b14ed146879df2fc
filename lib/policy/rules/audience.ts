import { quoteList } from '../claims';
import { fail, NOT_A_CLAIMS_SET, pass, type PolicyRule } from './rule';

/** RFC 7519 §4.1.3: aud is a string or an array; the token is for this service when any value matches. */
export const audienceRule: PolicyRule = {
  id: 'audience',
  check({ policy, claims }) {
    if (policy.audience === undefined) return [];
    if (!claims) return [fail('audience', NOT_A_CLAIMS_SET)];
    const aud = Object.prototype.hasOwnProperty.call(claims, 'aud') ? claims.aud : undefined;
    const expected = quoteList(policy.audience);
    const values =
      typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud.filter((a) => typeof a === 'string') : [];
    const match = values.find((a) => policy.audience!.includes(a));
    if (match !== undefined)
      return [pass('audience', `audience includes "${match}", as the policy expects.`)];
    return [
      fail(
        'audience',
        aud === undefined
          ? `The token has no "aud"; the policy expects ${expected}. This token was not issued for this service.`
          : `audience is ${JSON.stringify(aud)}; the policy expects ${expected}. This token was issued for another service.`,
      ),
    ];
  },
};
