/**
 * Scanning many files on every core: worker threads run the same bundle (main.ts starts the worker
 * loop when it is loaded as a scan worker) and scan one file per message. Small jobs stay on the
 * main thread, where starting a worker (tens of milliseconds) would cost more than it saves.
 * Results come back in the order of the files, so reports do not depend on timing.
 */
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { scanFile, type FileScanResult } from './scan-file';
import type { WalkedFile } from '../walk';

const WORKER_ROLE = 'jwt-lens-scan-worker';
/** Below this much input, one thread is faster than starting workers. */
const PARALLEL_MIN_BYTES = 16 * 1024 * 1024;
const MAX_WORKERS = 8;

interface Job {
  id: number;
  path: string;
  size: number;
  nowMs: number;
}

interface Reply {
  id: number;
  result: FileScanResult;
}

/** JWT_LENS_SCAN_THREADS=N overrides the number of threads (1: scan on the main thread only). */
function threadCount(): number {
  const configured = Number(process.env.JWT_LENS_SCAN_THREADS);
  if (Number.isInteger(configured) && configured >= 1) return Math.min(configured, MAX_WORKERS);
  return Math.min(availableParallelism(), MAX_WORKERS);
}

export function isScanWorker(): boolean {
  return !isMainThread && (workerData as { role?: string } | null)?.role === WORKER_ROLE;
}

/** The worker side: scan each file it is sent, answer with the result (which never throws). */
export function runScanWorker(): void {
  parentPort!.on('message', (job: Job) => {
    const reply: Reply = { id: job.id, result: scanFile(job.path, job.size, new Date(job.nowMs)) };
    parentPort!.postMessage(reply);
  });
}

export async function scanFiles(
  files: WalkedFile[],
  now: Date,
  entry: string | URL,
): Promise<FileScanResult[]> {
  const total = files.reduce((sum, f) => sum + f.size, 0);
  const threads = Math.min(threadCount(), files.length);
  const forced = process.env.JWT_LENS_SCAN_THREADS !== undefined;
  if (threads < 2 || (!forced && total < PARALLEL_MIN_BYTES))
    return files.map((f) => scanFile(f.path, f.size, now));

  const results: FileScanResult[] = new Array(files.length);
  // Largest files first, so one big HAR does not start last and leave the other cores idle.
  const queue = files.map((f, id) => ({ id, path: f.path, size: f.size, nowMs: now.getTime() }));
  queue.sort((a, b) => b.size - a.size);
  const workers = Array.from(
    { length: threads },
    () => new Worker(entry, { workerData: { role: WORKER_ROLE } }),
  );
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const next = () => {
              const job = queue.shift();
              if (job) worker.postMessage(job);
              else resolve();
            };
            worker.on('message', (reply: Reply) => {
              results[reply.id] = reply.result;
              next();
            });
            worker.on('error', reject);
            next();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
