// Types for scripts/check-static.mjs.
export declare const THIRD_PARTY_HOSTS: readonly string[];
export declare const DOCUMENTATION_HOSTS: readonly string[];
export declare function thirdPartyHostsIn(text: string): string[];
export declare function undocumentedUrlsIn(text: string): string[];
export declare function isAbsoluteUrl(url: string): boolean;
export declare function runtimeUrlsInHtml(html: string): string[];
export declare function runtimeUrlsInCss(css: string): string[];
export declare function runtimeUrlsInJs(js: string): string[];
export declare function runtimeUrlsInManifest(json: string): string[];
export declare function checkStaticDirectory(dir: string): { files: number; problems: string[] };
