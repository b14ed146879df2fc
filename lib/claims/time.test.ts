import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NOW, NOW_S } from './fixtures/tokens';
import {
  formatDuration,
  formatEnGbUtc,
  formatRelative,
  formatTime,
  looksLikeMilliseconds,
  toSeconds,
} from './time';

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

describe("en-GB in UTC, the command line's format, written without Intl", () => {
  const intl = new Intl.DateTimeFormat('en-GB', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
    timeZone: 'UTC',
  });
  const FIRST = new Date('0001-01-01T00:00:00Z').getTime();
  const LAST = new Date('9999-12-31T23:59:59.999Z').getTime();

  it('writes what Intl writes, for every month, the edges of the years 1 to 9999 and fractions', () => {
    const cases = [
      FIRST,
      LAST,
      0,
      -1,
      946684799999.5,
      Date.UTC(2026, 8, 9, 0, 0, 0),
      ...Array.from({ length: 12 }, (_, m) => Date.UTC(2026, m, 28, 23, 59, 59, 999)),
      ...Array.from({ length: 12 }, (_, m) =>
        new Date(`0099-${String(m + 1).padStart(2, '0')}-01T07:08:09Z`).getTime(),
      ),
    ];
    for (const ms of cases) expect(formatEnGbUtc(new Date(ms)), String(ms)).toBe(intl.format(new Date(ms)));
    expect(formatEnGbUtc(new Date(Date.UTC(2026, 8, 9)))).toBe('9 Sept 2026, 00:00:00 UTC');
  });

  it('writes what Intl writes for any instant from the year 1 to 9999', () => {
    fc.assert(
      fc.property(fc.double({ min: FIRST, max: LAST, noNaN: true }), (ms) => {
        expect(formatEnGbUtc(new Date(ms))).toBe(intl.format(new Date(ms)));
      }),
      { numRuns: 5000 },
    );
  });

  it("leaves the years Intl writes its own way to Intl, and formatTime gives Intl's text there", () => {
    for (const ms of [FIRST - 1, LAST + 1, 8.64e15, -8.64e15]) {
      expect(formatEnGbUtc(new Date(ms))).toBeUndefined();
      // Values this large are read as milliseconds (looksLikeMilliseconds).
      expect(formatTime(ms, { now: NOW, locale: 'en-GB', timeZone: 'UTC' }).local).toBe(
        intl.format(new Date(ms)),
      );
    }
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
