// Types for scripts/build-cli.mjs, so the CLI tests can build the bundle when it is stale.
export declare const CLI_BUNDLE: string;
export declare function cliBundleIsStale(): boolean;
export declare function buildCli(): Promise<void>;
