import { isNumericDate } from '../claims';
import { fail, pass, type PolicyRule } from './rule';
import { formatDuration, toleranceNote } from './time';

/** A cap on now − iat, like jose's maxTokenAge: a token older than that is refused even before its exp. */
export const ageRule: PolicyRule = {
  id: 'age',
  check({ policy, claims, nowSeconds, tolerance }) {
    const max = policy.maxAgeSeconds;
    if (max === undefined) return [];
    const iat = claims?.iat;
    if (!isNumericDate(iat))
      return [
        fail(
          'age',
          `The token's age cannot be checked without a numeric "iat"; the policy allows at most ${formatDuration(max)}.`,
        ),
      ];
    const age = nowSeconds - iat;
    return age <= max + tolerance
      ? [
          pass(
            'age',
            `issued ${formatDuration(Math.max(0, age))} ago, within the policy's ${formatDuration(max)}.`,
          ),
        ]
      : [
          fail(
            'age',
            `issued ${formatDuration(age)} ago (${age} s); the policy accepts tokens up to ${formatDuration(max)} (${max} s) old${toleranceNote(tolerance)}.`,
          ),
        ];
  },
};
