/**
 * Scanning a text file at its markers (marker-scan.ts gives every `eyJ` with its line). A copy of a
 * token already judged is recognised in the raw bytes: a key from its lengths and signature, then one
 * native comparison (ByteCopies). Anything else, from that marker to the end of its line, is decoded
 * and judged by lib's TokenMatcher, which also remembers each new token for ByteCopies. A token never
 * spans a line break, so the result is what lib's scanText finds in the whole text, line and column
 * alike (columns in UTF-16 code units, as lib counts them).
 */
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { MAX_STORED_OCCURRENCES, type MatchedToken, type TokenMatcher } from '../../lib/index';
import type { TokenHits } from './hits';
import { MarkerScan, type MarkedChunk } from './marker-scan';

/** A token lib's matcher has judged valid: the same object for every copy. */
type ValidToken = MatchedToken['known'];

const DOT = 0x2e;
const TILDE = 0x7e;
const NEWLINE = 0x0a;
/** Characters of the signature that key a copy (as lib's matcher): random for real tokens. */
const KEY_CHARS = 24;
/** Real JOSE headers are a few hundred characters (as lib's candidates.ts). */
const MAX_HEADER_BYTES = 8192;

/** `[A-Za-z0-9_-]`: a byte that would make a token's last segment longer. */
function isBase64url(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45;
}

/** The key of the token at `h`: header and payload lengths and every third byte after the second dot. */
function copyKey(bytes: Uint8Array, h: number, d1: number, d2: number): number {
  let key = Math.imul(d1 - h, 65599) + (d2 - d1);
  for (let i = d2 + 1; i < d2 + 1 + KEY_CHARS; i += 3) key = (Math.imul(key, 31) + bytes[i]!) | 0;
  return key;
}

interface ByteCopy {
  bytes: Buffer;
  known: ValidToken;
}

/**
 * Tokens already judged valid, by copyKey, as bytes. SD-JWTs are left out, as lib's matcher leaves
 * them out of its own copy cache: where one ends depends on what follows it.
 */
export class ByteCopies {
  private readonly byKey = new Map<number, ByteCopy[]>();
  private readonly seen = new Set<ValidToken>();

  remember(known: ValidToken): void {
    if (known.kind === 'sd-jwt' || this.seen.has(known)) return;
    this.seen.add(known);
    const bytes = Buffer.from(known.token, 'latin1');
    const d1 = bytes.indexOf(DOT);
    const d2 = d1 === -1 ? -1 : bytes.indexOf(DOT, d1 + 1);
    if (d2 === -1 || d2 + 1 + KEY_CHARS > bytes.length) return;
    const key = copyKey(bytes, 0, d1, d2);
    const list = this.byKey.get(key);
    if (list) list.push({ bytes, known });
    else this.byKey.set(key, [{ bytes, known }]);
  }

  /** The known token standing whole at `h` in `bytes[0, end)`, ending where lib's scanner would end it. */
  at(bytes: Buffer, h: number, end: number): ValidToken | undefined {
    if (this.byKey.size === 0) return undefined;
    const d1 = bytes.indexOf(DOT, h + 3);
    if (d1 === -1 || d1 >= end || d1 - h > MAX_HEADER_BYTES) return undefined;
    const d2 = bytes.indexOf(DOT, d1 + 1);
    if (d2 === -1 || d2 + 1 + KEY_CHARS > end) return undefined;
    const list = this.byKey.get(copyKey(bytes, h, d1, d2));
    if (list === undefined) return undefined;
    for (const { bytes: token, known } of list) {
      const stop = h + token.length;
      if (stop > end) continue;
      const next = stop < end ? bytes[stop]! : NEWLINE;
      if (isBase64url(next) || (next === TILDE && known.kind !== 'jwe')) continue;
      if (token.compare(bytes, h, stop) === 0) return known;
    }
    return undefined;
  }
}

/** What the scans of one thread share: each distinct token is decoded and hashed once for all files. */
export interface ScanContext {
  matcher: TokenMatcher;
  copies: ByteCopies;
}

/**
 * lib's tokenFingerprint (the first 16 hex digits of the SHA-256 of the token's UTF-8), by Node's
 * native hash: lib's is portable JavaScript, which takes a cold process a millisecond or more per
 * token. Stored where lib's matcher caches it, so lib's placeholders use it too.
 */
export function fingerprintOf(known: ValidToken): string {
  known.fingerprint ??= createHash('sha256').update(known.token, 'utf8').digest('hex').slice(0, 16);
  return known.fingerprint;
}

/** One file's copies, token by token, in text order, as numbers (hits.ts). */
class FileTokens {
  private readonly byToken = new Map<ValidToken, TokenHits>();

  add(known: ValidToken, line: number, column: number): void {
    let hits = this.byToken.get(known);
    if (hits === undefined) {
      const fingerprint = fingerprintOf(known);
      hits = { token: known.token, kind: known.kind, fingerprint, count: 0, lines: [], columns: [] };
      this.byToken.set(known, hits);
    }
    if (hits.count++ < MAX_STORED_OCCURRENCES) {
      hits.lines.push(line);
      hits.columns.push(column);
    }
  }

  hits(): TokenHits[] {
    return [...this.byToken.values()];
  }
}

/** UTF-16 code units in `bytes[from, to)` (the column's unit); `ascii`: the whole chunk is ASCII. */
function charsBetween(bytes: Buffer, from: number, to: number, ascii: boolean): number {
  return ascii || isAscii(bytes.subarray(from, to)) ? to - from : bytes.toString('utf8', from, to).length;
}

/** Every token in the file, or 'long-line' when a line is too long to read whole (see marker-scan.ts). */
export function scanTextFile(path: string, context: ScanContext): TokenHits[] | 'long-line' {
  const found = new FileTokens();
  let lineBase = 1; // the line the current chunk starts on
  const onChunk = (chunk: MarkedChunk) => {
    scanChunk(chunk, lineBase, found, context);
    lineBase += chunk.newlines;
  };
  const done = MarkerScan.shared().scanFile(path, onChunk);
  return done === 'long-line' ? done : found.hits();
}

function scanChunk(
  { bytes, markers, count }: MarkedChunk,
  lineBase: number,
  found: FileTokens,
  { matcher, copies }: ScanContext,
): void {
  const end = bytes.length;
  // Most logs are ASCII throughout: one check per chunk rather than one per marker.
  const ascii = count > 0 && isAscii(bytes);
  let resume = 0; // markers before this offset lie inside a token or a line already judged
  for (let k = 0; k < count; k++) {
    const h = markers[2 * k]!;
    if (h < resume) continue;
    const line = lineBase + markers[2 * k + 1]!;
    const lineStart = h === 0 ? 0 : bytes.lastIndexOf(NEWLINE, h - 1) + 1;
    const prefix = charsBetween(bytes, lineStart, h, ascii);
    const copy = copies.at(bytes, h, end);
    if (copy !== undefined) {
      found.add(copy, line, prefix + 1);
      resume = h + copy.token.length;
      continue;
    }
    // The full path, for the rest of the line: lib judges it as scanText would.
    const lineBreak = bytes.indexOf(NEWLINE, h);
    const lineEnd = lineBreak === -1 ? end : lineBreak;
    const text = bytes.toString('utf8', h, lineEnd);
    for (const m of matcher.match(text).tokens) {
      found.add(m.known, line, prefix + m.span.start + 1);
      copies.remember(m.known);
    }
    resume = lineEnd;
  }
}
