/**
 * The scan report: one entry per distinct token across every file, keyed by lib's fingerprint, with
 * everything the text, JSON and SARIF views print. It never holds a printable whole token: only the
 * fingerprint and the placeholder form lib's redactText gives ("[JWT sha256:… alg=RS256]").
 */
import {
  decodeToken,
  describeLocation,
  redactText,
  summarizeToken,
  TokenMatcher,
  type FoundToken,
  type FoundTokenSummary,
  type HarLocation,
} from '../../lib/index';
import type { TokenHits } from './hits';
import type { FileScan } from './scan-file';

export interface ReportedOccurrence {
  file: string;
  line: number;
  column: number;
  /** Length of the token in characters, so SARIF can mark the whole span. */
  length: number;
  where?: HarLocation;
  /** "entry 3 (POST /token), response body field access_token" for a HAR occurrence. */
  whereText?: string;
}

/**
 * The copies of one token in one file, as the scan found them. A report keeps these rather than an
 * object per copy: a folder of logs holds hundreds of thousands of copies, and making and collecting
 * an object for each took longer than finding them.
 */
export interface OccurrenceGroup {
  file: string;
  /** The token's length in characters. */
  length: number;
  /** Each stored copy's 1-based line and column (hits.ts). */
  lines: readonly number[];
  columns: readonly number[];
  /** For a HAR: each copy's location, made safe to print (see `hidden`), in the same order. */
  located?: ({ where: HarLocation; whereText: string } | undefined)[];
}

export type LiveState = 'live' | 'expired' | 'not-yet-valid';

export interface ReportedToken {
  fingerprint: string;
  /** The placeholder that stands for the token in reports and in redacted copies. */
  redacted: string;
  summary: FoundTokenSummary;
  state: LiveState;
  /** Every stored occurrence in every file, file by file (`count` counts them all). */
  groups: OccurrenceGroup[];
  count: number;
}

/** The first `limit` occurrences of a token as objects (every one when no limit is given). */
export function occurrencesOf(token: ReportedToken, limit = Infinity): ReportedOccurrence[] {
  const out: ReportedOccurrence[] = [];
  for (const group of token.groups) {
    for (let i = 0; i < group.lines.length; i++) {
      if (out.length >= limit) return out;
      const reported: ReportedOccurrence = {
        file: group.file,
        line: group.lines[i]!,
        column: group.columns[i]!,
        length: group.length,
      };
      const located = group.located?.[i];
      if (located) Object.assign(reported, located);
      out.push(reported);
    }
  }
  return out;
}

export interface ScanReport {
  now: Date;
  files: number;
  bytes: number;
  /** Files not read: binary, or excluded by a .gitignore. */
  skipped: { binary: number; ignored: number };
  tokens: ReportedToken[];
}

/**
 * "live": usable now (valid, expiring soon, or no exp at all, which never expires; a JWE's claims are
 * encrypted, so it counts as live too). "not-yet-valid" becomes usable later, so --fail-on live fails on it.
 */
export function liveState(summary: FoundTokenSummary): LiveState {
  if (summary.expiry.kind === 'expired') return 'expired';
  if (summary.expiry.kind === 'not-yet-valid') return 'not-yet-valid';
  return 'live';
}

export class ReportBuilder {
  private readonly byFingerprint = new Map<string, ReportedToken>();
  private files = 0;
  private bytes = 0;

  /**
   * `matcher`: one for every placeholder, so each token in a report is decoded and hashed once; the
   * scan's own, when the tokens were found on this thread, so not even once more.
   */
  constructor(
    private readonly now: Date,
    private readonly matcher: TokenMatcher = new TokenMatcher(now),
  ) {}

  add(scan: FileScan, displayPath: string): void {
    this.files++;
    this.bytes += scan.bytes;
    for (const hits of scan.hits) {
      let token = this.byFingerprint.get(hits.fingerprint);
      if (!token) {
        const summary = summarizeToken(this.found(hits), this.now);
        token = {
          fingerprint: hits.fingerprint,
          redacted: redactText(hits.token, 'placeholder', this.matcher).text,
          summary,
          state: liveState(summary),
          groups: [],
          count: 0,
        };
        this.byFingerprint.set(hits.fingerprint, token);
      }
      token.count += hits.count;
      if (hits.lines.length === 0) continue;
      const group: OccurrenceGroup = {
        file: displayPath,
        length: hits.token.length,
        lines: hits.lines,
        columns: hits.columns,
      };
      if (hits.where) group.located = hits.where.map((where) => where && hidden(where, this.matcher));
      token.groups.push(group);
    }
  }

  /**
   * The token as lib's summary wants it, decoded by the report's matcher: a cache hit when the tokens
   * were found on this thread, one decode per distinct token when a worker found them.
   */
  private found(hits: TokenHits): FoundToken {
    const match = this.matcher.match(hits.token).tokens.find((m) => m.token === hits.token);
    return {
      token: hits.token,
      kind: hits.kind,
      fingerprint: hits.fingerprint,
      count: hits.count,
      occurrences: hits.lines.slice(0, 1).map((line) => ({ index: 0, line, column: hits.columns[0]! })),
      decoded: match?.known.decoded ?? decodeToken(hits.token, { now: this.now }),
    };
  }

  build(skipped: ScanReport['skipped'] = { binary: 0, ignored: 0 }): ScanReport {
    const order: Record<LiveState, number> = { live: 0, 'not-yet-valid': 1, expired: 2 };
    const tokens = [...this.byFingerprint.values()];
    // Live credentials first, then by expiry (soonest first), as the page's "Tokens found" table.
    tokens.sort(
      (a, b) =>
        order[a.state] - order[b.state] ||
        (a.summary.expMs ?? Number.MAX_SAFE_INTEGER) - (b.summary.expMs ?? Number.MAX_SAFE_INTEGER) ||
        (a.fingerprint < b.fingerprint ? -1 : 1),
    );
    return { now: this.now, files: this.files, bytes: this.bytes, skipped, tokens };
  }
}

/**
 * A HAR location's path keeps its query string (`/v1/orders?access_token=eyJ…`), possibly cut short, so
 * it can hold part of the very token it locates, where redactText no longer recognises a token. The
 * parameter names say enough: every query value is elided before any view sees the path.
 */
function hidden(where: HarLocation, matcher: TokenMatcher): { where: HarLocation; whereText: string } {
  const safe: HarLocation = {
    ...where,
    ...(where.path !== undefined
      ? { path: withoutQueryValues(redactText(where.path, 'placeholder', matcher).text) }
      : {}),
    field: redactText(where.field, 'placeholder', matcher).text,
  };
  return { where: safe, whereText: describeLocation(safe) };
}

function withoutQueryValues(path: string): string {
  const q = path.indexOf('?');
  if (q < 0) return path;
  const names = path
    .slice(q + 1)
    .split('&')
    .map((pair) => `${pair.split('=')[0]}=…`);
  return `${path.slice(0, q)}?${names.join('&')}`;
}
