/** What a "Tokens found" row shows about one token: who issued it, for whom, and whether it is live now. */
import { claimsOf } from '../claims/claims-of';
import { expiryState, type ExpiryState } from '../claims/expiry';
import type { FoundKind, FoundToken, HarLocation, Occurrence } from './types';

export interface FoundTokenSummary {
  kind: FoundKind;
  alg?: string;
  enc?: string;
  iss?: string;
  sub?: string;
  /** `aud` as text: a list is joined with ", " (RFC 7519 §4.1.3 allows a string or an array). */
  aud?: string;
  /** JWE claims are encrypted, so a JWE has no readable expiry; `expiry` then says "No expiry". */
  expiry: ExpiryState;
  /** `exp` in milliseconds, when the claims carry a numeric one. */
  expMs?: number;
  /** "line 12, column 8" or, in a HAR, "entry 3 (POST /token), response body field access_token". */
  firstSeen: string;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value))
    return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
  return undefined;
}

export function describeLocation(where: HarLocation): string {
  if (where.entry === undefined) return where.field;
  const request =
    where.method || where.path ? ` (${[where.method, where.path].filter(Boolean).join(' ')})` : '';
  return `entry ${where.entry}${request}, ${where.field}`;
}

export function describeOccurrence(occurrence: Occurrence): string {
  const position = `line ${occurrence.line}, column ${occurrence.column}`;
  return occurrence.where ? `${describeLocation(occurrence.where)} (${position})` : position;
}

export function summarizeToken(found: FoundToken, now: Date | number): FoundTokenSummary {
  const header = found.decoded.ok ? found.decoded.header : {};
  const claims = claimsOf(found.decoded) ?? {};
  const expiry = expiryState(claims, typeof now === 'number' ? now : now.getTime());
  const first = found.occurrences[0];
  const alg = text(header.alg);
  const enc = text(header.enc);
  const iss = text(claims.iss);
  const sub = text(claims.sub);
  const aud = text(claims.aud);
  const exp = expiry.remainingMs;
  const nowMs = typeof now === 'number' ? now : now.getTime();
  return {
    kind: found.kind,
    ...(alg !== undefined ? { alg } : {}),
    ...(enc !== undefined ? { enc } : {}),
    ...(iss !== undefined ? { iss } : {}),
    ...(sub !== undefined ? { sub } : {}),
    ...(aud !== undefined ? { aud } : {}),
    expiry,
    ...(exp !== undefined ? { expMs: nowMs + exp } : {}),
    firstSeen: first ? describeOccurrence(first) : '',
  };
}
