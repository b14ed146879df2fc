import { beforeAll, describe, expect, it } from 'vitest';
import { addHarLocations, scanHar } from './har';
import { looksLikeHar, readHar } from './har-read';
import { createTextScanner } from './scan-text';
import { NOW, tokenSet, type TokenSet } from './fixtures/tokens';
import { harDocument } from './fixtures/har';

let t: TokenSet;
let har: string;
beforeAll(async () => {
  t = await tokenSet();
  har = JSON.stringify(harDocument({ accessToken: t.live, idToken: t.es256, assertion: t.hs256 }), null, 2);
});
const fields = (token: string) =>
  scanHar(har, { now: NOW })
    .tokens.find((f) => f.token === token)!
    .occurrences.map((o) => o.where);

describe('scanHar', () => {
  it('walks entries: headers, cookies, query, form and JSON bodies, with entry, method, path and field', () => {
    const { tokens, entries, error } = scanHar(har, { now: NOW });
    expect(error).toBeUndefined();
    expect(entries).toBe(4);
    expect(tokens.map((f) => f.token).sort()).toEqual([t.live, t.es256, t.hs256].sort());
    expect(fields(t.hs256)).toEqual([
      { entry: 0, method: 'POST', path: '/oauth2/token', field: 'request body parameter client_assertion' },
      { entry: 0, method: 'POST', path: '/oauth2/token', field: 'form parameter client_assertion' },
    ]);
    expect(fields(t.live).map((w) => `${w!.entry} ${w!.field}`)).toEqual([
      '0 response body field access_token',
      '2 request URL',
      '2 request header Authorization',
      '2 query parameter access_token',
    ]);
    expect(fields(t.es256).map((w) => `${w!.entry} ${w!.field}`)).toEqual([
      '0 response body field id_token',
      '2 request cookie id',
      '2 request header Cookie',
      '3 response header Location',
      '3 redirect URL',
    ]);
    expect(fields(t.live)[1]!.path).toBe(`/v1/orders?access_token=${t.live}&page=2`.slice(0, 200));
  });

  it('gives each occurrence the offset, line and column of the HAR text', () => {
    for (const found of scanHar(har, { now: NOW }).tokens)
      for (const o of found.occurrences) {
        expect(har.slice(o.index, o.index + found.token.length)).toBe(found.token);
        const lineStart = har.lastIndexOf('\n', o.index - 1) + 1;
        expect(o.column).toBe(o.index - lineStart + 1);
        expect(o.line).toBe(har.slice(0, o.index).split('\n').length);
      }
  });

  it('gives the same result when the text was scanned in chunks and the locations added afterwards', () => {
    const scanner = createTextScanner({ now: NOW });
    for (let i = 0; i < har.length; i += 333) scanner.push(har.slice(i, i + 333));
    const { tokens } = scanner.finish();
    const read = readHar(har);
    if (!read.ok) throw new Error(read.error.message);
    addHarLocations(read.har, tokens, { now: NOW });
    expect(tokens).toEqual(scanHar(har, { now: NOW }).tokens);
  });

  it('is detected by structure', () => {
    expect(looksLikeHar(har)).toBe(true);
    expect(looksLikeHar('{"level":30,"msg":"x"}')).toBe(false);
    expect(looksLikeHar('127.0.0.1 - - [01/Jun/2026] "GET /"')).toBe(false);
  });
});

describe('scanHar on hostile input: a clear message, never a crash', () => {
  const scan = (text: string) => scanHar(text, { now: NOW });
  it('not JSON', () => {
    const r = scan('{"log": {"entries": [ {"request": ');
    expect(r.error?.code).toBe('not-json');
    expect(r.error?.message).toMatch(/not valid JSON.*cut off/);
    expect(r.tokens).toEqual([]);
  });
  it('JSON without log or entries', () => {
    expect(scan('[1,2,3]').error?.code).toBe('not-har');
    expect(scan('{"log": {"entries": 5}}').error?.message).toMatch(/log\.entries/);
  });
  it('wrong types everywhere still finds the tokens', () => {
    const doc = {
      log: {
        entries: [
          null,
          7,
          'x',
          { request: 'GET /', response: { headers: { name: 1 } } },
          { request: { headers: [null, { name: 5, value: `Bearer ${t.live}` }], url: 42, method: {} } },
        ],
      },
    };
    const r = scan(JSON.stringify(doc));
    expect(r.error).toBeUndefined();
    expect(r.tokens.map((f) => f.token)).toEqual([t.live]);
    expect(r.tokens[0]!.occurrences[0]!.where).toEqual({
      entry: 4,
      method: '',
      path: '',
      field: 'request header (unnamed)',
    });
  });
  it('100,000 levels of nesting', () => {
    const deep = `{"log":{"entries":[],"x":${'['.repeat(100_000)}"${t.live}"${']'.repeat(100_000)}}}`;
    const r = scan(deep);
    expect(r.error).toBeUndefined();
    expect(r.tokens).toHaveLength(1);
    expect(r.tokens[0]!.occurrences[0]!.where!.field).toMatch(/^log\.x\[0\]\[0\]/);
  });
  it('locates a token deeper than the recursive walk goes, with the whole path, inside an entry too', () => {
    const depth = 150;
    const nested = (leaf: unknown) =>
      Array.from({ length: depth }).reduce<unknown>((inner, _, i) => ({ [`k${i}`]: inner }), leaf);
    const doc = {
      log: {
        entries: [{ request: { method: 'POST', url: 'https://a.example/t?x=1', extra: nested(t.live) } }],
        x: nested([`a ${t.live}`]),
      },
    };
    const r = scan(JSON.stringify(doc));
    const keys = Array.from({ length: depth }, (_, i) => `k${depth - 1 - i}`).join('.');
    expect(r.tokens[0]!.occurrences.map((o) => o.where)).toEqual([
      { entry: 0, method: 'POST', path: '/t?x=1', field: `request.extra.${keys}` },
      { field: `log.x.${keys}[0]` },
    ]);
  });
  it('a 20 MB string value', () => {
    const doc = {
      log: {
        entries: [
          {
            request: {
              method: 'GET',
              url: 'https://a.example/',
              headers: [{ name: 'X-Blob', value: 'A'.repeat(20_000_000) + ` ${t.live}` }],
            },
          },
        ],
      },
    };
    const r = scan(JSON.stringify(doc));
    expect(r.tokens.map((f) => f.token)).toEqual([t.live]);
  });
});
