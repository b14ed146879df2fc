// Types for scripts/precache.mjs.
export declare const MANIFEST_NAME: string;
export declare function precacheList(paths: string[]): string[];
export declare function writePrecache(dir: string): { files: string[]; version: string };
