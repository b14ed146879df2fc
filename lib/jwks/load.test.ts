import { exportJWK, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { JsonDocumentCache } from './cache';
import { fakeFetch, jsonResponse } from './fake-fetch';
import { loadJwks, loadPastedJwks } from './load';

const ISSUER = 'https://idp.example';
const OIDC = 'https://idp.example/.well-known/openid-configuration';
const JWKS_URL = 'https://idp.example/jwks';
const T0 = Date.UTC(2026, 5, 1);

let keyA: Record<string, unknown>;
let keyB: Record<string, unknown>;

beforeAll(async () => {
  const pub = async (kid: string) => ({
    ...(await exportJWK((await generateKeyPair('ES256', { extractable: true })).publicKey)),
    kid,
    alg: 'ES256',
  });
  keyA = await pub('a');
  keyB = await pub('b');
});

describe('loadJwks', () => {
  it('goes from an issuer to a matched key, requesting only the discovery document and the JWKS', async () => {
    const fake = fakeFetch({
      [OIDC]: () => jsonResponse({ issuer: ISSUER, jwks_uri: JWKS_URL }),
      [JWKS_URL]: () => jsonResponse({ keys: [keyA, keyB] }, { 'cache-control': 'max-age=60' }),
    });
    const result = await loadJwks(ISSUER, {
      fetch: fake.fetch,
      cache: new JsonDocumentCache(),
      now: T0,
      tokenKid: 'b',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.requested).toEqual([OIDC, JWKS_URL]);
    expect(fake.calls.map((c) => c.url)).toEqual([OIDC, JWKS_URL]);
    expect(result.value.kidMatch).toEqual({
      status: 'matched',
      index: 1,
      message: 'Key "b" matches the token\'s kid.',
    });
    expect(result.value).toMatchObject({
      fetchedAt: T0,
      expiresAt: T0 + 60_000,
      fromCache: false,
      jwksUrl: JWKS_URL,
    });
  });

  it('serves the cache until max-age, and Refresh bypasses it', async () => {
    const fake = fakeFetch({
      [JWKS_URL]: () => jsonResponse({ keys: [keyA] }, { 'cache-control': 'max-age=60' }),
    });
    const cache = new JsonDocumentCache();
    const options = { fetch: fake.fetch, cache, tokenKid: 'a' };
    await loadJwks(JWKS_URL, { ...options, now: T0 });
    const cached = await loadJwks(JWKS_URL, { ...options, now: T0 + 59_000 });
    expect(cached.ok && cached.value).toMatchObject({ fromCache: true, requested: [], fetchedAt: T0 });
    expect(fake.calls).toHaveLength(1);
    const refreshed = await loadJwks(JWKS_URL, { ...options, now: T0 + 59_000, refresh: true });
    expect(refreshed.ok && refreshed.value).toMatchObject({ fromCache: false, fetchedAt: T0 + 59_000 });
    const expired = await loadJwks(JWKS_URL, { ...options, now: T0 + 59_000 + 60_000 });
    expect(expired.ok && expired.value.fromCache).toBe(false);
    expect(fake.calls).toHaveLength(3);
  });

  it('reports rotation on refresh and explains the vanished kid', async () => {
    let round = 0;
    const fake = fakeFetch({ [JWKS_URL]: () => jsonResponse({ keys: round++ === 0 ? [keyA] : [keyB] }) });
    const cache = new JsonDocumentCache();
    const first = await loadJwks(JWKS_URL, { fetch: fake.fetch, cache, now: T0, tokenKid: 'a' });
    expect(first.ok && first.value.rotation).toBeUndefined();
    const second = await loadJwks(JWKS_URL, {
      fetch: fake.fetch,
      cache,
      now: T0 + 1,
      tokenKid: 'a',
      refresh: true,
    });
    expect(second.ok && second.value.rotation).toEqual({ added: ['b'], removed: ['a'] });
    expect(second.ok && second.value.kidMatch.status).toBe('missing');
    expect(second.ok && second.value.kidMatch.message).toContain('The issuer has rotated its keys: "a"');
  });

  it('suggests a refresh when the kid is missing from a cached set', async () => {
    const fake = fakeFetch({ [JWKS_URL]: () => jsonResponse({ keys: [keyA] }) });
    const cache = new JsonDocumentCache();
    await loadJwks(JWKS_URL, { fetch: fake.fetch, cache, now: T0 });
    const result = await loadJwks(JWKS_URL, { fetch: fake.fetch, cache, now: T0 + 1000, tokenKid: 'new' });
    expect(result.ok && result.value.kidMatch.message).toBe(
      'No key has the token\'s kid "new". The issuer may have rotated its keys since this set was cached: press "Refresh".',
    );
  });

  it('returns the error and what was requested when the JWKS is empty', async () => {
    const fake = fakeFetch({ [JWKS_URL]: () => jsonResponse({ keys: [] }) });
    const result = await loadJwks(JWKS_URL, { fetch: fake.fetch, cache: new JsonDocumentCache(), now: T0 });
    expect(!result.ok && result.error).toMatchObject({ code: 'jwks-empty', url: JWKS_URL });
    expect(!result.ok && result.requested).toEqual([JWKS_URL]);
  });

  it('sends nothing for a URL it refuses', async () => {
    const fake = fakeFetch({});
    const result = await loadJwks('http://idp.example/jwks', {
      fetch: fake.fetch,
      cache: new JsonDocumentCache(),
      now: T0,
    });
    expect(!result.ok && result.error.code).toBe('jwks-insecure-url');
    expect(fake.calls).toHaveLength(0);
  });

  it('refuses a jwks_uri over http from an https issuer', async () => {
    const fake = fakeFetch({
      [OIDC]: () => jsonResponse({ issuer: ISSUER, jwks_uri: 'http://idp.example/jwks' }),
    });
    const result = await loadJwks(ISSUER, { fetch: fake.fetch, cache: new JsonDocumentCache(), now: T0 });
    expect(!result.ok && result.error.code).toBe('jwks-insecure-url');
    expect(fake.calls.map((c) => c.url)).toEqual([OIDC]);
  });
});

describe('loadPastedJwks', () => {
  it('gives the same table and kid match without any network', async () => {
    const result = await loadPastedJwks(JSON.stringify({ keys: [keyA, keyB] }), { now: T0, tokenKid: 'a' });
    expect(result.ok && result.kidMatch.status).toBe('matched');
    expect(result.ok && result.table.rows.map((r) => r.kid)).toEqual(['a', 'b']);
  });
});
