/**
 * Reading a text file for the scanner: whole lines at a time, straight into WebAssembly memory, where
 * one SIMD pass (marker-wasm.ts) counts the line breaks and finds every `eyJ` (the base64url of `{"`,
 * where every JOSE header and so every token starts). Only the bytes at those markers are looked at
 * again; everything else is read once and never becomes a string. In a profile of the former
 * JavaScript path (Buffer#indexOf per `J` and per line break), that search took as long as reading
 * the files did.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { markerScanModule } from './marker-wasm';

/** Bytes read at a time; a line longer than this makes the caller scan the file another way. */
export const CHUNK_BYTES = 4 * 1024 * 1024;
/** Zero bytes before the data, so a `J` in its first two bytes never reads "ey" from an earlier chunk. */
const GUARD = 16;
/** Zero bytes after the data: the scan reads whole 32-byte blocks. */
const PAD = 64;
const NEWLINE = 0x0a;
/** Every `eyJ` takes three bytes, so a chunk holds at most a third of its length in markers. */
const MAX_MARKERS = Math.ceil(CHUNK_BYTES / 3) + 1;
const PAGE = 64 * 1024;

interface Exports {
  memory: WebAssembly.Memory;
  newlines: WebAssembly.Global;
  scan: (data: number, length: number, out: number) => number;
}

/** One chunk of whole lines and the markers found in it. */
export interface MarkedChunk {
  /** The chunk's bytes (a view of the shared memory: valid only during the callback). */
  bytes: Buffer;
  /** Pairs: byte offset of a marker in `bytes`, line breaks in `bytes` before it. */
  markers: Int32Array;
  count: number;
  /** Line breaks in the whole chunk. */
  newlines: number;
  /** Whether the chunk is the file's last. */
  last: boolean;
}

export interface MarkedFile {
  newlines: number;
  /** False for an empty file or one whose last line has no line break. */
  endsWithNewline: boolean;
}

/**
 * One instance per thread, reused for every file: the memory is allocated once (a fresh buffer per
 * file is external memory that makes V8 run full collections).
 */
export class MarkerScan {
  private static instance: MarkerScan | undefined;
  private readonly exports: Exports;
  private readonly data: Buffer;
  private readonly out: number;

  static shared(): MarkerScan {
    MarkerScan.instance ??= new MarkerScan();
    return MarkerScan.instance;
  }

  private constructor() {
    const compiled = new WebAssembly.Module(markerScanModule());
    this.exports = new WebAssembly.Instance(compiled).exports as unknown as Exports;
    this.out = GUARD + CHUNK_BYTES + PAD;
    const bytes = this.out + MAX_MARKERS * 8;
    const memory = this.exports.memory;
    memory.grow(Math.ceil(bytes / PAGE) - memory.buffer.byteLength / PAGE);
    // Growing detaches earlier views, so the views are made after it (and it never grows again).
    this.data = Buffer.from(memory.buffer, GUARD, CHUNK_BYTES + PAD);
  }

  /**
   * Calls `onChunk` for successive chunks of whole lines of the file (the last may lack its line
   * break). 'long-line': a line is longer than CHUNK_BYTES; the callback has then seen part of the file.
   */
  scanFile(path: string, onChunk: (chunk: MarkedChunk) => void): MarkedFile | 'long-line' {
    const fd = openSync(path, 'r');
    const data = this.data;
    let newlines = 0;
    let lastByte = -1;
    try {
      let kept = 0; // bytes of an unfinished line, moved to the front
      for (;;) {
        const read = readSync(fd, data, kept, CHUNK_BYTES - kept, null);
        const end = kept + read;
        if (read > 0) lastByte = data[end - 1]!;
        const last = read === 0;
        const whole = last ? end : data.lastIndexOf(NEWLINE, end - 1) + 1;
        if (whole === 0 && !last) {
          if (end === CHUNK_BYTES) return 'long-line';
          kept = end; // a short read mid-line: read on
          continue;
        }
        const tail = Buffer.from(data.subarray(whole, Math.min(end, whole + PAD)));
        data.fill(0, whole, whole + PAD);
        const count = this.exports.scan(GUARD, whole, this.out);
        const inChunk = this.exports.newlines.value as number;
        const markers = new Int32Array(this.exports.memory.buffer, this.out, count * 2);
        if (whole > 0) onChunk({ bytes: data.subarray(0, whole), markers, count, newlines: inChunk, last });
        newlines += inChunk;
        if (last) break;
        tail.copy(data, whole);
        data.copy(data, 0, whole, end);
        kept = end - whole;
      }
    } finally {
      closeSync(fd);
    }
    return { newlines, endsWithNewline: lastByte === NEWLINE };
  }
}
