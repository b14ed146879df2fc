import { describe, expect, it } from 'vitest';
import { valueRule } from './value';
import { contextWith } from './testing';

describe('value:<path> rule', () => {
  const policy = { claimValues: { azp: 'web-app', 'ctx.level': 2, 'ctx.flags': { a: [1] } } };
  it('passes exact values at dotted paths, object member order aside', () => {
    const rows = valueRule.check(
      contextWith(policy, { azp: 'web-app', ctx: { level: 2, flags: { a: [1] } } }),
    );
    expect(rows.map((r) => [r.id, r.status])).toEqual([
      ['value:azp', 'pass'],
      ['value:ctx.level', 'pass'],
      ['value:ctx.flags', 'pass'],
    ]);
  });
  it('fails another value, another type and a missing claim', () => {
    const rows = valueRule.check(contextWith(policy, { azp: 'mobile', ctx: { level: '2' } }));
    expect(rows.map((r) => r.status)).toEqual(['fail', 'fail', 'fail']);
    expect(rows[0]?.message).toContain('"mobile"');
    expect(rows[2]?.message).toContain('no "ctx.flags"');
  });
  it('never reads inherited members', () => {
    expect(
      valueRule.check(contextWith({ claimValues: { 'constructor.name': 'Object' } }, {}))[0]?.status,
    ).toBe('fail');
  });
});
