import { describe, expect, it } from 'vitest';
import { timestampMilliseconds } from './timestamp-milliseconds';
import { contextWith } from './testing';

describe('timestamp-milliseconds', () => {
  it('flags exp, iat and nbf written in milliseconds and converts them', () => {
    const found = timestampMilliseconds.check(
      contextWith({ payload: { exp: 1780272000000, iat: 1780268400000, nbf: 1780268400 } }),
    );
    expect(found.map((f) => f.path)).toEqual(['payload.exp', 'payload.iat']);
    expect(found[0]?.message).toContain('2026-06-01T00:00:00.000Z');
  });
  it('accepts seconds', () => {
    expect(timestampMilliseconds.check(contextWith({ payload: { exp: 1780272000, iat: 0 } }))).toEqual([]);
  });
});
