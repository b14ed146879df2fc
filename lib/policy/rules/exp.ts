import { isNumericDate } from '../claims';
import { fail, pass, skip, type PolicyRule } from './rule';
import { formatDuration, isoOf, toleranceNote } from './time';

/** RFC 7519 §4.1.4: rejected on or after exp, plus the clock tolerance (the comparison jose and PyJWT make). */
export const expRule: PolicyRule = {
  id: 'exp',
  check({ claims, nowSeconds, tolerance }) {
    if (!claims || !Object.prototype.hasOwnProperty.call(claims, 'exp')) {
      return [
        skip(
          'exp',
          'The token has no "exp", so it never expires; list "exp" in requiredClaims to demand one.',
        ),
      ];
    }
    const exp = claims.exp;
    if (!isNumericDate(exp))
      return [fail('exp', `"exp" must be a NumericDate (seconds since 1970), not ${JSON.stringify(exp)}.`)];
    if (nowSeconds < exp + tolerance) {
      return [
        pass(
          'exp',
          exp >= nowSeconds
            ? `expires in ${formatDuration(exp - nowSeconds)} (${isoOf(exp)}).`
            : `expired ${formatDuration(nowSeconds - exp)} ago, within the clock tolerance.`,
        ),
      ];
    }
    return [
      fail(
        'exp',
        `expired ${formatDuration(Math.max(1, nowSeconds - exp))} ago (${isoOf(exp)})${toleranceNote(tolerance)}.`,
      ),
    ];
  },
};
