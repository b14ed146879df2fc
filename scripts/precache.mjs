/**
 * Post-build step, after csp.mjs: `node scripts/precache.mjs out`.
 *
 * Writes out/precache-manifest.json, the app's static files for the service worker in two lists (hashed asset
 * names included, so nothing is guessed), and stamps a version computed from the content of those files into
 * out/sw.js, so every build that changes a file installs a fresh offline copy. Paths are relative to the site
 * root, so the worker resolves them against its scope and a BASE_PATH needs nothing more.
 *
 * - `core`: what the first screen needs (the start page, the scripts and styles index.html loads, the web app
 *   manifest and icons). The worker caches only these when it installs: Chromium compiles every script a
 *   worker caches, and doing that for Monaco during a phone's first visit costs over a second of CPU.
 * - `later`: everything else (Monaco, the encoder, key tools, JWE, verification). Cached when first used, or
 *   by a background pass the page asks for once the user has been idle for a while.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

export const MANIFEST_NAME = 'precache-manifest.json';
const VERSION_PLACEHOLDER = '__PRECACHE_VERSION__';

/** Files the browser never needs offline, or that must always come from the network. */
const EXCLUDED = [
  /\.map$/,
  /\.ts$/, // worker sources Turbopack copies beside the built worker
  /^sw\.js$/,
  new RegExp(`^${MANIFEST_NAME.replace('.', '\\.')}$`),
  /^_headers$/,
  /^_redirects$/,
  /^nginx\//,
  /(^|\/)\./,
];

/**
 * @param {string[]} paths every file of the export, relative, with "/" separators
 * @returns {string[]} the files to precache, sorted, with "./" for the start page
 */
export function precacheList(paths) {
  const files = paths.filter((p) => !EXCLUDED.some((re) => re.test(p))).sort();
  return files.includes('index.html') ? ['./', ...files] : files;
}

/** Small files every screen uses: the web app manifest and its icons. */
const SHELL_FILES = /^(manifest\.webmanifest|icon[^/]*\.(png|svg))$/;

/**
 * Splits the precache list into what the first screen needs and the rest.
 * @param {string[]} files the output of precacheList
 * @param {string} indexHtml the start page's HTML
 * @returns {{ core: string[], later: string[] }}
 */
export function splitFirstScreen(files, indexHtml) {
  // Every script and stylesheet the page names, whatever the base path in front of `_next/`.
  const referenced = new Set([...indexHtml.matchAll(/_next\/static\/[^"'\s?#)]+/g)].map((m) => m[0]));
  // The legacy-browser polyfills: a browser that has service workers never runs a nomodule script.
  for (const tag of indexHtml.matchAll(/<script[^>]*\bnoModule\b[^>]*>/gi))
    for (const m of tag[0].matchAll(/_next\/static\/[^"'\s?#)]+/g)) referenced.delete(m[0]);
  const core = files.filter((f) => f === './' || referenced.has(f) || SHELL_FILES.test(f));
  const later = files.filter((f) => !core.includes(f));
  return { core, later };
}

/**
 * @param {string} dir
 * @returns {{ core: string[], later: string[], version: string }}
 */
export function writePrecache(dir) {
  const paths = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
  const files = precacheList(paths);
  const indexPath = join(dir, 'index.html');
  const { core, later } = splitFirstScreen(
    files,
    files.includes('index.html') ? readFileSync(indexPath, 'utf8') : '',
  );
  const hash = createHash('sha256');
  for (const file of files.filter((f) => f !== './')) hash.update(file).update(readFileSync(join(dir, file)));
  const version = hash.digest('hex').slice(0, 16);
  writeFileSync(join(dir, MANIFEST_NAME), `${JSON.stringify({ version, core, later }, null, 1)}\n`);
  const swPath = join(dir, 'sw.js');
  const sw = readFileSync(swPath, 'utf8');
  if (!sw.includes(VERSION_PLACEHOLDER)) throw new Error(`${swPath}: the version placeholder is missing`);
  writeFileSync(swPath, sw.replace(VERSION_PLACEHOLDER, version));
  return { core, later, version };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2] ?? 'out';
  try {
    const { core, later, version } = writePrecache(dir);
    console.log(
      `precache: ${core.length} file(s) for the first screen, ${later.length} on first use or when idle, version ${version}.`,
    );
  } catch (err) {
    console.error(`precache: FAILED: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
