import { describe, expect, it } from 'vitest';
import { algorithmRule } from './algorithm';
import { contextWith } from './testing';

describe('algorithm rule', () => {
  it('passes an allowed alg', () => {
    expect(
      algorithmRule.check(contextWith({ algorithms: ['RS256', 'ES256'] }, {}, { alg: 'ES256' }))[0],
    ).toMatchObject({ id: 'algorithm', status: 'pass' });
  });
  it('fails an alg outside the allow-list, none, and a missing alg', () => {
    const hs = algorithmRule.check(contextWith({ algorithms: ['RS256'] }, {}, { alg: 'HS256' }))[0]!;
    expect(hs).toMatchObject({ status: 'fail' });
    expect(hs.message).toContain('"HS256" is not in');
    expect(algorithmRule.check(contextWith({}, {}, { alg: 'none' }))[0]?.message).toContain('unsigned');
    expect(algorithmRule.check(contextWith({}, {}, {}))[0]?.status).toBe('fail');
  });
});
