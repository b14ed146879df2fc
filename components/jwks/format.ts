/** Display helpers for the JWKS panel: fixed formats, never the machine's locale. */

/** "09:41:07 UTC" */
export function clockTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(11, 19)} UTC`;
}

/** "45 s", "4 min 48 s", "2 h 3 min" */
export function duration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 === 0 ? `${minutes} min` : `${minutes} min ${seconds % 60} s`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}

/** "2018-08-14" from an ISO timestamp. */
export function day(iso: string): string {
  return iso.slice(0, 10);
}
