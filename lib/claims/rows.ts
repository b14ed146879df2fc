/**
 * The view model of the Claims region: one row per claim, in token order, with its meaning from the
 * registry, readable times and expandable children. The UI renders this and never parses tokens itself.
 */
import {
  algorithmInfo,
  claimEntries,
  claimPatternFor,
  headerParameterInfo,
  type AlgorithmInfo,
  type ClaimDisplay,
  type SpecRef,
  type Vendor,
} from '../claims-registry';
import type { DecodeResult } from '../types';
import { formatTime, type TimeFormatOptions, type TimeView } from './time';
import { isObject } from '../is-object';
import { claimsOf, disclosedPaths } from './claims-of';
import { detectVendor } from './vendor';

export type ClaimValueKind = ClaimDisplay | 'null' | 'array';

export interface ClaimMeaning {
  title: string;
  description: string;
  spec: SpecRef;
  seeAlso: readonly SpecRef[];
  vendor?: Vendor;
}

export interface ClaimRow {
  /** Dotted path from the payload root, e.g. `realm_access.roles` or `amr[0]`. */
  path: string;
  /** The member name (or `[i]` for an array item). */
  name: string;
  depth: number;
  value: unknown;
  /** The value on one line: strings as written, others as compact JSON; containers as "3 items". */
  valueText: string;
  kind: ClaimValueKind;
  /** The registry meaning picked for this token (the vendor's meaning when the issuer is that vendor's). */
  meaning?: ClaimMeaning;
  /** Other meanings the same name has elsewhere (another vendor, or the standard one). */
  otherMeanings: ClaimMeaning[];
  /** A top-level claim the registry does not know: a private or application-specific claim. */
  custom: boolean;
  /** Readable forms when the registry marks the claim as a time and the value is a number. */
  time?: TimeView;
  /** Members or items of an object or array value. */
  children: ClaimRow[];
  /** SD-JWT: the holder disclosed this claim (it is not in the issuer-signed payload in the clear). */
  disclosed?: boolean;
  /** Members or items not listed as rows (see MAX_CHILDREN); the JSON view shows them all. */
  omittedChildren?: number;
}

export interface HeaderRow {
  name: string;
  value: unknown;
  valueText: string;
  meaning?: ClaimMeaning;
  /** For `alg`, `enc` and `zip`: what the value means. */
  valueMeaning?: AlgorithmInfo;
  custom: boolean;
}

export interface ClaimRowsResult {
  rows: ClaimRow[];
  header: HeaderRow[];
  vendor?: Vendor;
  /** SD-JWT: the rows are the disclosed payload, into which this many disclosures were put. */
  disclosedCount?: number;
  /** Top-level claims not listed as rows (see MAX_TOP_LEVEL); the JSON view shows them all. */
  omittedRows?: number;
}

/** Deep enough for any real token; deeper values are shown as JSON text. */
const MAX_DEPTH = 8;
/**
 * A megabyte payload can hold tens of thousands of nested values. Rows for all of them cost more than a
 * hundred milliseconds on every refresh and nobody reads them there, so the table lists the first
 * MAX_CHILDREN members of each object or array, the first MAX_TOP_LEVEL claims, and ROW_BUDGET rows in
 * all; the rest is counted, and the JSON view shows everything.
 */
export const MAX_CHILDREN = 100;
export const MAX_TOP_LEVEL = 1_000;
export const ROW_BUDGET = 5_000;

/** What every row of one table shares: the issuer's vendor, the clock, the rows still allowed. */
interface Walk {
  vendor: Vendor | undefined;
  options: TimeFormatOptions;
  rowsLeft: number;
  /** SD-JWT: paths of the claims that disclosures put in place. */
  disclosed: Set<string>;
}

export function claimRows(decoded: DecodeResult, options: TimeFormatOptions): ClaimRowsResult {
  if (!decoded.ok) return { rows: [], header: [] };
  const header = Object.entries(decoded.header).map(([name, value]) => headerRow(name, value));
  const claims = claimsOf(decoded);
  if (!claims) return { rows: [], header };
  const vendor = detectVendor(claims);
  const walk: Walk = { vendor, options, rowsLeft: ROW_BUDGET, disclosed: disclosedPaths(decoded) };
  const entries = Object.entries(claims);
  const rows = entries.slice(0, MAX_TOP_LEVEL).map(([name, value]) => claimRow(name, name, value, 0, walk));
  const omittedRows = entries.length - rows.length;
  const disclosedCount = decoded.format === 'sd-jwt' ? walk.disclosed.size : undefined;
  return {
    rows,
    header,
    ...(vendor ? { vendor } : {}),
    ...(disclosedCount !== undefined ? { disclosedCount } : {}),
    ...(omittedRows > 0 ? { omittedRows } : {}),
  };
}

