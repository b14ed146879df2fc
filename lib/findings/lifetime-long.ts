import { isAccessToken } from '../claims/classify';
import { formatDuration, timeClaimSeconds } from '../claims/time';
import type { FindingRule } from './rule';
import { claimsOf } from './rule';

/** Access tokens are bearer credentials: a stolen one works until it expires, so a day is already long. */
export const LONG_LIFETIME_SECONDS = 24 * 60 * 60;

export const lifetimeLong: FindingRule = {
  id: 'lifetime-long',
  severity: 'warning',
  check(context) {
    const claims = claimsOf(context);
    if (!claims || !isAccessToken(context)) return [];
    const exp = timeClaimSeconds(claims, 'exp');
    const startClaim = timeClaimSeconds(claims, 'iat') !== undefined ? 'iat' : 'nbf';
    const start = timeClaimSeconds(claims, startClaim);
    if (exp === undefined || start === undefined || exp - start <= LONG_LIFETIME_SECONDS) return [];
    return [
      {
        path: 'payload.exp',
        message: `This access token is valid for ${formatDuration((exp - start) * 1000)} (from "${startClaim}" to "exp"). Access tokens usually live minutes to an hour, because a stolen one works until it expires; use a short lifetime and refresh tokens instead.`,
      },
    ];
  },
};
