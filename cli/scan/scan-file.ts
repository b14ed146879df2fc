/**
 * Scanning one file. Text is read in fixed-size chunks of whole lines, so memory stays bounded for a
 * multi-gigabyte log, and only the bytes at each `eyJ` are looked at again (text-file.ts); a file with
 * a line too long for a chunk is decoded chunk by chunk through lib's streaming scanner instead (it
 * carries a token cut by a chunk edge over to the next push). Either way every line and column is the
 * file's own. A HAR, recognised by its structure (lib's looksLikeHar, whatever the file is called), is
 * read whole, since its entries are one JSON document, scanned as text and, when it holds tokens,
 * located entry by entry (which entry, header or field held each one).
 */
import { isAscii } from 'node:buffer';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import {
  addEncodedBodyTokens,
  addEncodedBodyTokensByEntry,
  addHarLocations,
  createTextScanner,
  ENCODED_BODY_MARK,
  harEntriesIndent,
  hasEncodedBody,
  locateHarTokensByEntry,
  looksLikeHar,
  readHar,
  scanText,
  TokenMatcher,
  type FoundToken,
  type HarText,
} from '../../lib/index';
import { CHUNK_BYTES, MAX_SHALLOW_DEPTH } from './marker-scan';
import { hitsOf, type TokenHits } from './hits';
import { ByteCopies, scanTextFile, scanWholeAtMarkers, type ScanContext } from './text-file';
import { systemReason } from '../input';

/** A HAR larger than this is scanned as text: positions stay exact, only the entry names are lost. */
export const MAX_HAR_BYTES = 512 * 1024 * 1024;
/** looksLikeHar reads the first 2 KB of text; 8 KB of bytes covers that in any UTF-8. */
const HAR_SNIFF_BYTES = 8 * 1024;
/**
 * A pretty-printed HAR up to this size is read whole into the scanner's memory (which then keeps
 * about eight times its size reserved for markers and lines); a larger one goes the string way.
 */
export const WHOLE_HAR_BYTES = 64 * 1024 * 1024;

export interface FileScan {
  path: string;
  bytes: number;
  har: boolean;
  hits: TokenHits[];
}

export type FileScanResult = { ok: true; scan: FileScan } | { ok: false; message: string };

/** What a thread's scans share, judged at `now`: each distinct token is decoded once for all files. */
export function scanContext(now: Date): ScanContext {
  return { matcher: new TokenMatcher(now), copies: new ByteCopies() };
}

export function scanFile(
  path: string,
  size: number,
  now: Date,
  context: ScanContext = scanContext(now),
): FileScanResult {
  try {
    if (isHarFile(path, size)) {
      const hits = scanHarFile(path, now, context);
      if (hits) return { ok: true, scan: { path, bytes: size, har: true, hits } };
    }
    return {
      ok: true,
      scan: { path, bytes: size, har: false, hits: scanTextOrStream(path, now, context) },
    };
  } catch (err) {
    return { ok: false, message: `Could not read ${path}: ${systemReason(err)}.` };
  }
}

/**
 * As lib's scanHar, but the text first: a HAR without a token needs no parse, nor even a string. A
 * pretty-printed one (up to WHOLE_HAR_BYTES) is read whole and swept at its markers like a text file,
 * which also lists the lines that can begin or end an entry (marker-scan.ts), and only the entries
 * holding tokens are parsed (locateHarTokensByEntry reads the bytes themselves: an ASCII file's bytes
 * are its UTF-16 code units), plus those holding a base64 body (lib's har-encoded.ts decodes those:
 * their tokens are not in the file's text). Any other, or one whose layout does not let that be sure,
 * is read into a string and parsed whole. undefined: not a HAR after all (e.g. cut off, so not JSON),
 * to be scanned as the text file it still is.
 */
function scanHarFile(path: string, now: Date, context: ScanContext): TokenHits[] | undefined {
  const { matcher } = context;
  const swept = scanWholeAtMarkers(path, WHOLE_HAR_BYTES, context, (head) => {
    const indent = harEntriesIndent(head);
    return indent && indent.depth <= MAX_SHALLOW_DEPTH ? indent : undefined;
  });
  // A body stored base64 hides its tokens from the sweep: its entry is parsed for them.
  const encoded = swept?.bytes.includes(ENCODED_BODY_MARK) === true;
  if (swept?.tokens.size === 0 && !encoded) return [];
  // In an ASCII file byte offsets are UTF-16 offsets: the sweep's tokens serve the string path too,
  // which then needs no second scan (the locator changes nothing when it returns false).
  const found = swept?.ascii ? swept.tokens.found() : undefined;
  if (found && swept?.indent) {
    const view = asciiText(swept.bytes);
    const options = { now, matcher, shallowLines: { ...swept.indent, starts: swept.shallow } };
    if (locateHarTokensByEntry(view, found, options)) {
      if (!encoded) return hitsOf(found);
      // Only the entries holding a base64 body are parsed for it (images and fonts, mostly).
      const all = addEncodedBodyTokensByEntry(view, found, options);
      if (all) return hitsOf(all);
    }
  }
  const text = readWhole(path);
  const tokens = found ?? scanText(text, { now, matcher }).tokens;
  // The sweep read the whole file, so its answer stands; only a file read here alone is searched.
  const withBodies = swept ? encoded : hasEncodedBody(text);
  if (!withBodies && (tokens.length === 0 || locateHarTokensByEntry(text, tokens, { now, matcher })))
    return hitsOf(tokens);
  const read = readHar(text);
  if (!read.ok) return undefined;
  addHarLocations(read.har, tokens, { now, matcher });
  return hitsOf(withBodies ? addEncodedBodyTokens(read.har, text, tokens, { now, matcher }) : tokens);
}

