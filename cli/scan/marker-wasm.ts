/**
 * The WebAssembly module behind marker-scan.ts, assembled here from its instructions, so the repository
 * holds no opaque binary and needs no WebAssembly toolchain. It is the text format below, encoded by
 * hand per the WebAssembly core spec §5 (binary format) and the fixed-width SIMD proposal (opcodes
 * after the 0xfd prefix), which Node has run since version 16.4:
 *
 *   (func (export "scan") (param $data i32) (param $len i32) (param $out i32) (result i32)
 *     for each 32 bytes at $i in [$data, $data + $len):
 *       if any byte is '\n' or 'J' (one OR of four i8x16.eq, one v128.any_true):
 *         for each half: $nl, $j = i8x16.bitmask of the '\n' and 'J' lanes
 *           for each set bit of $j: if the two bytes before it are "ey", store
 *             (offset of the 'e' from $data, line breaks before it) at $out, $out += 8, $n++
 *           $lines += popcnt($nl)
 *     global $newlines = $lines; return $n)
 *
 * Most 32-byte blocks of a log hold neither byte, so the loop is two loads, four compares and one
 * branch per 32 bytes. The caller keeps the two bytes before $data from reading as "ey" and the 32
 * bytes after its end zero (marker-scan.ts).
 */

const J = 0x4a;
const NEWLINE = 0x0a;
/** "ey" read as a little-endian 16-bit number: the two bytes before the `J` of `eyJ`. */
const EY = 0x7965;

// Local indexes: the three parameters come first (WebAssembly core §2.5.5), then the declared locals.
const DATA = 0,
  LEN = 1,
  OUT = 2,
  I = 3,
  END = 4,
  NL = 5,
  JMASK = 6,
  N = 7,
  LINES = 8,
  BIT = 9,
  P = 10,
  V = 11,
  JVEC = 12,
  NLVEC = 13;

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

/** `$i[offset..offset+16)` compared with '\n' OR compared with 'J'. */
function newlineOrJ(offset: number): number[] {
  return [
    ...get(I),
    ...load128(offset),
    ...eqLanes(NLVEC),
    ...get(I),
    ...load128(offset),
    ...eqLanes(JVEC),
    SIMD,
    simd.v128Or,
  ];
}

/** One 16-byte half of a block that holds a line break or a `J`; `depth` is the label depth of $blocks. */
function half(offset: number): number[] {
  return [
    ...get(I),
    ...load128(offset),
    ...set(V),
    ...get(V),
    ...eqLanes(NLVEC),
    SIMD,
    simd.bitmask,
    ...set(NL),
    ...get(V),
    ...eqLanes(JVEC),
    SIMD,
    simd.bitmask,
    ...set(JMASK),
    ...get(JMASK),
    op.if,
    op.void,
    op.loop,
    op.void,
    ...get(JMASK),
    op.i32Ctz,
    ...set(BIT),
    ...get(I),
    ...get(BIT),
    ...i32(offset),
    op.i32Add,
    op.i32Add,
    ...set(P),
    // The two bytes before the `J`, as one little-endian load (natural alignment hint 2^1, only a
    // hint: the load may be unaligned; offset 0).
    ...get(P),
    ...i32(2),
    op.i32Sub,
    op.i32Load16U,
    1,
    0,
    ...i32(EY),
    op.i32Eq,
    op.if,
    op.void,
    ...get(OUT),
    ...get(P),
    ...i32(2),
    op.i32Sub,
    ...get(DATA),
    op.i32Sub,
    op.i32Store,
    2,
    0,
    ...get(OUT),
    ...get(LINES),
    ...get(NL),
    ...i32(1),
    ...get(BIT),
    op.i32Shl,
    ...i32(1),
    op.i32Sub,
    op.i32And,
    op.i32Popcnt,
    op.i32Add,
    op.i32Store,
    2,
    4,
    ...get(OUT),
    ...i32(8),
    op.i32Add,
    ...set(OUT),
    ...get(N),
    ...i32(1),
    op.i32Add,
    ...set(N),
    op.end,
    ...get(JMASK),
    ...get(JMASK),
    ...i32(1),
    op.i32Sub,
    op.i32And,
    ...set(JMASK),
    ...get(JMASK),
    op.brIf,
    0,
    op.end,
    op.end,
    ...get(LINES),
    ...get(NL),
    op.i32Popcnt,
    op.i32Add,
    ...set(LINES),
  ];
}

function scanBody(): number[] {
  const locals = [
    [8, 0x7f], // $i $end $nl $j $n $lines $b $p: i32
    [3, 0x7b], // $v $J $NL: v128
  ];
  const code = [
    ...i32(J),
    SIMD,
    simd.i8x16Splat,
    ...set(JVEC),
    ...i32(NEWLINE),
    SIMD,
    simd.i8x16Splat,
    ...set(NLVEC),
    ...get(DATA),
    ...set(I),
    ...get(DATA),
    ...get(LEN),
    op.i32Add,
    ...set(END),
    op.block,
    op.void,
    op.loop,
    op.void,
    ...get(I),
    ...get(END),
    op.i32GeU,
    op.brIf,
    1,
    ...newlineOrJ(0),
    ...newlineOrJ(16),
    SIMD,
    simd.v128Or,
    SIMD,
    simd.anyTrue,
    op.if,
    op.void,
    ...half(0),
    ...half(16),
    op.end,
    ...get(I),
    ...i32(32),
    op.i32Add,
    ...set(I),
    op.br,
    0,
    op.end,
    op.end,
    ...get(LINES),
    op.globalSet,
    0,
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

/** The module's bytes: memory and the newline count exported, one function `scan`. */
export function markerScanModule(): Uint8Array<ArrayBuffer> {
  const I32 = 0x7f;
  return new Uint8Array([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00, // "\0asm", version 1
    ...section(1, [1, 0x60, 3, I32, I32, I32, 1, I32]), // type: (i32 i32 i32) -> i32
    ...section(3, [1, 0]), // function 0 has type 0
    ...section(5, [1, 0x00, 1]), // one memory, at least one page (the caller grows it)
    ...section(6, [1, I32, 1, ...i32(0), op.end]), // global 0: mutable i32 = 0
    ...section(7, [3, ...name('memory'), 2, 0, ...name('newlines'), 3, 0, ...name('scan'), 0, 0]),
    ...section(10, [1, ...scanBody()]),
  ]);
}
