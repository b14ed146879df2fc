import { describe, expect, it } from 'vitest';
import { embeddedKey } from './embedded-key';
import { contextWith } from './testing';

describe('embedded-key', () => {
  it('reports jwk, jku, x5u and x5c', () => {
    const header = {
      alg: 'RS256',
      jwk: { kty: 'RSA' },
      jku: 'https://evil.example/jwks',
      x5u: 'https://x',
      x5c: ['MII'],
    };
    expect(embeddedKey.check(contextWith({ header })).map((f) => f.path)).toEqual([
      'header.jwk',
      'header.jku',
      'header.x5u',
      'header.x5c',
    ]);
  });
  it('stays quiet for kid only', () => {
    expect(embeddedKey.check(contextWith({ header: { alg: 'RS256', kid: 'k' } }))).toEqual([]);
  });
});
