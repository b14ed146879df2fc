// Serving a static export for `npm run perf`: a gzip copy of the folder, served by scripts/serve.mjs (sirv)
// on a free local port, stopped by its process group.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * A copy of an export folder with a level-9 .gz beside every text file. sirv sends those to browsers that
 * accept gzip, as any static host or CDN compresses; measuring uncompressed transfers would triple the
 * simulated load time on Lighthouse's slow 4G. The folder itself is left as the build wrote it.
 * @param {string} exportDir
 */
export function compressedCopy(exportDir) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jwt-lens-perf-'));
  cpSync(exportDir, dir, { recursive: true });
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const file = path.join(d, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.(html|js|css|txt|svg|json|map)$/.test(entry.name)) {
        writeFileSync(`${file}.gz`, gzipSync(readFileSync(file), { level: 9 }));
      }
    }
  };
  walk(dir);
  return dir;
}

/**
 * Serves a gzip copy of `exportDir` in its own process group, so stopping it stops sirv too; stop() also
 * deletes the copy.
 * @param {string} exportDir
 */
export async function serveCompressed(exportDir) {
  const port = await freePort();
  const dir = compressedCopy(exportDir);
  const child = spawn(process.execPath, [path.join(root, 'scripts/serve.mjs'), dir], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const url = `http://127.0.0.1:${port}/`;
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(url);
      if (res.ok) return { url, stop, pid: child.pid };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error(`the static server for ${exportDir} did not answer on ${url}`);
}
