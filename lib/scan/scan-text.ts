/**
 * Scanning text for tokens: one pass over the text (matcher.ts: candidate spans, each distinct token
 * decoded once, copies recognised in place), each token keyed by its fingerprint. `createTextScanner` takes the text in
 * chunks (a worker reading a file, the CLI reading a stream); `scanText` is one chunk.
 */
import { fingerprintOf, TokenMatcher, type ValidToken } from './matcher';
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
  /**
   * Exactly as `push('\n'.repeat(count))`, without building or reading that text: for a caller that
   * skips lines it knows hold no token (the CLI finds them in raw bytes) and only counts their breaks.
   */
  newlines(count: number): void;
  /** Characters consumed so far, for progress. */
  readonly consumed: number;
  /** Ends the text and returns every token, sorted by expiry (live first). */
  finish(): ScanResult;
}

export { TokenMatcher, type KnownToken, type MatchedToken, type ValidToken } from './matcher';

export interface TextScannerOptions extends ScanOptions {
  /** Offset, line and column of the first chunk, when the caller has already read text before it. */
  start?: { index: number; line: number; column: number };
  /**
   * A matcher to share with other scans judged at the same `now` (the CLI scans many files), so each
   * distinct token is decoded once in all of them rather than once per file.
   */
  matcher?: TokenMatcher;
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

  /** `count` line breaks were passed over, the last one just before absolute offset `next`. */
  skipLines(count: number, next: number): void {
    this.line += count;
    this.lineStart = next;
    this.cursor = next;
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

/** Stored occurrences in text order as numbers, made into Occurrence objects by `fill`. */
class OccurrenceLog {
  private owners: FoundToken[] = [];
  private numbers = new Float64Array(3 * 1024);
  private size = 0;

  add(owner: FoundToken, index: number, line: number, column: number): void {
    if (3 * (this.size + 1) > this.numbers.length) {
      const bigger = new Float64Array(this.numbers.length * 2);
      bigger.set(this.numbers);
      this.numbers = bigger;
    }
    const at = 3 * this.size++;
    this.numbers[at] = index;
    this.numbers[at + 1] = line;
    this.numbers[at + 2] = column;
    this.owners.push(owner);
  }

  /** Appends every stored position to its token's `occurrences`, in text order, and empties the log. */
  fill(): void {
    const n = this.numbers;
    for (let k = 0; k < this.size; k++) {
      const occurrence: Occurrence = { index: n[3 * k]!, line: n[3 * k + 1]!, column: n[3 * k + 2]! };
      this.owners[k]!.occurrences.push(occurrence);
    }
    this.owners = [];
    this.size = 0;
  }
}

/** A distinct token's entry in a scan's results, before its first copy is counted. */
export function foundTokenOf(known: ValidToken): FoundToken {
  return {
    token: known.token,
    kind: known.kind,
    fingerprint: fingerprintOf(known),
    count: 0,
    occurrences: [],
    decoded: known.decoded,
  };
}

export function createTextScanner(options: TextScannerOptions): TextScanner {
  const now = new Date(options.now);
  const start = options.start ?? { index: 0, line: 1, column: 1 };
  const matcher = options.matcher ?? new TokenMatcher(now);
  const lines = new LineCounter(start);
  const byToken = new Map<ValidToken, FoundToken>();
  const stored = new OccurrenceLog();
  let carry = '';
  let base = start.index;
  let consumed = 0;

  const record = (known: ValidToken, start: number, text: string) => {
    const index = base + start;
    lines.advance(text, base, index);
    let found = byToken.get(known);
    if (found === undefined) {
      found = foundTokenOf(known);
      byToken.set(known, found);
    }
    // Positions are kept as numbers and made objects at the end: no garbage collector work per copy.
    if (found.count++ < MAX_STORED_OCCURRENCES)
      stored.add(found, index, lines.line, index - lines.lineStart + 1);
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

  const push = (chunk: string) => {
    consumed += chunk.length;
    const text = carry === '' ? chunk : carry + chunk;
    carry = '';
    scan(text, false);
  };

  return {
    push,
    newlines(count: number) {
      if (count <= 0) return;
      // A line break ends any candidate, so text held back resolves on the first one.
      if (carry !== '') {
        push('\n');
        if (--count === 0) return;
      }
      consumed += count;
      base += count;
      lines.skipLines(count, base);
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
      stored.fill();
      const tokens = [...byToken.values()];
      return { tokens: sortByExpiry(tokens, now.getTime()) };
    },
  };
}

/** Every token in `text`, one FoundToken per distinct token, sorted by expiry (live first). */
export function scanText(text: string, options: ScanOptions & { matcher?: TokenMatcher }): ScanResult {
  if (typeof text !== 'string') return { tokens: [] };
  const scanner = createTextScanner(options);
  scanner.push(text);
  return scanner.finish();
}
