/** Shared wording for the time rules: durations and dates without a locale, as the rest of the page shows them. */
export { formatDuration } from '../../verify/claims';

export function isoOf(seconds: number): string {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? `${seconds}` : date.toISOString().replace('.000Z', 'Z');
}

export function toleranceNote(tolerance: number): string {
  return tolerance > 0 ? ` (with ${tolerance} s clock tolerance)` : '';
}
