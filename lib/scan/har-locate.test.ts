import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { addHarLocations } from './har';
import { addEncodedBodyTokens } from './har-encoded';
import { addEncodedBodyTokensByEntry, harEntriesIndent, locateHarTokensByEntry } from './har-locate';
import { readHar } from './har-read';
import { scanText, TokenMatcher } from './scan-text';
import { harEntry } from '../../scripts/bench/cli-tree.mjs';
import { harDocument } from './fixtures/har';
import { NOW, tokenSet, type TokenSet } from './fixtures/tokens';
import type { FoundToken } from './types';

let t: TokenSet;
beforeAll(async () => {
  t = await tokenSet();
});
/** One matcher for every scan here: each distinct token is decoded once, as in the CLI. */
const matcher = new TokenMatcher(NOW);
const options = { now: NOW, matcher };
const scan = (text: string) => scanText(text, options).tokens;
const wheres = (tokens: FoundToken[]) => tokens.map((f) => [f.token, f.occurrences.map((o) => o.where)]);

/** What the whole-document path gives: readHar, then addHarLocations. */
function expected(text: string): FoundToken[] {
  const tokens = scan(text);
  const read = readHar(text);
  if (!read.ok) throw new Error(read.error.message);
  addHarLocations(read.har, tokens, options);
  return tokens;
}

/** The locator on a fresh scan of the same text: it must be sure, and agree with the whole-document path. */
function expectSameAsWholeDocument(text: string): FoundToken[] {
  const tokens = scan(text);
  expect(tokens.length).toBeGreaterThan(0);
  expect(locateHarTokensByEntry(text, tokens, options)).toBe(true);
  expect(wheres(tokens)).toEqual(wheres(expected(text)));
  for (const found of tokens) for (const o of found.occurrences) expect(o.where).toBeDefined();
  return tokens;
}

/** The locator declines and leaves every occurrence as scanText made it. */
function expectDeclined(text: string): void {
  const tokens = scan(text);
  expect(tokens.length).toBeGreaterThan(0);
  const before = JSON.stringify(tokens);
  expect(locateHarTokensByEntry(text, tokens, options)).toBe(false);
  expect(JSON.stringify(tokens)).toBe(before);
}

interface Entry {
  request: {
    method: string;
    url: string;
    headers: { name: string; value: string }[];
    cookies: { name: string; value: string }[];
    queryString: { name: string; value: string }[];
    postData?: { mimeType: string; text: string; params?: { name: string; value: string }[] };
    [key: string]: unknown;
  };
  response: {
    status: number;
    headers: { name: string; value: string }[];
    cookies: Record<string, unknown>[];
    content: { size: number; mimeType: string; text?: string; encoding?: string };
    redirectURL: string;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/** An entry shaped as Chromium's Network panel exports it: the one the CLI benchmark writes. */
const chromeEntry = (i: number) => harEntry(i) as Entry;

/** Where a token can sit in an entry, each the way a browser records it. */
const PLACES = {
  authorization: (e: Entry, token: string) =>
    e.request.headers.push({ name: 'authorization', value: `Bearer ${token}` }),
  cookie: (e: Entry, token: string) => {
    e.request.headers.push({ name: 'cookie', value: `theme=dark; id=${token}` });
    e.request.cookies.push({ name: 'theme', value: 'dark' }, { name: 'id', value: token });
  },
  query: (e: Entry, token: string) => {
    e.request.url += `${e.request.url.includes('?') ? '&' : '?'}access_token=${token}`;
    e.request.queryString.push({ name: 'access_token', value: token });
  },
  form: (e: Entry, token: string) => {
    e.request.method = 'POST';
    e.request.postData = {
      mimeType: 'application/x-www-form-urlencoded',
      text: `grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=${token}`,
      params: [
        { name: 'grant_type', value: 'urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer' },
        { name: 'assertion', value: token },
      ],
    };
  },
  formTextOnly: (e: Entry, token: string) => {
    e.request.method = 'POST';
    e.request.postData = {
      mimeType: 'application/x-www-form-urlencoded; charset=UTF-8',
      text: `subject_token=${token}&x=1`,
    };
  },
  jsonRequest: (e: Entry, token: string) => {
    e.request.method = 'POST';
    e.request.postData = {
      mimeType: 'application/json',
      text: JSON.stringify({ subject_token: token, nested: { list: ['x', `Bearer ${token}`] } }),
    };
  },
  jsonResponse: (e: Entry, token: string) => {
    const text = JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: 3600 }, null, 2);
    e.response.content = { size: text.length, mimeType: 'application/json; charset=utf-8', text };
  },
  plainResponse: (e: Entry, token: string) => {
    const text = `line one\ntoken: ${token}\n"quoted" \\ end`;
    e.response.content = { size: text.length, mimeType: 'text/plain', text };
  },
  setCookie: (e: Entry, token: string) => {
    e.response.headers.push({ name: 'set-cookie', value: `session=${token}; Path=/; HttpOnly; Secure` });
    e.response.cookies.push({ name: 'session', value: token, path: '/', httpOnly: true, secure: true });
  },
  redirect: (e: Entry, token: string) => {
    e.response.status = 302;
    e.response.headers.push({
      name: 'location',
      value: `https://app.example/cb#id_token=${token}&state=xyz`,
    });
    e.response.redirectURL = `https://app.example/cb#id_token=${token}&state=xyz`;
  },
};
type Place = keyof typeof PLACES;
const PLACE_NAMES = Object.keys(PLACES) as Place[];

