/**
 * Splits text into blocks of at most `linesPerBlock` lines for the large-text view. Each block
 * keeps its trailing line break, so joining the blocks gives the text back exactly.
 */
export function splitIntoBlocks(text: string, linesPerBlock: number): { text: string; lines: number }[] {
  const blocks: { text: string; lines: number }[] = [];
  let start = 0;
  while (start < text.length) {
    let end = start;
    let lines = 0;
    while (lines < linesPerBlock) {
      const next = text.indexOf('\n', end);
      lines++;
      if (next < 0) {
        end = text.length;
        break;
      }
      end = next + 1;
    }
    blocks.push({ text: text.slice(start, end), lines });
    start = end;
  }
  return blocks;
}
