import { describe, expect, it } from 'vitest';
import { decodeToken } from '../token/decode';
import { BACKCHANNEL_LOGOUT_EVENT, classifyToken, isAccessToken } from './classify';
import {
  AUTH0_ACCESS_TOKEN,
  COGNITO_ACCESS_TOKEN,
  ENTRA_ACCESS_TOKEN,
  KEYCLOAK_ACCESS_TOKEN,
  NOW_S,
  OIDC_ID_TOKEN,
  OKTA_ACCESS_TOKEN,
  compactToken,
} from './fixtures/tokens';

function classify(header: Record<string, unknown>, payload: unknown, format: 'jws' | 'sd-jwt' = 'jws') {
  return classifyToken({ format, header, payload });
}

describe('classifyToken', () => {
  it('recognises an OIDC ID token by nonce/at_hash, and says why', () => {
    const c = classify(OIDC_ID_TOKEN.header, OIDC_ID_TOKEN.payload);
    expect(c.kind).toBe('id-token');
    expect(c.label).toBe('OpenID Connect ID token');
    expect(c.reasons[0]).toContain('"nonce" and "at_hash"');
  });

  it('recognises an RFC 9068 access token by typ at+jwt, with or without the application/ prefix', () => {
    const payload = {
      iss: 'https://as.example',
      sub: 'u1',
      aud: 'api',
      client_id: 'c1',
      exp: NOW_S,
      iat: NOW_S,
      jti: '1',
    };
    expect(classify({ alg: 'ES256', typ: 'at+jwt' }, payload)).toMatchObject({ kind: 'access-token' });
    const c = classify({ alg: 'ES256', typ: 'application/at+JWT' }, payload);
    expect(c.kind).toBe('access-token');
    expect(c.reasons[0]).toContain('RFC 9068');
  });

  it('recognises a logout token by typ or by the back-channel logout event', () => {
    const payload = {
      iss: 'https://op.example',
      aud: 'rp',
      iat: NOW_S,
      jti: 'x',
      sid: 's',
      events: { [BACKCHANNEL_LOGOUT_EVENT]: {} },
    };
    expect(classify({ alg: 'RS256', typ: 'logout+jwt' }, payload).kind).toBe('logout-token');
    expect(classify({ alg: 'RS256', typ: 'JWT' }, payload).kind).toBe('logout-token');
    expect(classify({ alg: 'RS256', typ: 'secevent+jwt' }, payload).kind).toBe('logout-token');
  });

  it('recognises a Security Event Token', () => {
    const payload = {
      iss: 'https://idp.example',
      iat: NOW_S,
      jti: 'e1',
      events: { 'https://schemas.openid.net/secevent/risc/event-type/account-disabled': {} },
    };
    expect(classify({ alg: 'RS256', typ: 'secevent+jwt' }, payload).kind).toBe('security-event');
    expect(classify({ alg: 'RS256' }, payload)).toMatchObject({
      kind: 'security-event',
      label: 'Security Event Token',
    });
  });

  it('recognises a DPoP proof by typ, or by htm and htu', () => {
    const payload = { jti: 'p1', htm: 'POST', htu: 'https://server.example/token', iat: NOW_S };
    expect(classify({ alg: 'ES256', typ: 'dpop+jwt', jwk: { kty: 'EC' } }, payload).kind).toBe('dpop-proof');
    expect(classify({ alg: 'ES256' }, payload).kind).toBe('dpop-proof');
  });

  it('recognises an SD-JWT VC by typ dc+sd-jwt, vc+sd-jwt, or by vct in an SD-JWT', () => {
    const payload = {
      iss: 'https://issuer.example',
      vct: 'https://credentials.example/identity',
      _sd: ['abc'],
      _sd_alg: 'sha-256',
    };
    expect(classify({ alg: 'ES256', typ: 'dc+sd-jwt' }, payload).kind).toBe('sd-jwt-vc');
    expect(classify({ alg: 'ES256', typ: 'vc+sd-jwt' }, payload).kind).toBe('sd-jwt-vc');
    expect(classify({ alg: 'ES256' }, payload, 'sd-jwt').kind).toBe('sd-jwt-vc');
  });

  it('recognises an RFC 7523 client assertion (iss = sub, aud, exp)', () => {
    const payload = {
      iss: 'client-1',
      sub: 'client-1',
      aud: 'https://as.example/token',
      jti: 'a1',
      exp: NOW_S + 60,
    };
    const c = classify({ alg: 'RS256' }, payload);
    expect(c.kind).toBe('client-assertion');
    expect(c.reasons[0]).toContain('RFC 7523');
  });

  it.each([
    ['Entra', ENTRA_ACCESS_TOKEN],
    ['Auth0', AUTH0_ACCESS_TOKEN],
    ['Okta', OKTA_ACCESS_TOKEN],
    ['Keycloak', KEYCLOAK_ACCESS_TOKEN],
    ['Cognito', COGNITO_ACCESS_TOKEN],
  ])('classifies the %s access token layout as an access token', (_vendor, token) => {
    expect(classify(token.header, token.payload).kind).toBe('access-token');
  });

  it('uses Cognito token_use and Keycloak typ claims', () => {
    expect(classify({ alg: 'RS256' }, { token_use: 'id', aud: 'c' }).reasons[0]).toContain('Cognito');
    expect(classify({ alg: 'RS256' }, { typ: 'ID', aud: 'c' }).kind).toBe('id-token');
  });

  it('falls back to an ID token for a user identity without grants', () => {
    const payload = {
      iss: 'https://op.example',
      sub: 'u',
      aud: 'client',
      auth_time: NOW_S,
      email: 'a@b.example',
    };
    expect(classify({ alg: 'RS256' }, payload).kind).toBe('id-token');
  });

  it('calls anything else "other" with no reasons', () => {
    expect(classify({ alg: 'HS256' }, { foo: 'bar' })).toEqual({
      kind: 'other',
      label: 'JWT of no recognised kind',
      reasons: [],
    });
    expect(classify({ alg: 'HS256' }, 'plain text').kind).toBe('other');
  });

  it('works on a decoded token', () => {
    const decoded = decodeToken(compactToken(ENTRA_ACCESS_TOKEN.header, ENTRA_ACCESS_TOKEN.payload));
    expect(decoded.ok && isAccessToken(decoded)).toBe(true);
  });
});