function claimRow(path: string, name: string, value: unknown, depth: number, walk: Walk): ClaimRow {
  walk.rowsLeft--;
  const { vendor } = walk;
  const entries = claimEntries(path);
  const pattern = depth === 0 && entries.length === 0 ? claimPatternFor(name) : undefined;
  const candidates = pattern ? [pattern] : entries;
  const picked =
    candidates.find((row) => vendor !== undefined && row.vendor === vendor) ??
    candidates.find((row) => !row.vendor) ??
    candidates[0];
  const display = picked?.display;
  const isTime = display === 'time' && typeof value === 'number';
  const { rows: children, omitted } =
    depth < MAX_DEPTH ? childRows(path, value, depth, walk) : { rows: [], omitted: 0 };
  return {
    path,
    name,
    depth,
    value,
    valueText: valueText(value),
    kind: kindOf(value, display),
    ...(picked ? { meaning: toMeaning(picked) } : {}),
    otherMeanings: candidates.filter((row) => row !== picked).map(toMeaning),
    custom: depth === 0 && candidates.length === 0,
    ...(isTime ? { time: formatTime(value, walk.options) } : {}),
    children,
    ...(walk.disclosed.has(path) ? { disclosed: true } : {}),
    ...(omitted > 0 ? { omittedChildren: omitted } : {}),
  };
}

function childRows(
  path: string,
  value: unknown,
  depth: number,
  walk: Walk,
): { rows: ClaimRow[]; omitted: number } {
  let items: [path: string, name: string, value: unknown][] = [];
  let total = 0;
  if (Array.isArray(value)) {
    // Arrays of plain values are shown as a list on the parent row; only structured items expand.
    if (value.some((item) => item !== null && typeof item === 'object')) {
      total = value.length;
      items = value.slice(0, MAX_CHILDREN).map((item, index) => [`${path}[${index}]`, `[${index}]`, item]);
    }
  } else if (isObject(value)) {
    const keys = Object.keys(value);
    total = keys.length;
    items = keys.slice(0, MAX_CHILDREN).map((key) => [`${path}.${key}`, key, value[key]]);
  }
  const rows: ClaimRow[] = [];
  for (const [childPath, name, child] of items) {
    if (walk.rowsLeft <= 0) break;
    rows.push(claimRow(childPath, name, child, depth + 1, walk));
  }
  return { rows, omitted: total - rows.length };
}

function toMeaning(row: {
  title: string;
  description: string;
  spec: SpecRef;
  seeAlso?: readonly SpecRef[];
  vendor?: Vendor;
}): ClaimMeaning {
  return {
    title: row.title,
    description: row.description,
    spec: row.spec,
    seeAlso: row.seeAlso ?? [],
    ...(row.vendor ? { vendor: row.vendor } : {}),
  };
}

function kindOf(value: unknown, display: ClaimDisplay | undefined): ClaimValueKind {
  if (value === null) return 'null';
  if (Array.isArray(value))
    return display === 'list' || value.every((v) => typeof v === 'string') ? 'list' : 'array';
  if (typeof value === 'object') return 'object';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return display === 'time' ? 'time' : 'number';
  if (typeof value === 'string') {
    if (display === 'list') return 'list';
    if (display === 'url' || /^https?:\/\/\S+$/.test(value)) return 'url';
    return 'string';
  }
  return 'string';
}

/** One-line text of a value. Strings stay as written; containers are summarised. */
export function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) return value.join(', ');
    return `${value.length} item${value.length === 1 ? '' : 's'}`;
  }
  if (value !== null && typeof value === 'object') {
    const n = Object.keys(value).length;
    return `${n} member${n === 1 ? '' : 's'}`;
  }
  return JSON.stringify(value) ?? String(value);
}

function headerRow(name: string, value: unknown): HeaderRow {
  const info = headerParameterInfo(name);
  const use = name === 'enc' ? 'content-encryption' : name === 'zip' ? 'compression' : undefined;
  const valueMeaning =
    ['alg', 'enc', 'zip'].includes(name) && typeof value === 'string' ? algorithmInfo(value, use) : undefined;
  return {
    name,
    value,
    valueText: typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value)),
    ...(info ? { meaning: toMeaning(info) } : {}),
    ...(valueMeaning ? { valueMeaning } : {}),
    custom: info === undefined,
  };
}
