import { describe, expect, it } from 'vitest';
import { requiredRule } from './required';
import { contextWith } from './testing';

describe('required:<claim> rule', () => {
  it('gives one row per required claim, passing present ones', () => {
    const rows = requiredRule.check(contextWith({ requiredClaims: ['sub', 'jti'] }, { sub: 'u1', jti: 'a' }));
    expect(rows.map((r) => [r.id, r.status])).toEqual([
      ['required:sub', 'pass'],
      ['required:jti', 'pass'],
    ]);
  });
  it('fails a missing claim and a null one (as PyJWT "require" does)', () => {
    const rows = requiredRule.check(contextWith({ requiredClaims: ['sub', 'jti'] }, { jti: null }));
    expect(rows.map((r) => r.status)).toEqual(['fail', 'fail']);
    expect(rows[0]?.message).toContain('"sub" is missing');
  });
});
