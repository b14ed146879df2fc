// Types for scripts/perf/lighthouse.mjs (plain ESM so that `npm run perf` runs it without a build step).
import type { LighthouseFigures } from './stats.mjs';

export interface RunMeta {
  name: string;
  page: string;
  preset: string;
  file?: string;
  loadAverage?: string;
}

export interface FailedAudit {
  category: string;
  id: string;
  title: string;
  displayValue: string;
}

export type LighthouseRun = RunMeta &
  LighthouseFigures & { failed: FailedAudit[]; runtimeError?: string; warnings: string[] };

export declare function runLighthouse(
  url: string,
  output: string,
  preset: 'mobile' | 'desktop',
): Promise<void>;
export declare function readRun(file: string, meta: RunMeta): LighthouseRun;
export declare function loadAverage(): string;
