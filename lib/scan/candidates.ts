/**
 * Finding token-shaped spans in text in one pass: `indexOf('eyJ')` jumps between possible starts (every
 * JOSE header is a JSON object, and base64url of `{"` is `eyJ`), then a table lookup walks the segments.
 * No regular expression, and nothing is allocated per character, so a 100 MB log stays fast.
 * A span only counts once its header decodes to a JSON object with `alg` (RFC 7515 §4.1.1) or `enc`
 * (RFC 7516 §4.1.2); the caller then decodes the whole token. Pure and synchronous.
 */
import { decodeBase64url } from '../token/base64url';
import { isObject } from '../is-object';
import type { FoundKind } from './types';

const BASE64URL = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_')
  BASE64URL[c.charCodeAt(0)] = 1;
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
  kbSignature?: [number, number];
  alg?: string;
  enc?: string;
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

/** The end of the base64url run starting at `i`. */
export function segmentEnd(text: string, i: number, limit: number): number {
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (c >= 128 || BASE64URL[c] === 0) break;
    i++;
  }
  return i;
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
 * Every header-valid token span in `text[from, limit)`. With `final: false` a candidate touching `limit`
 * is not judged but reported through `resumeAt`, so a caller feeding chunks loses no token at a boundary.
 */
export function findTokenSpans(
  text: string,
  cache: HeaderCache,
  { from = 0, limit = text.length, final = true }: { from?: number; limit?: number; final?: boolean } = {},
): SpanScan {
  const spans: TokenSpan[] = [];
  let pos = from;
  for (;;) {
    const h = text.indexOf('eyJ', pos);
    if (h === -1 || h >= limit) {
      const tail = final ? limit : tailStart(text, limit);
      return { spans, resumeAt: Math.max(pos, tail) };
    }
    const span = spanAt(text, h, limit, cache, !final);
    if (span === 'incomplete') {
      if (!final) return { spans, resumeAt: h };
      pos = h + 1;
      continue;
    }
    if (span === null) {
      pos = h + 1;
      continue;
    }
    spans.push(span);
    pos = span.end;
  }
}

/** A chunk ending in `e` or `ey` may be the start of a token the next chunk completes. */
function tailStart(text: string, limit: number): number {
  if (limit >= 2 && text.charCodeAt(limit - 2) === 101 && text.charCodeAt(limit - 1) === 121)
    return limit - 2;
  if (limit >= 1 && text.charCodeAt(limit - 1) === 101) return limit - 1;
  return limit;
}

type SpanOutcome = TokenSpan | null | 'incomplete';

/** `open`: more text may follow `limit`, so a run reaching it is undecided rather than ended. */
function spanAt(text: string, h: number, limit: number, cache: HeaderCache, open: boolean): SpanOutcome {
  const headerEnd = segmentEnd(text, h + 3, limit);
  if (headerEnd === limit) return open ? 'incomplete' : null;
  if (text.charCodeAt(headerEnd) !== DOT || headerEnd - h > MAX_HEADER_CHARS) return null;
  const facts = cache.facts(text.slice(h, headerEnd));
  if (facts === null) return null;
  // JWE (RFC 7516 §7.1): five segments; the 2nd and 3rd may be empty (dir, no IV is not allowed but
  // is left to the decoder to judge).
  const needed = facts.enc !== undefined ? 4 : 2;
  let end = headerEnd;
  let segmentStart = headerEnd + 1;
  for (let dot = 1; dot <= needed; dot++) {
    segmentStart = end + 1;
    end = segmentEnd(text, segmentStart, limit);
    if (end === limit && open) return 'incomplete';
    if (dot < needed && text.charCodeAt(end) !== DOT) return null;
  }
  const signatureStart = segmentStart;
  const signatureEnd = end;
  const base = {
    start: h,
    signatureStart,
    signatureEnd,
    ...(facts.alg !== undefined ? { alg: facts.alg } : {}),
    ...(facts.enc !== undefined ? { enc: facts.enc } : {}),
  };
  if (facts.enc !== undefined) return { ...base, end, kind: 'jwe' };
  if (text.charCodeAt(end) === TILDE) return sdJwtSpan(text, base, end, limit, open);
  return { ...base, end, kind: facts.alg === 'none' ? 'unsecured' : 'jws' };
}

/** SD-JWT (RFC 9901 §4): `<JWT>~<disclosure>~...~<KB-JWT or nothing>`. */
function sdJwtSpan(
  text: string,
  base: Omit<TokenSpan, 'end' | 'kind'>,
  tilde: number,
  limit: number,
  open: boolean,
): SpanOutcome {
  let end = tilde;
  while (end < limit && text.charCodeAt(end) === TILDE) {
    const next = segmentEnd(text, end + 1, limit);
    if (next === limit && open) return 'incomplete';
    if (next === end + 1) return { ...base, end: end + 1, kind: 'sd-jwt' };
    if (text.charCodeAt(next) !== DOT) {
      end = next;
      continue;
    }
    // The key-binding JWT: two more segments after this header.
    const payloadEnd = segmentEnd(text, next + 1, limit);
    if (payloadEnd === limit && open) return 'incomplete';
    if (text.charCodeAt(payloadEnd) !== DOT) return { ...base, end, kind: 'sd-jwt' };
    const sigEnd = segmentEnd(text, payloadEnd + 1, limit);
    if (sigEnd === limit && open) return 'incomplete';
    return { ...base, end: sigEnd, kind: 'sd-jwt', kbSignature: [payloadEnd + 1, sigEnd] };
  }
  // Disclosures without the closing `~`: the last one is really a malformed KB-JWT; keep what is sure.
  return { ...base, end, kind: 'sd-jwt' };
}
