/**
 * The byte path for text files against lib's scanText on the same text: every token, its count and
 * each line and column (UTF-16 code units), for random logs of real tokens glued to one another and
 * to what can extend or end them; copies recognised in bytes (ByteCopies) give what lib would give.
 */
import { rmSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { scanText, tokenFingerprint, TokenMatcher } from '../../lib/index';
import { jsonLogLines, kubernetesLog } from '../../lib/scan/fixtures/logs';
import { NOW, tokenSet, type TokenSet } from '../../lib/scan/fixtures/tokens';
import { fileWriter, positionsOf, type Positions } from '../testing';
import { CHUNK_BYTES } from './marker-scan';
import { scanContext, scanFile } from './scan-file';
import { ByteCopies, fingerprintOf, scanTextFile, scanWholeAtMarkers } from './text-file';

const runs = Number(process.env.FUZZ_RUNS ?? 150);

const { dir, fileOf } = fileWriter('.log');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The fixture tokens plus the pieces of the SD-JWT on their own and a token cut short. */
interface Tokens extends TokenSet {
  sdJwtNoKb: string;
  issuer: string;
  kbJwt: string;
  cut: string;
  every: string[];
}
let t: Tokens;
beforeAll(async () => {
  const set = await tokenSet();
  const lastTilde = set.sdJwt.lastIndexOf('~');
  const extra = {
    sdJwtNoKb: set.sdJwt.slice(0, lastTilde + 1),
    issuer: set.sdJwt.slice(0, set.sdJwt.indexOf('~')),
    kbJwt: set.sdJwt.slice(lastTilde + 1),
    cut: set.live.slice(0, -3),
  };
  t = { ...set, ...extra, every: [...set.all, ...Object.values(extra)] };
});

function expected(text: string): Positions {
  return positionsOf(scanText(text, { now: NOW }).tokens);
}

/** What goes into a log line: real tokens, characters that extend or join them, and other text. */
function piece(): fc.Arbitrary<string> {
  const token = fc.constantFrom(...t.every);
  const glue = fc.constantFrom(
    'a',
    'Z',
    '0',
    '-',
    '_',
    '.',
    '~',
    '.~',
    'eyJ',
    'ey',
    'eyJhbGciOi',
    'eyJhbGciOiJub25lIn0.',
  );
  const text = fc.constantFrom(
    ' ',
    ' ',
    '\t',
    '"',
    '=',
    'Bearer ',
    'GET /api?access_token=',
    'Grüße ',
    '😀',
    '€',
    'ü',
    'x',
  );
  return fc.oneof(
    { arbitrary: token, weight: 3 },
    { arbitrary: glue, weight: 2 },
    { arbitrary: text, weight: 3 },
  );
}

function logText(): fc.Arbitrary<string> {
  const line = fc.tuple(fc.array(piece(), { maxLength: 10 }), fc.constantFrom('\n', '\r\n'));
  return fc
    .tuple(fc.array(line, { minLength: 1, maxLength: 10 }), fc.boolean())
    .map(([lines, finalBreak]) =>
      lines
        .map(([parts, end], i) => parts.join('') + (i < lines.length - 1 || finalBreak ? end : ''))
        .join(''),
    );
}

describe('scanTextFile against lib scanText', () => {
  it('random logs of glued tokens, multi-byte text, CRLF and LF: every token at every line and column', () => {
    // A context that sees every run's tokens, so later runs meet them as byte copies; lib's side
    // keeps a matcher with the same history (what a matcher has seen can change a token's kind).
    const shared = scanContext(NOW);
    const sharedLib = new TokenMatcher(NOW);
    let tokensSeen = 0;
    fc.assert(
      fc.property(logText(), (text) => {
        const path = fileOf(text);
        const want = expected(text);
        tokensSeen += want.length;
        expect(positionsOf(scanTextFile(path, scanContext(NOW)))).toEqual(want);
        const wantShared = positionsOf(scanText(text, { now: NOW, matcher: sharedLib }).tokens);
        expect(positionsOf(scanTextFile(path, shared))).toEqual(wantShared);
      }),
      { numRuns: runs },
    );
    expect(tokensSeen).toBeGreaterThan(runs); // the logs did hold tokens
  });

  it('the same file again with the same context (copies now known in bytes) gives what a fresh context gives', () => {
    fc.assert(
      fc.property(logText(), (text) => {
        const path = fileOf(text);
        const context = scanContext(NOW);
        const first = scanTextFile(path, context);
        const again = scanTextFile(path, context);
        expect(again).toEqual(first);
        expect(positionsOf(again)).toEqual(expected(text));
      }),
      { numRuns: runs },
    );
  });

  it('bytes that are not UTF-8 before and between tokens: positions as scanText gives them in the decoded text', () => {
    const invalid = fc.constantFrom(
      ...[[0xff], [0x80], [0xc3], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0xed, 0xa0, 0x80]],
    );
    const part = fc.oneof(
      { arbitrary: piece().map((text) => Buffer.from(text, 'utf8')), weight: 4 },
      { arbitrary: invalid.map((bytes) => Buffer.from(bytes)), weight: 1 },
    );
    const line = fc
      .array(part, { maxLength: 10 })
      .map((parts) => Buffer.concat([...parts, Buffer.from('\n')]));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), (lines) => {
        const content = Buffer.concat(lines);
        const path = fileOf(content);
        expect(positionsOf(scanTextFile(path, scanContext(NOW)))).toEqual(expected(content.toString('utf8')));
      }),
      { numRuns: runs },
    );
  });

  it('the fixture logs: JSON lines, a Kubernetes log and a last line without a line break', () => {
    const text = `${jsonLogLines([t.live, t.expired, t.notYet])}${kubernetesLog([t.sdJwt, t.sdJwtNoKb, t.jwe, t.unsecured, t.hs256])}\nGrüße 😀 ${t.es256}`;
    const want = expected(text);
    expect(want.map((p) => p.kind).sort()).toEqual([
      'jwe',
      'jws',
      'jws',
      'jws',
      'jws',
      'jws',
      'sd-jwt',
      'sd-jwt',
      'unsecured',
    ]);
    expect(positionsOf(scanTextFile(fileOf(text), scanContext(NOW)))).toEqual(want);
  });

  it('a second scan with the same context finds JWS and JWE copies in the bytes, without lib decoding them', () => {
    const text = [t.live, t.jwe, t.es256, t.hs256, t.expired]
      .map((x, i) => `line ${i} ü ${x} "${x}".\n`)
      .join('');
    const path = fileOf(text);
    const context = scanContext(NOW);
    const first = scanTextFile(path, context);
    const match = vi.spyOn(context.matcher, 'match');
    const again = scanTextFile(path, context);
    expect(match).not.toHaveBeenCalled();
    expect(again).toEqual(first);
    expect(positionsOf(again)).toEqual(expected(text));
    match.mockRestore();
  });

  it('an SD-JWT is never a byte copy: its end depends on what follows, so lib judges each copy', () => {
    const text = `a ${t.sdJwt}\nb ${t.sdJwtNoKb}\nc ${t.issuer}\nd ${t.issuer}~x\n`;
    const path = fileOf(text);
    const context = scanContext(NOW);
    scanTextFile(path, context);
    const match = vi.spyOn(context.matcher, 'match');
    expect(positionsOf(scanTextFile(path, context))).toEqual(expected(text));
    // Lines a, b and d go to lib (d: the issuer JWT followed by `~`); line c is the issuer JWT's copy.
    expect(match).toHaveBeenCalledTimes(3);
    match.mockRestore();
  });

  it("a token's kind does not depend on what the context saw before: a JWS before `~a.` is a JWS", () => {
    // `~a.` starts a key-binding JWT that is not one, so only the issuer JWT is sure.
    const alone = fileOf(`${t.live}\n`);
    const glued = fileOf(`x ${t.live}~a.\n`);
    const fresh = scanFile(glued, 0, NOW);
    const context = scanContext(NOW);
    scanFile(alone, 0, NOW, context);
    const after = scanFile(glued, 0, NOW, context);
    expect(after).toEqual(fresh);
    expect(fresh.ok && fresh.scan.hits.map((h) => [h.token === t.live, h.kind])).toEqual([[true, 'jws']]);
  });

  it('a line longer than CHUNK_BYTES: scanTextFile says long-line and scanFile still finds what scanText finds', () => {
    const long = `x ${t.es256} ${'y'.repeat(CHUNK_BYTES)} ${t.jwe} ü ${t.live}\n`;
    const text = `first ${t.live}\n${long}after 😀 ${t.live} ${t.sdJwt}\r\nend ${t.hs256}`;
    const path = fileOf(text);
    const context = scanContext(NOW);
    expect(scanTextFile(path, context)).toBe('long-line');
    const want = expected(text);
    expect(want).toHaveLength(5);
    for (const used of [scanContext(NOW), context]) {
      const scan = scanFile(path, Buffer.byteLength(text), NOW, used);
      expect(scan).toMatchObject({ ok: true, scan: { har: false } });
      expect(scan.ok && positionsOf(scan.scan.hits)).toEqual(want);
    }
  });
});

