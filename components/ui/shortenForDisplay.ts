/**
 * Huge values (a hostile 10 MB claim) would take the browser seconds to lay out. Views show the start and say
 * how much is left out; the Copy buttons still copy the full text.
 */
export const DISPLAY_LIMIT_CHARS = 100_000;

export function shortenForDisplay(text: string, limit = DISPLAY_LIMIT_CHARS): string {
  if (text.length <= limit) return text;
  return `${text.slice(0, limit)}… (${(text.length - limit).toLocaleString('en-US')} more characters not shown; use Copy for the full text)`;
}
