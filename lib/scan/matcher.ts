/**
 * Judging candidate spans as tokens, each distinct token decoded once. Logs repeat the same few tokens
 * thousands of times, so a copy of a token already judged is recognised where it stands (a short key
 * from its signature, then one exact comparison) without running the candidate regex, decoding the
 * header or allocating a span: that is most of a scan's time on a real log.
 */
import { decodeToken } from '../token/decode';
import type { DecodeResult } from '../types';
import { candidateAt, HeaderCache, nextHeaderStart, openTail, spanIn, type TokenSpan } from './candidates';
import { tokenFingerprint } from './fingerprint';
import type { FoundKind } from './types';

/** One distinct token the matcher has judged: the same object for every copy of the token. */
export interface KnownToken {
  token: string;
  kind: FoundKind;
  /** undefined: the span does not decode as a token. */
  decoded: DecodeResult | undefined;
  /** The token's span relative to its start, for copies recognised without a span of their own. */
  relative?: TokenSpan;
  /** tokenFingerprint of `token`, once asked for (fingerprintOf). */
  fingerprint?: string;
}

/** The token's fingerprint, hashed once per distinct token however many scans and redactions ask. */
export function fingerprintOf(known: KnownToken): string {
  known.fingerprint ??= tokenFingerprint(known.token);
  return known.fingerprint;
}

/** A known token that decoded: what the scanner reports. */
export type ValidToken = KnownToken & { decoded: DecodeResult };

/** A validated token's span as decoded: what `redactText` and the HAR walk also need. */
export interface MatchedToken {
  span: TokenSpan;
  token: string;
  kind: FoundKind;
  decoded: DecodeResult;
  /** Identity of the distinct token: compare these instead of hashing token text again. */
  known: ValidToken;
}

/** Characters of the signature (or the token's end) that key the cache; random for signed tokens. */
const KEY_CHARS = 24;
const DOT = 46;
const TILDE = 126;
/** Real JOSE headers are a few hundred characters (as in candidates.ts). */
const MAX_HEADER_CHARS = 8192;

/** `[A-Za-z0-9_-]`: a character that would make the token's last segment longer. */
function isBase64url(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45;
}

/**
 * Key of the token starting at `h` in `text`: header length, payload length and every third of the
 * 24 characters after the second dot (a signature or JWE key, random for real tokens). -1 when the
 * text has no room for the key. `d1` and `d2` are the first two dots after `h`.
 */
function fastKey(text: string, h: number, d1: number, d2: number): number {
  const s = d2 + 1;
  if (s + KEY_CHARS > text.length) return -1;
  let key = Math.imul(d1 - h, 65599) + (d2 - d1);
  for (let i = s; i < s + KEY_CHARS; i += 3) key = (Math.imul(key, 31) + text.charCodeAt(i)) | 0;
  return key;
}

/**
 * Decodes spans to tokens, each distinct token once. A span that fails to decode as a whole is not a
 * token (e.g. a header glued to random text); an SD-JWT that fails falls back to its issuer JWT.
 * Copies are recognised by a short key plus an exact comparison in place, so a log repeating a
 * 1 KB token does not hash 1 KB per copy.
 */
export class TokenMatcher {
  private readonly headers = new HeaderCache();
  private readonly known = new Map<number, KnownToken[]>();
  /** Valid JWS, unsecured JWT and JWE tokens by fastKey, for copies recognised in place. */
  private readonly fast = new Map<number, KnownToken[]>();
  /** Two remembered "next dot" answers: any position in [from, dot] has that next dot. */
  private dotFromA = 1;
  private dotA = 0;
  private dotFromB = 1;
  private dotB = 0;
  private dotText = '';

  constructor(private readonly now: Date) {}

  /** Every valid token in `text`; see findTokenSpans for `final` and `resumeAt`. */
  match(text: string, final = true): { tokens: MatchedToken[]; resumeAt: number } {
    const tokens: MatchedToken[] = [];
    const resumeAt = this.scan(text, final, (known, start, span) => {
      tokens.push({
        span: span ?? shift(known.relative!, start),
        token: known.token,
        kind: known.kind,
        decoded: known.decoded,
        known,
      });
    });
    return { tokens, resumeAt };
  }

