/**
 * What changed between two tokens (a refresh, a new issuer, a new token version): header and payload
 * differences by JSON path. Time claims show a signed duration ("exp +1 h"); list claims (`scope` as a
 * space-separated string per RFC 8693 §4.2, `aud` as string or array per RFC 7519 §4.1.3, role and group
 * arrays) show items added and removed instead of one opaque change.
 */
import { claimsOf } from '../claims/claims-of';
import { decodeToken } from '../token/decode';
import { isObject } from '../is-object';
import { jsonPath } from './har-read';

export type DiffChange = 'added' | 'removed' | 'changed' | 'type-changed';

export interface Diff {
  /** e.g. `payload.scope`, `payload.realm_access.roles`, `header.kid` */
  path: string;
  change: DiffChange;
  before?: unknown;
  after?: unknown;
  /** "exp +1 h"; for list items, which list the item belongs to. */
  note?: string;
}

export type CompareResult =
  | { ok: true; header: Diff[]; payload: Diff[] }
  | { ok: false; header: Diff[]; payload: Diff[]; error: { token: 'A' | 'B'; message: string } };

/** NumericDate claims (RFC 7519 §4.1.4-4.1.6, OIDC Core §2 auth_time, §5.1 updated_at). */
const TIME_CLAIMS = new Set(['exp', 'nbf', 'iat', 'auth_time', 'updated_at']);
/** Space-separated lists in a string (RFC 6749 §3.3 scope, RFC 8693 §4.2). */
const SPACE_LISTS = new Set(['scope', 'scp']);
/** Claims that are sets whether written as one string or an array. */
const SET_CLAIMS = new Set(['aud', 'amr', 'groups', 'roles', 'scp', 'scope', 'permissions', 'entitlements']);
const MAX_DEPTH = 64;

type Kind = 'null' | 'array' | 'object' | 'string' | 'number' | 'boolean' | 'other';
const kindOf = (v: unknown): Kind =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'array'
      : isObject(v)
        ? 'object'
        : ((['string', 'number', 'boolean'].includes(typeof v) ? typeof v : 'other') as Kind);

/** "+1 h", "-30 min", "+2 d 3 h", "+45 s": the two largest non-zero units. */
export function signedDuration(seconds: number): string {
  const sign = seconds < 0 ? '-' : '+';
  let rest = Math.round(Math.abs(seconds));
  if (rest === 0) return '±0 s';
  const units: [string, number][] = [
    ['d', 86400],
    ['h', 3600],
    ['min', 60],
    ['s', 1],
  ];
  const parts: string[] = [];
  for (const [name, size] of units) {
    if (rest >= size && parts.length < 2) {
      parts.push(`${Math.floor(rest / size)} ${name}`);
      rest %= size;
    } else if (parts.length > 0) break;
  }
  return `${sign}${parts.join(' ')}`;
}

const isPrimitive = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/** The items of a list claim, or undefined when the value is not one. */
function listItems(key: string | number, value: unknown): unknown[] | undefined {
  if (typeof value === 'string' && typeof key === 'string') {
    if (SPACE_LISTS.has(key)) return value.split(/\s+/).filter(Boolean);
    if (SET_CLAIMS.has(key)) return [value];
    return undefined;
  }
  if (Array.isArray(value) && value.every(isPrimitive)) return value;
  return undefined;
}

function diffLists(path: string, before: unknown[], after: unknown[], out: Diff[]): void {
  const key = (v: unknown) => JSON.stringify(v);
  const a = new Set(before.map(key));
  const b = new Set(after.map(key));
  for (const item of after)
    if (!a.has(key(item))) out.push({ path, change: 'added', after: item, note: `item added to ${path}` });
  for (const item of before)
    if (!b.has(key(item)))
      out.push({ path, change: 'removed', before: item, note: `item removed from ${path}` });
}

function diffValues(
  path: (string | number)[],
  before: unknown,
  after: unknown,
  out: Diff[],
  depth: number,
): void {
  const name = jsonPath(path);
  const key = path[path.length - 1]!;
  if (before === undefined && after === undefined) return;
  if (before === undefined) return void out.push({ path: name, change: 'added', after });
  if (after === undefined) return void out.push({ path: name, change: 'removed', before });
  const listA = listItems(key, before);
  const listB = listItems(key, after);
  if (
    listA &&
    listB &&
    (Array.isArray(before) || Array.isArray(after) || (typeof key === 'string' && SPACE_LISTS.has(key)))
  ) {
    return diffLists(name, listA, listB, out);
  }
  const kindA = kindOf(before);
  const kindB = kindOf(after);
  if (kindA !== kindB)
    return void out.push({ path: name, change: 'type-changed', before, after, note: `${kindA} → ${kindB}` });
  if (kindA === 'object' || kindA === 'array') {
    if (depth >= MAX_DEPTH) {
      if (JSON.stringify(before) !== JSON.stringify(after))
        out.push({
          path: name,
          change: 'changed',
          before,
          after,
          note: 'nested too deeply to compare member by member',
        });
      return;
    }
    const a = before as Record<string, unknown>;
    const b = after as Record<string, unknown>;
    const keys =
      kindA === 'array'
        ? Array.from(
            { length: Math.max((before as unknown[]).length, (after as unknown[]).length) },
            (_, i) => i,
          )
        : [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const k of keys) diffValues([...path, k], a[k as string], b[k as string], out, depth + 1);
    return;
  }
  if (Object.is(before, after)) return;
  const diff: Diff = { path: name, change: 'changed', before, after };
  if (
    typeof key === 'string' &&
    TIME_CLAIMS.has(key) &&
    typeof before === 'number' &&
    typeof after === 'number' &&
    path.length === 2
  )
    diff.note = `${key} ${signedDuration(after - before)}`;
  out.push(diff);
}

function diffSection(section: 'header' | 'payload', before: unknown, after: unknown): Diff[] {
  const out: Diff[] = [];
  if (isObject(before) && isObject(after)) {
    for (const k of new Set([...Object.keys(before), ...Object.keys(after)]))
      diffValues([section, k], before[k], after[k], out, 1);
  } else diffValues([section], before, after, out, 1);
  return out;
}

function unreadable(label: 'A' | 'B', message: string): CompareResult {
  return {
    ok: false,
    header: [],
    payload: [],
    error: { token: label, message: `Token ${label}: ${message}` },
  };
}

/** Compares two tokens as pasted (cleanup as in the decoder: quotes, `Bearer ` and whitespace go). */
export function compareTokens(a: string, b: string): CompareResult {
  // The clock only feeds time findings, which a comparison does not show.
  const now = new Date(0);
  const decodedA = decodeToken(a, { now });
  if (!decodedA.ok) return unreadable('A', decodedA.error.message);
  const decodedB = decodeToken(b, { now });
  if (!decodedB.ok) return unreadable('B', decodedB.error.message);
  // SD-JWT: compare what a verifier sees, the payload with disclosures in place. JWE claims are encrypted.
  const payloadA = decodedA.format === 'jwe' ? undefined : (claimsOf(decodedA) ?? decodedA.payload);
  const payloadB = decodedB.format === 'jwe' ? undefined : (claimsOf(decodedB) ?? decodedB.payload);
  return {
    ok: true,
    header: diffSection('header', decodedA.header, decodedB.header),
    payload: diffSection('payload', payloadA, payloadB),
  };
}
