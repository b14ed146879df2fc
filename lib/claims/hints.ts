/**
 * A one-line readable form of a time in the JSON view ("hover a number, see the date"). Kept apart from
 * the registry so the always-loaded decoder does not carry the claim tables; hints.test.ts checks that
 * the names match the registry's time claims.
 */
import { formatTime, type TimeFormatOptions } from './time';

/** Claim names the registry shows as times (display: 'time'). */
export const TIME_CLAIM_NAMES: ReadonlySet<string> = new Set([
  'exp',
  'nbf',
  'iat',
  'auth_time',
  'updated_at',
  'toe',
]);

/** "2026-01-15T12:04:00Z · 15 Jan 2026, 13:04:00 CET · in 4 min" for a time claim, else undefined. */
export function readableTimeHint(key: string, value: number, options: TimeFormatOptions): string | undefined {
  if (!TIME_CLAIM_NAMES.has(key) || !Number.isFinite(value)) return undefined;
  const time = formatTime(value, options);
  if (!time.iso) return `${key}: not a valid date`;
  const parts = [time.iso, time.local, time.relative].filter(Boolean).join(' · ');
  return time.milliseconds ? `${parts} (the value looks like milliseconds; JWT times are seconds)` : parts;
}
