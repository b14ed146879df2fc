// Builds perf/baseline/ (a bare Next page, see its next.config.mjs) with the repository's own Next, so the
// baseline always matches the Next and React versions JWT Lens is built with.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BASELINE_DIR = path.join(root, 'perf/baseline');
export const BASELINE_OUT = path.join(BASELINE_DIR, 'out');

/** Resolves with the exit code of `next build perf/baseline`. */
export function buildBaseline() {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(root, 'node_modules/next/dist/bin/next'), 'build', BASELINE_DIR],
      { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } },
    );
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
