/**
 * Huge values (a hostile 10 MB claim) would take the browser seconds to lay out. Views show the start and say
 * how much is left out; the Copy buttons still copy the full text.
 */
export const DISPLAY_LIMIT_CHARS = 100_000;

export function shortenForDisplay(text: string, limit = DISPLAY_LIMIT_CHARS): string {
  if (text.length <= limit) return text;
  return `${text.slice(0, limit)}… (${(text.length - limit).toLocaleString('en-US')} more characters not shown; use Copy for the full text)`;
}

/**
 * Cuts each line longer than `maxLine` characters, leaving the other lines whole. A megabyte payload of
 * ordinary claims stays complete, while one giant single-line value (which the browser would have to wrap
 * and lay out in one go) shows only its start.
 */
export function shortenLongLines(text: string, maxLine: number): string {
  let out = '';
  // Text before this index is already in `out`; nothing is copied until a line needs cutting.
  let copied = 0;
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    if (end - start > maxLine) {
      out += text.slice(copied, start) + shortenForDisplay(text.slice(start, end), maxLine);
      copied = end;
    }
    if (newline < 0) break;
    start = newline + 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}
