import { describe, expect, it } from 'vitest';
import { typRule } from './typ';
import { contextWith } from './testing';

describe('typ rule', () => {
  it('is absent when the policy names no typ', () => {
    expect(typRule.check(contextWith({}, {}, { alg: 'RS256', typ: 'JWT' }))).toEqual([]);
  });
  it('passes the expected typ, ignoring case and "application/" (RFC 7515 §4.1.9)', () => {
    expect(
      typRule.check(contextWith({ typ: 'at+jwt' }, {}, { alg: 'RS256', typ: 'application/AT+JWT' }))[0]
        ?.status,
    ).toBe('pass');
  });
  it('fails another typ and a missing typ', () => {
    expect(typRule.check(contextWith({ typ: 'at+jwt' }, {}, { alg: 'RS256', typ: 'JWT' }))[0]).toMatchObject({
      status: 'fail',
      message: expect.stringContaining('"JWT"'),
    });
    expect(typRule.check(contextWith({ typ: 'at+jwt' }, {}, { alg: 'RS256' }))[0]?.message).toContain(
      'no "typ"',
    );
  });
});
