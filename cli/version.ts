/** The package version, put in by scripts/build-cli.mjs from package.json ("dev" when not bundled). */
declare const __JWT_LENS_VERSION__: string | undefined;

export const VERSION = typeof __JWT_LENS_VERSION__ === 'string' ? __JWT_LENS_VERSION__ : 'dev';
