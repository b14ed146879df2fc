import { beforeAll, describe, expect, it } from 'vitest';
import { scanHar } from './har';
import { addEncodedBodyTokens, decodeBase64Body, encodeBase64Body, hasEncodedBody } from './har-encoded';
import { readHar } from './har-read';
import { sanitizeHar } from './sanitize-har';
import { scanText } from './scan-text';
import { encodedBodyEntry, har12Problems, harDocument, withDecodedBodies } from './fixtures/har';
import { NOW, tokenParts, tokenSet, type TokenSet } from './fixtures/tokens';

let t: TokenSet;
beforeAll(async () => {
  t = await tokenSet();
});

/** harDocument's four entries, then the given ones (as Playwright's recorder writes base64 bodies). */
function harWith(...extra: ReturnType<typeof encodedBodyEntry>[]): string {
  const doc = harDocument({ accessToken: t.live, idToken: t.es256, assertion: t.hs256 }) as {
    log: { entries: unknown[] };
  };
  doc.log.entries.push(...extra);
  return JSON.stringify(doc, null, 2);
}

/** Bytes that are not UTF-8 around a token, as in a binary body (a PNG's signature, a lone 0xC3). */
function binaryAround(token: string): Uint8Array {
  const ascii = new TextEncoder().encode(` id=${token} `);
  return Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, ...ascii, 0xc3, 0x28, 0x00]);
}

const byToken = <T extends { token: string }>(tokens: T[], token: string) =>
  tokens.find((f) => f.token === token);

describe('decodeBase64Body and encodeBase64Body', () => {
  it('reads UTF-8 text, MIME line breaks and both alphabets; not base64 is undefined', () => {
    expect(decodeBase64Body(btoa('{"a":"é"}'.replace('é', '\u00c3\u00a9')))).toEqual({
      text: '{"a":"é"}',
      utf8: true,
    });
    expect(decodeBase64Body('eyJh\r\nIjox\nfQ==')).toEqual({ text: '{"a":1}', utf8: true });
    expect(decodeBase64Body('-_8')!.utf8).toBe(false);
    expect(decodeBase64Body('not base64!')).toBeUndefined();
    expect(decodeBase64Body('')).toEqual({ text: '', utf8: true });
  });

  it('round-trips a binary body byte for byte, and text as padded standard base64', () => {
    const bytes = binaryAround(t.live);
    const text = btoa(String.fromCharCode(...bytes));
    const decoded = decodeBase64Body(text)!;
    expect(decoded.utf8).toBe(false);
    expect(decoded.text).toContain(t.live);
    expect(encodeBase64Body(decoded)).toBe(text);
    for (const sample of ['a', 'ab', 'abc', '{"token":"x/y+z"}'])
      expect(encodeBase64Body({ text: sample, utf8: true })).toBe(btoa(sample));
  });
});

