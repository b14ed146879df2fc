/**
 * Scanning text for tokens: one pass over the text (matcher.ts: candidate spans, each distinct token
 * decoded once, copies recognised in place), each token keyed by its fingerprint. `createTextScanner` takes the text in
 * chunks (a worker reading a file, the CLI reading a stream); `scanText` is one chunk.
 */
import { tokenFingerprint } from './fingerprint';
import { TokenMatcher, type ValidToken } from './matcher';
import { sortByExpiry } from './sort';
import {
  MAX_STORED_OCCURRENCES,
  type FoundToken,
  type Occurrence,
  type ScanOptions,
  type ScanResult,
} from './types';

/** A candidate that runs longer than this across chunks is not a token anyone logged; it is dropped. */
const MAX_CARRY_CHARS = 16 * 1024 * 1024;

export interface TextScanner {
  /** Scans the next piece of the text; a token split across two pushes is still found once. */
  push(chunk: string): void;
  /** Characters consumed so far, for progress. */
  readonly consumed: number;
  /** Ends the text and returns every token, sorted by expiry (live first). */
  finish(): ScanResult;
}

export { TokenMatcher, type KnownToken, type MatchedToken, type ValidToken } from './matcher';

export interface TextScannerOptions extends ScanOptions {
  /** Offset, line and column of the first chunk, when the caller has already read text before it. */
  start?: { index: number; line: number; column: number };
}

/** Counts lines up to any offset, moving forward only, with one native indexOf per line. */
class LineCounter {
  line: number;
  lineStart: number;
  private cursor: number;

  constructor(start: { index: number; line: number; column: number }) {
    this.line = start.line;
    this.lineStart = start.index - (start.column - 1);
    this.cursor = start.index;
  }

  /** Advances to absolute offset `index`; `text` begins at absolute offset `base`. */
  advance(text: string, base: number, index: number): void {
    let nl = text.indexOf('\n', this.cursor - base);
    while (nl !== -1 && nl + base < index) {
      this.line++;
      this.lineStart = nl + base + 1;
      nl = text.indexOf('\n', nl + 1);
    }
    this.cursor = index;
  }
}

export function createTextScanner(options: TextScannerOptions): TextScanner {
  const now = new Date(options.now);
  const start = options.start ?? { index: 0, line: 1, column: 1 };
  const matcher = new TokenMatcher(now);
  const lines = new LineCounter(start);
  const byToken = new Map<ValidToken, FoundToken>();
  let carry = '';
  let base = start.index;
  let consumed = 0;

  const record = (known: ValidToken, start: number, text: string) => {
    const index = base + start;
    lines.advance(text, base, index);
    const occurrence: Occurrence = { index, line: lines.line, column: index - lines.lineStart + 1 };
    const found = byToken.get(known);
    if (found) {
      found.count++;
      if (found.occurrences.length < MAX_STORED_OCCURRENCES) found.occurrences.push(occurrence);
      return;
    }
    byToken.set(known, {
      token: known.token,
      kind: known.kind,
      fingerprint: tokenFingerprint(known.token),
      count: 1,
      occurrences: [occurrence],
      decoded: known.decoded,
    });
  };

  const scan = (text: string, final: boolean) => {
    const resumeAt = matcher.scan(text, final, (known, start) => record(known, start, text));
    if (final) return;
    // Count the lines of the part dropped now, since the next buffer starts at `resumeAt`.
    const keepFrom = text.length - resumeAt > MAX_CARRY_CHARS ? text.length : resumeAt;
    lines.advance(text, base, base + keepFrom);
    carry = text.slice(keepFrom);
    base += keepFrom;
  };

  return {
    push(chunk: string) {
      consumed += chunk.length;
      const text = carry === '' ? chunk : carry + chunk;
      carry = '';
      scan(text, false);
    },
    get consumed() {
      return consumed;
    },
    finish(): ScanResult {
      if (carry !== '') {
        const text = carry;
        carry = '';
        scan(text, true);
      }
      const tokens = [...byToken.values()];
      return { tokens: sortByExpiry(tokens, now.getTime()) };
    },
  };
}

/** Every token in `text`, one FoundToken per distinct token, sorted by expiry (live first). */
export function scanText(text: string, options: ScanOptions): ScanResult {
  if (typeof text !== 'string') return { tokens: [] };
  const scanner = createTextScanner(options);
  scanner.push(text);
  return scanner.finish();
}
