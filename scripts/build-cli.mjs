#!/usr/bin/env node
// `npm run build:cli`: bundles cli/main.ts and the lib/ it uses into one ESM file that plain Node ≥ 20
// runs with no TypeScript loader. Dependencies (jose, @noble/*) are bundled too, so the file stands alone.
// Usage: node scripts/build-cli.mjs [--if-stale]
//   --if-stale  do nothing when the bundle is newer than every source under cli/ and lib/
import { build } from 'esbuild';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const CLI_BUNDLE = join(root, 'dist/cli/jwt-lens.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|json)$/.test(entry.name) && !entry.name.endsWith('.test.ts'))
      newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

export function cliBundleIsStale() {
  if (!existsSync(CLI_BUNDLE)) return true;
  const built = statSync(CLI_BUNDLE).mtimeMs;
  return (
    ['cli', 'lib'].some((dir) => newestSource(join(root, dir)) > built) ||
    statSync(join(root, 'package.json')).mtimeMs > built
  );
}

export async function buildCli() {
  const result = await build({
    entryPoints: [join(root, 'cli/main.ts')],
    outfile: CLI_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // The shebang makes the file directly executable as the package's `bin`.
    banner: { js: '#!/usr/bin/env node' },
    // Minified identifiers are fine: lib/ branches on error codes, never on class names.
    minify: true,
    legalComments: 'none',
    define: {
      __JWT_LENS_VERSION__: JSON.stringify(
        JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version,
      ),
    },
    logLevel: 'warning',
    write: false,
  });
  // Written beside and renamed into place: test files build in parallel, and a CLI started meanwhile
  // must see either the old bundle or the new one, never half a file.
  mkdirSync(dirname(CLI_BUNDLE), { recursive: true });
  const temporary = `${CLI_BUNDLE}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temporary, result.outputFiles[0].contents, { mode: 0o755 });
  renameSync(temporary, CLI_BUNDLE);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--if-stale') && !cliBundleIsStale()) process.exit(0);
  await buildCli();
  // `npm run cli` builds with --if-stale: stay quiet there, so stderr is only the CLI's own.
  if (!process.argv.includes('--if-stale')) console.error(`built ${CLI_BUNDLE}`);
}
