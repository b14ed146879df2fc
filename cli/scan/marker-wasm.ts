/**
 * The WebAssembly module behind marker-scan.ts, assembled here from its instructions, so the repository
 * holds no opaque binary and needs no WebAssembly toolchain. It is the text format below, encoded by
 * hand per the WebAssembly core spec §5 (binary format) and the fixed-width SIMD proposal (opcodes
 * after the 0xfd prefix), which Node has run since version 16.4:
 *
 *   (func (export "scan") (param $data $len $out $shallow $indent $deepMask: i32) (result i32)
 *     for each 32 bytes at $i in [$data, $data + $len):
 *       if any byte is '\n' or 'J' (one OR of four i8x16.eq, one v128.any_true):
 *         for each half: $nl, $j = i8x16.bitmask of the '\n' and 'J' lanes
 *           for each set bit of $j: if the two bytes before it are "ey", store
 *             (offset of the 'e' from $data, line breaks before it) at $out, $out += 8, $n++
 *           if $deepMask: for each set bit of $nl whose next line starts before the end: unless
 *             that line's first bytes (the bits of $deepMask) are all $indent, store its offset
 *             at $shallow, $shallow += 4, $s++
 *           $lines += popcnt($nl)
 *       $high |= the 32 bytes
 *     global $newlines = $lines; global $shallowLines = $s; global $highBytes = bitmask($high)
 *     return $n)
 *
 * Most 32-byte blocks of a log hold neither byte, so the loop is two loads, four compares and one
 * branch per 32 bytes. The caller keeps the two bytes before $data from reading as "ey" and the 64
 * bytes after its end zero (marker-scan.ts). Shallow lines serve a pretty-printed HAR: the lines
 * indented no deeper than its entries are the only ones that can begin or end an entry.
 */

const J = 0x4a;
const NEWLINE = 0x0a;
/** "ey" read as a little-endian 16-bit number: the two bytes before the `J` of `eyJ`. */
const EY = 0x7965;

// Local indexes: the six parameters come first (WebAssembly core §2.5.5), then the declared locals.
const DATA = 0,
  LEN = 1,
  OUT = 2,
  SHALLOW = 3,
  INDENT = 4,
  DEEP_MASK = 5,
  I = 6,
  END = 7,
  NL = 8,
  JMASK = 9,
  N = 10,
  LINES = 11,
  BIT = 12,
  P = 13,
  S = 14,
  V = 15,
  JVEC = 16,
  NLVEC = 17,
  INDVEC = 18,
  HIGH = 19;

// Opcodes (core §5.4; SIMD after the 0xfd prefix).
const op = {
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  localGet: 0x20,
  localSet: 0x21,
  globalSet: 0x24,
  i32Load16U: 0x2f,
  i32Store: 0x36,
  i32Const: 0x41,
  i32Eq: 0x46,
  i32Ne: 0x47,
  i32LtU: 0x49,
  i32GeU: 0x4f,
  i32Popcnt: 0x69,
  i32Ctz: 0x68,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32And: 0x71,
  i32Shl: 0x74,
  void: 0x40,
} as const;
const SIMD = 0xfd;
const simd = { v128Load: 0x00, i8x16Splat: 0x0f, i8x16Eq: 0x23, v128Or: 0x50, anyTrue: 0x53, bitmask: 0x64 };

/** Unsigned LEB128 (core §5.2.2). */
function uleb(value: number): number[] {
  const out: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    out.push(byte);
  } while (value !== 0);
  return out;
}

