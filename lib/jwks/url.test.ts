import { describe, expect, it } from 'vitest';
import {
  checkFetchUrl,
  classifyJwksInput,
  isLoopbackHost,
  oauthMetadataUrl,
  oidcDiscoveryUrl,
  planJwksRequest,
  tokenFragments,
  jwksHintsFromToken,
} from './url';

describe('discovery URL building', () => {
  it.each([
    ['https://issuer.example', 'https://issuer.example/.well-known/openid-configuration'],
    ['https://issuer.example/', 'https://issuer.example/.well-known/openid-configuration'],
    [
      'https://login.example/tenant/v2.0',
      'https://login.example/tenant/v2.0/.well-known/openid-configuration',
    ],
    ['https://kc.example/realms/demo/', 'https://kc.example/realms/demo/.well-known/openid-configuration'],
    ['http://127.0.0.1:4000/issuer', 'http://127.0.0.1:4000/issuer/.well-known/openid-configuration'],
  ])('OpenID Connect: %s → %s', (issuer, expected) => {
    expect(oidcDiscoveryUrl(new URL(issuer))).toBe(expected);
  });

  it.each([
    ['https://issuer.example', 'https://issuer.example/.well-known/oauth-authorization-server'],
    ['https://issuer.example/', 'https://issuer.example/.well-known/oauth-authorization-server'],
    // RFC 8414 §3.1 example: the well-known segment goes between the host and the path.
    ['https://example.com/issuer1', 'https://example.com/.well-known/oauth-authorization-server/issuer1'],
    ['https://example.com/a/b/', 'https://example.com/.well-known/oauth-authorization-server/a/b'],
  ])('RFC 8414: %s → %s', (issuer, expected) => {
    expect(oauthMetadataUrl(new URL(issuer))).toBe(expected);
  });
});

describe('classifyJwksInput', () => {
  it.each([
    ['https://tenant.auth0.com/.well-known/jwks.json', 'jwks'],
    ['https://www.googleapis.com/oauth2/v3/certs', 'jwks'],
    ['https://dev.okta.com/oauth2/default/v1/keys', 'jwks'],
    ['https://kc.example/realms/demo/protocol/openid-connect/certs', 'jwks'],
    ['https://login.microsoftonline.com/common/discovery/v2.0/keys', 'jwks'],
    ['https://issuer.example/jwks', 'jwks'],
    ['https://issuer.example/.well-known/openid-configuration', 'discovery'],
    ['https://example.com/.well-known/oauth-authorization-server/issuer1', 'discovery'],
    ['https://accounts.google.com', 'issuer'],
    ['https://kc.example/realms/demo', 'issuer'],
    ['https://tenant.auth0.com/', 'issuer'],
  ])('%s is %s', (url, kind) => {
    expect(classifyJwksInput(new URL(url))).toBe(kind);
  });
});

describe('planJwksRequest says exactly what will be requested', () => {
  it('for a JWKS URL: that URL only', () => {
    const result = planJwksRequest('  https://tenant.auth0.com/.well-known/jwks.json#x ');
    expect(result.ok && result.plan).toMatchObject({
      kind: 'jwks',
      url: 'https://tenant.auth0.com/.well-known/jwks.json',
      description: 'Will request https://tenant.auth0.com/.well-known/jwks.json (a JWKS), and nothing else.',
    });
  });

  it('for an issuer: the OpenID document, then RFC 8414 as fallback, expecting the issuer as typed', () => {
    const result = planJwksRequest('https://example.com/issuer1');
    expect(result.ok && result.plan).toMatchObject({
      kind: 'issuer',
      url: 'https://example.com/issuer1/.well-known/openid-configuration',
      fallbackUrl: 'https://example.com/.well-known/oauth-authorization-server/issuer1',
      expectedIssuer: 'https://example.com/issuer1',
    });
  });

  it('for a discovery URL: the issuer it belongs to', () => {
    const oidc = planJwksRequest('https://kc.example/realms/demo/.well-known/openid-configuration');
    expect(oidc.ok && oidc.plan.expectedIssuer).toBe('https://kc.example/realms/demo');
    const oauth = planJwksRequest('https://example.com/.well-known/oauth-authorization-server/issuer1');
    expect(oauth.ok && oauth.plan.expectedIssuer).toBe('https://example.com/issuer1');
  });

  it('explains a missing scheme', () => {
    const result = planJwksRequest('issuer.example/jwks.json');
    expect(!result.ok && result.error.code).toBe('jwks-invalid-url');
    expect(!result.ok && result.error.message).toContain('Did you mean https://issuer.example/jwks.json?');
  });

  it('asks for input when empty', () => {
    expect(!planJwksRequest('  ').ok && planJwksRequest('').ok).toBe(false);
  });
});

describe('fetch URL rules', () => {
  it.each([
    ['localhost', true],
    ['127.0.0.1', true],
    ['127.255.0.3', true],
    ['[::1]', true],
    ['localhost.evil.example', false],
    ['128.0.0.1', false],
    ['[::ffff:7f00:1]', false],
    ['0.0.0.0', false],
  ])('loopback(%s) = %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });

  it('normalises numeric forms of 127.0.0.1 before judging them', () => {
    expect(checkFetchUrl('http://127.1:4000/jwks').ok).toBe(true);
    expect(checkFetchUrl('http://0x7f.0.0.1/jwks').ok).toBe(true);
    expect(checkFetchUrl('http://2130706433/jwks').ok).toBe(true);
  });

  it('suggests the https URL for a remote http one', () => {
    const result = checkFetchUrl('http://issuer.example/keys?x=1');
    expect(!result.ok && result.error.message).toContain('Use https://issuer.example/keys?x=1');
  });

  it('takes only long token segments as fragments', () => {
    expect(tokenFragments('short')).toEqual([]);
    expect(tokenFragments('aaaaaaaaaaaaaaaa.bb.cccccccccccccccccc')).toEqual([
      'aaaaaaaaaaaaaaaa.bb.cccccccccccccccccc',
      'aaaaaaaaaaaaaaaa',
      'cccccccccccccccccc',
    ]);
  });
});

describe('jwksHintsFromToken', () => {
  it('suggests an https iss and reads the kid', () => {
    expect(jwksHintsFromToken({ alg: 'RS256', kid: 'k1' }, { iss: 'https://idp.example/t' })).toEqual({
      suggestedUrl: 'https://idp.example/t',
      kid: 'k1',
    });
  });

  it('suggests a loopback http iss (local development) but not a remote http one', () => {
    expect(jwksHintsFromToken({}, { iss: 'http://localhost:8080/realms/x' }).suggestedUrl).toBe(
      'http://localhost:8080/realms/x',
    );
    expect(jwksHintsFromToken({}, { iss: 'http://idp.example' }).suggestedUrl).toBeUndefined();
  });

  it('ignores an iss that is not a URL, and a kid that is not a string', () => {
    expect(jwksHintsFromToken({ kid: 7 }, { iss: 'my-service' })).toEqual({});
    expect(jwksHintsFromToken({}, 'text payload')).toEqual({});
  });
});
