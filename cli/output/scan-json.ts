/** `scan --format json`: the report as data. Like every view, it has fingerprints and placeholders, never a token. */
import type { ScanReport } from '../scan/report';

export function scanJson(report: ScanReport) {
  return {
    now: report.now.toISOString(),
    files: report.files,
    bytes: report.bytes,
    skipped: report.skipped,
    tokens: report.tokens.map((t) => ({
      fingerprint: t.fingerprint,
      redacted: t.redacted,
      kind: t.summary.kind,
      alg: t.summary.alg,
      enc: t.summary.enc,
      iss: t.summary.iss,
      sub: t.summary.sub,
      aud: t.summary.aud,
      state: t.state,
      expiry: { kind: t.summary.expiry.kind, label: t.summary.expiry.label, text: t.summary.expiry.text },
      exp: t.summary.expMs !== undefined ? new Date(t.summary.expMs).toISOString() : undefined,
      count: t.count,
      occurrences: t.occurrences.map((o) => ({
        file: o.file,
        line: o.line,
        column: o.column,
        ...(o.where ? { where: o.where } : {}),
      })),
    })),
  };
}
