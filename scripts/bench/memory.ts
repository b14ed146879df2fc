/**
 * Heap growth of decoding a 1 MB token, measured with a forced GC before and after while the
 * result is still held (what the page keeps), and the peak seen right after the call, before any GC.
 * Needs `node --expose-gc`.
 */
import { decodeToken, type DecodeResult } from '../../lib/index';
import { largeToken } from './tokens';

export interface MemoryFigure {
  tokenChars: number;
  /** Heap kept after a full GC while the DecodeResult is alive, in bytes. */
  retainedBytes: number;
  /** Heap right after decoding, before collecting the garbage, in bytes (includes garbage not yet freed). */
  beforeGcBytes: number;
  /** The median of the runs. */
  runs: number;
}

// Module-level, so the optimiser cannot decide the result is dead before the second GC.
const held: DecodeResult[] = [];

export function measureDecodeMemory(tokenChars = 1024 * 1024, runs = 5): MemoryFigure {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc to measure memory');
  const token = largeToken(tokenChars);
  decodeToken(token); // warm up the code paths so compiled code does not count as growth
  const retained: number[] = [];
  const beforeGc: number[] = [];
  for (let r = 0; r < runs; r++) {
    gc();
    gc();
    const base = process.memoryUsage().heapUsed;
    held.push(decodeToken(token));
    beforeGc.push(process.memoryUsage().heapUsed - base);
    gc();
    gc();
    retained.push(process.memoryUsage().heapUsed - base);
    const result = held.pop()!;
    if (!result.ok) throw new Error(result.error.message);
  }
  return {
    tokenChars: token.length,
    retainedBytes: median(retained),
    beforeGcBytes: median(beforeGc),
    runs,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
