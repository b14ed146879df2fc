/**
 * The marker pass against a plain JavaScript reading of the same bytes: every `eyJ` with its line, the
 * line breaks, each chunk's ASCII-ness and the shallow lines, for random files, around the SIMD block
 * edges (16 and 32 bytes) and around the 4 MB chunk edges; and the WebAssembly module called directly.
 */
import { rmSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { fileWriter } from '../testing';
import {
  CHUNK_BYTES,
  MarkerScan,
  MAX_SHALLOW_DEPTH,
  type MarkedChunk,
  type MarkerScanExports,
} from './marker-scan';
import { markerScanModule } from './marker-wasm';

const SPACE = 0x20;
const TAB = 0x09;
const NEWLINE = 0x0a;
const runs = Number(process.env.FUZZ_RUNS ?? 150);

const { dir, fileOf } = fileWriter('.txt');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Indent {
  indent: number;
  depth: number;
}

// The reference: indexOf loops over the whole file, no chunks, no SIMD.

/** Every `eyJ` in `bytes`: its offset and 1-based line. */
function referenceMarkers(bytes: Buffer): { offsets: number[]; lines: number[] } {
  const offsets: number[] = [];
  const lines: number[] = [];
  let line = 1;
  let counted = 0; // line breaks before `counted` are in `line`
  for (let at = bytes.indexOf('eyJ'); at !== -1; at = bytes.indexOf('eyJ', at + 1)) {
    for (
      let nl = bytes.indexOf(NEWLINE, counted);
      nl !== -1 && nl < at;
      nl = bytes.indexOf(NEWLINE, nl + 1)
    ) {
      line++;
      counted = nl + 1;
    }
    offsets.push(at);
    lines.push(line);
  }
  return { offsets, lines };
}

function referenceNewlines(bytes: Uint8Array): number {
  let n = 0;
  for (let at = bytes.indexOf(NEWLINE); at !== -1; at = bytes.indexOf(NEWLINE, at + 1)) n++;
  return n;
}

function referenceAscii(bytes: Uint8Array): boolean {
  return bytes.every((b) => b < 0x80);
}

/** Starts of lines (offset 0, or after a '\n' and before the end) whose first depth + 1 bytes are not all the indent. */
function referenceShallow(bytes: Uint8Array, { indent, depth }: Indent): number[] {
  const starts = bytes.length > 0 ? [0] : [];
  for (let nl = bytes.indexOf(NEWLINE); nl !== -1; nl = bytes.indexOf(NEWLINE, nl + 1))
    if (nl + 1 < bytes.length) starts.push(nl + 1);
  return starts.filter((s) => {
    for (let i = s; i <= s + depth; i++) if (bytes[i] !== indent) return true;
    return false;
  });
}

interface ChunkSeen {
  start: number;
  length: number;
  newlines: number;
  ascii: boolean;
  /** The reference's view of the same bytes. */
  expectedNewlines: number;
  expectedAscii: boolean;
  endsWithNewline: boolean;
}

/** scanFile's chunks put back together in file terms: global offsets and 1-based lines. */
function scanned(path: string, lines?: Indent) {
  const offsets: number[] = [];
  const markerLines: number[] = [];
  const shallow: number[] = [];
  const chunks: ChunkSeen[] = [];
  const copies: Buffer[] = [];
  let start = 0;
  let lineBase = 1;
  const result = MarkerScan.shared().scanFile(
    path,
    (chunk: MarkedChunk) => {
      expect(chunk.markers.length).toBeGreaterThanOrEqual(2 * chunk.count);
      for (let k = 0; k < chunk.count; k++) {
        offsets.push(start + chunk.markers[2 * k]!);
        markerLines.push(lineBase + chunk.markers[2 * k + 1]!);
      }
      for (const s of chunk.shallow) shallow.push(start + s);
      const bytes = chunk.bytes;
      chunks.push({
        start,
        length: bytes.length,
        newlines: chunk.newlines,
        ascii: chunk.ascii,
        expectedNewlines: referenceNewlines(bytes),
        expectedAscii: referenceAscii(bytes),
        endsWithNewline: bytes[bytes.length - 1] === NEWLINE,
      });
      copies.push(Buffer.from(bytes)); // the view is only valid during the callback
      start += bytes.length;
      lineBase += chunk.newlines;
    },
    lines,
  );
  return { result, offsets, lines: markerLines, shallow, chunks, joined: Buffer.concat(copies) };
}

/** Asserts scanFile agrees with the reference on every count the chunks report. */
function expectMatchesReference(content: Buffer, indent?: Indent) {
  const path = fileOf(content);
  const seen = scanned(path, indent);
  const ref = referenceMarkers(content);
  expect(seen.joined.equals(content)).toBe(true);
  expect(seen.offsets).toEqual(ref.offsets);
  expect(seen.lines).toEqual(ref.lines);
  expect(seen.result).toEqual({
    newlines: referenceNewlines(content),
    endsWithNewline: content.length > 0 && content[content.length - 1] === NEWLINE,
  });
  for (const chunk of seen.chunks) {
    expect(chunk.newlines).toBe(chunk.expectedNewlines);
    expect(chunk.ascii).toBe(chunk.expectedAscii);
    expect(chunk.length).toBeGreaterThan(0);
  }
  // Chunks are whole lines: only the file's last may lack its line break.
  for (const chunk of seen.chunks.slice(0, -1)) expect(chunk.endsWithNewline).toBe(true);
  expect(seen.shallow).toEqual(indent ? referenceShallow(content, indent) : []);
  return seen;
}

/** Text heavy in the bytes the scan looks at: e, y, J, line breaks, indentation, braces, multi-byte UTF-8. */
const piece = fc.constantFrom(
  'e',
  'y',
  'J',
  'ey',
  'eyJ',
  'eyJ',
  '\n',
  '\n',
  '\n',
  ' ',
  ' ',
  '    ',
  '        ',
  '                ',
  '\t',
  '\t\t\t\t',
  '\t'.repeat(16),
  '{',
  '}',
  'ü',
  '€',
  '😀',
  'a',
  'Q',
  'x',
  'j',
  'Y',
  'E',
);
/** Files of those pieces, now and then a byte that is not UTF-8 (or a zero, as the padding is). */
const fileBytes = fc
  .array(
    fc.oneof(
      { arbitrary: piece.map((text) => Buffer.from(text, 'utf8')), weight: 20 },
      { arbitrary: fc.constantFrom(0x00, 0x80, 0xc3, 0xff).map((byte) => Buffer.from([byte])), weight: 1 },
    ),
    { maxLength: 400 },
  )
  .map((parts) => Buffer.concat(parts));
const indentArb = fc.record({
  indent: fc.constantFrom(SPACE, TAB),
  depth: fc.integer({ min: 0, max: MAX_SHALLOW_DEPTH }),
});

describe('MarkerScan.scanFile against the reference', () => {
  it('random files: markers, their lines, line breaks, ASCII-ness and shallow lines all match', () => {
    fc.assert(
      fc.property(fileBytes, indentArb, (content, indent) => {
        const seen = expectMatchesReference(content, indent);
        // A small file is one read: its whole lines, then the unfinished last line (if any) on its own.
        expect(seen.chunks.length).toBeLessThanOrEqual(2);
      }),
      { numRuns: runs },
    );
  });

  it('random files without asking for shallow lines: the same markers and counts, no shallow lines', () => {
    fc.assert(
      fc.property(fileBytes, (content) => {
        expectMatchesReference(content);
      }),
      { numRuns: runs },
    );
  });

  it('finds "eyJ" wherever its J falls in a 32-byte block, at the file start and after a line break', () => {
    // J at every offset 0..70 of the file (so of the first chunk) and of a line that starts at byte 5.
    for (let j = 0; j <= 70; j++) {
      const atStart = Buffer.from(
        'x'.repeat(Math.max(0, j - 2)) + 'eyJ'.slice(Math.max(0, 2 - j)) + 'x'.repeat(40),
      );
      const seen = expectMatchesReference(atStart, { indent: SPACE, depth: 0 });
      expect(seen.offsets).toEqual(j >= 2 ? [j - 2] : []);
      const inLine = Buffer.from(`abcd\n${'.'.repeat(Math.max(0, j - 2))}eyJ zz\n`);
      const again = expectMatchesReference(inLine, { indent: SPACE, depth: 0 });
      expect(again.offsets).toEqual([5 + Math.max(0, j - 2)]);
      expect(again.lines).toEqual([2]);
    }
  });

  it('"ey" and "J" split by a 16- or 32-byte block edge still make a marker (J at 15, 16, 17, 31, 32, 33)', () => {
    for (const j of [15, 16, 17, 31, 32, 33]) {
      const content = Buffer.from(`${'a'.repeat(j - 2)}eyJ\n${'b'.repeat(j - 2)}eyJ\n`);
      const seen = expectMatchesReference(content, { indent: SPACE, depth: 1 });
      expect(seen.offsets).toEqual([j - 2, 2 * j]); // the second line starts at j + 2
      expect(seen.lines).toEqual([1, 2]);
    }
  });

  it('a "J" or "yJ" at the very start of the file is no marker', () => {
    // The two bytes before the data are the scan's own zero guard, never "ey".
    const cases: [string, number[]][] = [
      ['J', []],
      ['yJ', []],
      ['JeyJ', [1]],
      ['yJ\neyJ', [3]],
      ['J\nJ\nyJ', []],
    ];
    for (const [text, offsets] of cases)
      expect(expectMatchesReference(Buffer.from(text), { indent: SPACE, depth: 0 }).offsets).toEqual(offsets);
  });

  it('a line break on every byte: each line is a shallow line, each break is counted', () => {
    const content = Buffer.from('\n'.repeat(100));
    const seen = expectMatchesReference(content, { indent: SPACE, depth: 0 });
    expect(seen.shallow).toHaveLength(100);
    expect(seen.result).toEqual({ newlines: 100, endsWithNewline: true });
  });

  it('shallow lines at depth 15 read all 16 bytes: 16 indent bytes are deep, 15 are shallow', () => {
    for (const indent of [SPACE, TAB]) {
      const c = String.fromCharCode(indent);
      const content = Buffer.from(`${c.repeat(16)}x\n${c.repeat(15)}x\n${c.repeat(40)}\n${c.repeat(15)}`);
      const seen = expectMatchesReference(content, { indent, depth: MAX_SHALLOW_DEPTH });
      expect(seen.shallow).toEqual([18, 76]);
    }
  });

  it('a file without a final line break: the last line is scanned and endsWithNewline is false', () => {
    const seen = expectMatchesReference(Buffer.from('one\n  two eyJ\nthree eyJx'), {
      indent: SPACE,
      depth: 1,
    });
    expect(seen.offsets).toEqual([10, 20]);
    expect(seen.lines).toEqual([2, 3]);
    expect(seen.shallow).toEqual([0, 14]); // "  two" is two spaces deep
    expect(seen.result).toEqual({ newlines: 2, endsWithNewline: false });
  });

  it('an empty file: no chunk, no line break, endsWithNewline false', () => {
    const seen = expectMatchesReference(Buffer.alloc(0), { indent: SPACE, depth: 2 });
    expect(seen.chunks).toEqual([]);
    expect(seen.result).toEqual({ newlines: 0, endsWithNewline: false });
  });
});

interface BigFile {
  content: Buffer;
  size: number;
  finalLine: string;
  chunk2First: string;
}
let big: BigFile | undefined;

/**
 * Over 2 × CHUNK_BYTES, ASCII but for one byte in the second chunk, made once for the tests using it.
 * Chunk 1 ends exactly at CHUNK_BYTES; chunk 2 ends 100 bytes earlier than its read, so chunk 3
 * starts with bytes kept from the read before. Each chunk starts with a `J` or `yJ` that must not
 * read "ey" from the end of the previous chunk.
 */
function bigFile(): BigFile {
  if (big === undefined) {
    const line = (body: string, width: number) => body + '.'.repeat(width - body.length - 1) + '\n';
    const parts: string[] = [];
    let size = 0;
    const add = (text: string) => {
      parts.push(text);
      size += Buffer.byteLength(text, 'latin1');
    };
    const fillTo = (target: number) => {
      for (let i = 0; size + 256 <= target - 600; i++)
        add(line(i % 97 === 0 ? ` eyJ filler ${i}` : i % 2 ? '    deep filler' : 'top filler', 256));
      add(line('  eyJ near the edge', target - 300 - size));
      add(line(' ey', 100));
      add(line('eyJ last line of the chunk ey', 200));
    };
    fillTo(CHUNK_BYTES);
    const chunk2First = 'yJ first line of chunk 2, then eyJ';
    add(line(chunk2First, 300));
    add(line('    eyJ deep', 80));
    add(line('\x80 the one byte above 0x7f', 80));
    fillTo(2 * CHUNK_BYTES - 100);
    add(line('J first line of chunk 3 eyJ', 400)); // its first 100 bytes were read with chunk 2
    add(line('eyJ', 64));
    const finalLine = '      eyJ no final line break';
    add(finalLine);
    const content = Buffer.from(parts.join(''), 'latin1');
    big = { content, size, finalLine, chunk2First };
  }
  return big;
}

describe('MarkerScan.scanFile at the 4 MB chunk edges', () => {
  it('a file over 2 × CHUNK_BYTES: markers, shallow lines and ASCII-ness on both sides of each edge', () => {
    const { content, size, finalLine, chunk2First } = bigFile();
    const indent = { indent: SPACE, depth: 2 };
    expect(content.length).toBe(size);
    expect(content.length).toBeGreaterThan(2 * CHUNK_BYTES);
    const seen = expectMatchesReference(content, indent);
    expect(seen.chunks.map((c) => [c.start, c.ascii])).toEqual([
      [0, true],
      [CHUNK_BYTES, false],
      [2 * CHUNK_BYTES - 100, true],
      [size - finalLine.length, true], // the unfinished last line comes with the final read
    ]);
    expect(seen.result).toEqual({ newlines: referenceNewlines(content), endsWithNewline: false });
    // Both sides of each edge hold a marker and a shallow line.
    for (const edge of [CHUNK_BYTES, 2 * CHUNK_BYTES - 100]) {
      expect(seen.offsets.some((o) => o >= edge - 200 && o < edge)).toBe(true);
      expect(seen.offsets.some((o) => o >= edge && o < edge + 400)).toBe(true);
      expect(seen.shallow).toContain(edge - 200);
      expect(seen.shallow).toContain(edge);
      // The chunk's first bytes are a `J` or `yJ`: the markers there are the later ones on that line.
      expect(seen.offsets).not.toContain(edge - 1);
      expect(seen.offsets).not.toContain(edge - 2);
    }
    expect(seen.offsets).toContain(CHUNK_BYTES + chunk2First.indexOf('eyJ'));
    expect(seen.shallow).not.toContain(CHUNK_BYTES + 300); // "    eyJ deep"
  });

  it('a line of CHUNK_BYTES bytes with its line break fits one chunk; one byte more is a long line', () => {
    const fits = Buffer.alloc(CHUNK_BYTES, 'x');
    fits.write('eyJ', 100);
    fits[CHUNK_BYTES - 1] = NEWLINE;
    const seen = expectMatchesReference(fits);
    expect(seen.chunks).toHaveLength(1);
    expect(seen.offsets).toEqual([100]);

    const long = Buffer.concat([
      Buffer.from('short eyJ\n'),
      Buffer.alloc(CHUNK_BYTES + 1, 'x'),
      Buffer.from('\n'),
    ]);
    const calls: number[] = [];
    const result = MarkerScan.shared().scanFile(fileOf(long), (chunk) => calls.push(chunk.bytes.length));
    expect(result).toBe('long-line');
    // The callback may have seen the lines before the long one, and nothing past it.
    expect(calls.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(10);
  });

  it('the densest chunks fit the output areas: a marker on every third byte, a line on every byte', () => {
    const markers = Math.floor((CHUNK_BYTES - 1) / 3);
    const dense = Buffer.alloc(CHUNK_BYTES, 'eyJ');
    dense.fill(NEWLINE, 3 * markers);
    const seen: { count: number; first: number; last: number; newlines: number }[] = [];
    MarkerScan.shared().scanFile(fileOf(dense), (c) =>
      seen.push({
        count: c.count,
        first: c.markers[0]!,
        last: c.markers[2 * c.count - 2]!,
        newlines: c.newlines,
      }),
    );
    expect(seen).toEqual([
      { count: markers, first: 0, last: 3 * (markers - 1), newlines: CHUNK_BYTES - 3 * markers },
    ]);

    const breaks = Buffer.alloc(CHUNK_BYTES, NEWLINE);
    let shallow: number[] = [];
    const result = MarkerScan.shared().scanFile(fileOf(breaks), (c) => (shallow = [...c.shallow]), {
      indent: SPACE,
      depth: 0,
    });
    expect(result).toEqual({ newlines: CHUNK_BYTES, endsWithNewline: true });
    expect(shallow.length).toBe(CHUNK_BYTES);
    expect(shallow.every((offset, i) => offset === i)).toBe(true);
  });
});

/** Asserts scanWhole gives the file as one chunk agreeing with the reference. */
function expectWholeMatchesReference(content: Buffer, indent?: Indent) {
  const path = fileOf(content);
  let seenByLinesOf: Buffer | undefined;
  const whole = MarkerScan.shared().scanWhole(path, content.length, (bytes) => {
    seenByLinesOf = Buffer.from(bytes);
    return indent;
  });
  if (whole === undefined) throw new Error('scanWhole refused a file within its limit');
  expect(seenByLinesOf?.equals(content)).toBe(true);
  expect(whole.bytes.equals(content)).toBe(true);
  const ref = referenceMarkers(content);
  const pairs = [...whole.markers.subarray(0, 2 * whole.count)];
  expect(pairs.filter((_, i) => i % 2 === 0)).toEqual(ref.offsets);
  expect(pairs.filter((_, i) => i % 2 === 1).map((n) => n + 1)).toEqual(ref.lines);
  expect(whole.newlines).toBe(referenceNewlines(content));
  expect(whole.ascii).toBe(referenceAscii(content));
  expect(whole.endsWithNewline).toBe(content.length > 0 && content[content.length - 1] === NEWLINE);
  expect(whole.shallow).toEqual(indent ? referenceShallow(content, indent) : []);
  return whole;
}

describe('MarkerScan.scanWhole', () => {
  it('random files: one chunk with the reference markers, lines, line breaks, ASCII-ness and shallow lines', () => {
    fc.assert(
      fc.property(fileBytes, fc.option(indentArb, { nil: undefined }), (content, indent) => {
        expectWholeMatchesReference(content, indent);
      }),
      { numRuns: runs },
    );
  });

  it('an empty file is one empty chunk', () => {
    const whole = expectWholeMatchesReference(Buffer.alloc(0), { indent: SPACE, depth: 0 });
    expect(whole.count).toBe(0);
  });

  it('files just past the memory it has, of every size modulo 4, are swept, and scanFile still reads right after', () => {
    // The regions after the data hold 32-bit numbers: however the data region grows, they stay aligned.
    for (let extra = 1; extra <= 4; extra++) {
      const content = Buffer.alloc(CHUNK_BYTES + extra, 'x');
      content.write('\n  eyJ', CHUNK_BYTES - 20);
      expectWholeMatchesReference(content, { indent: SPACE, depth: 1 });
      expectMatchesReference(Buffer.from('a\n  eyJ\n eyJ'), { indent: SPACE, depth: 1 });
    }
  });

  it('refuses a file past its limit; one over 2 × CHUNK_BYTES grows the memory, and scanFile still reads right after', () => {
    const { content } = bigFile();
    const path = fileOf(content);
    expect(MarkerScan.shared().scanWhole(path, content.length - 1)).toBeUndefined();
    const indent = { indent: SPACE, depth: 2 };
    const whole = expectWholeMatchesReference(content, indent);
    expect(whole.ascii).toBe(false);
    // The shared instance now has more memory: the chunked read must use the new views.
    expectMatchesReference(content, indent);
    expectMatchesReference(Buffer.from('a\n  eyJ\n'), indent);
  });
});

describe('markerScanModule', () => {
  const DATA = 16;
  const OUT = 16 * 1024;
  const SHALLOW = 32 * 1024;
  const MAX_LEN = 2048;

  function instance(): MarkerScanExports {
    return new WebAssembly.Instance(new WebAssembly.Module(markerScanModule()))
      .exports as unknown as MarkerScanExports;
  }

  it('is a valid WebAssembly module exporting memory, the three counts and scan', () => {
    const bytes = markerScanModule();
    expect(WebAssembly.validate(bytes)).toBe(true);
    const exports = WebAssembly.Module.exports(new WebAssembly.Module(bytes));
    expect(exports.map((e) => `${e.name}:${e.kind}`).sort()).toEqual([
      'highBytes:global',
      'memory:memory',
      'newlines:global',
      'scan:function',
      'shallowLines:global',
    ]);
  });

  it('scan on a small memory gives the reference markers, line breaks, shallow lines and high bytes', () => {
    const wasm = instance();
    expect(wasm.memory.buffer.byteLength).toBeGreaterThanOrEqual(SHALLOW + 4 * MAX_LEN);
    fc.assert(
      fc.property(
        fileBytes.filter((bytes) => bytes.length <= MAX_LEN),
        indentArb,
        fc.integer({ min: 0, max: 40 }),
        (content, indent, shift) => {
          // Any start address works: the 16-byte loads need no alignment. Zero guard and padding.
          const data = DATA + shift;
          const memory = new Uint8Array(wasm.memory.buffer);
          memory.fill(0, 0, OUT);
          memory.set(content, data);
          const deepMask = 2 ** (indent.depth + 1) - 1;
          const count = wasm.scan(data, content.length, OUT, SHALLOW, indent.indent, deepMask);
          const ref = referenceMarkers(content);
          expect(count).toBe(ref.offsets.length);
          const pairs = [...new Int32Array(wasm.memory.buffer, OUT, 2 * count)];
          expect(pairs.filter((_, i) => i % 2 === 0)).toEqual(ref.offsets);
          expect(pairs.filter((_, i) => i % 2 === 1).map((n) => n + 1)).toEqual(ref.lines);
          expect(wasm.newlines.value).toBe(referenceNewlines(content));
          // The module reports the lines after its line breaks; the first line is the caller's.
          const shallow = [...new Int32Array(wasm.memory.buffer, SHALLOW, wasm.shallowLines.value as number)];
          expect(shallow).toEqual(referenceShallow(content, indent).filter((s) => s !== 0));
          expect(wasm.highBytes.value !== 0).toBe(!referenceAscii(content));
        },
      ),
      { numRuns: runs },
    );
  });

  it('scan with deepMask 0 reports no shallow lines, and a zero length reports nothing', () => {
    const wasm = instance();
    const memory = new Uint8Array(wasm.memory.buffer);
    memory.set(Buffer.from('a\nb\n  eyJ\n€'), DATA);
    expect(wasm.scan(DATA, 13, OUT, SHALLOW, SPACE, 0)).toBe(1);
    expect(wasm.shallowLines.value).toBe(0);
    expect(wasm.newlines.value).toBe(3);
    expect(wasm.highBytes.value).not.toBe(0);
    expect(wasm.scan(DATA, 0, OUT, SHALLOW, SPACE, 1)).toBe(0);
    expect([wasm.newlines.value, wasm.shallowLines.value, wasm.highBytes.value]).toEqual([0, 0, 0]);
  });
});
