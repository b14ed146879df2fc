/**
 * `scan --format json`: the report as data. Like every view, it has fingerprints and placeholders,
 * never a token. The text is exactly `JSON.stringify(document, null, 2)`, but the occurrence lists
 * (most of a report, often hundreds of thousands of entries) are written straight from the scan's
 * numbers, with no object per copy: making and serialising one per copy cost more (in allocation and
 * garbage collection) than the scan of a log folder itself.
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

const ENTRY_START = `\n${ENTRY_INDENT}`;
const BETWEEN = `,\n${ENTRY_INDENT}`;
const COLUMN = `,\n${FIELD_INDENT}"column": `;
const ENTRY_END = `\n${ENTRY_INDENT}}`;
/** How much text is gathered before it is written into the buffer. */
const FLUSH_CHARS = 64 * 1024;

/** One token's occurrences as JSON.stringify would indent them at their depth. */
function writeOccurrences(out: ByteWriter, groups: OccurrenceGroup[]): void {
  let text = '[';
  let first = true;
  for (const group of groups) {
    const head = `{\n${FIELD_INDENT}"file": ${JSON.stringify(group.file)},\n${FIELD_INDENT}"line": `;
    const { lines, columns, located } = group;
    for (let i = 0; i < lines.length; i++) {
      // Appended to one string, written out every 64 KB: V8 appends short strings as ropes. With
      // native calls per piece instead (TypedArray#set of each, Buffer#write of each number), the
      // benchmark tree's JSON took 42 ms rather than 28 (medians of 7 interleaved runs).
      text += `${first ? ENTRY_START : BETWEEN}${head}${lines[i]!}${COLUMN}${columns[i]!}`;
      first = false;
      const where = located?.[i]?.where;
      if (where !== undefined)
        text += `,\n${FIELD_INDENT}"where": ${JSON.stringify(where, null, 2).replaceAll('\n', `\n${FIELD_INDENT}`)}`;
      text += ENTRY_END;
      if (text.length > FLUSH_CHARS) {
        out.text(text);
        text = '';
      }
    }
  }
  out.text(first ? `${text}]` : `${text}\n      ]`);
}

/** A growing UTF-8 buffer, written in pieces of up to about 64 KB. */
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