/** Signed LEB128, for i32.const. */
function sleb(value: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    const done = (value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

const get = (local: number) => [op.localGet, local];
const set = (local: number) => [op.localSet, local];
const i32 = (value: number) => [op.i32Const, ...sleb(value)];
/** v128.load with the memarg's alignment hint 16 bytes (2^4) and an offset. */
const load128 = (offset: number) => [SIMD, simd.v128Load, 4, ...uleb(offset)];
const eqLanes = (vector: number) => [...get(vector), SIMD, simd.i8x16Eq];
const bitmask = [SIMD, simd.bitmask];
/** `local += by`: a counter, or an output pointer moved past what was just stored. */
const addTo = (local: number, by: number) => [...get(local), ...i32(by), op.i32Add, ...set(local)];
/** `local &= local - 1`: clears the lowest set bit. */
const clearLowest = (local: number) => [
  ...get(local),
  ...get(local),
  ...i32(1),
  op.i32Sub,
  op.i32And,
  ...set(local),
];

/** `$i[offset..offset+16)` compared with '\n' OR compared with 'J'. */
function newlineOrJ(offset: number): number[] {
  // prettier-ignore
  return [
    ...get(I), ...load128(offset), ...eqLanes(NLVEC),
    ...get(I), ...load128(offset), ...eqLanes(JVEC),
    SIMD, simd.v128Or,
  ];
}

/** One 16-byte half of a block that holds a line break or a `J`. */
function half(offset: number): number[] {
  // prettier-ignore
  return [
    ...get(I), ...load128(offset), ...set(V),
    ...get(V), ...eqLanes(NLVEC), ...bitmask, ...set(NL),
    ...get(V), ...eqLanes(JVEC), ...bitmask, ...set(JMASK),
    ...get(JMASK), op.if, op.void,
      op.loop, op.void,
        ...get(JMASK), op.i32Ctz, ...set(BIT),
        ...get(I), ...get(BIT), ...i32(offset), op.i32Add, op.i32Add, ...set(P),
        // The two bytes before the `J` as one little-endian load (natural alignment hint 2^1, only
        // a hint: the load may be unaligned; offset 0).
        ...get(P), ...i32(2), op.i32Sub, op.i32Load16U, 1, 0, ...i32(EY), op.i32Eq,
        op.if, op.void,
          ...get(OUT), ...get(P), ...i32(2), op.i32Sub, ...get(DATA), op.i32Sub, op.i32Store, 2, 0,
          ...get(OUT), ...get(LINES),
          ...get(NL), ...i32(1), ...get(BIT), op.i32Shl, ...i32(1), op.i32Sub, op.i32And, op.i32Popcnt,
          op.i32Add, op.i32Store, 2, 4,
          ...addTo(OUT, 8), ...addTo(N, 1),
        op.end,
        ...clearLowest(JMASK),
        ...get(JMASK), op.brIf, 0,
      op.end,
    op.end,
    ...shallowLines(offset),
    ...get(LINES), ...get(NL), op.i32Popcnt, op.i32Add, ...set(LINES),
  ];
}

/** The starts of the lines after this half's line breaks that are not indented as $deepMask says. */
function shallowLines(offset: number): number[] {
  // prettier-ignore
  return [
    ...get(NL), ...i32(0), op.i32Ne, ...get(DEEP_MASK), ...i32(0), op.i32Ne, op.i32And,
    op.if, op.void,
      ...get(NL), ...set(JMASK),
      op.loop, op.void,
        ...get(I), ...get(JMASK), op.i32Ctz, ...i32(offset + 1), op.i32Add, op.i32Add, ...set(P),
        ...get(P), ...get(END), op.i32LtU,
        ...get(P), ...load128(0), ...eqLanes(INDVEC), ...bitmask, ...get(DEEP_MASK), op.i32And,
        ...get(DEEP_MASK), op.i32Ne,
        op.i32And,
        op.if, op.void,
          ...get(SHALLOW), ...get(P), ...get(DATA), op.i32Sub, op.i32Store, 2, 0,
          ...addTo(SHALLOW, 4), ...addTo(S, 1),
        op.end,
        ...clearLowest(JMASK),
        ...get(JMASK), op.brIf, 0,
      op.end,
    op.end,
  ];
}

function scanBody(): number[] {
  const locals = [
    [9, 0x7f], // $i $end $nl $j $n $lines $b $p $s: i32
    [5, 0x7b], // $v $J $NL $IND $high: v128
  ];
  // prettier-ignore
  const code = [
    ...i32(J), SIMD, simd.i8x16Splat, ...set(JVEC),
    ...i32(NEWLINE), SIMD, simd.i8x16Splat, ...set(NLVEC),
    ...get(INDENT), SIMD, simd.i8x16Splat, ...set(INDVEC),
    ...get(DATA), ...set(I),
    ...get(DATA), ...get(LEN), op.i32Add, ...set(END),
    op.block, op.void,
      op.loop, op.void,
        ...get(I), ...get(END), op.i32GeU, op.brIf, 1,
        // Every byte ORed together: a byte of 0x80 or more leaves its top bit set (not ASCII).
        ...get(HIGH), ...get(I), ...load128(0), ...get(I), ...load128(16), SIMD, simd.v128Or,
        SIMD, simd.v128Or, ...set(HIGH),
        ...newlineOrJ(0), ...newlineOrJ(16), SIMD, simd.v128Or, SIMD, simd.anyTrue,
        op.if, op.void, ...half(0), ...half(16), op.end,
        ...addTo(I, 32),
        op.br, 0,
      op.end,
    op.end,
    ...get(LINES), op.globalSet, 0,
    ...get(S), op.globalSet, 1,
    ...get(HIGH), ...bitmask, op.globalSet, 2,
    ...get(N),
    op.end,
  ];
  const body = [
    ...uleb(locals.length),
    ...locals.flatMap(([count, type]) => [...uleb(count!), type!]),
    ...code,
  ];
  return [...uleb(body.length), ...body];
}

const name = (text: string) => [...uleb(text.length), ...[...text].map((c) => c.charCodeAt(0))];
const section = (id: number, content: number[]) => [id, ...uleb(content.length), ...content];

/** The module's bytes: memory, the two counts and one function `scan`, exported. */
export function markerScanModule(): Uint8Array<ArrayBuffer> {
  const I32 = 0x7f;
  const mutableZero = [I32, 1, ...i32(0), op.end];
  // prettier-ignore
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // "\0asm", version 1
    ...section(1, [1, 0x60, 6, I32, I32, I32, I32, I32, I32, 1, I32]), // type: (i32 × 6) -> i32
    ...section(3, [1, 0]), // function 0 has type 0
    ...section(5, [1, 0x00, 1]), // one memory, at least one page (the caller grows it)
    // the line breaks and shallow lines counted, and the lanes that saw a byte ≥ 0x80
    ...section(6, [3, ...mutableZero, ...mutableZero, ...mutableZero]),
    ...section(7, [
      5,
      ...name('memory'), 2, 0,
      ...name('newlines'), 3, 0,
      ...name('shallowLines'), 3, 1,
      ...name('highBytes'), 3, 2,
      ...name('scan'), 0, 0,
    ]),
    ...section(10, [1, ...scanBody()]),
  ]);
}
