/**
 * Scanning many files on every core: worker threads run the same bundle (main.ts starts the worker
 * loop when it is loaded as a scan worker), and each message is a batch of files (scan-batch.ts), so
 * a worker decodes each token once per batch rather than once per file. Small jobs stay on the main
 * thread, where starting a worker (tens of milliseconds) would cost more than it saves. Results come
 * back in the order of the files, so reports do not depend on timing.
 */
import { availableParallelism } from 'node:os';
import { Worker, parentPort } from 'node:worker_threads';
import { WORKER_ROLE } from './worker-role';
import type { WalkedFile } from '../walk';
import { scanBatch } from './scan-batch';
import { scanContext, type FileScanResult } from './scan-file';
import type { ScanContext } from './text-file';

/** Below this much input, one thread is faster than starting workers. */
const PARALLEL_MIN_BYTES = 16 * 1024 * 1024;
const MAX_WORKERS = 8;
/** At or below this many cores the main thread scans alone (see threadCount). */
const MAX_CORES_WITHOUT_WORKERS = 2;
const MAX_BATCH_BYTES = 64 * 1024 * 1024;

interface Job {
  /** Positions of the batch's files in the caller's list. */
  ids: number[];
  files: WalkedFile[];
  nowMs: number;
}

interface Reply {
  ids: number[];
  results: FileScanResult[];
}

/**
 * Workers pay off only with cores to spare: on two cores, the scan phase of a 200 MB tree of logs and
 * HARs (JWT_LENS_TIMING) took 186–200 ms on the main thread alone and 323–384 ms with two workers
 * (each starts its own isolate, loads the bundle and decodes every token again, and the report then
 * decodes them once more on the main thread). JWT_LENS_SCAN_THREADS=N overrides the number of
 * threads (1: scan on the main thread only).
 */
function threadCount(): number {
  const configured = Number(process.env.JWT_LENS_SCAN_THREADS);
  if (Number.isInteger(configured) && configured >= 1) return Math.min(configured, MAX_WORKERS);
  const cores = availableParallelism();
  return cores <= MAX_CORES_WITHOUT_WORKERS ? 1 : Math.min(cores, MAX_WORKERS);
}

/** The worker side: scan each batch it is sent, answer with the results (scanning never throws). */
export function runScanWorker(): void {
  parentPort!.on('message', (job: Job) => {
    const reply: Reply = { ids: job.ids, results: scanBatch(job.files, new Date(job.nowMs)) };
    parentPort!.postMessage(reply);
  });
}

/**
 * Batches of files of about `target` bytes, largest files first, so one big file does not start last
 * and leave the other cores idle.
 */
function batches(files: WalkedFile[], target: number, nowMs: number): Job[] {
  const order = files.map((file, id) => ({ file, id })).sort((a, b) => b.file.size - a.file.size);
  const jobs: Job[] = [];
  let job: Job | undefined;
  let bytes = 0;
  for (const { file, id } of order) {
    if (!job || bytes + file.size > target) {
      job = { ids: [], files: [], nowMs };
      jobs.push(job);
      bytes = 0;
    }
    job.ids.push(id);
    job.files.push(file);
    bytes += file.size;
  }
  return jobs;
}

/** `context`: for the files scanned on this thread; a caller that decodes the same tokens again later
 * (the report's placeholders) passes its own, so each token is decoded once. */
export async function scanFiles(
  files: WalkedFile[],
  now: Date,
  entry: string | URL,
  context: ScanContext = scanContext(now),
): Promise<FileScanResult[]> {
  const total = files.reduce((sum, f) => sum + f.size, 0);
  const threads = Math.min(threadCount(), files.length);
  const forced = process.env.JWT_LENS_SCAN_THREADS !== undefined;
  const results: FileScanResult[] = new Array(files.length);
  const store = (reply: Reply) => reply.ids.forEach((id, k) => (results[id] = reply.results[k]!));

  if (threads < 2 || (!forced && total < PARALLEL_MIN_BYTES)) {
    for (const job of batches(files, MAX_BATCH_BYTES, now.getTime())) {
      store({ ids: job.ids, results: scanBatch(job.files, now, context) });
    }
    return results;
  }
  // A few batches per thread, so a thread that drew small files takes more.
  const target = Math.min(MAX_BATCH_BYTES, Math.max(1, Math.ceil(total / (threads * 4))));
  const queue = batches(files, target, now.getTime());
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
              store(reply);
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
