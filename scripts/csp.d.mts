// Types for scripts/csp.mjs, so the TypeScript tests can import it.
export declare const TRUSTED_TYPES_POLICIES: readonly string[];
export declare const TRUSTED_TYPES_SCRIPT_ID: string;
export declare function trustedTypesBootstrap(prefix: string): string;
export declare function assetPrefixOf(html: string): string;
export declare const CSP_DIRECTIVES: ReadonlyArray<readonly [string, readonly string[]]>;
export declare function hashScript(text: string): string;
export declare function inlineScripts(html: string): string[];
export declare function unhashableCode(html: string): string[];
export declare function buildPolicy(
  scriptHashes: readonly string[],
  options?: { frameAncestors?: boolean },
): string;
export declare function applyCsp(
  html: string,
): { ok: true; html: string; hashes: string[] } | { ok: false; problems: string[] };
export declare function auditCsp(html: string): string[];
export declare function htmlFilesIn(dir: string): string[];
export declare function applyCspToDirectory(dir: string): {
  files: number;
  hashes: string[];
  problems: string[];
  workers: string[];
};
export declare function addWorkerPolicy(dir: string, prefix: string): string[];
export declare function headerPolicyFor(dir: string): string;
