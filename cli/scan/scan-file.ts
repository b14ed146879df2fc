/**
 * Scanning one file. Text is read in fixed-size chunks and pushed into lib's streaming scanner, so
 * memory stays bounded for a multi-gigabyte log and every line and column is the file's own (the
 * scanner carries a token cut by a chunk edge over to the next push). A HAR, recognised by its
 * structure (lib's looksLikeHar, whatever the file is called), is read whole, since its entries are
 * one JSON document, and walked by scanHar, which also says which entry, header or field held a token.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { createTextScanner, looksLikeHar, scanHar, type FoundToken } from '../../lib/index';
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

/** Calls `onText` with successive pieces of the file as UTF-8 text; a character cut by a chunk edge is kept whole. */
export function readTextChunks(path: string, onText: (text: string) => void): void {
  const fd = openSync(path, 'r');
  try {
    const decoder = new TextDecoder('utf-8');
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    for (;;) {
      const read = readSync(fd, buffer, 0, CHUNK_BYTES, null);
      if (read === 0) break;
      const text = decoder.decode(buffer.subarray(0, read), { stream: true });
      if (text) onText(text);
    }
    const rest = decoder.decode();
    if (rest) onText(rest);
  } finally {
    closeSync(fd);
  }
}

function scanTextFile(path: string, now: Date): FoundToken[] {
  const scanner = createTextScanner({ now });
  readTextChunks(path, (text) => scanner.push(text));
  return scanner.finish().tokens;
}

export function readWhole(path: string): string {
  const parts: string[] = [];
  readTextChunks(path, (chunk) => parts.push(chunk));
  return parts.join('');
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
