// Types for scripts/perf/report.mjs (plain ESM so that `npm run perf` runs it without a build step).
import type { BundleReport } from '../bundle-report.mjs';
import type { LighthouseRun } from './lighthouse.mjs';
import type { Check } from './stats.mjs';

export interface ReportData {
  startedAt: Date;
  machineBefore: {
    cpus: number;
    cpuModel: string;
    memoryGiB: string;
    loadAverage: string;
    node: string;
    chromium: string;
    lighthouse: string;
    next: string;
    react: string;
  };
  loadAfter: string;
  options: { runs: number; bench: boolean; build: boolean };
  runs: LighthouseRun[];
  bundle: { lens?: BundleReport; baseline?: BundleReport };
  paste?: {
    name: string;
    how?: string;
    tokenChars: number;
    runs: number;
    domMs?: number[];
    medianDomMs: number;
    medianPaintMs: number;
    targetMs: number;
  }[];
  bench?: { markdown: string };
  checks: Check[];
  errors: { step: string; message: string }[];
  everyRunTarget: number;
}

export declare function formatReport(data: ReportData): string;
