import { describe, expect, it } from 'vitest';
import { bodyPreview, fetchJsonDocument } from './fetch';
import { fakeFetch, hangUntilAborted, jsonResponse, redirectedResponse } from './fake-fetch';

const JWKS = { keys: [{ kty: 'oct', k: 'AAAA', kid: 'a' }] };
const URL_OK = 'https://issuer.example/jwks.json';
const TOKEN =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

describe('fetchJsonDocument: scheme rule', () => {
  it.each([
    'http://issuer.example/jwks.json',
    'http://10.0.0.1/jwks.json',
    'http://0.0.0.0:8080/jwks.json',
    'http://127.0.0.1.evil.example/jwks.json',
    'http://[::2]/jwks.json',
    'ftp://issuer.example/jwks.json',
    'file:///etc/jwks.json',
  ])('refuses %s without sending anything', async (url) => {
    const fake = fakeFetch({});
    const result = await fetchJsonDocument(url, { fetch: fake.fetch });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('jwks-insecure-url');
    expect(fake.calls).toHaveLength(0);
  });

  it.each([
    'http://localhost:4000/jwks.json',
    'http://127.0.0.1:4000/jwks.json',
    'http://127.42.0.9/jwks.json',
    'http://[::1]:4000/jwks.json',
    'https://issuer.example/jwks.json',
  ])('allows %s', async (url) => {
    const fake = fakeFetch({ [url]: () => jsonResponse(JWKS) });
    const result = await fetchJsonDocument(url, { fetch: fake.fetch });
    expect(result.ok).toBe(true);
    expect(fake.calls.map((c) => c.url)).toEqual([url]);
  });

  it('refuses a URL with a user name and password', async () => {
    const fake = fakeFetch({});
    const result = await fetchJsonDocument('https://me:secret@issuer.example/jwks.json', {
      fetch: fake.fetch,
    });
    expect(!result.ok && result.error.code).toBe('jwks-url-has-credentials');
    expect(fake.calls).toHaveLength(0);
  });
});

describe('fetchJsonDocument: request carries nothing of the user', () => {
  it('omits credentials and referrer, bypasses the HTTP cache and sets no header or body', async () => {
    const fake = fakeFetch({ [URL_OK]: () => jsonResponse(JWKS) });
    await fetchJsonDocument(URL_OK, { fetch: fake.fetch, token: TOKEN });
    const init = fake.calls[0]!.init;
    expect(init.method).toBe('GET');
    expect(init.credentials).toBe('omit');
    expect(init.referrerPolicy).toBe('no-referrer');
    expect(init.cache).toBe('no-store');
    expect(init.mode).toBe('cors');
    expect(init.headers).toBeUndefined();
    expect(init.body).toBeUndefined();
    expect(Object.keys(init).sort()).toEqual(
      ['cache', 'credentials', 'method', 'mode', 'redirect', 'referrerPolicy', 'signal'].sort(),
    );
  });

  it('never puts the token in the request', async () => {
    const fake = fakeFetch({ [URL_OK]: () => jsonResponse(JWKS) });
    await fetchJsonDocument(URL_OK, { fetch: fake.fetch, token: TOKEN });
    const sent = JSON.stringify(
      fake.calls.map((c) => ({ url: c.url, init: { ...c.init, signal: undefined } })),
    );
    for (const part of TOKEN.split('.')) expect(sent).not.toContain(part);
  });

  it.each([
    `https://issuer.example/jwks.json?token=${TOKEN}`,
    `https://issuer.example/${TOKEN.split('.')[1]}/jwks.json`,
    `https://issuer.example/jwks.json?sig=${encodeURIComponent(TOKEN.split('.')[2]!)}`,
  ])('refuses a URL that contains the token or one of its segments (%#)', async (url) => {
    const fake = fakeFetch({});
    const result = await fetchJsonDocument(url, { fetch: fake.fetch, token: TOKEN });
    expect(!result.ok && result.error.code).toBe('jwks-url-carries-token');
    expect(fake.calls).toHaveLength(0);
  });
});

describe('fetchJsonDocument: timeout', () => {
  it('aborts a request that does not answer in time', async () => {
    const fake = fakeFetch({ [URL_OK]: hangUntilAborted });
    const result = await fetchJsonDocument(URL_OK, { fetch: fake.fetch, timeoutMs: 50 });
    expect(!result.ok && result.error.code).toBe('jwks-timeout');
    expect(!result.ok && result.error.message).toContain('0.05 s');
    expect(fake.calls[0]!.init.signal!.aborted).toBe(true);
  });

  it('also times out a body that stops arriving half-way', async () => {
    const fake = fakeFetch({
      [URL_OK]: (_url, init) => {
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"keys":'));
            init.signal?.addEventListener('abort', () =>
              controller.error(new DOMException('aborted', 'AbortError')),
            );
          },
        });
        return new Response(body, { headers: { 'content-type': 'application/json' } });
      },
    });
    const result = await fetchJsonDocument(URL_OK, { fetch: fake.fetch, timeoutMs: 50 });
    expect(!result.ok && result.error.code).toBe('jwks-timeout');
  });

  it('defaults to 10 seconds', async () => {
    let seen: AbortSignal | undefined;
    const fake = fakeFetch({
      [URL_OK]: (_url, init) => {
        seen = init.signal ?? undefined;
        return jsonResponse(JWKS);
      },
    });
    const { DEFAULT_TIMEOUT_MS } = await import('./fetch');
    expect(DEFAULT_TIMEOUT_MS).toBe(10_000);
    await fetchJsonDocument(URL_OK, { fetch: fake.fetch });
    expect(seen?.aborted).toBe(false);
  });
});

