import { describe, expect, it } from 'vitest';
import { critUnsupported } from './crit-unsupported';
import { contextWith } from './testing';

const check = (header: Record<string, unknown>) =>
  critUnsupported.check(contextWith({ header: { alg: 'HS256', ...header } }));

describe('crit-unsupported', () => {
  it('accepts b64 (RFC 7797)', () => {
    expect(check({ b64: false, crit: ['b64'] })).toEqual([]);
  });
  it('flags unknown extensions', () => {
    expect(check({ exp: 1, crit: ['exp'] })[0]?.path).toBe('header.exp');
  });
  it('flags a crit naming a missing parameter, a registered one, or a malformed crit', () => {
    expect(check({ crit: ['http://example.com/x'] })[0]?.message).toMatch(/no such parameter/);
    expect(check({ crit: ['alg'] })[0]?.message).toMatch(/standard header/);
    expect(check({ crit: [] })).toHaveLength(1);
    expect(check({ crit: 'b64' })).toHaveLength(1);
  });
  it('stays quiet without crit', () => {
    expect(check({})).toEqual([]);
  });
});
