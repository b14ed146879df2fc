import { describe, expect, it } from 'vitest';
import { kidSuspicious } from './kid-suspicious';
import { contextWith } from './testing';

const check = (kid: unknown) => kidSuspicious.check(contextWith({ header: { alg: 'HS256', kid } }));

describe('kid-suspicious', () => {
  it('flags path traversal, SQL, shell and quotes', () => {
    expect(check('../../../../dev/null')[0]?.message).toMatch(/path traversal/);
    expect(check("x' UNION SELECT 'key")[0]?.message).toMatch(/SQL/);
    expect(check('key|whoami')[0]?.message).toMatch(/shell/);
    expect(check('a"b')[0]?.message).toMatch(/quote/);
    expect(check('k\u0000')[0]?.message).toMatch(/control/);
  });
  it('accepts ordinary key IDs', () => {
    for (const kid of [
      '2024-01-rsa',
      'NjVBRjY5MDlCMUIwNzU4RTA2QzZFMDQ4QzQ2MDAyQjVDNjk1RTM2Qg',
      'abc_DEF-123',
      'key.1',
    ]) {
      expect(check(kid), kid).toEqual([]);
    }
  });
  it('warns when kid is not a string', () => {
    expect(check(42)[0]?.severity).toBe('warning');
  });
});
