/**
 * `jwt-lens scan PATH... [--fail-on live|any] [--format text|json|sarif] [--redact]`: finds every
 * token in files and folders, says where, whose and whether it is live, and fails a CI step on it.
 */
import { relative } from 'node:path';
import { REDACTION_MODES, type RedactionMode } from '../../lib/index';
import { flag, nowOption, NOW_OPTION, parseCommandArgs, stringOption } from '../args';
import { paletteFor } from '../color';
import { CliInputError, EXIT, EXIT_CODES_HELP, type ExitCode } from '../exit-codes';
import { systemReason } from '../input';
import { scanJsonBytes } from '../output/scan-json';
import { scanSarif } from '../output/sarif';
import { scanText } from '../output/scan-text';
import { MarkerScan } from '../scan/marker-scan';
import { isRedactedCopy, writeRedactedCopy, type RedactedCopy } from '../scan/redact-file';
import { ReportBuilder } from '../scan/report';
import { scanFiles } from '../scan/pool';
import { scanContext } from '../scan/scan-file';
import { VERSION } from '../version';
import { walkPaths } from '../walk';
import type { CommandIo } from './io';

export const SCAN_HELP = `Usage: jwt-lens scan PATH... [--fail-on live|any] [--format text|json|sarif]
                     [--redact] [--redact-mode placeholder|strip-signature|remove] [--now TIME]

Finds every JWS, unsecured JWT, JWE and SD-JWT in files and folders: plain, JSON and access logs,
curl -v output, .env files and HAR files (entry by entry, response bodies stored base64 included).
Folders are walked recursively; files a .gitignore excludes, the .git folder and binary files are
skipped; a file named as PATH is read even when a .gitignore excludes it.

For each distinct token it reports where it was (file:line:column, and the HAR entry and field),
its kind, alg, issuer, subject and audience, and whether it is live now. Reports never contain a
token: only its fingerprint (the first 16 hex digits of its SHA-256) and a redacted placeholder.

  --fail-on live    exit 1 when a token that is not expired is found (default): valid now,
                    without exp, not yet valid, or encrypted (its expiry cannot be read)
  --fail-on any     exit 1 when any token is found, expired ones included
  --format F        text (default), json, or sarif (SARIF 2.1.0 for code-scanning dashboards)
  --redact          write NAME.redacted.EXT beside each file that holds tokens; originals are never
                    changed (a HAR copy stays a valid HAR with cookies and Authorization scrubbed)
  --redact-mode M   placeholder (default): [JWT sha256:<12 hex> alg=RS256], the same for every copy
                    strip-signature: keep header and payload readable, drop the signature
                    remove: cut the token out
  --now TIME        judge expiry at TIME (ISO 8601 or seconds since 1970) instead of now
  -h, --help        show this help

Files are scanned on every core when there are more than two (on two, one thread is faster) and
there are 16 MB or more; JWT_LENS_SCAN_THREADS=N sets the number of threads (1: one thread).
JWT_LENS_TIMING=1 says on stderr where the time went.

${EXIT_CODES_HELP}
  scan exits 0 when nothing was found (per --fail-on), 1 when tokens were found, and 2 when a
  PATH or a file below it cannot be read (the report still lists what was found elsewhere).`;

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

