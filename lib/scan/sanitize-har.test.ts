import { beforeAll, describe, expect, it } from 'vitest';
import { sanitizeHar } from './sanitize-har';
import { scanHar } from './har';
import { NOW, tokenParts, tokenSet, type TokenSet } from './fixtures/tokens';
import { harDocument, har12Problems } from './fixtures/har';

let t: TokenSet;
let har: string;
const all = { cookies: true, authorization: true, parameters: true } as const;
beforeAll(async () => {
  t = await tokenSet();
  har = JSON.stringify(harDocument({ accessToken: t.live, idToken: t.sdJwt, assertion: t.jwe }), null, 2);
});

describe('sanitizeHar', () => {
  it('keeps a valid HAR 1.2 document, with the same structure (only strings change)', () => {
    const r = sanitizeHar(har, { tokens: 'placeholder', ...all });
    expect(r.ok).toBe(true);
    const out = JSON.parse(r.har!);
    expect(har12Problems(JSON.parse(har))).toEqual([]);
    expect(har12Problems(out)).toEqual([]);
    const shape = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(shape)
        : v && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shape(x)]))
          : typeof v;
    expect(shape(out)).toEqual(shape(JSON.parse(har)));
  });

  it.each(['placeholder', 'remove'] as const)('mode %s: no part of any token remains', (mode) => {
    const r = sanitizeHar(har, { tokens: mode, cookies: false, authorization: false, parameters: false });
    for (const token of [t.live, t.sdJwt, t.jwe])
      for (const part of tokenParts(token)) expect(r.har).not.toContain(part);
    expect(r.counts.tokens).toBe(scanHar(har, { now: NOW }).tokens.reduce((n, f) => n + f.count, 0));
  });

  it('strip-signature: no signature segment remains; claims stay readable', () => {
    const r = sanitizeHar(har, {
      tokens: 'strip-signature',
      cookies: false,
      authorization: false,
      parameters: false,
    });
    expect(r.har).not.toContain(t.live.split('.')[2]);
    expect(r.har).not.toContain(t.jwe.split('.')[4]);
    expect(r.har).toContain(t.live.split('.')[1]);
  });

  it('scrubs cookies, Set-Cookie, Authorization and token parameters, counted per category', () => {
    const r = sanitizeHar(har, { tokens: false, ...all });
    const entry = JSON.parse(r.har!).log.entries[2];
    const header = (side: 'request' | 'response', name: string) =>
      entry[side].headers.find((h: { name: string }) => h.name === name).value;
    expect(header('request', 'Authorization')).toBe('Bearer [redacted]');
    expect(header('request', 'Cookie')).toBe('session=[redacted]; id=[redacted]');
    expect(header('response', 'Set-Cookie')).toBe(
      'session=[redacted]; Path=/; HttpOnly; Secure; SameSite=Lax',
    );
    expect(entry.request.cookies.map((c: { value: string }) => c.value)).toEqual([
      '[redacted]',
      '[redacted]',
    ]);
    expect(entry.request.queryString).toEqual([
      { name: 'access_token', value: '[redacted]' },
      { name: 'page', value: '2' },
    ]);
    expect(entry.request.url).toBe('https://api.example/v1/orders?access_token=[redacted]&page=2');
    const tokenResponse = JSON.parse(JSON.parse(r.har!).log.entries[0].response.content.text);
    expect(tokenResponse).toMatchObject({
      access_token: '[redacted]',
      id_token: '[redacted]',
      refresh_token: '[redacted]',
      token_type: 'Bearer',
    });
    expect(r.counts).toEqual({ tokens: 0, cookies: 5, authorization: 1, parameters: 9 });
  });

  it('each category is switchable', () => {
    const none = sanitizeHar(har, { tokens: false, cookies: false, authorization: false, parameters: false });
    expect(JSON.parse(none.har!)).toEqual(JSON.parse(har));
    expect(none.counts).toEqual({ tokens: 0, cookies: 0, authorization: 0, parameters: 0 });
    const cookiesOnly = sanitizeHar(har, {
      tokens: false,
      cookies: true,
      authorization: false,
      parameters: false,
    });
    expect(cookiesOnly.counts).toEqual({ tokens: 0, cookies: 5, authorization: 0, parameters: 0 });
    expect(cookiesOnly.har).toContain(`Bearer ${t.live}`);
  });

  it('leaves the input text as it was, and answers a broken file with a message', () => {
    const before = har.slice();
    sanitizeHar(har, { tokens: 'remove', ...all });
    expect(har).toBe(before);
    const r = sanitizeHar('not json', { tokens: 'remove', ...all });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toMatch(/not valid JSON/);
  });
});
