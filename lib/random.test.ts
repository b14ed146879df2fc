import { describe, expect, it } from 'vitest';
import { cryptoRandomBytes } from './random';

describe('cryptoRandomBytes', () => {
  it('returns the requested number of bytes', () => {
    expect(cryptoRandomBytes(0)).toHaveLength(0);
    expect(cryptoRandomBytes(32)).toHaveLength(32);
  });

  it('does not repeat itself', () => {
    const seen = new Set(
      Array.from({ length: 50 }, () => Buffer.from(cryptoRandomBytes(16)).toString('hex')),
    );
    expect(seen.size).toBe(50);
  });
});
