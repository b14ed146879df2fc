// Types for scripts/bench/cli-tree.mjs.
export declare const TREE_BYTES: number;
/** A HAR entry shaped as Chromium's Network panel exports it; `token` goes in an Authorization header. */
export declare function harEntry(i: number, token?: string): Record<string, unknown>;
export declare function writeScanTree(dir: string, nowS: number): Promise<number>;
