// Types for scripts/precache.mjs.
export declare const MANIFEST_NAME: string;
export declare function precacheList(paths: string[]): string[];
export declare function splitFirstScreen(
  files: string[],
  indexHtml: string,
): { core: string[]; later: string[] };
export declare function writePrecache(dir: string): { core: string[]; later: string[]; version: string };