  /**
   * Calls `onToken` for every valid token copy in `text`, in order, and returns where to resume (as
   * findTokenSpans). The same spans as findTokenSpans plus decoding, only faster for repeated tokens.
   */
  scan(
    text: string,
    final: boolean,
    onToken: (known: ValidToken, start: number, span?: TokenSpan) => void,
  ): number {
    let end = 0;
    this.dotText = text;
    this.dotFromA = this.dotFromB = 1;
    this.dotA = this.dotB = 0;
    for (let h = nextHeaderStart(text, 0); h !== -1; h = nextHeaderStart(text, h + 1)) {
      const copy = this.copyAt(text, h, final);
      if (copy !== undefined) {
        onToken(copy, h);
        end = h + copy.token.length;
        h = end - 1;
        continue;
      }
      const run = candidateAt(text, h);
      if (run === null) continue;
      const span = spanIn(run, h, this.headers, !final && h + run.length === text.length);
      if (span === 'incomplete') return h;
      if (span === null) continue;
      end = span.end;
      const matched = this.decodeSpan(text, span);
      if (matched) onToken(matched.known, matched.span.start, matched.span);
      // The next candidate starts after this span (a header inside it is not another token).
      h = end - 1;
    }
    return final ? text.length : Math.max(end, openTail(text));
  }

  /** The next `.` at or after `p` in the text being scanned; positions asked only grow per slot. */
  private nextDot(p: number, slot: 'a' | 'b'): number {
    if (p >= this.dotFromA && (p <= this.dotA || this.dotA === -1)) return this.dotA;
    if (p >= this.dotFromB && (p <= this.dotB || this.dotB === -1)) return this.dotB;
    const dot = this.dotText.indexOf('.', p);
    if (slot === 'a') {
      this.dotFromA = p;
      this.dotA = dot;
    } else {
      this.dotFromB = p;
      this.dotB = dot;
    }
    return dot;
  }

  /**
   * A token already judged valid that stands whole at `h`, ending where findTokenSpans would end its
   * span: the next character is not base64url, and not `~` (which would make a JWS an SD-JWT).
   */
  private copyAt(text: string, h: number, final: boolean): ValidToken | undefined {
    if (this.fast.size === 0) return undefined;
    const d1 = this.nextDot(h + 3, 'a');
    if (d1 === -1 || d1 - h > MAX_HEADER_CHARS) return undefined;
    const d2 = this.nextDot(d1 + 1, 'b');
    if (d2 === -1) return undefined;
    const list = this.fast.get(fastKey(text, h, d1, d2));
    if (list === undefined) return undefined;
    for (const known of list) {
      const end = h + known.token.length;
      // A token touching the end of a chunk may go on in the next one: leave it to the full path.
      if (end > text.length || (end === text.length && !final)) continue;
      const next = text.charCodeAt(end);
      if (isBase64url(next) || (next === TILDE && known.kind !== 'jwe')) continue;
      // `slice ===` compares flat memory; `startsWith` is several times slower in V8.
      if (text.slice(h, end) === known.token) return known as ValidToken;
    }
    return undefined;
  }

  private decodeSpan(text: string, span: TokenSpan): MatchedToken | undefined {
    const known = this.lookup(text, span);
    if (known.decoded)
      return {
        span,
        token: known.token,
        kind: known.kind,
        decoded: known.decoded,
        known: known as ValidToken,
      };
    if (span.kind !== 'sd-jwt') return undefined;
    const kind: FoundKind = span.alg === 'none' ? 'unsecured' : 'jws';
    const issuerSpan: TokenSpan = { ...span, end: span.signatureEnd, kind, kbSignature: undefined };
    const issuer = this.lookup(text, issuerSpan);
    if (!issuer.decoded) return undefined;
    const valid = issuer as ValidToken;
    return { span: issuerSpan, token: issuer.token, kind, decoded: issuer.decoded, known: valid };
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
    if (known.decoded && span.kind !== 'sd-jwt') this.remember(known, span);
    return known;
  }

  /** Indexes a valid token for copyAt. SD-JWTs are left to the full path (their end is subtler). */
  private remember(known: KnownToken, span: TokenSpan): void {
    const token = known.token;
    const d1 = token.indexOf('.');
    const d2 = token.indexOf('.', d1 + 1);
    if (d1 === -1 || d2 === -1 || token.charCodeAt(d1) !== DOT) return;
    const key = fastKey(token, 0, d1, d2);
    if (key === -1) return;
    known.relative = shift(span, -span.start);
    const list = this.fast.get(key);
    if (list) list.push(known);
    else this.fast.set(key, [known]);
  }
}

/** `span` moved by `by` characters. */
function shift(span: TokenSpan, by: number): TokenSpan {
  return {
    start: span.start + by,
    end: span.end + by,
    kind: span.kind,
    signatureStart: span.signatureStart + by,
    signatureEnd: span.signatureEnd + by,
    kbSignature: span.kbSignature && [span.kbSignature[0] + by, span.kbSignature[1] + by],
    alg: span.alg,
    enc: span.enc,
  };
}
