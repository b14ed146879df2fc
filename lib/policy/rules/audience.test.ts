import { describe, expect, it } from 'vitest';
import { audienceRule } from './audience';
import { contextWith } from './testing';

describe('audience rule', () => {
  it('passes when a string or one array member matches', () => {
    expect(
      audienceRule.check(contextWith({ audience: ['orders-api'] }, { aud: 'orders-api' }))[0]?.status,
    ).toBe('pass');
    expect(
      audienceRule.check(contextWith({ audience: ['orders-api'] }, { aud: ['billing-api', 'orders-api'] }))[0]
        ?.status,
    ).toBe('pass');
  });
  it('fails another audience and a missing aud', () => {
    expect(
      audienceRule.check(contextWith({ audience: ['orders-api'] }, { aud: 'billing-api' }))[0],
    ).toMatchObject({ status: 'fail', message: expect.stringContaining('another service') });
    expect(audienceRule.check(contextWith({ audience: ['orders-api'] }, {}))[0]?.message).toContain(
      'no "aud"',
    );
  });
});
