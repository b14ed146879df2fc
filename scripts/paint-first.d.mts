// Types for scripts/paint-first.mjs.
export declare const FALLBACK_MS: number;
export declare function loaderScript(sources: string[]): string;
export declare function paintFirst(html: string): { html: string; sources: string[] };
export declare function scriptsAfterPaint(html: string): string[];
