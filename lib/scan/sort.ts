/**
 * The order of "Tokens found": live credentials first, because those are the ones to revoke. Within the
 * live ones the longest-lived lead; tokens without `exp` never expire, so they come right after; then
 * tokens not valid yet; then expired ones, most recently expired first.
 */
import { summarizeToken } from './summary';
import type { FoundToken } from './types';

const RANK = { valid: 0, 'expiring-soon': 0, 'no-expiry': 1, 'not-yet-valid': 2, expired: 3 } as const;

export function sortByExpiry(tokens: FoundToken[], nowMs: number): FoundToken[] {
  const keyed = tokens.map((token) => {
    const summary = summarizeToken(token, nowMs);
    return { token, rank: RANK[summary.expiry.kind], exp: summary.expMs ?? 0 };
  });
  keyed.sort(
    (a, b) =>
      a.rank - b.rank || b.exp - a.exp || a.token.occurrences[0]!.index - b.token.occurrences[0]!.index,
  );
  return keyed.map((k) => k.token);
}
