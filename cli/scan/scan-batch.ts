/**
 * Scanning a batch of files on one thread, with one ScanContext for all of them: a log folder repeats
 * the same few tokens in every file, and each is decoded and hashed once rather than once per file.
 */
import type { WalkedFile } from '../walk';
import { scanContext, scanFile, type FileScanResult } from './scan-file';
import type { ScanContext } from './text-file';

export function scanBatch(
  files: WalkedFile[],
  now: Date,
  context: ScanContext = scanContext(now),
): FileScanResult[] {
  return files.map((file) => scanFile(file.path, file.size, now, context));
}
