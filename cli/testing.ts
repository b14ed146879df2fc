/**
 * What the CLI tests share: the built bundle (rebuilt when a source under cli/ or lib/ is newer), a
 * runner that spawns it as a child process, exactly as a user or CI job would, and tokens signed by
 * PyJWT through Debian's /usr/bin/python3.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCli, cliBundleIsStale, CLI_BUNDLE } from '../scripts/build-cli.mjs';
import type { FoundToken } from '../lib/index';
import type { TokenHits } from './scan/hits';

export const BUNDLE = CLI_BUNDLE;
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

let building: Promise<void> | undefined;

/** Builds the bundle once per test file when it is missing or older than its sources. */
export function ensureCliBuilt(): Promise<void> {
  building ??= cliBundleIsStale() ? buildCli() : Promise.resolve();
  return building;
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  input?: string;
  env?: Record<string, string | undefined>;
  cwd?: string;
}

/** Runs `node dist/cli/jwt-lens.mjs ARGS` asynchronously, so a server in this process can answer it. */
export function runCli(args: string[], options: RunOptions = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [BUNDLE, ...args],
      {
        cwd: options.cwd ?? REPO_ROOT,
        // A clean environment (no NO_COLOR, no secrets of this shell) plus what the test sets.
        env: childEnv(options.env),
        maxBuffer: 64 * 1024 * 1024,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        const status = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ status, stdout, stderr });
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
    else child.stdin?.end();
  });
}

/** Next's types make NODE_ENV a required member of every ProcessEnv; the CLI ignores it. */
export function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return { NODE_ENV: 'test', PATH: process.env.PATH, HOME: process.env.HOME, ...extra };
}

/** No Node stack frame ("    at fn (file:line)") and no "Error:" dump: one clear line instead. */
export function expectOneLineError(run: CliRun): void {
  const lines = run.stderr.trim().split('\n');
  if (lines.length !== 1 || /^\s+at /m.test(run.stderr) || run.stderr.includes('node:internal')) {
    throw new Error(`expected one line on stderr, got:\n${run.stderr}`);
  }
}

/** Debian's python3 has python3-jwt and python3-cryptography; another python3 on PATH may not. */
export const PYTHON = '/usr/bin/python3';

export function pyjwtEncode(
  claims: Record<string, unknown>,
  key: string,
  alg: string,
  headers: Record<string, unknown> = {},
): string {
  const script = `import jwt, json, sys\nargs = json.loads(sys.stdin.read())\nprint(jwt.encode(args["claims"], args["key"], algorithm=args["alg"], headers=args["headers"]))`;
  return execFileSync(PYTHON, ['-c', script], {
    input: JSON.stringify({ claims, key, alg, headers }),
    encoding: 'utf8',
  }).trim();
}

/** Writes files under a fresh folder and returns it. */
export function tree(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'jwt-lens-scan-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/**
 * For tests that make many inputs: one fresh folder (`dir`, for the caller to remove) and `fileOf`,
 * which writes each content to the next numbered file there (f0.EXT, f1.EXT, …) and returns its path.
 */
export function fileWriter(extension: string): { dir: string; fileOf: (content: string | Buffer) => string } {
  const dir = tree({});
  let files = 0;
  const fileOf = (content: string | Buffer) => {
    const path = join(dir, `f${files++}${extension}`);
    writeFileSync(path, content);
    return path;
  };
  return { dir, fileOf };
}

/** Every (line, column) where `token` starts in `text`, 1-based, columns in UTF-16 code units. */
export function positions(text: string, token: string): { line: number; column: number }[] {
  const out: { line: number; column: number }[] = [];
  for (let i = text.indexOf(token); i >= 0; i = text.indexOf(token, i + 1)) {
    const before = text.slice(0, i);
    const lineStart = before.lastIndexOf('\n') + 1;
    out.push({ line: before.split('\n').length, column: i - lineStart + 1 });
  }
  return out;
}

export type Positions = { fingerprint: string; token: string; kind: string; count: number; at: number[][] }[];

/** lib's tokens or the CLI's hits as comparable data: per token, its kind, count and every stored position. */
export function positionsOf(found: FoundToken[] | TokenHits[] | 'long-line'): Positions {
  if (found === 'long-line') throw new Error('unexpected long line');
  return found
    .map((x) => ({
      fingerprint: x.fingerprint,
      token: x.token,
      kind: x.kind,
      count: x.count,
      at:
        'occurrences' in x
          ? x.occurrences.map((o) => [o.line, o.column])
          : x.lines.map((line, i) => [line, x.columns[i]!]),
    }))
    .sort((a, b) => (a.fingerprint < b.fingerprint ? -1 : 1));
}
