// Types for scripts/bundle-report.mjs (plain ESM so that `npm test` runs it without a build step).
export declare const BUDGET_GZIP_BYTES: number;

export interface ScriptRef {
  url: string;
  kind: 'script' | 'modulepreload' | 'preload' | 'after first paint';
  nomodule: boolean;
}

export interface BundleRow extends ScriptRef {
  raw: number;
  gzip: number;
  counted: boolean;
}

export interface BundleReport {
  rows: BundleRow[];
  totalRaw: number;
  totalGzip: number;
  budgetGzip: number;
}

export declare function scriptsInHtml(html: string): ScriptRef[];
export declare function fileForUrl(url: string, outDir: string, basePath?: string): string | undefined;
export declare function bundleReport(outDir: string, basePath?: string): BundleReport;
export declare function formatBundleReport(report: BundleReport): string;
