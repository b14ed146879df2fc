import { describe, expect, it, beforeAll } from 'vitest';
import { createTextScanner, scanText } from './scan-text';
import { NOW, tokenSet, type TokenSet } from './fixtures/tokens';
import { tokenFingerprint } from './fingerprint';

let t: TokenSet;
beforeAll(async () => {
  t = await tokenSet();
});

describe('scanText', () => {
  it('finds each kind: JWS (RS256, ES256, HS256), unsecured, JWE and SD-JWT with its disclosures', () => {
    const text = t.all.map((token, i) => `line ${i}: token=${token} end`).join('\n');
    const { tokens } = scanText(text, { now: NOW });
    expect(tokens.map((f) => f.token).sort()).toEqual([...t.all].sort());
    const kinds = Object.fromEntries(tokens.map((f) => [f.token, f.kind]));
    expect(kinds[t.jwe]).toBe('jwe');
    expect(kinds[t.unsecured]).toBe('unsecured');
    expect(kinds[t.sdJwt]).toBe('sd-jwt');
    expect(kinds[t.live]).toBe('jws');
    for (const f of tokens) expect(f.decoded.ok).toBe(true);
  });

  it('keeps one row per distinct token, keyed by the first 16 hex of its SHA-256, counting every copy', () => {
    const text = `Authorization: Bearer ${t.live}\n{"msg":"retry","token":"${t.live}"}\nGET /?access_token=${t.live}&x=1`;
    const { tokens } = scanText(text, { now: NOW });
    expect(tokens).toHaveLength(1);
    const [found] = tokens;
    expect(found!.count).toBe(3);
    expect(found!.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(found!.fingerprint).toBe(tokenFingerprint(t.live));
    const lines = text.split('\n');
    expect(found!.occurrences.map((o) => [o.line, o.column])).toEqual(
      lines.map((line, i) => [i + 1, line.indexOf(t.live) + 1]),
    );
    expect(text.slice(found!.occurrences[1]!.index).startsWith(t.live)).toBe(true);
  });

  it('sorts by expiry: live tokens first (longest-lived first), then not yet valid, then expired', () => {
    const text = [t.expired, t.es256, t.notYet, t.live].join(' ');
    const order = scanText(text, { now: NOW }).tokens.map((f) => f.token);
    expect(order).toEqual([t.live, t.es256, t.notYet, t.expired]);
  });

  it('never reports version strings, hostnames, a.b.c identifiers or base64 with two dots', () => {
    const noise = [
      'v1.2.3 build 10.0.19045',
      'api.eu-west-1.amazonaws.com',
      'com.example.app',
      'aGVsbG8.d29ybGQ.Zm9v',
      'eyJub3QiOiJhIGhlYWRlciJ9.eyJzdWIiOiIxIn0.c2ln', // a JSON header without alg or enc
      'eyJhbGciOiJIUzI1NiJ9', // a header alone
      'eyJhbGciOiJIUzI1NiJ9.', // cut off
      'eyJhbGciOiJIUzI1NiJ9.%%%.x',
      'eyJbMSwyXQ.eyJ.x', // header is an array
    ].join('\n');
    expect(scanText(noise, { now: NOW }).tokens).toEqual([]);
  });

  it('a JWS followed by `~` and something that is no disclosure is a JWS, whichever copy comes first', () => {
    for (const text of [`${t.live}~a.\n${t.live}\n`, `${t.live}\n${t.live}~a.\n`]) {
      const { tokens } = scanText(text, { now: NOW });
      expect(tokens.map((f) => [f.token, f.kind, f.count])).toEqual([[t.live, 'jws', 2]]);
    }
    const { tokens } = scanText(`${t.unsecured}~x.\n`, { now: NOW });
    expect(tokens.map((f) => f.kind)).toEqual(['unsecured']);
  });

  it('returns nothing, not an exception, for input that is not a string', () => {
    expect(scanText(undefined as unknown as string, { now: NOW }).tokens).toEqual([]);
  });
});

describe('createTextScanner (chunks)', () => {
  it('finds a token split across chunks at every cut, once, with the same line and column', () => {
    const text = `first line\nsecond Bearer ${t.sdJwt} and ${t.jwe}\n`;
    const whole = scanText(text, { now: NOW }).tokens;
    for (let cut = 1; cut < text.length; cut += 7) {
      const scanner = createTextScanner({ now: NOW });
      scanner.push(text.slice(0, cut));
      scanner.push(text.slice(cut));
      const chunked = scanner.finish().tokens;
      expect(chunked.map((f) => [f.token, f.occurrences])).toEqual(
        whole.map((f) => [f.token, f.occurrences]),
      );
    }
  });

  it('continues line numbers and offsets from a start the caller gives', () => {
    const scanner = createTextScanner({ now: NOW, start: { index: 1000, line: 40, column: 1 } });
    scanner.push(`a\nb ${t.live}`);
    const [found] = scanner.finish().tokens;
    expect(found!.occurrences[0]).toEqual({ index: 1004, line: 41, column: 3 });
  });

  it('finds a token that arrives one character at a time', () => {
    const scanner = createTextScanner({ now: NOW });
    for (const c of ` ${t.hs256} `) scanner.push(c);
    expect(scanner.finish().tokens.map((f) => f.token)).toEqual([t.hs256]);
  });

  it('newlines(n) is exactly push of n line breaks, also right after a chunk that ends inside a token', () => {
    const lines = [`a ${t.live}`, `b ${t.jwe} c`, `${t.sdJwt}`, `d ${t.live}`];
    const viaText = createTextScanner({ now: NOW });
    const viaCount = createTextScanner({ now: NOW });
    for (const [i, line] of lines.entries()) {
      // The first half of the line, then the rest: the cut leaves a token pending in the scanner.
      const cut = Math.floor(line.length / 2);
      for (const scanner of [viaText, viaCount]) {
        scanner.push(line.slice(0, cut));
        scanner.push(line.slice(cut));
      }
      viaText.push('\n'.repeat(i + 1));
      viaCount.newlines(i + 1);
    }
    expect(viaCount.consumed).toBe(viaText.consumed);
    expect(viaCount.finish()).toEqual(viaText.finish());
  });
});
