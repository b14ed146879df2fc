import { describe, expect, it } from 'vitest';
import { expMissing } from './exp-missing';
import { contextWith } from './testing';

describe('exp-missing', () => {
  it('fires when a claims set has no exp', () => {
    expect(expMissing.check(contextWith({ payload: { sub: 'x' } }))).toHaveLength(1);
  });
  it('stays quiet with exp, for text payloads and for JWE', () => {
    expect(expMissing.check(contextWith())).toEqual([]);
    expect(expMissing.check(contextWith({ payload: 'text', payloadIsJson: false }))).toEqual([]);
    expect(
      expMissing.check(contextWith({ format: 'jwe', payload: undefined, payloadIsJson: false })),
    ).toEqual([]);
  });
});
