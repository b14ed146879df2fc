import { describe, expect, it } from 'vitest';
import { nonCanonicalEncoding } from './non-canonical-encoding';
import { contextWith } from './testing';

describe('non-canonical-encoding', () => {
  it('names the part and every deviation', () => {
    const [f] = nonCanonicalEncoding.check(
      contextWith({ nonCanonical: [{ part: 'signature', issues: ['padding', 'trailing-bits'] }] }),
    );
    expect(f?.path).toBe('signature');
    expect(f?.message).toMatch(/padding/);
    expect(f?.message).toMatch(/unused bits/);
  });
  it('stays quiet for canonical input', () => {
    expect(nonCanonicalEncoding.check(contextWith())).toEqual([]);
  });
});
