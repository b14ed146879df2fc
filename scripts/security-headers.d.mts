// Types for scripts/security-headers.mjs.
export declare function securityHeaders(contentSecurityPolicy: string): [string, string][];
export declare const IMMUTABLE_CACHE: string;
export declare const REVALIDATE_CACHE: string;
export declare function headersFile(contentSecurityPolicy: string, basePath?: string): string;
