import { isAccessToken } from '../claims/classify';
import type { FindingRule } from './rule';
import { claimsOf, own } from './rule';

function hasAudience(aud: unknown): boolean {
  if (typeof aud === 'string') return aud.length > 0;
  return Array.isArray(aud) && aud.some((a) => typeof a === 'string' && a.length > 0);
}

export const audMissing: FindingRule = {
  id: 'aud-missing',
  severity: 'warning',
  check(context) {
    const claims = claimsOf(context);
    if (!claims || !isAccessToken(context) || hasAudience(own(claims, 'aud'))) return [];
    return [
      {
        path: 'payload.aud',
        message:
          'This access token names no audience ("aud"), so any API that trusts the issuer would accept it, including ones it was never meant for. RFC 9068 §2.2 requires "aud"; configure the API identifier (resource or audience) in the token request.',
      },
    ];
  },
};
