import { describe, expect, it } from 'vitest';
import { iatRule } from './iat';
import { contextWith, NOW } from './testing';

describe('iat rule', () => {
  it('passes a past iat, and one slightly ahead within the tolerance', () => {
    expect(iatRule.check(contextWith({}, { iat: NOW - 100 }))[0]?.status).toBe('pass');
    expect(iatRule.check(contextWith({ clockToleranceSeconds: 30 }, { iat: NOW + 20 }))[0]?.status).toBe(
      'pass',
    );
  });
  it('fails an iat in the future and a non-numeric iat; skipped without one', () => {
    expect(iatRule.check(contextWith({}, { iat: NOW + 3600 }))[0]).toMatchObject({
      status: 'fail',
      message: expect.stringContaining('future'),
    });
    expect(iatRule.check(contextWith({}, { iat: 'yesterday' }))[0]?.status).toBe('fail');
    expect(iatRule.check(contextWith({}, {}))[0]?.status).toBe('skip');
  });
});
