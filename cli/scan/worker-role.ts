/** How a scan worker thread knows itself (pool.ts starts them on the CLI's own bundle, main.ts asks). */
import { isMainThread, workerData } from 'node:worker_threads';

export const WORKER_ROLE = 'jwt-lens-scan-worker';

export function isScanWorker(): boolean {
  return !isMainThread && (workerData as { role?: string } | null)?.role === WORKER_ROLE;
}