/** Offsets of lines (at 0 or after a line break, before the end) not indented deeper than `depth` spaces. */
function shallowLines(bytes: Buffer, depth: number): number[] {
  const starts = bytes.length > 0 ? [0] : [];
  for (let nl = bytes.indexOf(0x0a); nl !== -1 && nl + 1 < bytes.length; nl = bytes.indexOf(0x0a, nl + 1))
    starts.push(nl + 1);
  return starts.filter((s) => !bytes.subarray(s, s + depth + 1).equals(Buffer.alloc(depth + 1, ' ')));
}

/** scanWholeAtMarkers asked for shallow lines: lib's positions, plus each copy's byte offset in the file. */
function expectOffsetsHoldTokens(content: Buffer, text: string) {
  const path = fileOf(content);
  const scan = scanWholeAtMarkers(path, content.length, scanContext(NOW), () => ({
    indent: ' ' as const,
    depth: 1,
  }));
  if (scan === undefined) throw new Error('refused a file within its limit');
  const found = scan.tokens.found();
  expect(positionsOf(found)).toEqual(expected(text));
  for (const token of found)
    for (const { index } of token.occurrences)
      expect(content.toString('latin1', index, index + token.token.length)).toBe(token.token);
  expect(scan.shallow).toEqual(shallowLines(content, 1));
  expect(scan.ascii).toBe(content.every((b) => b < 0x80));
}

