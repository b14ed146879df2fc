// Types for scripts/bench/cli-run.mjs.
export interface CliBenchRow {
  case: string;
  median: number;
  min: number;
  max: number;
  runs: number;
}
export interface CliBenchGoal {
  name: string;
  target: string;
  measured: string;
  met: boolean;
}
export interface CliBenchReport {
  rows: CliBenchRow[];
  goals: CliBenchGoal[];
  notes: string[];
}
export declare function runCliBenchmarks(
  log?: (line: string) => void,
  options?: { rounds?: number; scanRounds?: number; calls?: boolean },
): Promise<CliBenchReport>;
export declare function formatCliReport(report: CliBenchReport): string;
