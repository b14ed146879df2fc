import { timeClaimSeconds } from '../claims/time';
import type { FindingRule } from './rule';
import { claimsOf } from './rule';

export const expBeforeNbf: FindingRule = {
  id: 'exp-before-nbf',
  severity: 'warning',
  check(context) {
    const claims = claimsOf(context);
    if (!claims) return [];
    const exp = timeClaimSeconds(claims, 'exp');
    const nbf = timeClaimSeconds(claims, 'nbf');
    if (exp === undefined || nbf === undefined || exp > nbf) return [];
    return [
      {
        path: 'payload.exp',
        message: `"exp" is ${exp === nbf ? 'the same moment as' : 'before'} "nbf", so there is no moment at which this token is valid (RFC 7519 §4.1.4, §4.1.5). Check how the issuer computes the two times.`,
      },
    ];
  },
};
