/**
 * Reading a text file for the scanner: whole lines at a time, straight into WebAssembly memory, where
 * one SIMD pass (marker-wasm.ts) counts the line breaks and finds every `eyJ` (the base64url of `{"`,
 * where every JOSE header and so every token starts). Only the bytes at those markers are looked at
 * again; everything else is read once and never becomes a string. In a profile of the former
 * JavaScript path (Buffer#indexOf per `J` and per line break), that search took as long as reading
 * the files did.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { markerScanModule } from './marker-wasm';

/** Bytes read at a time; a line that fills them without its line break makes the caller scan the
 * file another way. */
export const CHUNK_BYTES = 4 * 1024 * 1024;
/** Zero bytes before the data, so a `J` in its first two bytes never reads "ey" from an earlier chunk. */
const GUARD = 16;
/** Zero bytes after the data: the scan reads whole 32-byte blocks. */
const PAD = 64;
const NEWLINE = 0x0a;
const PAGE = 64 * 1024;
/** The deepest indentation the shallow-line test reads: one 16-byte load (marker-wasm.ts). */
export const MAX_SHALLOW_DEPTH = 15;

/** What the module exports (marker-wasm.ts). */
export interface MarkerScanExports {
  memory: WebAssembly.Memory;
  newlines: WebAssembly.Global;
  shallowLines: WebAssembly.Global;
  highBytes: WebAssembly.Global;
  scan: (
    data: number,
    length: number,
    out: number,
    shallow: number,
    indent: number,
    deepMask: number,
  ) => number;
}

/** Report the lines indented no deeper than `depth` characters `indent` (a pretty-printed HAR's entries). */
export interface LineIndent {
  indent: number;
  depth: number;
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
  /** Whether every byte of the chunk is ASCII (so byte offsets are UTF-16 offsets). */
  ascii: boolean;
  /** With LineIndent: offsets of the chunk's lines indented no deeper than asked, in order. */
  shallow: number[];
}

export interface MarkedFile {
  newlines: number;
  /** False for an empty file or one whose last line has no line break. */
  endsWithNewline: boolean;
}

/** A whole file swept as one chunk (scanWhole). */
export interface MarkedWhole extends MarkedChunk {
  /** Whether the file ends with a line break. */
  endsWithNewline: boolean;
}

/**
 * One instance per thread, reused for every file: the memory is allocated once (a fresh buffer per
 * file is external memory that makes V8 run full collections), and only grows (for scanWhole).
 */
export class MarkerScan {
  private static instance: MarkerScan | undefined;
  private readonly exports: MarkerScanExports;
  /** Bytes the data region holds; the regions after it are sized for it. */
  private capacity = 0;
  private data!: Buffer;
  private out = 0;
  private shallowOut = 0;
  /** Milliseconds this thread spent in readSync and in the SIMD pass, for JWT_LENS_TIMING. */
  private readMs = 0;
  private sweepMs = 0;

  static shared(): MarkerScan {
    MarkerScan.instance ??= new MarkerScan();
    return MarkerScan.instance;
  }

  /**
   * This thread's reading and SIMD time so far: the part of a scan no JavaScript of ours can make
   * faster, which the benchmark weighs the scan's goal against.
   */
  static timeSoFar(): { readMs: number; sweepMs: number } {
    const scan = MarkerScan.instance;
    return { readMs: scan?.readMs ?? 0, sweepMs: scan?.sweepMs ?? 0 };
  }

  private constructor() {
    const compiled = new WebAssembly.Module(markerScanModule());
    this.exports = new WebAssembly.Instance(compiled).exports as unknown as MarkerScanExports;
    this.reserve(CHUNK_BYTES);
  }

  /** Room for `capacity` bytes of data, their markers and their shallow lines. */
  private reserve(wanted: number): void {
    if (wanted <= this.capacity) return;
    // A multiple of 16, so the regions after the data stay aligned for their Int32Array views.
    const capacity = Math.ceil(wanted / 16) * 16;
    const out = GUARD + capacity + PAD;
    // Every `eyJ` takes three bytes; every byte could end a line.
    const shallowOut = out + (Math.ceil(capacity / 3) + 1) * 8;
    const bytes = shallowOut + capacity * 4;
    const memory = this.exports.memory;
    memory.grow(Math.max(0, Math.ceil(bytes / PAGE) - memory.buffer.byteLength / PAGE));
    // Growing detaches earlier views, so the views are made after it.
    this.data = Buffer.from(memory.buffer, GUARD, capacity + PAD);
    this.capacity = capacity;
    this.out = out;
    this.shallowOut = shallowOut;
  }

