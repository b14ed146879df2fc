import { isNumericDate } from '../claims';
import { fail, pass, skip, type PolicyRule } from './rule';
import { formatDuration, isoOf, toleranceNote } from './time';

/** RFC 7519 §4.1.5: not accepted before nbf, minus the clock tolerance. */
export const nbfRule: PolicyRule = {
  id: 'nbf',
  check({ claims, nowSeconds, tolerance }) {
    if (!claims || !Object.prototype.hasOwnProperty.call(claims, 'nbf'))
      return [skip('nbf', 'The token has no "nbf": usable from the start.')];
    const nbf = claims.nbf;
    if (!isNumericDate(nbf))
      return [fail('nbf', `"nbf" must be a NumericDate (seconds since 1970), not ${JSON.stringify(nbf)}.`)];
    if (nbf <= nowSeconds + tolerance) return [pass('nbf', `valid since ${isoOf(nbf)}.`)];
    return [
      fail(
        'nbf',
        `not valid yet: usable in ${formatDuration(nbf - nowSeconds)} (${isoOf(nbf)})${toleranceNote(tolerance)}.`,
      ),
    ];
  },
};
