/**
 * The scan report: one entry per distinct token across every file, keyed by lib's fingerprint, with
 * everything the text, JSON and SARIF views print. It never holds a printable whole token: only the
 * fingerprint and the placeholder form lib's redactText gives ("[JWT sha256:… alg=RS256]").
 */
import {
  describeLocation,
  redactText,
  summarizeToken,
  TokenMatcher,
  type FoundToken,
  type FoundTokenSummary,
  type HarLocation,
} from '../../lib/index';
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

export type LiveState = 'live' | 'expired' | 'not-yet-valid';

export interface ReportedToken {
  fingerprint: string;
  /** The placeholder that stands for the token in reports and in redacted copies. */
  redacted: string;
  summary: FoundTokenSummary;
  state: LiveState;
  /** Every occurrence in every file (the stored ones; `count` counts them all). */
  occurrences: ReportedOccurrence[];
  count: number;
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
  private readonly byFingerprint = new Map<string, { token: ReportedToken; found: FoundToken }>();
  /** One matcher for every placeholder: each token in a report is decoded and hashed once. */
  private readonly matcher = new TokenMatcher(new Date(0));
  private files = 0;
  private bytes = 0;

  constructor(private readonly now: Date) {}

  add(scan: FileScan, displayPath: string): void {
    this.files++;
    this.bytes += scan.bytes;
    for (const found of scan.tokens) {
      let entry = this.byFingerprint.get(found.fingerprint);
      if (!entry) {
        const summary = summarizeToken(found, this.now);
        entry = {
          found,
          token: {
            fingerprint: found.fingerprint,
            redacted: redactText(found.token, 'placeholder', this.matcher).text,
            summary,
            state: liveState(summary),
            occurrences: [],
            count: 0,
          },
        };
        this.byFingerprint.set(found.fingerprint, entry);
      }
      entry.token.count += found.count;
      for (const occ of found.occurrences) {
        entry.token.occurrences.push({
          file: displayPath,
          line: occ.line,
          column: occ.column,
          length: found.token.length,
          ...(occ.where ? hidden(occ.where, this.matcher) : {}),
        });
      }
    }
  }

  build(skipped: ScanReport['skipped'] = { binary: 0, ignored: 0 }): ScanReport {
    const order: Record<LiveState, number> = { live: 0, 'not-yet-valid': 1, expired: 2 };
    const tokens = [...this.byFingerprint.values()].map((e) => e.token);
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