/** ASCII bytes as the string methods the HAR locator reads (no string of the whole file is made). */
function asciiText(bytes: Buffer): HarText {
  // The locator compares each token at each of its copies: those long needles go to a native
  // comparison, each made into bytes once.
  let needle = '';
  let needleBytes = Buffer.alloc(0);
  return {
    length: bytes.length,
    charCodeAt: (i) => (i >= 0 && i < bytes.length ? bytes[i]! : NaN),
    startsWith(search, at) {
      if (at < 0 || at + search.length > bytes.length) return false;
      if (search.length > 32) {
        if (search !== needle) [needle, needleBytes] = [search, Buffer.from(search, 'latin1')];
        return needleBytes.compare(bytes, at, at + search.length) === 0;
      }
      for (let k = 0; k < search.length; k++) if (bytes[at + k] !== search.charCodeAt(k)) return false;
      return true;
    },
    indexOf: (search, from = 0) => bytes.indexOf(search, from, 'latin1'),
    slice: (start, end) => bytes.toString('latin1', start, end),
  };
}

function scanTextOrStream(path: string, now: Date, context: ScanContext): TokenHits[] {
  const hits = scanTextFile(path, context);
  return hits === 'long-line' ? hitsOf(scanTextStreaming(path, now, context.matcher)) : hits;
}

/**
 * Calls `onText` with successive pieces of the file as UTF-8 text. A chunk is cut before a character
 * whose bytes it does not hold whole, and those bytes start the next chunk. Buffer#toString is used
 * rather than a streaming TextDecoder, which took about a third of all scan time in a profile.
 */
export function readTextChunks(path: string, onText: (text: string) => void): void {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let kept = 0;
    for (;;) {
      const read = readSync(fd, buffer, kept, CHUNK_BYTES - kept, null);
      const end = kept + read;
      if (read === 0) {
        if (end > 0) onText(buffer.toString('utf8', 0, end));
        break;
      }
      const cut = completeUtf8End(buffer, end);
      if (cut > 0) onText(buffer.toString('utf8', 0, cut));
      kept = end - cut;
      buffer.copy(buffer, 0, cut, end);
    }
  } finally {
    closeSync(fd);
  }
}

/** The end of the last whole UTF-8 character in `buffer[0, end)` (RFC 3629 §3: lead bytes say the length). */
export function completeUtf8End(buffer: Uint8Array, end: number): number {
  for (let back = 1; back <= 4 && back <= end; back++) {
    const byte = buffer[end - back]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back for the lead
    const length = byte < 0x80 ? 1 : byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? end - back : end;
  }
  return end; // not UTF-8 at all here: let the decoder replace it
}

/** The plain path: the whole file, decoded chunk by chunk, through lib's streaming scanner. */
export function scanTextStreaming(
  path: string,
  now: Date,
  matcher: TokenMatcher = new TokenMatcher(now),
): FoundToken[] {
  const scanner = createTextScanner({ now, matcher });
  readTextChunks(path, (text) => scanner.push(text));
  return scanner.finish().tokens;
}

/**
 * A HAR is one JSON document, so it is read whole (at most MAX_HAR_BYTES). Browsers write HARs in
 * ASCII (JSON escapes the rest), and ASCII bytes are the same text as Latin-1, which Node copies
 * without the UTF-8 decoder's work: a quarter of the time spent reading a HAR.
 */
export function readWhole(path: string): string {
  const bytes = readFileSync(path);
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

export function isHarFile(path: string, size: number): boolean {
  return size <= MAX_HAR_BYTES && looksLikeHar(readHead(path, HAR_SNIFF_BYTES));
}

function readHead(path: string, bytes: number): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const read = readSync(fd, buffer, 0, bytes, 0);
    return new TextDecoder('utf-8').decode(buffer.subarray(0, read));
  } finally {
    closeSync(fd);
  }
}
