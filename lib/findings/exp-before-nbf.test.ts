import { describe, expect, it } from 'vitest';
import { expBeforeNbf } from './exp-before-nbf';
import { contextWith } from './testing';

describe('exp-before-nbf', () => {
  it('fires when exp is before nbf', () => {
    const found = expBeforeNbf.check(contextWith({ payload: { nbf: 1800000000, exp: 1700000000 } }));
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain('"exp" is before "nbf"');
  });

  it('fires when they are the same moment, since exp is exclusive', () => {
    expect(
      expBeforeNbf.check(contextWith({ payload: { nbf: 1800000000, exp: 1800000000 } }))[0]?.message,
    ).toContain('the same moment as');
  });

  it('stays quiet for a normal window or when either is missing', () => {
    expect(expBeforeNbf.check(contextWith({ payload: { nbf: 1700000000, exp: 1800000000 } }))).toEqual([]);
    expect(expBeforeNbf.check(contextWith({ payload: { exp: 1700000000 } }))).toEqual([]);
  });

  it('compares a millisecond exp with a seconds nbf correctly', () => {
    expect(expBeforeNbf.check(contextWith({ payload: { nbf: 1700000000, exp: 1800000000000 } }))).toEqual([]);
  });
});