export async function runScan(argv: string[], io: CommandIo): Promise<ExitCode> {
  const parsed = parseCommandArgs('scan', argv, {
    'fail-on': { type: 'string' },
    format: { type: 'string' },
    redact: { type: 'boolean' },
    'redact-mode': { type: 'string' },
    ...NOW_OPTION,
  });
  if (flag(parsed, 'help')) {
    io.out(SCAN_HELP);
    return EXIT.ok;
  }
  const failOn = stringOption(parsed, 'fail-on') ?? 'live';
  if (failOn !== 'live' && failOn !== 'any')
    throw new CliInputError(`--fail-on must be "live" or "any", not "${failOn}".`);
  const format = (stringOption(parsed, 'format') ?? 'text') as Format;
  if (!FORMATS.includes(format))
    throw new CliInputError(`--format must be text, json or sarif, not "${format}".`);
  const mode = (stringOption(parsed, 'redact-mode') ?? 'placeholder') as RedactionMode;
  if (!REDACTION_MODES.includes(mode)) {
    throw new CliInputError(`--redact-mode must be one of ${REDACTION_MODES.join(', ')}, not "${mode}".`);
  }
  if (parsed.positionals.length === 0) {
    throw new CliInputError(
      'Give at least one file or folder to scan, e.g. jwt-lens scan logs/. Run "jwt-lens scan --help".',
    );
  }
  const now = nowOption(parsed, 'scan');

  const phases = new Phases();
  const walked = walkPaths(parsed.positionals);
  phases.end('walk');
  const problems = walked.problems.map((p) => p.message);
  const context = scanContext(now);
  const builder = new ReportBuilder(now, context.matcher);
  const copies: RedactedCopy[] = [];
  const { results: scans, byThread } = await scanFiles(walked.files, now, new URL(import.meta.url), context);
  const { readMs, sweepMs } = MarkerScan.timeSoFar();
  phases.end(
    'scan',
    `files by thread: ${byThread.join(', ')}; main thread reading ${readMs.toFixed(0)} ms, SIMD pass ${sweepMs.toFixed(0)} ms`,
  );
  for (const [i, file] of walked.files.entries()) {
    const scanned = scans[i]!;
    if (!scanned.ok) {
      problems.push(scanned.message);
      continue;
    }
    builder.add(scanned.scan, displayPath(file.path));
    if (flag(parsed, 'redact') && scanned.scan.hits.length > 0 && !isRedactedCopy(file.path)) {
      try {
        copies.push(writeRedactedCopy(file.path, scanned.scan.har, mode));
      } catch (err) {
        problems.push(`Could not write the redacted copy of ${file.path}: ${systemReason(err)}.`);
      }
    }
  }
  const report = builder.build({ binary: walked.skippedBinary, ignored: walked.skippedIgnored });
  phases.end('report');

  if (format === 'sarif') io.out(JSON.stringify(scanSarif(report, { version: VERSION, problems }), null, 2));
  else if (format === 'json') io.outBytes(scanJsonBytes(report, { redactedCopies: copies, problems }));
  else io.out(scanText(report, paletteFor(process.stdout)));
  phases.end('output');
  if (process.env.JWT_LENS_TIMING) io.err(`jwt-lens: timing ${phases.summary()}`);
  // Progress notes go to stderr, so stdout stays exactly the report (a SARIF file, a JSON document).
  for (const copy of copies) io.err(`wrote ${displayPath(copy.target)} (${copy.redacted} redacted)`);
  for (const problem of problems) io.err(`jwt-lens: ${problem}`);

  if (problems.length > 0) return EXIT.input;
  const failing = report.tokens.filter((t) => failOn === 'any' || t.state !== 'expired');
  return failing.length > 0 ? EXIT.rejected : EXIT.ok;
}

/**
 * Where a scan's time goes, for JWT_LENS_TIMING=1 (the benchmark reports it beside the totals):
 * milliseconds since the process started, then per phase.
 */
class Phases {
  private last = performance.now();
  private readonly parts = [`start ${this.last.toFixed(0)} ms`];

  end(name: string, detail?: string): void {
    const now = performance.now();
    this.parts.push(`${name} ${(now - this.last).toFixed(0)} ms${detail ? ` (${detail})` : ''}`);
    this.last = now;
  }

  /** The phases, then the CPU time of every thread (a lone scan also keeps V8's helper threads busy). */
  summary(): string {
    const { user, system } = process.cpuUsage();
    return [...this.parts, `cpu ${((user + system) / 1000).toFixed(0)} ms`].join(', ');
  }
}

/** Paths as the user would type them: relative to the working folder when below it. */
function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}
