/**
 * Which files `scan` reads: every path given, and for folders every file below them, except what a
 * .gitignore excludes (git's own rules, via the `ignore` package, read in every folder on the way
 * down), the .git folder, binaries (a NUL byte in the first 8 KB, as git and ripgrep decide) and
 * symbolic links to folders (which could loop). A file named on the command line is read even when a
 * .gitignore excludes it (the user asked for it), but never when it is binary.
 */
import {
  closeSync,
  existsSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  statSync,
} from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { systemReason } from './input';

export interface WalkedFile {
  path: string;
  size: number;
}

export interface WalkProblem {
  path: string;
  message: string;
}

export interface WalkResult {
  files: WalkedFile[];
  /** Paths that could not be read (reported on stderr; scan exits 2). */
  problems: WalkProblem[];
  skippedBinary: number;
  skippedIgnored: number;
}

const BINARY_SNIFF_BYTES = 8192;

interface Rules {
  dir: string;
  matcher: Ignore;
}

export function walkPaths(paths: string[]): WalkResult {
  const result: WalkResult = { files: [], problems: [], skippedBinary: 0, skippedIgnored: 0 };
  for (const path of paths) {
    let stat;
    try {
      stat = statSync(path);
    } catch (err) {
      result.problems.push({ path, message: `Could not read ${path}: ${systemReason(err)}.` });
      continue;
    }
    if (stat.isDirectory()) walkDirectory(path, ancestorRules(path), result);
    else if (stat.isFile()) addFile(path, stat.size, result);
    else result.problems.push({ path, message: `${path} is neither a file nor a folder.` });
  }
  return result;
}

function walkDirectory(dir: string, inherited: Rules[], result: WalkResult): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    result.problems.push({ path: dir, message: `Could not read the folder ${dir}: ${systemReason(err)}.` });
    return;
  }
  const rules = [...inherited];
  const own = readGitignore(dir);
  if (own) rules.push({ dir, matcher: own });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name === '.git') continue;
    const path = join(dir, entry.name);
    const isDir = entry.isDirectory();
    if (isIgnored(path, isDir, rules)) {
      result.skippedIgnored++;
      continue;
    }
    if (isDir) walkDirectory(path, rules, result);
    else if (entry.isFile()) {
      try {
        addFile(path, lstatSync(path).size, result);
      } catch (err) {
        result.problems.push({ path, message: `Could not read ${path}: ${systemReason(err)}.` });
      }
    } else if (entry.isSymbolicLink()) {
      // A link to a file is read; a link to a folder is not followed (it could loop).
      try {
        const target = statSync(path);
        if (target.isFile()) addFile(path, target.size, result);
      } catch {
        // A dangling link holds nothing to scan.
      }
    }
  }
}

/**
 * The .gitignore files above a folder given on the command line, up to the repository root (the
 * folder holding .git), so `jwt-lens scan src/` skips what `git status` would skip there.
 */
function ancestorRules(start: string): Rules[] {
  const chain: string[] = [];
  let dir = resolve(start);
  for (;;) {
    const parent = dirname(dir);
    if (parent === dir) return []; // reached / without finding a repository: no rules above
    dir = parent;
    chain.unshift(dir);
    if (existsSync(join(dir, '.git'))) break;
  }
  const rules: Rules[] = [];
  for (const dir of chain) {
    const matcher = readGitignore(dir);
    if (matcher) rules.push({ dir, matcher });
  }
  return rules;
}

function readGitignore(dir: string): Ignore | undefined {
  let text: string;
  try {
    text = readFileSync(join(dir, '.gitignore'), 'utf8');
  } catch {
    return undefined;
  }
  return ignore().add(text);
}

/** gitignore patterns are relative to the folder holding the file, with "/" separators; folders end in "/". */
function isIgnored(path: string, isDir: boolean, rules: Rules[]): boolean {
  for (const { dir, matcher } of rules) {
    const rel = relative(dir, path).split(sep).join('/');
    if (rel && matcher.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}

function addFile(path: string, size: number, result: WalkResult): void {
  const binary = looksBinary(path);
  if (binary === 'unreadable') {
    result.problems.push({
      path,
      message: `Could not read ${path}: permission denied or not a regular file.`,
    });
    return;
  }
  if (binary) {
    result.skippedBinary++;
    return;
  }
  result.files.push({ path, size });
}

function looksBinary(path: string): boolean | 'unreadable' {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buffer = Buffer.alloc(BINARY_SNIFF_BYTES);
    const read = readSync(fd, buffer, 0, BINARY_SNIFF_BYTES, 0);
    return buffer.subarray(0, read).includes(0);
  } catch {
    return 'unreadable';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
