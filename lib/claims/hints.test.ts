import { describe, expect, it } from 'vitest';
import { CLAIMS } from '../claims-registry';
import { NOW, NOW_S } from './fixtures/tokens';
import { TIME_CLAIM_NAMES, readableTimeHint } from './hints';

const OPTIONS = { now: NOW, locale: 'en-GB', timeZone: 'Europe/Paris' } as const;

describe('readableTimeHint', () => {
  it('gives ISO UTC, local time with zone and relative time for a time claim', () => {
    expect(readableTimeHint('exp', NOW_S + 240, OPTIONS)).toBe(
      '2026-01-15T12:04:00Z · 15 Jan 2026, 13:04:00 CET · in 4 min',
    );
  });

  it('says when the value looks like milliseconds', () => {
    expect(readableTimeHint('iat', NOW_S * 1000, OPTIONS)).toContain('looks like milliseconds');
  });

  it('gives nothing for numbers that are not times', () => {
    expect(readableTimeHint('age', NOW_S, OPTIONS)).toBeUndefined();
    expect(readableTimeHint('exp', Number.NaN, OPTIONS)).toBeUndefined();
  });

  it('knows exactly the claims the registry shows as times', () => {
    const fromRegistry = new Set(CLAIMS.filter((row) => row.display === 'time').map((row) => row.name));
    expect([...TIME_CLAIM_NAMES].sort()).toEqual([...fromRegistry].sort());
  });
});
