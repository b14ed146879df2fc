/**
 * Scanning several text files through one lib scanner. A scanner decodes each distinct token once;
 * a scanner per file would decode the same few tokens again in every file of a log folder (a quarter
 * of all scan time in a profile). The files are pushed one after the other, each starting on a fresh
 * line, and every occurrence is given back to its file by line number. Should any token reach lib's
 * cap on stored occurrences (so some file could lose its positions), or any file need another path,
 * the batch is scanned again file by file, so the result is always the same as scanning each alone.
 */
import { createTextScanner, TokenMatcher, type FoundToken, type Occurrence } from '../../lib/index';
import { systemReason } from '../input';
import type { WalkedFile } from '../walk';
import { pushMarkedLines } from './marked-lines';
import { isHarFile, scanFile, type FileScanResult } from './scan-file';

/** `matcher`: one for the whole batch (or all batches of a thread): the same tokens recur in every file. */
export function scanBatch(
  files: WalkedFile[],
  now: Date,
  matcher: TokenMatcher = new TokenMatcher(now),
): FileScanResult[] {
  const results: FileScanResult[] = new Array(files.length);
  const text: number[] = [];
  for (const [i, file] of files.entries()) {
    let har: boolean;
    try {
      har = isHarFile(file.path, file.size);
    } catch (err) {
      results[i] = { ok: false, message: `Could not read ${file.path}: ${systemReason(err)}.` };
      continue;
    }
    if (har) results[i] = scanFile(file.path, file.size, now, matcher);
    else text.push(i);
  }
  const shared =
    text.length > 1
      ? scanTogether(
          text.map((i) => files[i]!),
          now,
          matcher,
        )
      : undefined;
  for (const [k, i] of text.entries())
    results[i] = shared ? shared[k]! : scanFile(files[i]!.path, files[i]!.size, now, matcher);
  return results;
}

/** One scanner for all the files, or undefined when the batch must be scanned file by file. */
function scanTogether(files: WalkedFile[], now: Date, matcher: TokenMatcher): FileScanResult[] | undefined {
  const scanner = createTextScanner({ now, matcher });
  const firstLine: number[] = [];
  let line = 1;
  try {
    for (const file of files) {
      firstLine.push(line);
      const pushed = pushMarkedLines(file.path, scanner);
      if (pushed === 'long-line') return undefined;
      line += pushed.newlines;
      if (!pushed.endsWithNewline && file.size > 0) {
        scanner.push('\n'); // the next file starts on its own line
        line += 1;
      }
    }
  } catch {
    return undefined; // an unreadable file: scanning file by file reports which one
  }
  const tokens = scanner.finish().tokens;
  if (tokens.some((t) => t.count > t.occurrences.length)) return undefined;

  const perFile: Map<FoundToken, Occurrence[]>[] = files.map(() => new Map());
  for (const token of tokens) {
    for (const occurrence of token.occurrences) {
      const f = fileOfLine(firstLine, occurrence.line);
      const local = { ...occurrence, line: occurrence.line - firstLine[f]! + 1 };
      const list = perFile[f]!.get(token);
      if (list) list.push(local);
      else perFile[f]!.set(token, [local]);
    }
  }
  return files.map((file, f) => ({
    ok: true,
    scan: {
      path: file.path,
      bytes: file.size,
      har: false,
      tokens: [...perFile[f]!].map(([token, occurrences]) => ({
        ...token,
        count: occurrences.length,
        occurrences,
      })),
    },
  }));
}

/** The index of the last file whose first line is at or before `line` (binary search). */
function fileOfLine(firstLine: number[], line: number): number {
  let lo = 0;
  let hi = firstLine.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (firstLine[mid]! <= line) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