describe('fetchJsonDocument: size cap', () => {
  it('refuses a declared Content-Length over the cap without reading the body', async () => {
    let pulled = 0;
    const fake = fakeFetch({
      [URL_OK]: () =>
        new Response(
          new ReadableStream({
            pull(controller) {
              pulled++;
              controller.enqueue(new Uint8Array(1024));
            },
          }),
          { headers: { 'content-length': String(5 * 1024 * 1024) } },
        ),
    });
    const result = await fetchJsonDocument(URL_OK, { fetch: fake.fetch });
    expect(!result.ok && result.error.code).toBe('jwks-too-large');
    expect(!result.ok && result.error.message).toContain('5.0 MB, over the 1.0 MB limit');
    expect(fake.calls[0]!.init.signal!.aborted).toBe(true);
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it('stops streaming once an undeclared body passes the cap', async () => {
    let pulled = 0;
    const fake = fakeFetch({
      [URL_OK]: () =>
        new Response(
          new ReadableStream({
            pull(controller) {
              pulled++;
              controller.enqueue(new Uint8Array(64 * 1024));
            },
          }),
        ),
    });
    const result = await fetchJsonDocument(URL_OK, { fetch: fake.fetch });
    expect(!result.ok && result.error.code).toBe('jwks-too-large');
    expect(fake.calls[0]!.init.signal!.aborted).toBe(true);
    // 1 MB / 64 KB = 16 chunks, plus at most the one that crossed and one queued ahead.
    expect(pulled).toBeLessThanOrEqual(19);
  });

  it('accepts a body of exactly the cap', async () => {
    const body = JSON.stringify({ keys: [], pad: 'x'.repeat(100 - 20) });
    expect(body).toHaveLength(100);
    const fake = fakeFetch({ [URL_OK]: () => new Response(body) });
    const result = await fetchJsonDocument(URL_OK, { fetch: fake.fetch, maxBytes: 100 });
    expect(result.ok).toBe(true);
    const over = await fetchJsonDocument(URL_OK, {
      fetch: fakeFetch({ [URL_OK]: () => new Response(body + ' ') }).fetch,
      maxBytes: 100,
    });
    expect(!over.ok && over.error.code).toBe('jwks-too-large');
  });
});

describe('fetchJsonDocument: redirects', () => {
  it('refuses keys that arrived from an http URL after a redirect', async () => {
    const fake = fakeFetch({
      [URL_OK]: () => redirectedResponse(jsonResponse(JWKS), 'http://evil.example/jwks.json'),
    });
    const result = await fetchJsonDocument(URL_OK, { fetch: fake.fetch });
    expect(!result.ok && result.error.code).toBe('jwks-insecure-redirect');
    expect(!result.ok && result.error.message).toContain('http://evil.example/jwks.json');
  });

  it('accepts an https redirect and reports where the keys came from', async () => {
    const fake = fakeFetch({
      [URL_OK]: () => redirectedResponse(jsonResponse(JWKS), 'https://cdn.example/k.json'),
    });
    const result = await fetchJsonDocument(URL_OK, { fetch: fake.fetch });
    expect(result.ok && result.value).toMatchObject({
      redirected: true,
      finalUrl: 'https://cdn.example/k.json',
    });
    expect(fake.calls[0]!.init.redirect).toBe('follow');
  });
});

describe('fetchJsonDocument: errors people can act on', () => {
  it('explains a TypeError as CORS and offers paste and curl', async () => {
    const fake = fakeFetch({
      [URL_OK]: () => {
        throw new TypeError('Failed to fetch');
      },
    });
    const result = await fetchJsonDocument(URL_OK, { fetch: fake.fetch });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('jwks-network');
    expect(result.error.message).toContain('CORS');
    expect(result.error.message).toContain('Paste the JWKS');
    expect(result.error.message).not.toContain('Failed to fetch');
    expect(result.error.curl).toBe(
      "curl -fsSL --proto-redir =https --max-filesize 1048576 'https://issuer.example/jwks.json'",
    );
  });

  it('reports the HTTP status', async () => {
    const fake = fakeFetch({});
    const result = await fetchJsonDocument(URL_OK, { fetch: fake.fetch });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'jwks-http-status', status: 404 });
    expect(result.error.message).toContain('HTTP 404 Not Found');
  });

  it('shows the content type and first bytes of a body that is not JSON', async () => {
    const fake = fakeFetch({
      [URL_OK]: () =>
        new Response('<!doctype html>\n<html><body>Sign in</body></html>', {
          headers: { 'content-type': 'text/html; charset=utf-8' },
        }),
    });
    const result = await fetchJsonDocument(URL_OK, { fetch: fake.fetch });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('jwks-not-json');
    expect(result.error.contentType).toBe('text/html; charset=utf-8');
    expect(result.error.firstBytes).toBe('<!doctype html>\\n<html><body>Sign in</body></html>');
    expect(result.error.message).toContain('Content-Type: text/html; charset=utf-8');
  });

  it('reads the Cache-Control header and a UTF-8 BOM', async () => {
    const fake = fakeFetch({
      [URL_OK]: () =>
        new Response('\uFEFF{"keys":[]}', { headers: { 'cache-control': 'public, max-age=60' } }),
    });
    const result = await fetchJsonDocument(URL_OK, { fetch: fake.fetch });
    expect(result.ok && result.value).toMatchObject({
      cacheControl: 'public, max-age=60',
      json: { keys: [] },
    });
  });
});

describe('bodyPreview', () => {
  it('escapes control characters and cuts long text', () => {
    expect(bodyPreview('a\u0000b\tc', 10)).toBe('a\\u0000b\\tc');
    expect(bodyPreview('x'.repeat(20), 5)).toBe('xxxxx…');
  });
});
