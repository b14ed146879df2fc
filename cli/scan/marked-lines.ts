/**
 * The fast way through a text file. Every JOSE header is a JSON object, so its base64url starts with
 * `eyJ` (of `{"`), and lib's scanner only starts a token there; a token never spans a line break. So
 * only the lines holding `eyJ` need to be decoded from UTF-8 and scanned. They are found in the raw
 * bytes (Buffer#indexOf, far faster than decoding everything), and each run of skipped lines is pushed
 * as that many bare newlines, so the scanner's line numbers stay the file's own; a line is pushed
 * whole, so columns are exact too.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type { TextScanner } from '../../lib/index';

export const CHUNK_BYTES = 4 * 1024 * 1024;
const LOWER_E = 0x65;
const LOWER_Y = 0x79;
const UPPER_J = 0x4a;
const NEWLINE = 0x0a;
/** A "line" longer than this (a minified file) is scanned by the plain streaming path instead. */
const MAX_LINE_BYTES = 64 * 1024 * 1024;

/**
 * One read buffer per thread, reused for every file: a fresh 4 MB buffer per file is external memory
 * that makes V8 run full collections (a sixth of all scan time on a folder of logs).
 */
let shared: Buffer | undefined;
function chunkBuffer(): Buffer {
  shared ??= Buffer.allocUnsafe(CHUNK_BYTES);
  return shared;
}

export interface PushedFile {
  /** Line breaks in the file. */
  newlines: number;
  /** False for an empty file or one whose last line has no line break. */
  endsWithNewline: boolean;
}

interface LineState {
  /** Line breaks passed over and not pushed yet. */
  owed: number;
  /** Line breaks seen so far, pushed or owed. */
  newlines: number;
}

/**
 * Pushes the marked lines of one file into `scanner`, then the line breaks still owed, so the scanner
 * stands at the file's last line. 'long-line': the file has a line past MAX_LINE_BYTES, and the caller
 * must scan it another way (the scanner has then been given part of the file).
 */
export function pushMarkedLines(path: string, scanner: TextScanner): PushedFile | 'long-line' {
  const fd = openSync(path, 'r');
  const state: LineState = { owed: 0, newlines: 0 };
  let lastByte = -1;
  try {
    let buffer = chunkBuffer();
    let kept = 0; // bytes of an unfinished line, moved to the front of the buffer
    for (;;) {
      const read = readSync(fd, buffer, kept, buffer.length - kept, null);
      const end = kept + read;
      if (read === 0) {
        pushLines(buffer, end, scanner, state);
        break;
      }
      lastByte = buffer[end - 1]!;
      const whole = buffer.lastIndexOf(NEWLINE, end - 1) + 1;
      if (whole === 0) {
        // No line break in the whole buffer: make room for the line, within reason.
        if (buffer.length >= MAX_LINE_BYTES) return 'long-line';
        const bigger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(bigger, 0, 0, end);
        buffer = bigger;
        kept = end;
        continue;
      }
      pushLines(buffer, whole, scanner, state);
      buffer.copy(buffer, 0, whole, end);
      kept = end - whole;
    }
  } finally {
    closeSync(fd);
  }
  scanner.newlines(state.owed);
  return { newlines: state.newlines, endsWithNewline: lastByte === NEWLINE };
}

/**
 * Where the next `eyJ` is in `buffer[from, end)`, or -1. Looks for the `J` byte alone: a one-byte
 * indexOf is a plain memchr, about three times faster than Buffer#indexOf with a three-byte needle,
 * and `J` is rare in log text.
 */
function nextMarker(buffer: Buffer, from: number, end: number): number {
  for (let j = buffer.indexOf(UPPER_J, from + 2); j !== -1 && j < end; j = buffer.indexOf(UPPER_J, j + 1)) {
    if (buffer[j - 1] === LOWER_Y && buffer[j - 2] === LOWER_E) return j - 2;
  }
  return -1;
}

/**
 * Pushes the lines of `buffer[0, end)` that hold the marker, each as its own text, and tells the
 * scanner how many line breaks lie between them (never building those as text).
 */
function pushLines(buffer: Buffer, end: number, scanner: TextScanner, state: LineState): void {
  let at = 0;
  for (let hit = nextMarker(buffer, 0, end); hit !== -1; hit = nextMarker(buffer, at, end)) {
    const lineStart = hit === 0 ? 0 : buffer.lastIndexOf(NEWLINE, hit - 1) + 1;
    const gap = countNewlines(buffer, at, lineStart);
    state.owed += gap;
    state.newlines += gap;
    const lineBreak = buffer.indexOf(NEWLINE, hit);
    const lineEnd = lineBreak === -1 || lineBreak >= end ? end : lineBreak + 1;
    scanner.newlines(state.owed);
    state.owed = 0;
    if (buffer[lineEnd - 1] === NEWLINE) state.newlines++;
    scanner.push(buffer.toString('utf8', lineStart, lineEnd));
    at = lineEnd;
    if (at >= end) break;
  }
  const rest = countNewlines(buffer, at, end);
  state.owed += rest;
  state.newlines += rest;
}

function countNewlines(buffer: Buffer, from: number, to: number): number {
  let count = 0;
  for (let i = buffer.indexOf(NEWLINE, from); i !== -1 && i < to; i = buffer.indexOf(NEWLINE, i + 1)) count++;
  return count;
}
