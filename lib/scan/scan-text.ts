/**
 * Scanning text for tokens: one pass for candidate spans (candidates.ts), then each distinct token is
 * decoded once with decodeToken and keyed by its fingerprint. `createTextScanner` takes the text in
 * chunks (a worker reading a file, the CLI reading a stream); `scanText` is one chunk.
 */
import { decodeToken } from '../token/decode';
import type { DecodeResult } from '../types';
import { findTokenSpans, HeaderCache, type TokenSpan } from './candidates';
import { tokenFingerprint } from './fingerprint';
import { sortByExpiry } from './sort';
import {
  MAX_STORED_OCCURRENCES,
  type FoundKind,
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

export interface TextScannerOptions extends ScanOptions {
  /** Offset, line and column of the first chunk, when the caller has already read text before it. */
  start?: { index: number; line: number; column: number };
}

/** A validated token's span as decoded: what `redactText` and the HAR walk also need. */
export interface MatchedToken {
  span: TokenSpan;
  token: string;
  kind: FoundKind;
  decoded: DecodeResult;
}

/**
 * Decodes spans to tokens, each distinct token once. A span that fails to decode as a whole is not a
 * token (e.g. a header glued to random text); an SD-JWT that fails falls back to its issuer JWT.
 */
export class TokenMatcher {
  private readonly headers = new HeaderCache();
  private readonly decodedByToken = new Map<string, DecodeResult | null>();

  constructor(private readonly now: Date) {}

  /** Every valid token in `text[from, limit)`; see findTokenSpans for `final` and `resumeAt`. */
  match(
    text: string,
    from = 0,
    limit = text.length,
    final = true,
  ): { tokens: MatchedToken[]; resumeAt: number } {
    const { spans, resumeAt } = findTokenSpans(text, this.headers, { from, limit, final });
    const tokens: MatchedToken[] = [];
    for (const span of spans) {
      const matched = this.decodeSpan(text, span);
      if (matched) tokens.push(matched);
    }
    return { tokens, resumeAt };
  }

  private decodeSpan(text: string, span: TokenSpan): MatchedToken | undefined {
    const token = text.slice(span.start, span.end);
    const decoded = this.decode(token);
    if (decoded) return { span, token, kind: span.kind, decoded };
    if (span.kind !== 'sd-jwt') return undefined;
    const issuerEnd = span.signatureEnd;
    const issuerToken = text.slice(span.start, issuerEnd);
    const issuerDecoded = this.decode(issuerToken);
    if (!issuerDecoded) return undefined;
    const { kbSignature: _kb, ...rest } = span;
    void _kb;
    const kind: FoundKind = span.alg === 'none' ? 'unsecured' : 'jws';
    return { span: { ...rest, end: issuerEnd, kind }, token: issuerToken, kind, decoded: issuerDecoded };
  }

  private decode(token: string): DecodeResult | undefined {
    let decoded = this.decodedByToken.get(token);
    if (decoded === undefined) {
      const result = decodeToken(token, { now: this.now });
      decoded = result.ok ? result : null;
      this.decodedByToken.set(token, decoded);
    }
    return decoded ?? undefined;
  }
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

interface Entry {
  found: FoundToken;
}

export function createTextScanner(options: TextScannerOptions): TextScanner {
  const now = new Date(options.now);
  const start = options.start ?? { index: 0, line: 1, column: 1 };
  const matcher = new TokenMatcher(now);
  const lines = new LineCounter(start);
  const byToken = new Map<string, Entry>();
  let carry = '';
  let base = start.index;
  let consumed = 0;

  const record = (matched: MatchedToken, text: string) => {
    const index = base + matched.span.start;
    lines.advance(text, base, index);
    const occurrence: Occurrence = { index, line: lines.line, column: index - lines.lineStart + 1 };
    const entry = byToken.get(matched.token);
    if (entry) {
      entry.found.count++;
      if (entry.found.occurrences.length < MAX_STORED_OCCURRENCES) entry.found.occurrences.push(occurrence);
      return;
    }
    byToken.set(matched.token, {
      found: {
        token: matched.token,
        kind: matched.kind,
        fingerprint: tokenFingerprint(matched.token),
        count: 1,
        occurrences: [occurrence],
        decoded: matched.decoded,
      },
    });
  };

  const scan = (text: string, final: boolean) => {
    const { tokens, resumeAt } = matcher.match(text, 0, text.length, final);
    for (const matched of tokens) record(matched, text);
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
      const tokens = [...byToken.values()].map((e) => e.found);
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
