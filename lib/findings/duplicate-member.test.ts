import { describe, expect, it } from 'vitest';
import { duplicateMember } from './duplicate-member';
import { contextWith } from './testing';

describe('duplicate-member', () => {
  it('reports each duplicate path', () => {
    const found = duplicateMember.check(contextWith({ duplicates: ['header.alg', 'payload.sub'] }));
    expect(found.map((f) => f.path)).toEqual(['header.alg', 'payload.sub']);
    expect(found[0]?.message).toMatch(/parsers disagree/);
  });
  it('stays quiet without duplicates', () => {
    expect(duplicateMember.check(contextWith())).toEqual([]);
  });
});
