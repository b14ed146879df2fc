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
const MARKER = Buffer.from('eyJ');
const NEWLINE = 0x0a;
/** A "line" longer than this (a minified file) is scanned by the plain streaming path instead. */
const MAX_LINE_BYTES = 64 * 1024 * 1024;

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
    let buffer = Buffer.allocUnsafe(CHUNK_BYTES);
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
  if (state.owed > 0) scanner.push('\n'.repeat(state.owed));
  return { newlines: state.newlines, endsWithNewline: lastByte === NEWLINE };
}

/** Pushes the lines of `buffer[0, end)` that hold the marker, counting the line breaks on the way. */
function pushLines(buffer: Buffer, end: number, scanner: TextScanner, state: LineState): void {
  const parts: string[] = [];
  let at = 0;
  for (let hit = buffer.indexOf(MARKER, 0); hit !== -1 && hit < end; hit = buffer.indexOf(MARKER, at)) {
    const lineStart = hit === 0 ? 0 : buffer.lastIndexOf(NEWLINE, hit - 1) + 1;
    const gap = countNewlines(buffer, at, lineStart);
    state.owed += gap;
    state.newlines += gap;
    const lineBreak = buffer.indexOf(NEWLINE, hit);
    const lineEnd = lineBreak === -1 || lineBreak >= end ? end : lineBreak + 1;
    if (state.owed > 0) parts.push('\n'.repeat(state.owed));
    if (buffer[lineEnd - 1] === NEWLINE) state.newlines++;
    state.owed = 0;
    parts.push(buffer.toString('utf8', lineStart, lineEnd));
    at = lineEnd;
    if (at >= end) break;
  }
  if (parts.length > 0) scanner.push(parts.join(''));
  const rest = countNewlines(buffer, at, end);
  state.owed += rest;
  state.newlines += rest;
}

function countNewlines(buffer: Buffer, from: number, to: number): number {
  let count = 0;
  for (let i = buffer.indexOf(NEWLINE, from); i !== -1 && i < to; i = buffer.indexOf(NEWLINE, i + 1)) count++;
  return count;
}
