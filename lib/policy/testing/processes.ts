/**
 * Test support for the generated-code agreement test: the Python that can import PyJWT, a child-process
 * runner, and a local JWKS server on 127.0.0.1. Node-only (tests), never imported by the library.
 */
import { execFile, spawnSync, type ExecFileException } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The interpreter that can `import jwt, cryptography`: Debian's /usr/bin/python3 (python3-jwt and
 * python3-cryptography, which .ci/run installs) first, because the python3 first on PATH may be another
 * interpreter (pyenv, a venv) without them.
 */
export function pythonWithPyJwt(): string | undefined {
  for (const candidate of ['/usr/bin/python3', 'python3', 'python']) {
    const probe = spawnSync(candidate, ['-c', 'import jwt, cryptography'], { stdio: 'ignore' });
    if (probe.status === 0) return candidate;
  }
  return undefined;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function run(
  command: string,
  args: string[],
  env: Record<string, string> = {},
  input?: string,
): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = execFile(
      command,
      args,
      {
        env: { ...minimalEnv(), ...env },
        encoding: 'utf8',
        timeout: 30_000,
        maxBuffer: 4 * 1024 * 1024,
      },
      (error: ExecFileException | null, stdout: string, stderr: string) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** Runs tasks with at most `limit` at a time (the machine is shared; one process per core or two). */
export async function inBatches<T, R>(
  items: T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  });
  await Promise.all(workers);
  return results;
}

/** Serves one JWKS document at /.well-known/jwks.json on 127.0.0.1; counts the requests. */
export async function startJwksServer(
  jwks: unknown,
): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  let requests = 0;
  const server: Server = createServer((req, res) => {
    requests++;
    if (req.url === '/.well-known/jwks.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(jwks));
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    requests: () => requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** PATH and HOME only: the generated code must not depend on anything else in the test's environment. */
function minimalEnv(): NodeJS.ProcessEnv {
  return { NODE_ENV: 'test', PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' };
}
