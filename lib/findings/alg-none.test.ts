import { describe, expect, it } from 'vitest';
import { algNone } from './alg-none';
import { contextWith } from './testing';

describe('alg-none', () => {
  it('fires for none in any letter case', () => {
    for (const alg of ['none', 'NONE', 'nOnE']) {
      const [f] = algNone.check(contextWith({ header: { alg } }));
      expect(f?.path).toBe('header.alg');
      expect(f?.message).toContain(alg);
    }
  });
  it('stays quiet for signed algs and odd values', () => {
    for (const alg of ['HS256', 'nonee', undefined, 0])
      expect(algNone.check(contextWith({ header: { alg } }))).toEqual([]);
  });
});