function harOf(
  entries: Entry[],
  pages: Record<string, unknown>[] = [
    {
      startedDateTime: '2026-06-01T12:00:00.000Z',
      id: 'page_1',
      title: 'https://app.example/',
      pageTimings: {},
    },
  ],
) {
  return { log: { version: '1.2', creator: { name: 'WebInspector', version: '537.36' }, pages, entries } };
}

/** `count` Chrome entries; `places(i)` says which tokens go where in entry i. */
function chromeHar(count: number, places: (i: number) => [Place, string][]) {
  return harOf(
    Array.from({ length: count }, (_, i) => {
      const entry = chromeEntry(i);
      for (const [place, token] of places(i)) PLACES[place](entry, token);
      return entry;
    }),
  );
}

const pretty = (doc: unknown, indent: number | string = 2) => JSON.stringify(doc, null, indent);

describe('locateHarTokensByEntry gives the where of readHar + addHarLocations', () => {
  it('on the fixture HAR (form body, params, JSON response, URL, cookies, query, Location, redirectURL), indent 2, 4 and tab', () => {
    const doc = harDocument({ accessToken: t.live, idToken: t.es256, assertion: t.hs256 });
    for (const indent of [2, 4, '\t']) {
      const tokens = expectSameAsWholeDocument(pretty(doc, indent));
      expect(
        tokens
          .find((f) => f.token === t.es256)!
          .occurrences.map((o) => `${o.where!.entry} ${o.where!.field}`),
      ).toEqual([
        '0 response body field id_token',
        '2 request cookie id',
        '2 request header Cookie',
        '3 response header Location',
        '3 redirect URL',
      ]);
    }
  });

  it('on Chrome-shaped entries with a token in every kind of place, each kind alone', () => {
    for (const place of PLACE_NAMES) {
      const text = pretty(chromeHar(6, (i) => (i === 3 ? [[place, t.live]] : [])));
      const [found] = expectSameAsWholeDocument(text);
      expect(found!.occurrences.every((o) => o.where!.entry === 3)).toBe(true);
    }
  });

  it('with the same token several times in one entry and across entries, beside other tokens', () => {
    const text = pretty(
      chromeHar(30, (i) =>
        i % 7 === 2
          ? [
              ['authorization', t.live],
              ['query', t.live],
              ['jsonResponse', t.live],
              ['setCookie', t.es256],
            ]
          : i % 11 === 5
            ? [
                ['form', t.hs256],
                ['redirect', t.sdJwt],
                ['cookie', t.jwe],
              ]
            : [],
      ),
      4,
    );
    const tokens = expectSameAsWholeDocument(text);
    expect(tokens.map((f) => f.token).sort()).toEqual([t.live, t.es256, t.hs256, t.sdJwt, t.jwe].sort());
    const live = tokens.find((f) => f.token === t.live)!;
    expect(live.occurrences.map((o) => o.where!.entry)).toEqual([
      2, 2, 2, 2, 9, 9, 9, 9, 16, 16, 16, 16, 23, 23, 23, 23,
    ]);
  });

  it('on a Chrome export with one entry in 25 holding a token, as the CLI benchmark writes them', () => {
    const text = pretty(
      chromeHar(300, (i) => (i % 25 === 0 ? [['authorization', t.all[(i / 25) % t.all.length]!]] : [])),
    );
    expectSameAsWholeDocument(text);
  });

  it('with \\r\\n line ends, as an editor on Windows saves the file', () => {
    const doc = harDocument({ accessToken: t.live, idToken: t.es256, assertion: t.hs256 });
    for (const indent of [2, '\t']) expectSameAsWholeDocument(pretty(doc, indent).replace(/\n/g, '\r\n'));
  });

  it('when an entry without tokens has \\u escapes (it is parsed and found to hold none)', () => {
    const doc = chromeHar(5, (i) => (i === 3 ? [['authorization', t.live]] : []));
    doc.log.entries[1]!.response.content.text = 'binary \u0000\u0001 and \u2028 text';
    const text = pretty(doc);
    expect(text).toContain('\\u0000');
    expectSameAsWholeDocument(text);
  });

  it('with wrong types inside the entries, located as addHarLocations locates them', () => {
    const doc = harOf([
      { request: 'GET /', response: { headers: { name: 1 } } } as unknown as Entry,
      {
        request: { method: {}, url: 42, headers: [null, { name: 5, value: `Bearer ${t.live}` }] },
        response: { content: { mimeType: 7, text: `{"a":"${t.live}"}` }, cookies: 'x' },
      } as unknown as Entry,
      {
        request: { postData: { mimeType: null, params: [{ value: t.live }, 'x'], text: 3 } },
      } as unknown as Entry,
    ]);
    expectSameAsWholeDocument(pretty(doc));
  });

  it('for a token past the stored-occurrence limit, straddling an entry', () => {
    // 3 copies an entry: the 1000th stored copy is the first of entry 333; the rest are only counted.
    // Entry 390 is parsed for another token, and its unstored copies of the first are no conflict.
    const text = pretty(
      chromeHar(400, (i) => [
        ['authorization', t.live],
        ['query', t.live],
        ...(i === 390 ? ([['setCookie', t.es256]] as [Place, string][]) : []),
      ]),
    );
    const found = expectSameAsWholeDocument(text).find((f) => f.token === t.live);
    expect(found!.count).toBe(1200);
    expect(found!.occurrences.at(-1)!.where).toEqual({
      entry: 333,
      method: 'GET',
      path: `/v1/orders/333?access_token=${t.live}`.slice(0, 200),
      field: 'request URL',
    });
  });

  it('for random entry lists, token places and layouts (property)', () => {
    const entry = fc.array(fc.tuple(fc.constantFrom(...PLACE_NAMES), fc.nat({ max: 7 })), { maxLength: 3 });
    fc.assert(
      fc.property(
        fc.array(entry, { minLength: 1, maxLength: 14 }),
        fc.constantFrom<number | string>(2, 4, '\t'),
        fc.boolean(),
        fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary: fc.nat({ max: 7 }), weight: 1 }),
        (places, indent, crlf, pageToken) => {
          fc.pre(places.some((p) => p.length > 0));
          const doc = chromeHar(places.length, (i) => places[i]!.map(([place, k]) => [place, t.all[k]!]));
          if (pageToken !== null) doc.log.pages[0]!.title = `https://app.example/?t=${t.all[pageToken]}`;
          let text = pretty(doc, indent);
          if (crlf) text = text.replace(/\n/g, '\r\n');
          if (pageToken === null) expectSameAsWholeDocument(text);
          else expectDeclined(text);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('locateHarTokensByEntry declines, changing nothing, when it cannot be sure', () => {
  const doc = () => chromeHar(6, (i) => (i === 2 || i === 4 ? [['authorization', t.live]] : []));

  it('a minified HAR (one line)', () => {
    expectDeclined(JSON.stringify(doc()));
  });

  it('a token in log.pages, outside every entry', () => {
    const d = doc();
    d.log.pages[0]!.title = `https://app.example/?id_token=${t.es256}`;
    expectDeclined(pretty(d));
  });

  it('a token in log.comment after the entries', () => {
    expectDeclined(pretty({ log: { ...doc().log, comment: `saved with ${t.live}` } }));
  });

  it('an entry indented differently from the others', () => {
    const text = pretty(doc());
    const entries = text.split('\n      },\n      {\n');
    // Entry 1 (no token) moved two columns left: its braces are no longer at the entries' indentation.
    entries[1] = entries[1]!.replace(/\n {2}/g, '\n');
    expectDeclined(entries.join('\n      },\n      {\n'));
  });

  it('two entries separated by `}, {` on one line (Jackson style)', () => {
    const text = pretty(doc());
    const at = text.indexOf('\n      },\n      {\n');
    expectDeclined(`${text.slice(0, at)}\n      }, {\n${text.slice(at + '\n      },\n      {\n'.length)}`);
  });

  it('an entry that is not an object', () => {
    const d = doc() as unknown as { log: { entries: unknown[] } };
    d.log.entries.splice(1, 0, 'not an entry', null);
    expectDeclined(pretty(d));
  });

  it('a file cut off, at its end or inside an entry', () => {
    const text = pretty(doc());
    expectDeclined(text.slice(0, text.length - 8));
    const cut = text.lastIndexOf(t.live) + t.live.length + 40;
    expectDeclined(text.slice(0, cut));
  });

  it('a file cut off but closed by hand, the last entry holding a token broken', () => {
    const text = pretty(doc());
    const at = text.lastIndexOf(t.live) + t.live.length;
    expectDeclined(`${text.slice(0, at)}"\n      }\n    ]\n  }\n}\n`);
  });

  it('\\r\\n and \\n mixed at the entries', () => {
    const text = pretty(doc());
    const first = text.indexOf('\n      },\n');
    expectDeclined(`${text.slice(0, first)}\r\n      },\r\n${text.slice(first + '\n      },\n'.length)}`);
  });

  it('a later duplicate "entries" key, which JSON.parse keeps instead', () => {
    const text = pretty({ log: { ...doc().log, comment: 'x' } });
    expectDeclined(text.replace('"comment": "x"', '"entries": []'));
  });

  it('a token as an object key (the text sees it, the walk does not)', () => {
    const d = doc();
    d.log.entries[2]!.response[t.es256] = 'x';
    d.log.entries[4]!.request.headers.push({ name: 'x-token', value: t.es256 });
    expectDeclined(pretty(d));
  });

  it('a token written with a \\u escape in an entry the text scan saw no token in', () => {
    const d = doc();
    d.log.entries[1]!.request.headers.push({ name: 'authorization', value: `Bearer ${t.live}` });
    // entry 1 holds the token as `\u0065yJ…`: the whole-document walk counts it first, the text does not.
    const text = pretty(d).replace(`Bearer ${t.live}`, `Bearer \\u0065${t.live.slice(1)}`);
    expect(scan(text)[0]!.occurrences).toHaveLength(2);
    expectDeclined(text);
  });

  it('a token the walk finds once more in an entry than the text does (the extra copy \\u-escaped)', () => {
    const d = doc();
    d.log.entries[2]!.request.headers.push({ name: 'x-copy', value: 'ESCAPED' });
    // addHarLocations would give entry 4's copy the location of this one, second in its walk.
    const text = pretty(d).replace('ESCAPED', `\\u0065${t.live.slice(1)}`);
    expect(readHar(text).ok).toBe(true);
    expect(scan(text)[0]!.occurrences).toHaveLength(2);
    expectDeclined(text);
  });

  it('a \\u-escaped copy of a token past the stored-occurrence limit, before its last stored copy', () => {
    const d = chromeHar(400, (i) =>
      i === 5
        ? []
        : [
            ['authorization', t.live],
            ['query', t.live],
          ],
    );
    d.log.entries[5]!.request.headers.push({ name: 'x-copy', value: 'ESCAPED' });
    const text = pretty(d).replace('ESCAPED', `\\u0065${t.live.slice(1)}`);
    expect(scan(text)[0]!.count).toBe(399 * 3);
    expectDeclined(text);
  });

  it('a \\u-escaped copy in log.pages that the text does not show (it would come first in the walk)', () => {
    const d = doc();
    d.log.pages[0]!.title = 'ESCAPED';
    const text = pretty(d).replace('ESCAPED', `\\u0065${t.live.slice(1)}`);
    expect(scan(text)[0]!.occurrences).toHaveLength(2);
    expectDeclined(text);
  });

  it("a member line at the entries' own indentation", () => {
    const text = pretty(doc());
    const at = text.indexOf('        "startedDateTime"', text.indexOf('\n      },\n'));
    expectDeclined(`${text.slice(0, at)}      "comment": "x",\n${text.slice(at)}`);
  });

  it('an invalid JSON line inside an entry holding a token', () => {
    const text = pretty(doc());
    const at = text.indexOf('"pageref": "page_1"', text.indexOf(t.live));
    expectDeclined(`${text.slice(0, at)}pageref: page_1${text.slice(at + '"pageref": "page_1"'.length)}`);
  });
});

describe('locateHarTokensByEntry trusts the entries it does not parse', () => {
  it('invalid JSON inside an entry without tokens is not seen', () => {
    // The price of not parsing them (see har-locate.ts); readHar would reject this file.
    const doc = chromeHar(6, (i) => (i === 2 ? [['authorization', t.live]] : []));
    const text = pretty(doc).replace('"pageref": "page_1"', 'pageref: page_1');
    expect(readHar(text).ok).toBe(false);
    expect(locateHarTokensByEntry(text, scan(text), options)).toBe(true);
  });
});

describe('locateHarTokensByEntry on hostile input never throws', () => {
  it('100,000 levels of nesting inside an entry, and in the document around the entries', () => {
    const entry = pretty(harOf([chromeEntry(0)]));
    const deep = `${'['.repeat(100_000)}"${t.live}"${']'.repeat(100_000)}`;
    const inEntry = entry.replace('"pageref": "page_1"', `"pageref": "page_1",\n        "x": ${deep}`);
    expectSameAsWholeDocument(inEntry);
    expectDeclined(entry.replace('"version": "1.2"', `"version": "1.2",\n    "x": ${deep}`));
  });

  it('a 20 MB header value', () => {
    const d = harOf([chromeEntry(0), chromeEntry(1)]);
    d.log.entries[1]!.request.headers.push({ name: 'x-blob', value: `${'A'.repeat(20_000_000)} ${t.live}` });
    expectSameAsWholeDocument(pretty(d));
  });

  it('arguments of the wrong kind, and occurrences that do not belong to the text', () => {
    const text = pretty(chromeHar(3, (i) => (i === 1 ? [['authorization', t.live]] : [])));
    const fresh = () => scan(text);
    const call = (x: unknown, tokens: unknown) =>
      locateHarTokensByEntry(x as string, tokens as FoundToken[], options);
    expect(call(undefined, fresh())).toBe(false);
    expect(call(text, null)).toBe(false);
    expect(call(text, [null])).toBe(false);
    expect(call(text, [{ token: 5, occurrences: [] }])).toBe(false);
    for (const index of [-1, 1.5, Number.NaN, text.length, 10]) {
      const tokens = fresh();
      tokens[0]!.occurrences[0]!.index = index;
      expect(call(text, tokens)).toBe(false);
    }
    const twice = fresh();
    expect(call(text, [...twice, ...fresh()])).toBe(false);
    expect(call(text, fresh())).toBe(true);
  });

  it('texts that only look like the layout', () => {
    const texts = [
      '',
      '\n'.repeat(1000),
      '"entries": [\n',
      '{\n  "entries": [\n    {\n',
      '{\n  "log": {\n    "entries": [\n      {\n      }\n    ]\n  }\n}',
      `{\n  "log": {\n    "entries": [\n      {\n        "a": "${t.live}"\n      },\n    ]\n  }\n}`,
      `${'"entries": [ '.repeat(10_000)}\n`,
      pretty({ log: { entries: [{ request: t.live }] } }, '\t'),
    ];
    for (const text of texts) expect(() => locateHarTokensByEntry(text, scan(text), options)).not.toThrow();
    // The last one is a well-formed HAR with tab indentation: located.
    expectSameAsWholeDocument(texts.at(-1)!);
  });
});

/** Every line start (0, or after a `\n`) whose first depth + 1 characters are not all `indent`. */
function shallowStarts(text: string, indent: string, depth: number): number[] {
  const starts: number[] = [];
  for (let at = 0; at !== -1 && at <= text.length;) {
    if (!text.startsWith(indent.repeat(depth + 1), at)) starts.push(at);
    const lf = text.indexOf('\n', at);
    at = lf === -1 ? -1 : lf + 1;
  }
  return starts;
}

/** The text behind the string methods alone, as the CLI's view over a file's bytes is. */
function viewOf(text: string) {
  return {
    length: text.length,
    charCodeAt: (i: number) => text.charCodeAt(i),
    startsWith: (s: string, at: number) => text.startsWith(s, at),
    indexOf: (s: string, from?: number) => text.indexOf(s, from),
    slice: (a: number, b?: number) => text.slice(a, b),
  };
}

describe('locateHarTokensByEntry with the shallow lines given, and over a string-like view', () => {
  it('harEntriesIndent reads the entries indentation from the start of the file, and only from a pretty one', () => {
    const doc = harDocument({ accessToken: t.live, idToken: t.es256, assertion: t.expired });
    expect(harEntriesIndent(pretty(doc, 2))).toEqual({ indent: ' ', depth: 6 });
    expect(harEntriesIndent(pretty(doc, 4))).toEqual({ indent: ' ', depth: 12 });
    expect(harEntriesIndent(pretty(doc, '\t'))).toEqual({ indent: '\t', depth: 3 });
    expect(harEntriesIndent(JSON.stringify(doc))).toBeUndefined();
    expect(harEntriesIndent(pretty({ log: { entries: [] } }))).toBeUndefined();
  });

  it('gives what the regex path gives, for the given lines of indent 2, 4 and tab, LF and CRLF, over a view too', () => {
    for (const indent of [2, 4, '\t'] as const) {
      for (const crlf of [false, true]) {
        let text = pretty(
          chromeHar(60, (i) => (i % 7 === 0 ? [['authorization', t.all[i % t.all.length]!]] : [])),
          indent,
        );
        if (crlf) text = text.replace(/\n/g, '\r\n');
        const want = wheres(expected(text));
        const found = harEntriesIndent(text)!;
        const lines = { ...found, starts: shallowStarts(text, found.indent, found.depth) };
        const given = scan(text);
        expect(locateHarTokensByEntry(text, given, { ...options, shallowLines: lines })).toBe(true);
        expect(wheres(given)).toEqual(want);
        const viewed = scan(text);
        expect(locateHarTokensByEntry(viewOf(text), viewed, { ...options, shallowLines: lines })).toBe(true);
        expect(wheres(viewed)).toEqual(want);
      }
    }
  });

  it('the given lines still catch a layout it cannot be sure of (an entry indented differently)', () => {
    const laidOut = pretty(chromeHar(10, (i) => (i === 3 ? [['authorization', t.live]] : [])));
    // The second entry's `{` one space deeper (the pages before the entries have elements like it).
    const second = laidOut.indexOf('\n      {\n', laidOut.indexOf('"entries"') + 20);
    const text = `${laidOut.slice(0, second)}\n       {\n${laidOut.slice(second + 9)}`;
    expect(locateHarTokensByEntry(text, scan(text), options)).toBe(false);
    const found = harEntriesIndent(text)!;
    const lines = { ...found, starts: shallowStarts(text, found.indent, found.depth) };
    const tokens = scan(text);
    expect(locateHarTokensByEntry(viewOf(text), tokens, { ...options, shallowLines: lines })).toBe(false);
  });

  it('lines made for another indentation are not used; a view without lines is declined', () => {
    const text = pretty(chromeHar(20, (i) => (i % 5 === 0 ? [['cookie', t.es256]] : [])));
    const want = wheres(expected(text));
    const wrong = { indent: ' ' as const, depth: 4, starts: [0] };
    const tokens = scan(text);
    expect(locateHarTokensByEntry(text, tokens, { ...options, shallowLines: wrong })).toBe(true);
    expect(wheres(tokens)).toEqual(want);
    const before = scan(text);
    expect(locateHarTokensByEntry(viewOf(text), before, options)).toBe(false);
    expect(locateHarTokensByEntry(viewOf(text), before, { ...options, shallowLines: wrong })).toBe(false);
  });
});

describe('addEncodedBodyTokensByEntry gives what addEncodedBodyTokens gives on the whole document', () => {
  /** Response bodies as Playwright's recorder stores what is not textual: base64, `"encoding": "base64"`. */
  const ENCODED = {
    jwt: (e: Entry, token: string) => {
      e.response.content = {
        size: token.length,
        mimeType: 'application/jwt',
        text: btoa(token),
        encoding: 'base64',
      };
    },
    json: (e: Entry, token: string) => {
      const body = JSON.stringify({ id_token: token, nested: [`Bearer ${token}`] });
      e.response.content = {
        size: body.length,
        mimeType: 'application/octet-stream',
        text: btoa(body),
        encoding: 'base64',
      };
    },
    image: (e: Entry) => {
      const bytes = String.fromCharCode(0x89, 0x50, 0x4e, 0x47, 0xff, 0x00, 0x2f, 0xff);
      e.response.content = {
        size: 8,
        mimeType: 'image/png',
        text: btoa(bytes.repeat(9)),
        encoding: 'base64',
      };
    },
  };
  type Encoded = keyof typeof ENCODED;
  const full = (tokens: FoundToken[]) =>
    tokens.map((f) => [f.token, f.count, f.occurrences.map((o) => [o.index, o.line, o.column, o.where])]);

  /** Both paths on fresh scans of `text`; the by-entry one must be sure. */
  function expectSameBodies(text: string): FoundToken[] {
    const read = readHar(text);
    if (!read.ok) throw new Error(read.error.message);
    const whole = expected(text);
    const want = addEncodedBodyTokens(read.har, text, whole, options);
    const tokens = scan(text);
    expect(locateHarTokensByEntry(text, tokens, options)).toBe(true);
    const got = addEncodedBodyTokensByEntry(text, tokens, options);
    expect(got).toBeDefined();
    expect(full(got!)).toEqual(full(want));
    return got!;
  }

  it('for random entries with base64 bodies beside tokens in the text (property)', () => {
    const encoded = fc.option(
      fc.tuple(fc.constantFrom(...(Object.keys(ENCODED) as Encoded[])), fc.nat({ max: 7 })),
    );
    const textual = fc.array(fc.tuple(fc.constantFrom(...PLACE_NAMES), fc.nat({ max: 7 })), { maxLength: 2 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(textual, encoded), { minLength: 1, maxLength: 12 }),
        fc.constantFrom<number | string>(2, 4, '\t'),
        (entries, indent) => {
          fc.pre(entries.some(([, body]) => body !== null));
          const doc = chromeHar(entries.length, (i) =>
            entries[i]![0].map(([place, k]) => [place, t.all[k]!]),
          );
          entries.forEach(([, body], i) => {
            if (body) ENCODED[body[0]](doc.log.entries[i]!, t.all[body[1]]!);
          });
          expectSameBodies(pretty(doc, indent));
        },
      ),
      { numRuns: 120 },
    );
  });

  it('a token only in a base64 body is a new entry, at that body, with its field', () => {
    const doc = chromeHar(5, () => []);
    ENCODED.jwt(doc.log.entries[3]!, t.notYet);
    const text = pretty(doc);
    const [found] = expectSameBodies(text);
    expect(found!.token).toBe(t.notYet);
    expect(found!.occurrences.map((o) => o.where!.field)).toEqual(['response body (base64)']);
    expect(text.slice(found!.occurrences[0]!.index).startsWith(btoa(t.notYet).slice(0, 20))).toBe(true);
  });

  it('declines where the layout is not one it can be sure of (minified), so the caller parses whole', () => {
    const doc = chromeHar(3, () => []);
    ENCODED.jwt(doc.log.entries[1]!, t.live);
    expect(addEncodedBodyTokensByEntry(JSON.stringify(doc), [], options)).toBeUndefined();
  });
});
