import { describe, expect, it } from 'vitest';
import { NOW, NOW_S } from './fixtures/tokens';
import { formatDuration, formatRelative, formatTime, looksLikeMilliseconds, toSeconds } from './time';

const PARIS = { now: NOW, locale: 'en-GB', timeZone: 'Europe/Paris' } as const;

describe('formatTime', () => {
  it('gives the raw number, ISO 8601 UTC, local time with zone and relative time', () => {
    const view = formatTime(NOW_S + 4 * 60 + 30, PARIS);
    expect(view).toEqual({
      raw: NOW_S + 270,
      milliseconds: false,
      seconds: NOW_S + 270,
      iso: '2026-01-15T12:04:30Z',
      local: '15 Jan 2026, 13:04:30 CET',
      timeZone: 'Europe/Paris',
      relative: 'in 4 min',
    });
  });

  it('uses the locale and zone it is given, not the machine ones', () => {
    expect(formatTime(NOW_S, { now: NOW, locale: 'de-DE', timeZone: 'America/New_York' }).local).toBe(
      '15. Jan. 2026, 07:00:00 GMT-5',
    );
    expect(formatTime(NOW_S, { now: NOW, locale: 'en-US', timeZone: 'UTC' }).local).toBe(
      'Jan 15, 2026, 12:00:00 UTC',
    );
    expect(formatTime(NOW_S, { now: NOW, locale: 'en-GB', timeZone: 'Asia/Kolkata' }).local).toBe(
      '15 Jan 2026, 17:30:00 GMT+5:30',
    );
  });

  it('falls back to UTC for an unknown zone instead of throwing', () => {
    const view = formatTime(NOW_S, { now: NOW, locale: 'en-GB', timeZone: 'Mars/Olympus_Mons' });
    expect(view.timeZone).toBe('UTC');
    expect(view.local).toContain('12:00:00');
  });

  it('flags and converts values that look like milliseconds', () => {
    const view = formatTime(NOW_S * 1000 - 3 * 3600 * 1000, PARIS);
    expect(view.milliseconds).toBe(true);
    expect(view.seconds).toBe(NOW_S - 3 * 3600);
    expect(view.iso).toBe('2026-01-15T09:00:00Z');
    expect(view.relative).toBe('3 h ago');
  });

  it('keeps fractional seconds in the ISO form', () => {
    expect(formatTime(NOW_S + 0.25, PARIS).iso).toBe('2026-01-15T12:00:00.250Z');
  });

  it('gives no readable forms for a date out of range', () => {
    const view = formatTime(1e300, PARIS);
    expect(view.iso).toBeUndefined();
    expect(view.local).toBeUndefined();
    expect(view.milliseconds).toBe(true);
  });
});

describe('withLocal: false', () => {
  it('leaves the local form out and keeps the others', () => {
    const view = formatTime(NOW_S + 270, { ...PARIS, withLocal: false });
    expect(view).toEqual({
      raw: NOW_S + 270,
      milliseconds: false,
      seconds: NOW_S + 270,
      iso: '2026-01-15T12:04:30Z',
      timeZone: 'Europe/Paris',
      relative: 'in 4 min',
    });
  });
});

describe('millisecond detection', () => {
  it('treats 10-digit values as seconds and 13-digit values as milliseconds', () => {
    expect(looksLikeMilliseconds(NOW_S)).toBe(false);
    expect(looksLikeMilliseconds(NOW_S * 1000)).toBe(true);
    expect(toSeconds(1700000000123)).toEqual({ seconds: 1700000000.123, milliseconds: true });
    expect(toSeconds(0)).toEqual({ seconds: 0, milliseconds: false });
  });
});

describe('formatRelative', () => {
  const now = NOW.getTime();
  it.each([
    [4 * 60 * 1000, 'in 4 min'],
    [-3 * 3600 * 1000 - 12 * 60 * 1000, '3 h ago'],
    [2000, 'just now'],
    [-45 * 1000, '45 s ago'],
    [3 * 86400 * 1000, 'in 3 d'],
    [-2 * 365 * 86400 * 1000, '2 y ago'],
  ])('%d ms from now reads "%s"', (offset, text) => {
    expect(formatRelative(now + offset, now)).toBe(text);
  });
});

describe('formatDuration', () => {
  it.each([
    [14 * 60 * 1000 + 3000, '14 min 03 s'],
    [3 * 3600 * 1000 + 12 * 60 * 1000 + 59 * 1000, '3 h 12 min'],
    [42 * 1000, '42 s'],
    [999, '0 s'],
    [2 * 86400 * 1000 + 5 * 3600 * 1000, '2 d 05 h'],
    [400 * 86400 * 1000, '1 y 35 d'],
  ])('%d ms reads "%s"', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
