/**
 * Scanning a text file at its markers (marker-scan.ts gives every `eyJ` with its line). A copy of a
 * token already judged is recognised in the raw bytes: a key from its lengths and signature, then one
 * native comparison (ByteCopies). Anything else, from that marker to the end of its line, is decoded
 * and judged by lib's TokenMatcher, which also remembers each new token for ByteCopies. A token never
 * spans a line break, so the result is what lib's scanText finds in the whole text, line and column
 * alike (columns in UTF-16 code units, as lib counts them).
 */
import { isAscii } from 'node:buffer';
import {
  MAX_STORED_OCCURRENCES,
  type FoundToken,
  type MatchedToken,
  type TokenMatcher,
} from '../../lib/index';
import { nodeCrypto } from '../lazy-builtins';
import type { TokenHits } from './hits';
import { MarkerScan, type MarkedChunk } from './marker-scan';

/** A token lib's matcher has judged valid: the same object for every copy. */
type ValidToken = MatchedToken['known'];

const DOT = 0x2e;
const TILDE = 0x7e;
const NEWLINE = 0x0a;
/** Characters of the signature that key a copy (as lib's matcher): random for real tokens. */
const KEY_CHARS = 24;
/** Where a HAR's `"entries": [` line is looked for: after `log.pages`, which is short in exports. */
const HEAD_BYTES = 64 * 1024;
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
  known.fingerprint ??= nodeCrypto()
    .createHash('sha256')
    .update(known.token, 'utf8')
    .digest('hex')
    .slice(0, 16);
  return known.fingerprint;
}

/** One file's copies, token by token, in text order, as numbers (hits.ts). */
class FileTokens {
  private readonly byToken = new Map<ValidToken, { hits: TokenHits; offsets: number[] }>();

  /** `offsets`: also keep each stored copy's byte offset in the file (for the HAR locator). */
  constructor(private readonly keepOffsets: boolean) {}

  add(known: ValidToken, line: number, column: number, offset: number): void {
    let entry = this.byToken.get(known);
    if (entry === undefined) {
      const fingerprint = fingerprintOf(known);
      const hits = { token: known.token, kind: known.kind, fingerprint, count: 0, lines: [], columns: [] };
      entry = { hits, offsets: [] };
      this.byToken.set(known, entry);
    }
    const { hits } = entry;
    if (hits.count++ < MAX_STORED_OCCURRENCES) {
      hits.lines.push(line);
      hits.columns.push(column);
      if (this.keepOffsets) entry.offsets.push(offset);
    }
  }

  get size(): number {
    return this.byToken.size;
  }

  hits(): TokenHits[] {
    return [...this.byToken.values()].map((entry) => entry.hits);
  }

  /** lib's form, occurrence indexes being byte offsets (UTF-16 offsets too, in an ASCII file). */
  found(): FoundToken[] {
    return [...this.byToken].map(([known, { hits, offsets }]) => ({
      token: known.token,
      kind: known.kind,
      fingerprint: hits.fingerprint,
      count: hits.count,
      occurrences: offsets.map((index, i) => ({ index, line: hits.lines[i]!, column: hits.columns[i]! })),
      decoded: known.decoded,
    }));
  }
}

/** UTF-16 code units in `bytes[from, to)` (the column's unit); `ascii`: the whole chunk is ASCII. */
function charsBetween(bytes: Buffer, from: number, to: number, ascii: boolean): number {
  return ascii || isAscii(bytes.subarray(from, to)) ? to - from : bytes.toString('utf8', from, to).length;
}

/** Every token in the file, or 'long-line' when a line is too long to read whole (see marker-scan.ts). */
export function scanTextFile(path: string, context: ScanContext): TokenHits[] | 'long-line' {
  const tokens = new FileTokens(false);
  let lineBase = 1; // the line the current chunk starts on
  let offsetBase = 0; // the chunk's first byte in the file
  const onChunk = (chunk: MarkedChunk) => {
    scanChunk(chunk, lineBase, offsetBase, tokens, context);
    lineBase += chunk.newlines;
    offsetBase += chunk.bytes.length;
  };
  const done = MarkerScan.shared().scanFile(path, onChunk);
  return done === 'long-line' ? done : tokens.hits();
}

/** A whole file swept at its markers (scanWholeAtMarkers). */
export interface MarkerFileScan {
  tokens: FileTokens;
  /** Whether every byte of the file is ASCII. */
  ascii: boolean;
  /** The byte offsets of the file's lines indented no deeper than asked. */
  shallow: number[];
  /** The file's bytes, valid until the next scan. */
  bytes: Buffer;
}

/**
 * A whole file (at most `limit` bytes) swept as one chunk; `bytes` are valid until the next scan.
 * `indentOf` reads the start of the file and says which shallow lines to list (marker-scan.ts).
 */
export function scanWholeAtMarkers<Indent extends { indent: ' ' | '\t'; depth: number }>(
  path: string,
  limit: number,
  context: ScanContext,
  indentOf: (head: string) => Indent | undefined,
): (MarkerFileScan & { indent: Indent | undefined }) | undefined {
  let indent: Indent | undefined;
  const chunk = MarkerScan.shared().scanWhole(path, limit, (head) => {
    indent = indentOf(head.toString('latin1', 0, Math.min(head.length, HEAD_BYTES)));
    return indent && { indent: indent.indent.charCodeAt(0), depth: indent.depth };
  });
  if (chunk === undefined) return undefined;
  const tokens = new FileTokens(true);
  scanChunk(chunk, 1, 0, tokens, context);
  return { tokens, ascii: chunk.ascii, shallow: chunk.shallow, bytes: chunk.bytes, indent };
}

function scanChunk(
  { bytes, markers, count, ascii }: MarkedChunk,
  lineBase: number,
  offsetBase: number,
  found: FileTokens,
  { matcher, copies }: ScanContext,
): void {
  const end = bytes.length;
  let resume = 0; // markers before this offset lie inside a token or a line already judged
  for (let k = 0; k < count; k++) {
    const h = markers[2 * k]!;
    if (h < resume) continue;
    const line = lineBase + markers[2 * k + 1]!;
    const lineStart = h === 0 ? 0 : bytes.lastIndexOf(NEWLINE, h - 1) + 1;
    const prefix = charsBetween(bytes, lineStart, h, ascii);
    const copy = copies.at(bytes, h, end);
    if (copy !== undefined) {
      found.add(copy, line, prefix + 1, offsetBase + h);
      resume = h + copy.token.length;
      continue;
    }
    // The full path, for the rest of the line: lib judges it as scanText would.
    const lineBreak = bytes.indexOf(NEWLINE, h);
    const lineEnd = lineBreak === -1 ? end : lineBreak;
    const text = bytes.toString('utf8', h, lineEnd);
    let from = h; // in bytes: where the previous token of this line ended
    for (const m of matcher.match(text).tokens) {
      // A token is ASCII, so its bytes stand in the line as its text does: the first copy after the
      // previous token is it (counting decoded characters back to bytes would miscount a byte that
      // is not UTF-8, which decodes to one three-byte U+FFFD).
      const at = ascii ? h + m.span.start : bytes.indexOf(m.token, from, 'latin1');
      found.add(m.known, line, prefix + m.span.start + 1, offsetBase + at);
      from = at + m.token.length;
      copies.remember(m.known);
    }
    resume = lineEnd;
  }
}
