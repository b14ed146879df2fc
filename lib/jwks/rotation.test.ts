import { describe, expect, it } from 'vitest';
import type { JwksKeyRow } from './keys';
import { diffKeys, matchTokenKid } from './rotation';

function row(index: number, kid?: string, thumbprint?: string): JwksKeyRow {
  return {
    index,
    kid,
    thumbprint,
    kty: 'EC',
    hasPrivateParts: false,
    matchesToken: false,
    importable: true,
    jwkJson: '{}',
  };
}

describe('diffKeys', () => {
  it('lists kids added and removed', () => {
    expect(diffKeys([row(0, 'a'), row(1, 'b')], [row(0, 'b'), row(1, 'c')])).toEqual({
      added: ['c'],
      removed: ['a'],
    });
    expect(diffKeys([row(0, 'a')], [row(0, 'a')])).toEqual({ added: [], removed: [] });
  });

  it('tells keys without a kid apart by thumbprint', () => {
    const diff = diffKeys([row(0, undefined, 'AAAAAAAAAAAAAAAA')], [row(0, undefined, 'BBBBBBBBBBBBBBBB')]);
    expect(diff).toEqual({
      added: ['(no kid, thumbprint BBBBBBBBBBBB…)'],
      removed: ['(no kid, thumbprint AAAAAAAAAAAA…)'],
    });
  });
});

describe('matchTokenKid', () => {
  it('finds the row with the token kid', () => {
    expect(matchTokenKid('b', [row(0, 'a'), row(1, 'b')], { fromCache: false })).toMatchObject({
      status: 'matched',
      index: 1,
    });
  });

  it('asks the user to pick when the token has no kid', () => {
    expect(matchTokenKid(undefined, [row(0, 'a')], { fromCache: false }).status).toBe('no-kid');
  });

  it('suggests a refresh for a fresh set that lacks the kid', () => {
    const match = matchTokenKid('z', [row(0, 'a')], { fromCache: false });
    expect(match).toEqual({
      status: 'missing',
      message:
        'No key has the token\'s kid "z". The issuer may have rotated its keys (try "Refresh" later), or the token comes from another issuer.',
    });
  });
});
