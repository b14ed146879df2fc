import { describe, expect, it } from 'vitest';
import { looksLikeMilliseconds } from './claims/time';
import { timestampMilliseconds } from './findings/timestamp-milliseconds';
import { contextWith } from './findings/testing';
import { MILLISECONDS_THRESHOLD } from './numeric-date';

describe('MILLISECONDS_THRESHOLD', () => {
  it('is where the claim table and the finding both start reading a time as milliseconds', () => {
    for (const value of [MILLISECONDS_THRESHOLD - 1, MILLISECONDS_THRESHOLD]) {
      const flagged = timestampMilliseconds.check(contextWith({ payload: { exp: value } })).length > 0;
      expect(flagged).toBe(looksLikeMilliseconds(value));
    }
    expect(looksLikeMilliseconds(MILLISECONDS_THRESHOLD)).toBe(true);
    expect(looksLikeMilliseconds(MILLISECONDS_THRESHOLD - 1)).toBe(false);
  });

  it('lies past any real expiry in seconds and before any real one in milliseconds', () => {
    // 1e11 seconds is the year 5138; 1e11 milliseconds is March 1973.
    expect(new Date(MILLISECONDS_THRESHOLD * 1000).getUTCFullYear()).toBe(5138);
    expect(new Date(MILLISECONDS_THRESHOLD).getUTCFullYear()).toBe(1973);
  });
});