describe('scanWholeAtMarkers with shallow lines', () => {
  it('random logs: lib positions, each copy at its byte offset, the shallow lines and ASCII-ness', () => {
    fc.assert(
      fc.property(logText(), (text) => expectOffsetsHoldTokens(Buffer.from(text, 'utf8'), text)),
      { numRuns: runs },
    );
  });
});

describe('scanWholeAtMarkers offsets in a file that is not UTF-8', () => {
  it('a byte that is not UTF-8 between the first marker and a token leaves the token at its byte offset', () => {
    const content = Buffer.concat([Buffer.from('eyJ'), Buffer.from([0xff]), Buffer.from(` ${t.live}\n`)]);
    expectOffsetsHoldTokens(content, content.toString('utf8'));
  });
});

describe('ByteCopies', () => {
  /** The known tokens, as lib's matcher judges them. */
  function judged(tokens: string[]) {
    const matcher = new TokenMatcher(NOW);
    return tokens.map((token) => {
      const [m] = matcher.match(token).tokens;
      expect(m?.token).toBe(token);
      return m!.known;
    });
  }

  it('finds a remembered token exactly where lib would end it: not before base64url, nor a JWS before `~`', () => {
    const [live, jwe] = judged([t.live, t.jwe]);
    const copies = new ByteCopies();
    copies.remember(live!);
    copies.remember(jwe!);
    const cases: [string, string][] = [
      [`${t.live} end`, t.live],
      [`${t.live}`, t.live],
      [`${t.live}.more`, t.live],
      [`${t.live}"`, t.live],
      [`${t.live}a`, ''],
      [`${t.live}-`, ''],
      [`${t.live}~`, ''],
      [`${t.jwe}~`, t.jwe],
      [`${t.jwe}_`, ''],
      [`${t.cut} `, ''],
    ];
    for (const [text, token] of cases) {
      const bytes = Buffer.from(text);
      expect(copies.at(bytes, 0, bytes.length)?.token ?? '', text.slice(-12)).toBe(token);
      // Wherever a copy is found, lib finds that very token there.
      const found = scanText(text, { now: NOW }).tokens.find((f) => f.occurrences.some((o) => o.index === 0));
      if (token !== '') expect(found?.token).toBe(token);
    }
  });

  it('leaves SD-JWTs and tokens too short for a key out, and knows nothing before it is told', () => {
    const [sdJwt, unsecured, live] = judged([t.sdJwt, t.unsecured, t.live]);
    const copies = new ByteCopies();
    const bytes = Buffer.from(`${t.live} `);
    expect(copies.at(bytes, 0, bytes.length)).toBeUndefined();
    copies.remember(sdJwt!);
    copies.remember(unsecured!);
    for (const token of [t.sdJwt, t.unsecured]) {
      const text = Buffer.from(`${token} `);
      expect(copies.at(text, 0, text.length)).toBeUndefined();
    }
    copies.remember(live!);
    copies.remember(live!); // twice: still one entry, still found
    expect(copies.at(bytes, 0, bytes.length)).toBe(live);
    // A copy must end inside the bytes given.
    expect(copies.at(bytes, 0, t.live.length - 1)).toBeUndefined();
  });
});

describe('fingerprintOf', () => {
  it("equals lib's tokenFingerprint for every fixture token, and is kept on the token", () => {
    const matcher = new TokenMatcher(NOW);
    for (const token of t.every) {
      const [m] = matcher.match(token).tokens;
      expect(m?.token).toBe(token);
      const known = { ...m!.known };
      delete known.fingerprint; // hashed here by Node, not by lib
      const fingerprint = fingerprintOf(known);
      expect(fingerprint).toBe(tokenFingerprint(token));
      expect(fingerprint).toMatch(/^[0-9a-f]{16}$/);
      expect(known.fingerprint).toBe(fingerprint);
    }
    expect(new Set(t.every.map(tokenFingerprint)).size).toBe(t.every.length);
  });
});
