/** Reading files for the scanner: UTF-8 cut safely at chunk edges, and both text paths agreeing with lib. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanText } from '../../lib/index';
import { jsonLogLines, kubernetesLog } from '../../lib/scan/fixtures/logs';
import { NOW, tokenSet } from '../../lib/scan/fixtures/tokens';
import { tree } from '../testing';
import { CHUNK_BYTES } from './marked-lines';
import { completeUtf8End, readTextChunks, scanFile, scanTextStreaming } from './scan-file';

describe('completeUtf8End', () => {
  const bytes = Buffer.from('a€😀', 'utf8'); // 1 + 3 + 4 bytes
  it.each([
    [8, 8],
    [7, 4],
    [6, 4],
    [5, 4],
    [4, 4],
    [3, 1],
    [2, 1],
    [1, 1],
  ])('keeps whole characters only: end %i -> %i', (end, expected) => {
    expect(completeUtf8End(bytes, end)).toBe(expected);
  });
});

describe('readTextChunks', () => {
  it('gives back the exact text when multi-byte characters straddle every chunk edge', () => {
    const unit = 'ß€😀x';
    const text = unit.repeat(Math.ceil((CHUNK_BYTES * 2.5) / Buffer.byteLength(unit)));
    const dir = tree({ 'big.txt': text });
    const pieces: string[] = [];
    readTextChunks(join(dir, 'big.txt'), (piece) => pieces.push(piece));
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.join('')).toBe(text);
  });
});

describe('the two text paths', () => {
  it('the marked-lines path and the plain streaming path both find what scanText finds in the whole text', async () => {
    const t = await tokenSet();
    const text = `${jsonLogLines([t.live, t.expired])}${kubernetesLog([t.sdJwt, t.jwe, t.unsecured])}\nno newline at the end ${t.es256}`;
    const dir = tree({});
    const path = join(dir, 'mixed.log');
    writeFileSync(path, text);
    const simplify = (
      tokens: { fingerprint: string; count: number; occurrences: { line: number; column: number }[] }[],
    ) =>
      tokens
        .map((x) => ({
          fingerprint: x.fingerprint,
          count: x.count,
          at: x.occurrences.map((o) => [o.line, o.column]),
        }))
        .sort((a, b) => (a.fingerprint < b.fingerprint ? -1 : 1));
    const expected = simplify(scanText(text, { now: NOW }).tokens);
    const fast = scanFile(path, text.length, NOW);
    expect(fast.ok && simplify(fast.scan.tokens)).toEqual(expected);
    expect(simplify(scanTextStreaming(path, NOW))).toEqual(expected);
    expect(expected).toHaveLength(6);
  });
});
