import { formatDuration, timeClaimSeconds } from '../claims/time';
import type { FindingRule } from './rule';
import { claimsOf } from './rule';

/** Clocks drift; like most libraries we allow a minute before calling "iat" wrong. */
export const CLOCK_SKEW_SECONDS = 60;

export const iatFuture: FindingRule = {
  id: 'iat-future',
  severity: 'warning',
  check(context) {
    const claims = claimsOf(context);
    const iat = claims ? timeClaimSeconds(claims, 'iat') : undefined;
    if (iat === undefined) return [];
    const ahead = iat - context.now.getTime() / 1000;
    if (ahead <= CLOCK_SKEW_SECONDS) return [];
    return [
      {
        path: 'payload.iat',
        message: `"iat" (issued at) is ${formatDuration(ahead * 1000)} in the future. Either the issuer's clock is wrong, or the token was made by hand; some libraries reject such tokens.`,
      },
    ];
  },
};
