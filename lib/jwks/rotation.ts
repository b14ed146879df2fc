/** Key rotation: which keys a refresh added or removed, and what to do when the token's kid is missing. */
import type { JwksKeyRow } from './keys';

export interface KeyRotation {
  added: string[];
  removed: string[];
}

/** A key's identity for the diff: its kid, or its thumbprint when it has none. */
function keyIdentity(row: Pick<JwksKeyRow, 'kid' | 'thumbprint' | 'index'>): string {
  if (row.kid !== undefined) return row.kid;
  return row.thumbprint
    ? `(no kid, thumbprint ${row.thumbprint.slice(0, 12)}…)`
    : `(no kid, key #${row.index + 1})`;
}

export function diffKeys(previous: readonly JwksKeyRow[], current: readonly JwksKeyRow[]): KeyRotation {
  const before = new Set(previous.map(keyIdentity));
  const after = new Set(current.map(keyIdentity));
  return {
    added: [...after].filter((id) => !before.has(id)),
    removed: [...before].filter((id) => !after.has(id)),
  };
}

export type KidMatch =
  | { status: 'matched'; index: number; message: string }
  | { status: 'missing'; message: string }
  | { status: 'no-kid'; message: string };

export interface KidMatchContext {
  /** True when the rows came from the cache rather than from the server just now. */
  fromCache: boolean;
  /** Kids the last refresh removed, to say "it was there before". */
  removed?: readonly string[];
}

export function matchTokenKid(
  tokenKid: string | undefined,
  rows: readonly JwksKeyRow[],
  context: KidMatchContext,
): KidMatch {
  if (tokenKid === undefined) {
    return {
      status: 'no-kid',
      message: 'The token names no key (no "kid" in its header): pick a key from the table to try it.',
    };
  }
  const row = rows.find((r) => r.kid === tokenKid);
  if (row)
    return { status: 'matched', index: row.index, message: `Key "${tokenKid}" matches the token's kid.` };
  if (context.removed?.includes(tokenKid)) {
    return {
      status: 'missing',
      message: `The issuer has rotated its keys: "${tokenKid}" was in the previous set and is gone now. Tokens signed with it no longer verify against this issuer.`,
    };
  }
  return {
    status: 'missing',
    message: context.fromCache
      ? `No key has the token's kid "${tokenKid}". The issuer may have rotated its keys since this set was cached: press "Refresh".`
      : `No key has the token's kid "${tokenKid}". The issuer may have rotated its keys (try "Refresh" later), or the token comes from another issuer.`,
  };
}
