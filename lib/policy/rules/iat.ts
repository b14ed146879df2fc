import { isNumericDate } from '../claims';
import { fail, pass, skip, type PolicyRule } from './rule';
import { formatDuration, isoOf, toleranceNote } from './time';

/** RFC 7519 §4.1.6: a NumericDate; a token issued in the future points at a wrong clock or a forged token. */
export const iatRule: PolicyRule = {
  id: 'iat',
  check({ claims, nowSeconds, tolerance }) {
    if (!claims || !Object.prototype.hasOwnProperty.call(claims, 'iat'))
      return [skip('iat', 'The token has no "iat".')];
    const iat = claims.iat;
    if (!isNumericDate(iat))
      return [fail('iat', `"iat" must be a NumericDate (seconds since 1970), not ${JSON.stringify(iat)}.`)];
    if (iat <= nowSeconds + tolerance)
      return [pass('iat', `issued ${formatDuration(Math.max(0, nowSeconds - iat))} ago (${isoOf(iat)}).`)];
    return [
      fail(
        'iat',
        `issued in the future: iat is ${formatDuration(iat - nowSeconds)} from now (${isoOf(iat)})${toleranceNote(tolerance)}. Check the issuer's clock.`,
      ),
    ];
  },
};
