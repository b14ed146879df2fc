import { describe, expect, it } from 'vitest';
import { clockTime, day, duration } from './format';

describe('JWKS panel formats', () => {
  it('shows clock times in UTC whatever the machine locale', () => {
    expect(clockTime(Date.UTC(2026, 0, 2, 9, 41, 7, 900))).toBe('09:41:07 UTC');
  });

  it.each([
    [0, '0 s'],
    [44_600, '45 s'],
    [60_000, '1 min'],
    [288_000, '4 min 48 s'],
    [3_600_000, '1 h'],
    [7_380_000, '2 h 3 min'],
    [-5, '0 s'],
  ])('duration(%d) = %s', (ms, text) => {
    expect(duration(ms)).toBe(text);
  });

  it('cuts an ISO timestamp to its day', () => {
    expect(day('2018-08-14T22:29:15Z')).toBe('2018-08-14');
  });
});
