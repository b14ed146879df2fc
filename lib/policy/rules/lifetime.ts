import { isNumericDate } from '../claims';
import { fail, pass, type PolicyRule } from './rule';
import { formatDuration } from './time';

/** A cap on exp − iat: a long-lived bearer token stays useful to a thief for as long (RFC 8725 §3.10 spirit). */
export const lifetimeRule: PolicyRule = {
  id: 'lifetime',
  check({ policy, claims }) {
    const max = policy.maxLifetimeSeconds;
    if (max === undefined) return [];
    const exp = claims?.exp;
    const iat = claims?.iat;
    if (!isNumericDate(exp) || !isNumericDate(iat)) {
      return [
        fail(
          'lifetime',
          `The lifetime cannot be shown to be at most ${formatDuration(max)}: the token needs numeric "iat" and "exp".`,
        ),
      ];
    }
    const lifetime = exp - iat;
    return lifetime <= max
      ? [
          pass(
            'lifetime',
            `lifetime ${formatDuration(lifetime)} (exp − iat) is within the policy's ${formatDuration(max)}.`,
          ),
        ]
      : [
          fail(
            'lifetime',
            `lifetime ${formatDuration(lifetime)} (exp − iat = ${lifetime} s) is longer than the policy's ${formatDuration(max)} (${max} s).`,
          ),
        ];
  },
};
