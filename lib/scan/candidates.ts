/**
 * Finding token-shaped spans in text in one pass. Every JOSE header is a JSON object, and base64url of
 * `{"` is `eyJ`, so one native regex finds the runs that start so; nothing is allocated per character,
 * so a 100 MB log stays fast.
 * A span only counts once its header decodes to a JSON object with `alg` (RFC 7515 §4.1.1) or `enc`
 * (RFC 7516 §4.1.2); the caller then decodes the whole token. Pure and synchronous.
 */
import { decodeBase64url } from '../token/base64url';
import { isObject } from '../is-object';
import type { FoundKind } from './types';

const DOT = 46;
const TILDE = 126;
/** Real JOSE headers are a few hundred characters; longer runs are not worth decoding. */
const MAX_HEADER_CHARS = 8192;

export interface TokenSpan {
  start: number;
  end: number;
  kind: FoundKind;
  /** Where the JWS signature (or JWE tag) of the issuer token begins and ends, for signature stripping. */
  signatureStart: number;
  signatureEnd: number;
  /** SD-JWT: the key-binding JWT's signature, if there is one. */
  kbSignature: [number, number] | undefined;
  alg: string | undefined;
  enc: string | undefined;
}

export interface HeaderFacts {
  alg?: string;
  enc?: string;
}

/** Decoded headers by their base64url text: a log repeats the same few headers, so each decodes once. */
export class HeaderCache {
  private readonly known = new Map<string, HeaderFacts | null>();

  facts(segment: string): HeaderFacts | null {
    const hit = this.known.get(segment);
    if (hit !== undefined) return hit;
    const facts = readHeader(segment);
    if (this.known.size > 10_000) this.known.clear();
    this.known.set(segment, facts);
    return facts;
  }
}

function readHeader(segment: string): HeaderFacts | null {
  const decoded = decodeBase64url(segment);
  if (!decoded.ok) return null;
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(decoded.bytes));
  } catch {
    return null;
  }
  if (!isObject(value)) return null;
  const alg = typeof value.alg === 'string' ? value.alg : undefined;
  const enc = typeof value.enc === 'string' ? value.enc : undefined;
  if (alg === undefined && enc === undefined) return null;
  return { ...(alg !== undefined ? { alg } : {}), ...(enc !== undefined ? { enc } : {}) };
}

/**
 * A possible token: `eyJ`, the rest of a base64url header, a dot, then every base64url, `.` and `~`
 * character that follows. Tried (sticky) only where `eyJ` stands: finding those with indexOf is
 * several times faster than letting the regex search the text, which dominates on logs with few tokens.
 */
const CANDIDATE = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_.~-]*/y;
const BASE64URL = /[A-Za-z0-9_-]/;
const LOWER_E = 101;
const LOWER_Y = 121;

/**
 * The first `eyJ` at or after `from`, or -1. Searches for the `J` alone: a one-character indexOf is
 * V8's fastest native scan, and `J` is rare in log text, whereas `e`, where an `eyJ` search starts,
 * is the most common letter.
 */
export function nextHeaderStart(text: string, from: number): number {
  for (let j = text.indexOf('J', from + 2); j !== -1; j = text.indexOf('J', j + 1)) {
    if (text.charCodeAt(j - 1) === LOWER_Y && text.charCodeAt(j - 2) === LOWER_E) return j - 2;
  }
  return -1;
}

/** The end of the segment starting at `i` in a run: the next `.` or `~`, or the run's end. */
function segmentEnd(run: string, i: number): number {
  const dot = run.indexOf('.', i);
  const tilde = run.indexOf('~', i);
  if (dot === -1) return tilde === -1 ? run.length : tilde;
  return tilde === -1 || dot < tilde ? dot : tilde;
}

/** The candidate run at `h` (where `eyJ` stands), or null when no dot follows the header there. */
export function candidateAt(text: string, h: number): string | null {
  CANDIDATE.lastIndex = h;
  const m = CANDIDATE.exec(text);
  return m === null ? null : m[0];
}

export interface SpanScan {
  spans: TokenSpan[];
  /**
   * When `final` is false: the offset from which the text must be scanned again once more text arrives,
   * because a candidate ran into the end of what was given (or the text ends in `e`/`ey`).
   */
  resumeAt: number;
}

/**
 * Every header-valid token span in `text` from `from`. With `final: false` a candidate touching the end
 * is not judged but reported through `resumeAt`, so a caller feeding chunks loses no token at a boundary.
 */
