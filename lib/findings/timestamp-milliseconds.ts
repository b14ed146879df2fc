import type { FindingRule } from './rule';
import { claimsOf } from './rule';
import { MILLISECONDS_THRESHOLD } from '../numeric-date';

const TIME_CLAIMS = ['exp', 'iat', 'nbf', 'auth_time'] as const;

export const timestampMilliseconds: FindingRule = {
  id: 'timestamp-milliseconds',
  severity: 'warning',
  check(context) {
    const claims = claimsOf(context);
    if (!claims) return [];
    return TIME_CLAIMS.flatMap((name) => {
      const value = Object.prototype.hasOwnProperty.call(claims, name) ? claims[name] : undefined;
      if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) < MILLISECONDS_THRESHOLD)
        return [];
      const asSeconds = new Date(value);
      const readable = Number.isNaN(asSeconds.getTime()) ? 'an impossible date' : asSeconds.toISOString();
      return [
        {
          path: `payload.${name}`,
          message: `"${name}" is ${value}, which looks like milliseconds. JWT times are seconds since 1970 (RFC 7519 §2); read as milliseconds it is ${readable}, read as seconds it is tens of thousands of years away.`,
        },
      ];
    });
  },
};
