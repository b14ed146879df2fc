/** The text view of `scan`: one block per distinct token, live ones first, then a one-line total. */
import type { Palette } from '../color';
import { occurrencesOf, type ReportedToken, type ScanReport } from '../scan/report';

const MAX_LOCATIONS_SHOWN = 5;

export function scanText(report: ScanReport, c: Palette): string {
  const lines: string[] = [];
  for (const token of report.tokens) lines.push(...tokenBlock(token, c), '');
  const live = report.tokens.filter((t) => t.state !== 'expired').length;
  const total = report.tokens.length;
  const { binary, ignored } = report.skipped;
  const skipped =
    binary + ignored > 0
      ? ` Skipped ${binary} binary file${binary === 1 ? '' : 's'} and ${ignored} path${ignored === 1 ? '' : 's'} excluded by .gitignore.`
      : '';
  lines.push(
    total === 0
      ? c.green(`No tokens found in ${fileCount(report.files)} (${formatBytes(report.bytes)}).`) + skipped
      : `${total} distinct token${total === 1 ? '' : 's'} (${live} live or not yet valid) in ${fileCount(report.files)} (${formatBytes(report.bytes)}).${skipped}`,
  );
  return lines.join('\n');
}

function tokenBlock(token: ReportedToken, c: Palette): string[] {
  const s = token.summary;
  // lib's expiry text already reads "expires in 2 h", "expired 3 d ago" or "valid in 5 min".
  const detail = s.expiry.text || s.expiry.label;
  const state =
    token.state === 'live'
      ? c.red(`LIVE, ${detail}`)
      : token.state === 'expired'
        ? c.dim(detail)
        : c.yellow(`NOT YET VALID, ${detail}`);
  const facts = [
    s.kind.toUpperCase(),
    s.alg && `alg=${s.alg}`,
    s.enc && `enc=${s.enc}`,
    s.iss && `iss=${s.iss}`,
    s.sub && `sub=${s.sub}`,
    s.aud && `aud=${s.aud}`,
  ].filter(Boolean);
  const lines = [
    `${c.bold(token.redacted)}  ${state}`,
    `  fingerprint ${token.fingerprint}  ${facts.join('  ')}`,
    `  ${token.count} occurrence${token.count === 1 ? '' : 's'}:`,
  ];
  for (const occ of occurrencesOf(token, MAX_LOCATIONS_SHOWN)) {
    lines.push(
      `    ${c.cyan(`${occ.file}:${occ.line}:${occ.column}`)}${occ.whereText ? `  ${occ.whereText}` : ''}`,
    );
  }
  if (token.count > MAX_LOCATIONS_SHOWN)
    lines.push(c.dim(`    … and ${token.count - MAX_LOCATIONS_SHOWN} more (see --format json)`));
  return lines;
}

function fileCount(n: number): string {
  return `${n} file${n === 1 ? '' : 's'}`;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}
