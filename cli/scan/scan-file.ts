/**
 * Scanning one file. Text is read in fixed-size chunks and pushed into lib's streaming scanner, so
 * memory stays bounded for a multi-gigabyte log and every line and column is the file's own (the
 * scanner carries a token cut by a chunk edge over to the next push). A HAR, recognised by its
 * structure (lib's looksLikeHar, whatever the file is called), is read whole, since its entries are
 * one JSON document, and walked by scanHar, which also says which entry, header or field held a token.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { createTextScanner, looksLikeHar, scanHar, type FoundToken, type TextScanner } from '../../lib/index';
import { systemReason } from '../input';

export const CHUNK_BYTES = 4 * 1024 * 1024;
/** A HAR larger than this is scanned as text: positions stay exact, only the entry names are lost. */
export const MAX_HAR_BYTES = 512 * 1024 * 1024;
/** looksLikeHar reads the first 2 KB of text; 8 KB of bytes covers that in any UTF-8. */
const HAR_SNIFF_BYTES = 8 * 1024;

export interface FileScan {
  path: string;
  bytes: number;
  har: boolean;
  tokens: FoundToken[];
}

export type FileScanResult = { ok: true; scan: FileScan } | { ok: false; message: string };

export function scanFile(path: string, size: number, now: Date): FileScanResult {
  try {
    if (isHarFile(path, size)) {
      const text = readWhole(path);
      const result = scanHar(text, { now });
      if (!result.error) return { ok: true, scan: { path, bytes: size, har: true, tokens: result.tokens } };
      // Not a HAR after all (e.g. cut off, so not JSON): still a text file that may hold tokens.
    }
    return { ok: true, scan: { path, bytes: size, har: false, tokens: scanTextFile(path, now) } };
  } catch (err) {
    return { ok: false, message: `Could not read ${path}: ${systemReason(err)}.` };
  }
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

/**
 * Every JOSE header is a JSON object, so its base64url starts with `eyJ` (of `{"`), and lib's scanner
 * only starts a token there; a token never spans a line break. So only the lines holding `eyJ` need
 * to be decoded from UTF-8 and scanned. They are found in the raw bytes (Buffer#indexOf, far faster
 * than decoding everything), and each run of skipped lines is pushed as that many bare newlines, so
 * the scanner's line numbers stay the file's own; a line is pushed whole, so columns are exact too.
 */
const MARKER = Buffer.from('eyJ');
const NEWLINE = 0x0a;
/** A "line" longer than this (a minified file) is scanned by the plain streaming path instead. */
const MAX_LINE_BYTES = 64 * 1024 * 1024;

function scanTextFile(path: string, now: Date): FoundToken[] {
  const scanner = createTextScanner({ now });
  const fd = openSync(path, 'r');
  let longLine = false;
  try {
    let buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let kept = 0; // bytes of an unfinished line, moved to the front of the buffer
    let skipped = 0; // line breaks passed over since the last text pushed
    for (;;) {
      const read = readSync(fd, buffer, kept, buffer.length - kept, null);
      const end = kept + read;
      if (read === 0) {
        skipped = pushMarkedLines(buffer, end, scanner, skipped);
        break;
      }
      const whole = buffer.lastIndexOf(NEWLINE, end - 1) + 1;
      if (whole === 0) {
        // No line break in the whole buffer: make room for the line, within reason.
        if (buffer.length >= MAX_LINE_BYTES) {
          longLine = true;
          break;
        }
        const bigger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(bigger, 0, 0, end);
        buffer = bigger;
        kept = end;
        continue;
      }
      skipped = pushMarkedLines(buffer, whole, scanner, skipped);
      buffer.copy(buffer, 0, whole, end);
      kept = end - whole;
    }
  } finally {
    closeSync(fd);
  }
  if (longLine) return scanTextStreaming(path, now);
  return scanner.finish().tokens;
}

/** Pushes the lines of `buffer[0, end)` that hold the marker; returns the line breaks still owed. */
function pushMarkedLines(buffer: Buffer, end: number, scanner: TextScanner, owed: number): number {
  const parts: string[] = [];
  let at = 0;
  for (let hit = buffer.indexOf(MARKER, 0); hit !== -1 && hit < end; hit = buffer.indexOf(MARKER, at)) {
    const lineStart = hit === 0 ? 0 : buffer.lastIndexOf(NEWLINE, hit - 1) + 1;
    owed += countNewlines(buffer, at, lineStart);
    const lineBreak = buffer.indexOf(NEWLINE, hit);
    const lineEnd = lineBreak === -1 || lineBreak >= end ? end : lineBreak + 1;
    if (owed > 0) parts.push('\n'.repeat(owed));
    owed = 0;
    parts.push(buffer.toString('utf8', lineStart, lineEnd));
    at = lineEnd;
    if (at >= end) break;
  }
  if (parts.length > 0) scanner.push(parts.join(''));
  return owed + countNewlines(buffer, at, end);
}

function countNewlines(buffer: Buffer, from: number, to: number): number {
  let count = 0;
  for (let i = buffer.indexOf(NEWLINE, from); i !== -1 && i < to; i = buffer.indexOf(NEWLINE, i + 1)) count++;
  return count;
}

/** The plain path: the whole file, decoded chunk by chunk, through lib's streaming scanner. */
function scanTextStreaming(path: string, now: Date): FoundToken[] {
  const scanner = createTextScanner({ now });
  readTextChunks(path, (text) => scanner.push(text));
  return scanner.finish().tokens;
}

/** A HAR is one JSON document, so it is read whole (at most MAX_HAR_BYTES). */
export function readWhole(path: string): string {
  return readFileSync(path, 'utf8');
}

function isHarFile(path: string, size: number): boolean {
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
