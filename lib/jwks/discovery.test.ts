import { describe, expect, it } from 'vitest';
import { discoverJwksUri } from './discovery';
import { fetchJsonDocument } from './fetch';
import { fakeFetch, jsonResponse } from './fake-fetch';
import { planJwksRequest, type JwksRequestPlan } from './url';

function plan(input: string): JwksRequestPlan {
  const planned = planJwksRequest(input);
  if (!planned.ok) throw new Error(planned.error.message);
  return planned.plan;
}

const ISSUER = 'https://example.com/issuer1';
const OIDC = 'https://example.com/issuer1/.well-known/openid-configuration';
const OAUTH = 'https://example.com/.well-known/oauth-authorization-server/issuer1';

async function discover(input: string, routes: Parameters<typeof fakeFetch>[0]) {
  const fake = fakeFetch(routes);
  const result = await discoverJwksUri(plan(input), (url) => fetchJsonDocument(url, { fetch: fake.fetch }));
  return { result, urls: fake.calls.map((c) => c.url) };
}

describe('discoverJwksUri', () => {
  it('follows OpenID Connect discovery to jwks_uri', async () => {
    const { result, urls } = await discover(ISSUER, {
      [OIDC]: () => jsonResponse({ issuer: ISSUER, jwks_uri: 'https://example.com/issuer1/jwks' }),
    });
    expect(result).toEqual({
      ok: true,
      value: {
        documentUrl: OIDC,
        jwksUri: 'https://example.com/issuer1/jwks',
        issuer: ISSUER,
        issuerWarning: undefined,
      },
    });
    expect(urls).toEqual([OIDC]);
  });

  it('falls back to RFC 8414 metadata, placed after the host, when there is no OpenID document', async () => {
    const { result, urls } = await discover(ISSUER, {
      [OAUTH]: () => jsonResponse({ issuer: ISSUER, jwks_uri: 'https://example.com/keys' }),
    });
    expect(result.ok && result.value.jwksUri).toBe('https://example.com/keys');
    expect(urls).toEqual([OIDC, OAUTH]);
  });

  it('does not fall back after a network (CORS) failure: the second request would fail the same way', async () => {
    const { result, urls } = await discover(ISSUER, {
      [OIDC]: () => {
        throw new TypeError('Failed to fetch');
      },
    });
    expect(!result.ok && result.error.code).toBe('jwks-network');
    expect(urls).toEqual([OIDC]);
  });

  it('says so when the document names another issuer', async () => {
    const { result } = await discover(ISSUER, {
      [OIDC]: () => jsonResponse({ issuer: 'https://evil.example', jwks_uri: 'https://evil.example/jwks' }),
    });
    expect(result.ok && result.value.issuerWarning).toBe(
      'The discovery document says its issuer is "https://evil.example", not "https://example.com/issuer1" as asked. OpenID Connect Discovery §4.3 requires them to be identical, so a client would reject these keys.',
    );
  });

  it('points out a trailing-slash mismatch', async () => {
    const { result } = await discover('https://example.com/issuer1/', {
      [OIDC]: () => jsonResponse({ issuer: ISSUER, jwks_uri: 'https://example.com/jwks' }),
    });
    expect(result.ok && result.value.issuerWarning).toContain('differ only by a trailing "/"');
  });

  it('explains a document without jwks_uri', async () => {
    const { result } = await discover(ISSUER, { [OIDC]: () => jsonResponse({ issuer: ISSUER }) });
    expect(!result.ok && result.error.code).toBe('jwks-discovery-no-jwks-uri');
    expect(!result.ok && result.error.message).toContain(
      `The discovery document at ${OIDC} has no "jwks_uri"`,
    );
  });

  it('resolves a relative jwks_uri against the document URL', async () => {
    const { result } = await discover(ISSUER, {
      [OIDC]: () => jsonResponse({ issuer: ISSUER, jwks_uri: '/issuer1/certs' }),
    });
    expect(result.ok && result.value.jwksUri).toBe('https://example.com/issuer1/certs');
  });

  it('reports both locations when neither has a document', async () => {
    const { result, urls } = await discover(ISSUER, {
      [OAUTH]: () => new Response('<html></html>', { headers: { 'content-type': 'text/html' } }),
    });
    expect(urls).toEqual([OIDC, OAUTH]);
    expect(!result.ok && result.error.code).toBe('jwks-discovery-failed');
    expect(!result.ok && result.error.message).toContain('HTTP 404');
    expect(!result.ok && result.error.message).toContain('did not return JSON (Content-Type: text/html');
  });

  it('uses a typed discovery URL as is, and checks its issuer', async () => {
    const { result, urls } = await discover(OAUTH, {
      [OAUTH]: () => jsonResponse({ issuer: ISSUER, jwks_uri: 'https://example.com/keys' }),
    });
    expect(urls).toEqual([OAUTH]);
    expect(result.ok && result.value.issuerWarning).toBeUndefined();
  });
});
