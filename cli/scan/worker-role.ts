/** How a scan worker thread knows itself (pool.ts starts them on the CLI's own bundle, main.ts asks). */
import { workerThreads } from '../lazy-builtins';

export const WORKER_ROLE = 'jwt-lens-scan-worker';
/**
 * Also in a worker's argv, so that every other run (every command) tells it is not one without
 * loading node:worker_threads; the role in workerData is what decides.
 */
export const WORKER_ARG = '--jwt-lens-scan-worker';

export function isScanWorker(): boolean {
  if (!process.argv.includes(WORKER_ARG)) return false;
  const { isMainThread, workerData } = workerThreads();
  return !isMainThread && (workerData as { role?: string } | null)?.role === WORKER_ROLE;
}
