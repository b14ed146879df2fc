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

/** One distinct token the matcher has judged: the same object for every copy of the token. */
export interface KnownToken {
  token: string;
  kind: FoundKind;
  /** undefined: the span does not decode as a token. */
  decoded: DecodeResult | undefined;
}

/** A validated token's span as decoded: what `redactText` and the HAR walk also need. */
export interface MatchedToken {
  span: TokenSpan;
  token: string;
  kind: FoundKind;
  decoded: DecodeResult;
  /** Identity of the distinct token: compare these instead of hashing token text again. */
  known: KnownToken;
}

/** Characters of the signature (or the token's end) that key the cache; random for signed tokens. */
const KEY_CHARS = 24;

/**
 * Decodes spans to tokens, each distinct token once. A span that fails to decode as a whole is not a
 * token (e.g. a header glued to random text); an SD-JWT that fails falls back to its issuer JWT.
 * Copies are recognised by a short key plus an exact comparison in place, so a log repeating a
 * 1 KB token does not hash 1 KB per copy.
 */
export class TokenMatcher {
  private readonly headers = new HeaderCache();
  private readonly known = new Map<number, KnownToken[]>();

  constructor(private readonly now: Date) {}

  /** Every valid token in `text`; see findTokenSpans for `final` and `resumeAt`. */
  match(text: string, final = true): { tokens: MatchedToken[]; resumeAt: number } {
    const { spans, resumeAt } = findTokenSpans(text, this.headers, { final });
    const tokens: MatchedToken[] = [];
    for (const span of spans) {
      const matched = this.decodeSpan(text, span);
      if (matched) tokens.push(matched);
    }
    return { tokens, resumeAt };
  }

  private decodeSpan(text: string, span: TokenSpan): MatchedToken | undefined {
    const known = this.lookup(text, span);
    if (known.decoded) return { span, token: known.token, kind: known.kind, decoded: known.decoded, known };
    if (span.kind !== 'sd-jwt') return undefined;
    const kind: FoundKind = span.alg === 'none' ? 'unsecured' : 'jws';
    const issuerSpan: TokenSpan = { ...span, end: span.signatureEnd, kind, kbSignature: undefined };
    const issuer = this.lookup(text, issuerSpan);
    if (!issuer.decoded) return undefined;
    return { span: issuerSpan, token: issuer.token, kind, decoded: issuer.decoded, known: issuer };
  }

  private lookup(text: string, span: TokenSpan): KnownToken {
    const length = span.end - span.start;
    const keyStart =
      span.signatureEnd - span.signatureStart >= KEY_CHARS
        ? span.signatureStart
        : Math.max(span.start, span.end - KEY_CHARS);
    // A number from eight characters of the key and the length: no string to allocate and hash per copy.
    let key = length;
    const keyEnd = Math.min(keyStart + KEY_CHARS, span.end);
    for (let i = keyStart; i < keyEnd; i += 3) key = (Math.imul(key, 31) + text.charCodeAt(i)) | 0;
    // `slice ===` compares flat memory; `startsWith` and hashing the whole token are several times slower.
    const token = text.slice(span.start, span.end);
    let list = this.known.get(key);
    if (list) {
      for (const known of list) if (known.token.length === length && known.token === token) return known;
    } else {
      list = [];
      this.known.set(key, list);
    }
    const result = decodeToken(token, { now: this.now });
    const known: KnownToken = { token, kind: span.kind, decoded: result.ok ? result : undefined };
    list.push(known);
    return known;
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

export function createTextScanner(options: TextScannerOptions): TextScanner {
  const now = new Date(options.now);
  const start = options.start ?? { index: 0, line: 1, column: 1 };
  const matcher = new TokenMatcher(now);
  const lines = new LineCounter(start);
  const byToken = new Map<KnownToken, FoundToken>();
  let carry = '';
  let base = start.index;
  let consumed = 0;

  const record = (matched: MatchedToken, text: string) => {
    const index = base + matched.span.start;
    lines.advance(text, base, index);
    const occurrence: Occurrence = { index, line: lines.line, column: index - lines.lineStart + 1 };
    const found = byToken.get(matched.known);
    if (found) {
      found.count++;
      if (found.occurrences.length < MAX_STORED_OCCURRENCES) found.occurrences.push(occurrence);
      return;
    }
    byToken.set(matched.known, {
      token: matched.token,
      kind: matched.kind,
      fingerprint: tokenFingerprint(matched.token),
      count: 1,
      occurrences: [occurrence],
      decoded: matched.decoded,
    });
  };

  const scan = (text: string, final: boolean) => {
    const { tokens, resumeAt } = matcher.match(text, final);
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
