import type { FindingRule } from './rule';
import { claimsOf } from './rule';

export const expMissing: FindingRule = {
  id: 'exp-missing',
  severity: 'warning',
  check(context) {
    const claims = claimsOf(context);
    if (!claims || context.format === 'jwe' || Object.prototype.hasOwnProperty.call(claims, 'exp')) return [];
    return [
      {
        path: 'payload.exp',
        message:
          'The token has no "exp" (expiry) claim, so it stays valid forever unless the receiver enforces its own limit.',
      },
    ];
  },
};
