// Types for scripts/paint-first.mjs.
export declare const FALLBACK_MS: number;
export declare function loaderScript(sources: string[], links?: Record<string, string>[]): string;
export declare function paintFirst(html: string): {
  html: string;
  sources: string[];
  links: Record<string, string>[];
};
export declare function scriptsAfterPaint(html: string): string[];
