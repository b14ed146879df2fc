import { describe, expect, it } from 'vitest';
import { ageRule } from './age';
import { contextWith, NOW } from './testing';

describe('age rule', () => {
  it('passes a token younger than the maximum (plus tolerance)', () => {
    expect(ageRule.check(contextWith({ maxAgeSeconds: 600 }, { iat: NOW - 600 }))[0]?.status).toBe('pass');
    expect(
      ageRule.check(contextWith({ maxAgeSeconds: 600, clockToleranceSeconds: 30 }, { iat: NOW - 620 }))[0]
        ?.status,
    ).toBe('pass');
  });
  it('fails an older token and one without iat', () => {
    expect(ageRule.check(contextWith({ maxAgeSeconds: 600 }, { iat: NOW - 601 }))[0]).toMatchObject({
      status: 'fail',
      message: expect.stringContaining('601 s'),
    });
    expect(ageRule.check(contextWith({ maxAgeSeconds: 600 }, {}))[0]?.status).toBe('fail');
  });
});