describe('tokens in base64 bodies', () => {
  it('finds a token only in an application/jwt body, at its body and with its field', () => {
    const har = harWith(encodedBodyEntry('https://login.example/userinfo', 'application/jwt', t.notYet));
    expect(hasEncodedBody(har)).toBe(true);
    // The text scan alone cannot see it: the body is base64.
    expect(byToken(scanText(har, { now: NOW }).tokens, t.notYet)).toBeUndefined();
    const found = byToken(scanHar(har, { now: NOW }).tokens, t.notYet)!;
    expect(found.count).toBe(1);
    expect(found.kind).toBe('jws');
    expect(found.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    const [o] = found.occurrences;
    expect(o!.where).toEqual({ entry: 4, method: 'GET', path: '/userinfo', field: 'response body (base64)' });
    // The place is the body's string: its first character is the base64's.
    expect(har.slice(o!.index, o!.index + 16)).toBe(btoa(t.notYet).slice(0, 16));
    const lineStart = har.lastIndexOf('\n', o!.index - 1) + 1;
    expect(o!.line).toBe(har.slice(0, o!.index).split('\n').length);
    expect(o!.column).toBe(o!.index - lineStart + 1);
  });

  it('a JSON body by JSON path; copies of a token seen elsewhere join its list, in text order', () => {
    const body = JSON.stringify({ access_token: t.live, token_type: 'Bearer' });
    const har = harWith(encodedBodyEntry('https://login.example/token', 'application/octet-stream', body));
    const plain = byToken(scanHar(harWith(), { now: NOW }).tokens, t.live)!;
    const found = byToken(scanHar(har, { now: NOW }).tokens, t.live)!;
    expect(found.count).toBe(plain.count + 1);
    expect(found.occurrences.map((o) => o.where!.field)).toEqual([
      ...plain.occurrences.map((o) => o.where!.field),
      'response body (base64) field access_token',
    ]);
    const indexes = found.occurrences.map((o) => o.index);
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
  });

  it('a binary body (image/png) with a token inside, and several bodies each at its own place', () => {
    const har = harWith(
      encodedBodyEntry('https://cdn.example/a.png', 'image/png', binaryAround(t.expired)),
      encodedBodyEntry('https://cdn.example/b.png', 'image/png', binaryAround(t.expired)),
    );
    const found = byToken(scanHar(har, { now: NOW }).tokens, t.expired)!;
    expect(found.occurrences.map((o) => o.where!.path)).toEqual(['/a.png', '/b.png']);
    expect(found.occurrences[0]!.line).toBeLessThan(found.occurrences[1]!.line);
  });

  it('a HAR without base64 bodies is the same list; a body that is not base64 is skipped', () => {
    const har = harWith();
    const { tokens } = scanHar(har, { now: NOW });
    const read = readHar(har);
    expect(read.ok && addEncodedBodyTokens(read.har, har, tokens, { now: NOW })).toBe(tokens);
    const broken = harWith(encodedBodyEntry('https://a.example/x', 'application/jwt', t.live)).replace(
      btoa(t.live),
      `${btoa(t.live)}!`,
    );
    expect(scanHar(broken, { now: NOW }).tokens.map((f) => f.count)).toEqual(tokens.map((f) => f.count));
  });

  it('a writer that escapes "/" as "\\/" still gets the body placed', () => {
    // Some bytes whose base64 holds "/" in its first characters.
    const bytes = Uint8Array.from([0xff, 0xff, 0xff, ...new TextEncoder().encode(` ${t.hs256}`)]);
    const har = harWith(encodedBodyEntry('https://a.example/x', 'image/gif', bytes)).replaceAll(
      btoa(String.fromCharCode(...bytes)),
      btoa(String.fromCharCode(...bytes)).replaceAll('/', '\\/'),
    );
    expect(har).toContain('\\/');
    const found = byToken(scanHar(har, { now: NOW }).tokens, t.hs256)!;
    const o = found.occurrences.find((x) => x.where!.field === 'response body (base64)')!;
    expect(har.slice(o.index, o.index + 6)).toBe('\\/\\/\\/');
  });
});

describe('sanitizeHar with base64 bodies', () => {
  it('redacts the tokens and token parameters a base64 body holds, and encodes the body again', () => {
    const json = JSON.stringify({ access_token: t.live, scope: 'orders' });
    const har = harWith(
      encodedBodyEntry('https://login.example/userinfo', 'application/jwt', t.notYet),
      encodedBodyEntry('https://login.example/token', 'application/octet-stream', json),
      encodedBodyEntry('https://cdn.example/a.png', 'image/png', binaryAround(t.expired)),
    );
    const r = sanitizeHar(har, {
      tokens: 'placeholder',
      cookies: true,
      authorization: true,
      parameters: true,
    });
    expect(r.ok).toBe(true);
    expect(har12Problems(JSON.parse(r.har!))).toEqual([]);
    const decoded = withDecodedBodies(r.har!);
    for (const token of [t.notYet, t.live, t.expired, t.es256, t.hs256])
      for (const part of tokenParts(token)) expect(decoded).not.toContain(part);
    const bodies = (
      JSON.parse(r.har!) as { log: { entries: { response: { content: Record<string, string> } }[] } }
    ).log.entries
      .slice(4)
      .map((e) => e.response.content);
    expect(bodies.map((c) => c.encoding)).toEqual(['base64', 'base64', 'base64']);
    expect(atob(bodies[0]!.text!)).toMatch(/^\[JWT sha256:[0-9a-f]{12} alg=RS256\]$/);
    expect(JSON.parse(atob(bodies[1]!.text!))).toEqual({ access_token: '[redacted]', scope: 'orders' });
    // The binary body keeps every byte around the placeholder.
    const png = Uint8Array.from(atob(bodies[2]!.text!), (c) => c.charCodeAt(0));
    expect([...png.subarray(0, 6)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe]);
    expect([...png.subarray(-3)]).toEqual([0xc3, 0x28, 0x00]);
    expect(r.counts.tokens).toBeGreaterThanOrEqual(2);
    expect(r.counts.parameters).toBeGreaterThanOrEqual(1);
  });

  it('with token redaction off, a base64 body stays exactly as it was', () => {
    const har = harWith(encodedBodyEntry('https://cdn.example/a.png', 'image/png', binaryAround(t.expired)));
    const r = sanitizeHar(har, { tokens: false, cookies: false, authorization: false, parameters: false });
    const body = (doc: string) =>
      (JSON.parse(doc) as { log: { entries: { response: { content: { text: string } } }[] } }).log.entries[4]!
        .response.content.text;
    expect(body(r.har!)).toBe(body(har));
  });
});
