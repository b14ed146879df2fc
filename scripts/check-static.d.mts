// Types for scripts/check-static.mjs.
export declare function isAbsoluteUrl(url: string): boolean;
export declare function runtimeUrlsInHtml(html: string): string[];
export declare function runtimeUrlsInCss(css: string): string[];
export declare function runtimeUrlsInJs(js: string): string[];
export declare function runtimeUrlsInManifest(json: string): string[];
export declare function checkStaticDirectory(dir: string): { files: number; problems: string[] };