export function findTokenSpans(
  text: string,
  cache: HeaderCache,
  { from = 0, final = true }: { from?: number; final?: boolean } = {},
): SpanScan {
  const spans: TokenSpan[] = [];
  let end = from;
  for (let h = nextHeaderStart(text, from); h !== -1; h = nextHeaderStart(text, h + 1)) {
    const run = candidateAt(text, h);
    if (run === null) continue;
    const span = spanIn(run, h, cache, !final && h + run.length === text.length);
    if (span === 'incomplete') return { spans, resumeAt: h };
    if (span === null) continue;
    spans.push(span);
    end = span.end;
    // The next candidate starts after this token (a header inside it is not another token).
    h = end - 1;
  }
  return { spans, resumeAt: final ? text.length : Math.max(end, openTail(text)) };
}

/**
 * Where an unfinished token may begin at the end of a chunk: the first `eyJ` of the trailing base64url
 * run (a header whose dot is still to come), or a trailing `e` or `ey`.
 */
export function openTail(text: string): number {
  let start = text.length;
  while (start > 0 && text.length - start <= MAX_HEADER_CHARS && BASE64URL.test(text[start - 1]!)) start--;
  const header = text.indexOf('eyJ', start);
  if (header !== -1) return header;
  if (text.endsWith('ey')) return text.length - 2;
  if (text.endsWith('e')) return text.length - 1;
  return text.length;
}

export type SpanOutcome = TokenSpan | null | 'incomplete';

/**
 * Judges one candidate run found at `h`. `open`: the run touches the end of a chunk, so more of it may
 * follow and a run ending there is undecided rather than ended.
 */
export function spanIn(run: string, h: number, cache: HeaderCache, open: boolean): SpanOutcome {
  const length = run.length;
  const headerEnd = run.indexOf('.');
  if (headerEnd > MAX_HEADER_CHARS) return null;
  const facts = cache.facts(run.slice(0, headerEnd));
  if (facts === null) return null;
  // JWE (RFC 7516 §7.1) has five segments, JWS (RFC 7515 §7.1) three.
  const needed = facts.enc !== undefined ? 4 : 2;
  let end = headerEnd;
  let segmentStart = headerEnd + 1;
  for (let dot = 1; dot <= needed; dot++) {
    segmentStart = end + 1;
    end = segmentEnd(run, segmentStart);
    if (end === length && open) return 'incomplete';
    if (dot < needed && run.charCodeAt(end) !== DOT) return null;
  }
  // One object shape for every span (no spreads): the scanner makes one per token copy.
  const span: TokenSpan = {
    start: h,
    end: h + end,
    kind: facts.enc !== undefined ? 'jwe' : facts.alg === 'none' ? 'unsecured' : 'jws',
    signatureStart: h + segmentStart,
    signatureEnd: h + end,
    kbSignature: undefined,
    alg: facts.alg,
    enc: facts.enc,
  };
  if (facts.enc === undefined && run.charCodeAt(end) === TILDE) return sdJwtSpan(run, span, end, open);
  return span;
}

/** SD-JWT (RFC 9901 §4): `<JWT>~<disclosure>~...~<KB-JWT or nothing>`. Positions in `run` are relative. */
function sdJwtSpan(run: string, span: TokenSpan, tilde: number, open: boolean): SpanOutcome {
  const h = span.start;
  const length = run.length;
  span.kind = 'sd-jwt';
  let end = tilde;
  while (end < length && run.charCodeAt(end) === TILDE) {
    const next = segmentEnd(run, end + 1);
    if (next === length && open) return 'incomplete';
    if (next === end + 1) {
      span.end = h + end + 1;
      return span;
    }
    if (run.charCodeAt(next) !== DOT) {
      end = next;
      continue;
    }
    // The key-binding JWT: two more segments after this header.
    const payloadEnd = segmentEnd(run, next + 1);
    if (payloadEnd === length && open) return 'incomplete';
    if (run.charCodeAt(payloadEnd) !== DOT) break;
    const sigEnd = segmentEnd(run, payloadEnd + 1);
    if (sigEnd === length && open) return 'incomplete';
    span.end = h + sigEnd;
    span.kbSignature = [h + payloadEnd + 1, h + sigEnd];
    return span;
  }
  // Disclosures without the closing `~`: the last one is really a malformed KB-JWT; keep what is sure.
  span.end = h + end;
  // Nothing after the issuer JWT was sure, so the span is that JWT alone, and of its kind: an SD-JWT
  // kind here would be cached with the token and given to every later copy of it.
  if (end === tilde) span.kind = span.alg === 'none' ? 'unsecured' : 'jws';
  return span;
}
