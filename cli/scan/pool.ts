/**
 * Scanning many files on every core. The main thread scans from the first moment, and worker threads
 * (the same bundle: main.ts starts the worker loop when it is loaded as a scan worker) join it once
 * they have started: every thread takes the next file from one shared counter (Atomics), so a thread
 * that drew small files takes more, and the main thread is not idle while the workers start (tens of
 * milliseconds each). A worker hands back its files' hits (numbers and strings, cheap to copy) in one
 * message. Small jobs stay on the main thread alone. Results are stored by the files' order, so
 * reports do not depend on timing; a file a failed worker had taken is scanned again here.
 */
import { nodeOs, workerThreads } from '../lazy-builtins';
import type { WalkedFile } from '../walk';
import { scanContext, scanFile, type FileScanResult } from './scan-file';
import type { ScanContext } from './text-file';
import { WORKER_ARG, WORKER_ROLE } from './worker-role';

/** Below this much input, one thread is faster than starting workers. */
const PARALLEL_MIN_BYTES = 16 * 1024 * 1024;
const MAX_WORKERS = 7;
/** At or below this many cores the main thread scans alone (see workerCount). */
const MAX_CORES_WITHOUT_WORKERS = 2;

/** What a worker is started with (workerData). */
interface WorkerJob {
  role: typeof WORKER_ROLE;
  files: WalkedFile[];
  /** One Int32: the index of the next file to scan, shared by every thread. */
  next: SharedArrayBuffer;
  nowMs: number;
}

/** A worker's answer: its files' results, by index. */
type Reply = [number, FileScanResult][];

/**
 * Threads beside the main one: none on two cores or fewer. There, the scan phase of a 200 MB tree of
 * logs and HARs (JWT_LENS_TIMING) took 186–200 ms on the main thread alone, 225–257 ms with one worker
 * beside it and 323–384 ms with two workers and the main thread waiting. A worker starts scanning
 * 90–120 ms after it is spawned (an isolate, the bundle, then every token decoded again), and even
 * over a 1 GB tree one worker gained nothing (947 against 957 ms): beside it the main thread's files
 * took twice as long, although plain reads and plain loops run at full speed on both cores at once
 * (V8's background compiling and collecting, which a lone thread gets the other core for, are the
 * likely cause; not proven). JWT_LENS_SCAN_THREADS=N sets the number of threads, the main one
 * included (1: the main thread only).
 */
function workerCount(): number {
  const configured = Number(process.env.JWT_LENS_SCAN_THREADS);
  if (Number.isInteger(configured) && configured >= 1) return Math.min(configured - 1, MAX_WORKERS);
  const cores = nodeOs().availableParallelism();
  return cores <= MAX_CORES_WITHOUT_WORKERS ? 0 : Math.min(cores - 1, MAX_WORKERS);
}

/** The worker side: scan files from the shared counter until none is left, then answer once. */
export function runScanWorker(): void {
  const { workerData, parentPort } = workerThreads();
  const job = workerData as WorkerJob;
  const next = new Int32Array(job.next);
  const now = new Date(job.nowMs);
  const context = scanContext(now);
  const reply: Reply = [];
  for (let i = Atomics.add(next, 0, 1); i < job.files.length; i = Atomics.add(next, 0, 1)) {
    const file = job.files[i]!;
    reply.push([i, scanFile(file.path, file.size, now, context)]);
  }
  parentPort!.postMessage(reply);
}

/**
 * `context`: for the files scanned on this thread; the caller passes its own, so the report's
 * placeholders decode nothing the scan decoded already.
 */
export async function scanFiles(
  files: WalkedFile[],
  now: Date,
  entry: string | URL,
  context: ScanContext = scanContext(now),
): Promise<{ results: FileScanResult[]; byThread: number[] }> {
  const total = files.reduce((sum, f) => sum + f.size, 0);
  const forced = process.env.JWT_LENS_SCAN_THREADS !== undefined;
  const count = Math.min(workerCount(), files.length - 1);
  const results: (FileScanResult | undefined)[] = new Array(files.length);
  const next = new SharedArrayBuffer(4);
  const workers =
    count >= 1 && (forced || total >= PARALLEL_MIN_BYTES)
      ? Array.from({ length: count }, () =>
          startWorker(entry, { role: WORKER_ROLE, files, next, nowMs: now.getTime() }),
        )
      : [];
  const counter = new Int32Array(next);
  let mine = 0;
  for (let i = Atomics.add(counter, 0, 1); i < files.length; i = Atomics.add(counter, 0, 1), mine++) {
    results[i] = scanFile(files[i]!.path, files[i]!.size, now, context);
  }
  const byThread = [mine];
  for (const reply of await Promise.all(workers)) {
    byThread.push(reply.length);
    for (const [i, result] of reply) results[i] = result;
  }
  // A worker that failed took files it never answered for: scan those here.
  return {
    results: results.map((result, i) => result ?? scanFile(files[i]!.path, files[i]!.size, now, context)),
    byThread,
  };
}

/** One worker's reply; an empty one when it fails (its files are then scanned by the caller). */
function startWorker(entry: string | URL, job: WorkerJob): Promise<Reply> {
  return new Promise((resolve) => {
    const worker = new (workerThreads().Worker)(entry, { workerData: job, argv: [WORKER_ARG] });
    let reply: Reply = [];
    worker.once('message', (answer: Reply) => {
      reply = answer;
      void worker.terminate();
    });
    worker.once('error', () => void worker.terminate());
    worker.once('exit', () => resolve(reply));
  });
}
