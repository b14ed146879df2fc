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

/** The document as UTF-8. */
export function scanJsonBytes(report: ScanReport, extra: Record<string, unknown> = {}): Uint8Array {
  const document = scanJsonDocument(report, extra, () => SLOT);
  const parts = JSON.stringify(document, null, 2).split(JSON.stringify(SLOT));
  // A claim in a scanned token (iss, sub) could itself read as a slot: then the document is written
  // the plain way, object by object.
  if (parts.length !== report.tokens.length + 1)
    return Buffer.from(JSON.stringify(scanJsonDocument(report, extra), null, 2), 'utf8');
  // About 110 bytes per copy as pretty-printed: one buffer, seldom grown.
  const copies = report.tokens.reduce((sum, t) => sum + t.groups.reduce((n, g) => n + g.lines.length, 0), 0);
  const out = new ByteWriter(parts.reduce((sum, p) => sum + p.length, 0) + copies * 128);
  out.text(parts[0]!);
  for (let i = 0; i < report.tokens.length; i++) {
    writeOccurrences(out, report.tokens[i]!.groups);
    out.text(parts[i + 1]!);
  }
  return out.bytes();
}

/**
 * The report as a JSON document. `occurrences` stands in for each token's list (scanJsonBytes writes
 * the lists itself); by default they are objects, as JSON.stringify would be given them.
 */
export function scanJsonDocument(
  report: ScanReport,
  extra: Record<string, unknown> = {},
  occurrences: (token: ScanReport['tokens'][number]) => unknown = (t) =>
    occurrencesOf(t).map(({ file, line, column, where }) =>
      where ? { file, line, column, where } : { file, line, column },
    ),
) {
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
      occurrences: occurrences(t),
    })),
    ...extra,
  };
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const ENTRY_START = utf8(`\n${ENTRY_INDENT}`);
const BETWEEN = utf8(`,\n${ENTRY_INDENT}`);
const COLUMN = utf8(`,\n${FIELD_INDENT}"column": `);
const ENTRY_END = utf8(`\n${ENTRY_INDENT}}`);

/** One token's occurrences as JSON.stringify would indent them at their depth. */
function writeOccurrences(out: ByteWriter, groups: OccurrenceGroup[]): void {
  let first = true;
  out.text('[');
  for (const group of groups) {
    const head = utf8(`{\n${FIELD_INDENT}"file": ${JSON.stringify(group.file)},\n${FIELD_INDENT}"line": `);
    const { lines, columns, located } = group;
    // An entry but its `where`: the separator, the head, two numbers of at most ten digits, the end;
    // room for the whole group at once, so the loop writes straight into the buffer.
    const entryBytes = BETWEEN.length + head.length + COLUMN.length + ENTRY_END.length + 20;
    out.room(lines.length * entryBytes);
    let { buffer, at } = out;
    for (let i = 0; i < lines.length; i++) {
      const separator = first ? ENTRY_START : BETWEEN;
      first = false;
      // Whole pieces by TypedArray#set and numbers by Buffer#write, with no call per byte.
      buffer.set(separator, at);
      at += separator.length;
      buffer.set(head, at);
      at += head.length;
      at += buffer.write(String(lines[i]), at, 'latin1');
      buffer.set(COLUMN, at);
      at += COLUMN.length;
      at += buffer.write(String(columns[i]), at, 'latin1');
      const where = located?.[i]?.where;
      if (where !== undefined) {
        out.at = at;
        out.text(
          `,\n${FIELD_INDENT}"where": ${JSON.stringify(where, null, 2).replaceAll('\n', `\n${FIELD_INDENT}`)}`,
        );
        out.room((lines.length - i) * entryBytes);
        ({ buffer, at } = out);
      }
      buffer.set(ENTRY_END, at);
      at += ENTRY_END.length;
    }
    out.at = at;
  }
  out.text(first ? ']' : '\n      ]');
}

/** A growing UTF-8 buffer that small pieces are written into without a string each. */
class ByteWriter {
  buffer: Buffer;
  at = 0;

  constructor(expected: number) {
    this.buffer = Buffer.allocUnsafe(Math.max(1 << 16, expected));
  }

  /** Makes room for `n` more bytes (the buffer may be replaced: read it again after). */
  room(n: number): void {
    if (this.at + n <= this.buffer.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.at + n));
    this.buffer.copy(bigger, 0, 0, this.at);
    this.buffer = bigger;
  }

  text(text: string): void {
    this.room(Buffer.byteLength(text));
    this.at += this.buffer.write(text, this.at, 'utf8');
  }

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.at);
  }
}
