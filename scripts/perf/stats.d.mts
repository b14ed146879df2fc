// Types for scripts/perf/stats.mjs (plain ESM so that `npm run perf` runs it without a build step).
export interface Spread {
  min: number;
  median: number;
  max: number;
  runs: number;
}

export interface LighthouseFigures {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  fcpMs?: number;
  lcpMs?: number;
  tbtMs?: number;
  siMs?: number;
  cls?: number;
  observedFcpMs?: number;
  transferred?: number;
}

export interface Check {
  name: string;
  goal: string;
  measured: string;
  met: boolean;
  aim?: boolean;
}

export interface TargetInput {
  runsRequested: number;
  lens: { mobile: LighthouseFigures[]; desktop?: LighthouseFigures };
  baseline: { mobile: LighthouseFigures[]; desktop?: LighthouseFigures };
  bundle?: { lens?: { totalGzip: number }; baseline?: { totalGzip: number } };
  paste?: { name: string; how?: string; runs: number; medianDomMs: number; targetMs: number }[];
  bench?: {
    goals?: { name: string; target: string; measured: string; met: boolean; informational?: boolean }[];
  };
}

export declare const TARGETS: {
  mobileMedian: number;
  mobileEveryRun: number;
  tbtMedianMs: number;
  tbtRatio: number;
  lcpRatio: number;
  observedFcpDeltaMs: number;
  firstLoadGzip: number;
  firstLoadOverBaselineAim: number;
  desktop: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
};
export declare function scoreOf(score: number | null | undefined): number;
export declare function median(values: number[]): number | undefined;
export declare function spread(values: (number | undefined)[]): Spread | undefined;
export declare function ratio(a: number | undefined, b: number | undefined): number | undefined;
export declare function lighthouseFigures(lhr: unknown): LighthouseFigures;
export declare function evaluateTargets(input: TargetInput): Check[];
export declare function missedTargets(checks: Check[]): Check[];
