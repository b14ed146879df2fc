import { describe, expect, it } from 'vitest';
import { nbfRule } from './nbf';
import { contextWith, NOW } from './testing';

describe('nbf rule', () => {
  it('passes from nbf on, and slightly early within the tolerance', () => {
    expect(nbfRule.check(contextWith({}, { nbf: NOW }))[0]?.status).toBe('pass');
    expect(nbfRule.check(contextWith({ clockToleranceSeconds: 30 }, { nbf: NOW + 30 }))[0]?.status).toBe(
      'pass',
    );
  });
  it('fails before nbf and a non-numeric nbf; skipped without one', () => {
    expect(nbfRule.check(contextWith({}, { nbf: NOW + 1 }))[0]).toMatchObject({
      status: 'fail',
      message: expect.stringContaining('not valid yet'),
    });
    expect(nbfRule.check(contextWith({}, { nbf: null }))[0]?.status).toBe('fail');
    expect(nbfRule.check(contextWith({}, {}))[0]?.status).toBe('skip');
  });
});
