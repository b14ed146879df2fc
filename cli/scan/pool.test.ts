/**
 * The scan worker as main.ts starts it from the built bundle: given the files and the shared counter,
 * it scans every file not yet taken and answers with exactly what scanning them here gives; and
 * scanFiles with workers gives what one thread gives, whichever thread takes which file.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import { harDocument } from '../../lib/scan/fixtures/har';
import { jsonLogLines, nginxAccessLog } from '../../lib/scan/fixtures/logs';
import { NOW, tokenSet, type TokenSet } from '../../lib/scan/fixtures/tokens';
import { BUNDLE, ensureCliBuilt, tree } from '../testing';
import type { WalkedFile } from '../walk';
import { scanFiles } from './pool';
import { scanFile, type FileScanResult } from './scan-file';
import { WORKER_ARG, WORKER_ROLE } from './worker-role';

let t: TokenSet;
let files: WalkedFile[];

beforeAll(async () => {
  await ensureCliBuilt();
  t = await tokenSet();
  const har = JSON.stringify(
    harDocument({ accessToken: t.live, idToken: t.es256, assertion: t.expired }),
    null,
    2,
  );
  const contents: Record<string, string> = {
    'a.log': nginxAccessLog([t.live, t.expired]),
    'b.jsonl': jsonLogLines([t.es256, t.jwe]),
    'c.har': har,
    'd.log': `plain text, no token\n`,
    'e.log': `${t.sdJwt}\n${t.unsecured}\n`,
  };
  const dir = tree(contents);
  files = Object.entries(contents).map(([name, text]) => ({
    path: join(dir, name),
    size: Buffer.byteLength(text),
  }));
}, 120_000);

/** The worker's reply for a counter that starts at `from`. */
function runWorker(from: number): Promise<[number, FileScanResult][]> {
  const next = new SharedArrayBuffer(4);
  new Int32Array(next)[0] = from;
  const worker = new Worker(BUNDLE, {
    workerData: { role: WORKER_ROLE, files, next, nowMs: NOW.getTime() },
    argv: [WORKER_ARG],
  });
  return new Promise((resolve, reject) => {
    worker.once('message', (reply: [number, FileScanResult][]) => {
      void worker.terminate();
      resolve(reply);
    });
    worker.once('error', reject);
  });
}

describe('the scan worker', () => {
  it('scans every file from the shared counter on, and answers what scanning here gives', async () => {
    const reply = await runWorker(0);
    expect(reply.map(([i]) => i)).toEqual(files.map((_, i) => i));
    for (const [i, result] of reply) expect(result).toEqual(scanFile(files[i]!.path, files[i]!.size, NOW));
    expect(reply.some(([, r]) => r.ok && r.scan.har && r.scan.hits.some((h) => h.where))).toBe(true);
  });

  it('leaves the files another thread has taken', async () => {
    const reply = await runWorker(3);
    expect(reply.map(([i]) => i)).toEqual([3, 4]);
  });

  it('scanFiles with one and three workers gives what the main thread alone gives', async () => {
    const entry = BUNDLE;
    const previous = process.env.JWT_LENS_SCAN_THREADS;
    try {
      const results: FileScanResult[][] = [];
      for (const threads of ['1', '2', '4']) {
        process.env.JWT_LENS_SCAN_THREADS = threads;
        const { results: scanned, byThread } = await scanFiles(files, NOW, entry);
        expect(byThread.reduce((a, b) => a + b, 0)).toBe(files.length);
        expect(byThread).toHaveLength(Number(threads));
        results.push(scanned);
      }
      expect(results[1]).toEqual(results[0]);
      expect(results[2]).toEqual(results[0]);
    } finally {
      if (previous === undefined) delete process.env.JWT_LENS_SCAN_THREADS;
      else process.env.JWT_LENS_SCAN_THREADS = previous;
    }
  });
});