  /**
   * The whole file (at most `limit` bytes) as one chunk, its bytes valid until the next scan:
   * undefined when it is larger. A HAR is read so, since the locator reads its entries afterwards;
   * `linesOf` sees the bytes first and says which shallow lines to list.
   */
  scanWhole(
    path: string,
    limit: number,
    linesOf?: (bytes: Buffer) => LineIndent | undefined,
  ): MarkedWhole | undefined {
    const fd = openSync(path, 'r');
    let end = 0;
    try {
      const size = fstatSync(fd).size;
      if (size > limit) return undefined;
      this.reserve(size + 1);
      // Read to the end, however the size changed since the stat (one byte spare tells a file that grew).
      for (let read = -1; read !== 0 && end < this.capacity; end += read)
        read = this.read(fd, end, this.capacity - end);
      if (end >= this.capacity) return undefined;
    } finally {
      closeSync(fd);
    }
    const chunk = this.sweep(end, linesOf?.(this.data.subarray(0, end)));
    return { ...chunk, endsWithNewline: end > 0 && this.data[end - 1] === NEWLINE };
  }

  private read(fd: number, at: number, length: number): number {
    const start = performance.now();
    const read = readSync(fd, this.data, at, length, null);
    this.readMs += performance.now() - start;
    return read;
  }

  /** Scans `data[0, length)` (whole lines, the last possibly without its break). */
  private sweep(length: number, lines: LineIndent | undefined): MarkedChunk {
    const { data, exports } = this;
    // A line is deep when its first depth + 1 bytes are all the indent character.
    const deepMask = lines && lines.depth <= MAX_SHALLOW_DEPTH ? 2 ** (lines.depth + 1) - 1 : 0;
    const tail = Buffer.from(data.subarray(length, length + PAD));
    data.fill(0, length, length + PAD);
    const start = performance.now();
    const count = exports.scan(GUARD, length, this.out, this.shallowOut, lines?.indent ?? 0, deepMask);
    this.sweepMs += performance.now() - start;
    tail.copy(data, length);
    const markers = new Int32Array(exports.memory.buffer, this.out, count * 2);
    const shallow: number[] = [];
    if (deepMask !== 0 && length > 0) {
      // The scan reports lines after its line breaks; the chunk's first line is told here.
      if (!isDeep(data, 0, length, lines!)) shallow.push(0);
      const found = exports.shallowLines.value as number;
      for (const offset of new Int32Array(exports.memory.buffer, this.shallowOut, found))
        shallow.push(offset);
    }
    return {
      bytes: data.subarray(0, length),
      markers,
      count,
      newlines: exports.newlines.value as number,
      ascii: exports.highBytes.value === 0,
      shallow,
    };
  }

  /**
   * Calls `onChunk` for successive chunks of whole lines of the file (the last may lack its line
   * break). 'long-line': a line with its break does not fit in CHUNK_BYTES; the callback has then seen
   * part of the file.
   */
  scanFile(
    path: string,
    onChunk: (chunk: MarkedChunk) => void,
    lines?: LineIndent,
  ): MarkedFile | 'long-line' {
    const fd = openSync(path, 'r');
    const data = this.data;
    let newlines = 0;
    let lastByte = -1;
    try {
      let kept = 0; // bytes of an unfinished line, moved to the front
      for (;;) {
        const read = this.read(fd, kept, CHUNK_BYTES - kept);
        const end = kept + read;
        if (read > 0) lastByte = data[end - 1]!;
        const last = read === 0;
        const whole = last ? end : data.lastIndexOf(NEWLINE, end - 1) + 1;
        if (whole === 0 && !last) {
          if (end === CHUNK_BYTES) return 'long-line';
          kept = end; // a short read mid-line: read on
          continue;
        }
        const chunk = this.sweep(whole, lines);
        if (whole > 0) onChunk(chunk);
        newlines += chunk.newlines;
        if (last) break;
        data.copy(data, 0, whole, end);
        kept = end - whole;
      }
    } finally {
      closeSync(fd);
    }
    return { newlines, endsWithNewline: lastByte === NEWLINE };
  }
}

/** Whether the line at `at` starts with more than `depth` indent characters within `end`. */
function isDeep(bytes: Buffer, at: number, end: number, { indent, depth }: LineIndent): boolean {
  if (at + depth >= end) return false;
  for (let i = at; i <= at + depth; i++) if (bytes[i] !== indent) return false;
  return true;
}
