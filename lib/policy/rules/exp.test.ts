import { describe, expect, it } from 'vitest';
import { expRule } from './exp';
import { contextWith, NOW } from './testing';

describe('exp rule', () => {
  it('passes before exp, and just after it within the clock tolerance', () => {
    expect(expRule.check(contextWith({}, { exp: NOW + 60 }))[0]?.status).toBe('pass');
    expect(expRule.check(contextWith({ clockToleranceSeconds: 30 }, { exp: NOW - 10 }))[0]).toMatchObject({
      status: 'pass',
      message: expect.stringContaining('tolerance'),
    });
  });
  it('fails at exp (RFC 7519 §4.1.4: "on or after"), and a non-numeric exp', () => {
    expect(expRule.check(contextWith({}, { exp: NOW }))[0]?.status).toBe('fail');
    expect(
      expRule.check(contextWith({ clockToleranceSeconds: 30 }, { exp: NOW - 30 }))[0]?.message,
    ).toContain('expired');
    expect(expRule.check(contextWith({}, { exp: '1780000000' }))[0]?.status).toBe('fail');
  });
  it('is skipped without exp', () => {
    expect(expRule.check(contextWith({}, {}))[0]?.status).toBe('skip');
  });
});
