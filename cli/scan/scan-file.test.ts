/** Reading files for the scanner: UTF-8 cut safely at chunk edges, and both text paths agreeing with lib. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanHar, scanText } from '../../lib/index';
import { harDocument } from '../../lib/scan/fixtures/har';
import { jsonLogLines, kubernetesLog } from '../../lib/scan/fixtures/logs';
import { NOW, tokenSet } from '../../lib/scan/fixtures/tokens';
import { positionsOf, tree } from '../testing';
import { CHUNK_BYTES } from './marker-scan';
import { hitsOf, type TokenHits } from './hits';
import { completeUtf8End, readTextChunks, scanContext, scanFile, scanTextStreaming } from './scan-file';

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
  it('the byte path and the plain streaming path both find what scanText finds in the whole text', async () => {
    const t = await tokenSet();
    const text = `${jsonLogLines([t.live, t.expired])}${kubernetesLog([t.sdJwt, t.jwe, t.unsecured])}\nno newline at the end ${t.es256}`;
    const dir = tree({});
    const path = join(dir, 'mixed.log');
    writeFileSync(path, text);
    const expected = positionsOf(scanText(text, { now: NOW }).tokens);
    const fast = scanFile(path, text.length, NOW);
    expect(fast.ok && positionsOf(fast.scan.hits)).toEqual(expected);
    expect(positionsOf(scanTextStreaming(path, NOW))).toEqual(expected);
    expect(expected).toHaveLength(6);
  });

  it('the byte path keeps lines and columns (UTF-16, as scanText) with CRLF, multi-byte text and 4 MB chunk edges', async () => {
    const t = await tokenSet();
    const filler = 'GET /static/app.js 200 Jun JSON ey J eyj\r\n';
    const lines: string[] = [];
    let bytes = 0;
    // Lines with tokens land on both sides of each 4 MB chunk edge; multi-byte text comes before them.
    for (let i = 0; bytes < CHUNK_BYTES * 2.2; i++) {
      const near = Math.abs((bytes % CHUNK_BYTES) - CHUNK_BYTES) < 4096 || bytes % CHUNK_BYTES < 4096;
      const line =
        near || i % 500 === 0
          ? `Grüße 😀 € user=${i} token=${i % 2 ? t.live : t.jwe} tail ${t.es256}\r\n`
          : filler;
      lines.push(line);
      bytes += Buffer.byteLength(line);
    }
    const text = lines.join('');
    const dir = tree({});
    const path = join(dir, 'crlf.log');
    writeFileSync(path, text);
    const expected = positionsOf(scanText(text, { now: NOW }).tokens);
    expect(expected).toHaveLength(3);
    const fast = scanFile(path, bytes, NOW);
    expect(fast.ok && positionsOf(fast.scan.hits)).toEqual(expected);
  });

  it('a context shared by several files gives each file what scanning it alone gives', async () => {
    const t = await tokenSet();
    const dir = tree({
      'a.log': `one ${t.live}\ntwo ${t.sdJwt}\n`,
      'b.log': `x\ny ${t.live} ${t.jwe}\n`,
    });
    const context = scanContext(NOW);
    for (const name of ['a.log', 'b.log', 'a.log']) {
      const path = join(dir, name);
      const alone = scanFile(path, 0, NOW);
      const shared = scanFile(path, 0, NOW, context);
      expect(shared).toEqual(alone);
    }
  });

  it('a HAR gives what scanHar gives; one without tokens gives none; a cut-off one is scanned as text', async () => {
    const t = await tokenSet();
    const har = JSON.stringify(
      harDocument({ accessToken: t.live, idToken: t.es256, assertion: t.expired }),
      null,
      2,
    );
    const clean = JSON.stringify(harDocument({ accessToken: 'x', idToken: 'y', assertion: 'z' }), null, 2);
    const cut = har.slice(0, Math.floor(har.length * 0.6));
    const dir = tree({ 'a.har': har, 'clean.har': clean, 'cut.har': cut });
    const size = (text: string) => Buffer.byteLength(text);
    const scanned = scanFile(join(dir, 'a.har'), size(har), NOW);
    expect(scanned.ok && scanned.scan.har).toBe(true);
    // The same hits, where included; their order in one file does not matter (the report sorts).
    const byFingerprint = (hits: TokenHits[]) =>
      [...hits].sort((a, b) => (a.fingerprint < b.fingerprint ? -1 : 1));
    expect(scanned.ok && byFingerprint(scanned.scan.hits)).toEqual(
      byFingerprint(hitsOf(scanHar(har, { now: NOW }).tokens)),
    );
    expect(scanned.ok && scanned.scan.hits.length).toBe(3);
    expect(scanned.ok && scanned.scan.hits.every((h) => h.where?.every((w) => w?.field))).toBe(true);
    const none = scanFile(join(dir, 'clean.har'), size(clean), NOW);
    expect(none.ok && none.scan.hits).toEqual([]);
    const partial = scanFile(join(dir, 'cut.har'), size(cut), NOW);
    expect(partial.ok && partial.scan.har).toBe(false);
    expect(partial.ok && partial.scan.hits.map((x) => x.token).sort()).toEqual(
      scanText(cut, { now: NOW })
        .tokens.map((x) => x.token)
        .sort(),
    );
  });
});
