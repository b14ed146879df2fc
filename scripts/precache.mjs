/**
 * Post-build step, after csp.mjs: `node scripts/precache.mjs out`.
 *
 * Writes out/precache-manifest.json, the list of the app's static files for the service worker to cache
 * (hashed asset names included, so nothing is guessed), and stamps a version computed from the content of those
 * files into out/sw.js, so every build that changes a file installs a fresh offline copy. Paths are relative to
 * the site root, so the worker resolves them against its scope and a BASE_PATH needs nothing more.
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

/**
 * @param {string} dir
 * @returns {{ files: string[], version: string }}
 */
export function writePrecache(dir) {
  const paths = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
  const files = precacheList(paths);
  const hash = createHash('sha256');
  for (const file of files.filter((f) => f !== './')) hash.update(file).update(readFileSync(join(dir, file)));
  const version = hash.digest('hex').slice(0, 16);
  writeFileSync(join(dir, MANIFEST_NAME), `${JSON.stringify({ version, files }, null, 1)}\n`);
  const swPath = join(dir, 'sw.js');
  const sw = readFileSync(swPath, 'utf8');
  if (!sw.includes(VERSION_PLACEHOLDER)) throw new Error(`${swPath}: the version placeholder is missing`);
  writeFileSync(swPath, sw.replace(VERSION_PLACEHOLDER, version));
  return { files, version };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2] ?? 'out';
  try {
    const { files, version } = writePrecache(dir);
    console.log(`precache: ${files.length} file(s), version ${version}.`);
  } catch (err) {
    console.error(`precache: FAILED: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
