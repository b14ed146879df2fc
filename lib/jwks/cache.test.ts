import { describe, expect, it } from 'vitest';
import { cacheLifetimeMs, DEFAULT_MAX_AGE_MS, JsonDocumentCache, MAX_MAX_AGE_MS } from './cache';
import type { FetchedJson } from './fetch';

const MINUTE = 60_000;

function fetched(cacheControl: string | null, json: unknown = { keys: [] }): FetchedJson {
  return {
    url: 'https://a.example/jwks',
    finalUrl: 'https://a.example/jwks',
    redirected: false,
    status: 200,
    contentType: 'application/json',
    cacheControl,
    json,
    bytes: 10,
  };
}

describe('cacheLifetimeMs', () => {
  it.each([
    [null, DEFAULT_MAX_AGE_MS],
    ['public', DEFAULT_MAX_AGE_MS],
    ['public, max-age=300', 300_000],
    ['max-age="60"', 60_000],
    ['Max-Age=0', 0],
    ['no-store', 0],
    ['no-cache, max-age=3600', 0],
    ['max-age=31536000', MAX_MAX_AGE_MS],
    ['max-age=abc', DEFAULT_MAX_AGE_MS],
  ])('%s → %d ms', (header, expected) => {
    expect(cacheLifetimeMs(header)).toBe(expected);
  });
});

describe('JsonDocumentCache', () => {
  it('serves an entry until max-age has passed, measured with the given now', () => {
    const cache = new JsonDocumentCache();
    cache.store('u', fetched('max-age=120'), 1_000_000);
    expect(cache.fresh('u', 1_000_000 + 2 * MINUTE - 1)?.fetchedAt).toBe(1_000_000);
    expect(cache.fresh('u', 1_000_000 + 2 * MINUTE)).toBeUndefined();
    expect(cache.last('u')?.fetchedAt).toBe(1_000_000);
  });

  it('defaults to 10 minutes and never keeps an entry fresh beyond 24 hours', () => {
    const cache = new JsonDocumentCache();
    cache.store('a', fetched(null), 0);
    cache.store('b', fetched('max-age=999999999'), 0);
    expect(cache.fresh('a', 10 * MINUTE - 1)).toBeDefined();
    expect(cache.fresh('a', 10 * MINUTE)).toBeUndefined();
    expect(cache.fresh('b', 24 * 60 * MINUTE - 1)).toBeDefined();
    expect(cache.fresh('b', 24 * 60 * MINUTE)).toBeUndefined();
  });

  it('keeps one entry per URL and drops the oldest past its size', () => {
    const cache = new JsonDocumentCache();
    for (let i = 0; i < 40; i++) cache.store(`u${i}`, fetched(null, { i }), i);
    expect(cache.last('u0')).toBeUndefined();
    expect(cache.last('u39')?.value.json).toEqual({ i: 39 });
    cache.store('u39', fetched(null, { i: 'again' }), 100);
    expect(cache.last('u39')?.value.json).toEqual({ i: 'again' });
  });
});
