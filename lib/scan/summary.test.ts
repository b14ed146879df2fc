import { beforeAll, describe, expect, it } from 'vitest';
import { describeOccurrence, summarizeToken } from './summary';
import { scanText } from './scan-text';
import { NOW, tokenSet, type TokenSet } from './fixtures/tokens';

let t: TokenSet;
beforeAll(async () => {
  t = await tokenSet();
});
const summary = (token: string) => summarizeToken(scanText(`x ${token}`, { now: NOW }).tokens[0]!, NOW);

describe('summarizeToken (a "Tokens found" row)', () => {
  it('gives kind, alg, iss, sub, aud, the state now and the first occurrence', () => {
    expect(summary(t.live)).toMatchObject({
      kind: 'jws',
      alg: 'RS256',
      iss: 'https://issuer.example',
      sub: 'alice',
      aud: 'api://orders',
      expiry: { kind: 'valid', text: 'expires in 1 h 00 min' },
      firstSeen: 'line 1, column 3',
    });
  });
  it('says since when an expired token is expired, and when a future one becomes valid', () => {
    expect(summary(t.expired).expiry).toMatchObject({ kind: 'expired', text: 'expired 1 h 00 min ago' });
    expect(summary(t.notYet).expiry).toMatchObject({
      kind: 'not-yet-valid',
      text: 'becomes valid in 10 min 00 s',
    });
  });
  it('reads SD-JWT claims with the disclosures in place, and JWE only from its header', () => {
    expect(summary(t.sdJwt)).toMatchObject({ kind: 'sd-jwt', alg: 'ES256', sub: 'hanna' });
    expect(summary(t.jwe)).toMatchObject({
      kind: 'jwe',
      alg: 'RSA-OAEP-256',
      enc: 'A256GCM',
      expiry: { kind: 'no-expiry' },
    });
  });
  it('describes a HAR occurrence by entry, request and field', () => {
    expect(
      describeOccurrence({
        index: 10,
        line: 3,
        column: 7,
        where: { entry: 2, method: 'GET', path: '/v1/me', field: 'request header Authorization' },
      }),
    ).toBe('entry 2 (GET /v1/me), request header Authorization (line 3, column 7)');
  });
});
