/**
 * `scan --format json`: the report as data. Like every view, it has fingerprints and placeholders,
 * never a token. The text is exactly `JSON.stringify(document, null, 2)`, but the occurrence lists
 * (most of a report, often hundreds of thousands of entries) are written as UTF-8 bytes straight from
 * the scan's numbers: an object, or even a string, per copy only to serialise it cost more (in
 * allocation and garbage collection) than the scan of a log folder itself.
 */
import { occurrencesOf, type OccurrenceGroup, type ScanReport } from '../scan/report';
/** Stands in the serialised document for each token's occurrence list (the NUL is written \u0000). */
const SLOT = '\u0000jwt-lens occurrences\u0000';
/** The occurrence list's depth in the document: root › tokens › token › occurrences › entry. */
const ENTRY_INDENT = ' '.repeat(8);
const FIELD_INDENT = ' '.repeat(10);

export function scanJson(report: ScanReport, extra: Record<string, unknown> = {}): string {
  return Buffer.from(scanJsonBytes(report, extra)).toString('utf8');
}

/** The document as UTF-8. */
export function scanJsonBytes(report: ScanReport, extra: Record<string, unknown> = {}): Uint8Array {
  const document = {
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
      occurrences: SLOT,
    })),
    ...extra,
  };
  const parts = JSON.stringify(document, null, 2).split(JSON.stringify(SLOT));
  // A claim in a scanned token (iss, sub) could itself read as a slot: then the document is written
  // the plain way, object by object.
  if (parts.length !== report.tokens.length + 1) return Buffer.from(plainJson(document, report), 'utf8');
  const out = new ByteWriter();
  out.text(parts[0]!);
  for (let i = 0; i < report.tokens.length; i++) {
    writeOccurrences(out, report.tokens[i]!.groups);
    out.text(parts[i + 1]!);
  }
  return out.bytes();
}

function plainJson(document: { tokens: object[] }, report: ScanReport): string {
  const tokens = document.tokens.map((t, i) => ({
    ...t,
    occurrences: occurrencesOf(report.tokens[i]!).map(({ file, line, column, where }) =>
      where ? { file, line, column, where } : { file, line, column },
    ),
  }));
  return JSON.stringify({ ...document, tokens }, null, 2);
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const ENTRY_START = utf8(`\n${ENTRY_INDENT}`);
const BETWEEN = utf8(`,\n${ENTRY_INDENT}`);
const COLUMN = utf8(`,\n${FIELD_INDENT}"column": `);
const ENTRY_END = utf8(`\n${ENTRY_INDENT}}`);
const LIST_END = utf8('\n      ]');

/** One token's occurrences as JSON.stringify would indent them at their depth. */
function writeOccurrences(out: ByteWriter, groups: OccurrenceGroup[]): void {
  let first = true;
  out.byte(0x5b); // [
  for (const group of groups) {
    const head = utf8(`{\n${FIELD_INDENT}"file": ${JSON.stringify(group.file)},\n${FIELD_INDENT}"line": `);
    const { lines, columns, located } = group;
    for (let i = 0; i < lines.length; i++) {
      out.raw(first ? ENTRY_START : BETWEEN);
      first = false;
      out.raw(head);
      out.int(lines[i]!);
      out.raw(COLUMN);
      out.int(columns[i]!);
      const where = located?.[i]?.where;
      if (where !== undefined)
        out.text(
          `,\n${FIELD_INDENT}"where": ${JSON.stringify(where, null, 2).replaceAll('\n', `\n${FIELD_INDENT}`)}`,
        );
      out.raw(ENTRY_END);
    }
  }
  if (first)
    out.byte(0x5d); // ]
  else out.raw(LIST_END);
}

/** A growing UTF-8 buffer that writes small pieces without making a string for each. */
class ByteWriter {
  private buffer = Buffer.allocUnsafe(1 << 16);
  private at = 0;

  private room(n: number): void {
    if (this.at + n <= this.buffer.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.at + n));
    this.buffer.copy(bigger, 0, 0, this.at);
    this.buffer = bigger;
  }

  byte(b: number): void {
    this.room(1);
    this.buffer[this.at++] = b;
  }

  raw(bytes: Uint8Array): void {
    this.room(bytes.length);
    this.buffer.set(bytes, this.at);
    this.at += bytes.length;
  }

  text(text: string): void {
    this.room(Buffer.byteLength(text));
    this.at += this.buffer.write(text, this.at, 'utf8');
  }

  /** A non-negative integer below 2^31 (a line or column) in decimal, as JSON writes it. */
  int(n: number): void {
    this.room(10);
    const { buffer } = this;
    let end = this.at + (n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : n < 10000 ? 4 : String(n).length);
    this.at = end;
    do {
      const q = (n / 10) | 0;
      buffer[--end] = 48 + n - q * 10;
      n = q;
    } while (n > 0);
  }

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.at);
  }
}
