// Serves the static export in out/ on http://127.0.0.1:3000 (PORT and HOST override), with sirv.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(process.argv[2] ?? 'out');
if (!existsSync(path.join(root, 'index.html'))) {
  console.error(`${root}/index.html is missing: run "npm run build" first (npm start does both).`);
  process.exit(1);
}
const host = process.env.HOST ?? '127.0.0.1';
const port = process.env.PORT ?? '3000';
const sirv = path.join(path.dirname(require.resolve('sirv-cli/package.json')), 'bin.js');
console.log(`JWT Lens is served at http://${host}:${port}/ (Ctrl+C to stop)`);
const child = spawn(process.execPath, [sirv, root, '--host', host, '--port', port, '--quiet'], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
