/**
 * Scanner throughput: scanText over a 50 MB mixed log against a plain `String.prototype.matchAll` with a
 * naive JWT regex over the same text in the same process (the naive pass validates nothing). Also times
 * scanHar over a 100 MB HAR document and reports the heap seen right after it.
 * Times are the process's CPU time (user + system), so other processes on a shared machine disturb the
 * ratio less than wall time would; the HAR figure gives both.
 */
import { scanHar, scanText } from '../../lib/index';
import { corpusTokens, largeHar, mixedLog } from '../../lib/scan/fixtures/corpus';

export const SCAN_OURS = 'scanText';
export const SCAN_NAIVE = 'matchAll (naive regex)';
/** The naive pattern a grep-based secret scanner uses (the CLI benchmark gives ripgrep the same one). */
const NAIVE_JWT = /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
/** Rounds run before the measured ones, so both passes are compiled by V8's optimising tier first. */
const WARMUP_ROUNDS = 3;
const NOW_S = 1_780_315_200;

export interface ScanFigures {
  logChars: number;
  /** MB/s (10^6 characters per second), median of the rounds. */
  oursMBps: number;
  naiveMBps: number;
  /** naive time ÷ our time per round (both passes of a round run back to back): median, min, max. */
  ratio: { median: number; min: number; max: number; rounds: number };
  /** Found tokens (distinct) and naive matches, so a reader sees both passes did the work. */
  distinct: number;
  naiveMatches: number;
  harChars?: number;
  /** Wall time and CPU time of scanHar. */
  harMs?: number;
  harCpuMs?: number;
  harTokens?: number;
  /** Heap used right after scanHar returned, before a GC, minus the heap before, in bytes. */
  harHeapBytes?: number;
}

function cpuMs(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export function benchScan(options: { logMB?: number; harMB?: number; rounds?: number } = {}): ScanFigures {
  const logChars = (options.logMB ?? 50) * 1_000_000;
  const tokens = corpusTokens(400, NOW_S);
  const log = mixedLog(logChars, tokens);
  const ours: number[] = [];
  const naive: number[] = [];
  const ratios: number[] = [];
  let distinct = 0;
  let naiveMatches = 0;
  // Alternate the two passes, so a burst of load from another process hits both alike.
  const rounds = options.rounds ?? 9;
  for (let r = 0; r < WARMUP_ROUNDS + rounds; r++) {
    const oursMs = cpuMs(() => {
      distinct = scanText(log, { now: NOW_S * 1000 }).tokens.length;
    });
    const naiveMs = cpuMs(() => {
      naiveMatches = 0;
      for (const _ of log.matchAll(NAIVE_JWT)) naiveMatches++;
    });
    if (r < WARMUP_ROUNDS) continue;
    ours.push(log.length / 1e3 / oursMs);
    naive.push(log.length / 1e3 / naiveMs);
    ratios.push(naiveMs / oursMs);
  }
  const figures: ScanFigures = {
    logChars: log.length,
    oursMBps: median(ours),
    naiveMBps: median(naive),
    ratio: { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios), rounds },
    distinct,
    naiveMatches,
  };
  if (options.harMB === 0) return figures;
  const har = largeHar((options.harMB ?? 100) * 1024 * 1024, tokens);
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const start = performance.now();
  let result: ReturnType<typeof scanHar> = { tokens: [] };
  figures.harCpuMs = cpuMs(() => {
    result = scanHar(har, { now: NOW_S * 1000 });
  });
  figures.harMs = performance.now() - start;
  figures.harHeapBytes = process.memoryUsage().heapUsed - before;
  figures.harChars = har.length;
  figures.harTokens = result.tokens.length;
  return figures;
}

export const SCAN_MIN_RATIO = 0.8;
export const HAR_MAX_MS = 5000;

/** The scanner's lines in the goals table of `npm run bench`. */
export function scanGoals(
  f: ScanFigures,
): { name: string; target: string; measured: string; met: boolean; informational?: boolean }[] {
  const ratio = f.ratio.median;
  const goals = [
    {
      name: `${SCAN_OURS} vs ${SCAN_NAIVE} on a ${(f.logChars / 1e6).toFixed(0)} MB mixed log (CPU time, median of ${f.ratio.rounds} paired rounds after ${WARMUP_ROUNDS} warm-up; ${f.distinct} distinct tokens, ${f.naiveMatches} naive matches)`,
      target: `≥ ${SCAN_MIN_RATIO.toFixed(2)}×`,
      measured: `${ratio.toFixed(2)}× (${f.ratio.min.toFixed(2)}–${f.ratio.max.toFixed(2)}; ${f.oursMBps.toFixed(0)} vs ${f.naiveMBps.toFixed(0)} MB/s)`,
      met: ratio >= SCAN_MIN_RATIO,
    },
  ];
  if (f.harMs !== undefined && f.harChars !== undefined) {
    const mb = f.harChars / 1024 / 1024;
    goals.push({
      name: `scanHar on a ${mb.toFixed(0)} MiB HAR (${f.harTokens} distinct tokens), CPU time (wall ${(f.harMs / 1000).toFixed(1)} s)`,
      target: `≤ ${(HAR_MAX_MS / 1000).toFixed(0)} s`,
      measured: `${((f.harCpuMs ?? f.harMs) / 1000).toFixed(2)} s`,
      met: (f.harCpuMs ?? f.harMs) <= HAR_MAX_MS,
    });
    goals.push({
      name: `heap growth right after scanHar on that HAR, garbage included, ÷ file size`,
      target: '≤ 3.0×',
      measured: `${((f.harHeapBytes ?? 0) / f.harChars).toFixed(2)}×`,
      met: (f.harHeapBytes ?? 0) <= 3 * f.harChars,
    });
  }
  return goals;
}
