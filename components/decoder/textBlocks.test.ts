import { describe, expect, it } from 'vitest';
import { splitIntoBlocks } from './textBlocks';

describe('splitIntoBlocks', () => {
  it('cuts after every n-th line break and keeps the breaks, so the blocks join back to the text', () => {
    const text = 'a\nb\nc\nd\ne';
    const blocks = splitIntoBlocks(text, 2);
    expect(blocks).toEqual([
      { text: 'a\nb\n', lines: 2 },
      { text: 'c\nd\n', lines: 2 },
      { text: 'e', lines: 1 },
    ]);
    expect(blocks.map((b) => b.text).join('')).toBe(text);
  });

  it('handles a trailing line break, a single long line and empty text', () => {
    expect(splitIntoBlocks('a\nb\n', 2)).toEqual([{ text: 'a\nb\n', lines: 2 }]);
    expect(splitIntoBlocks('x'.repeat(1000), 200)).toEqual([{ text: 'x'.repeat(1000), lines: 1 }]);
    expect(splitIntoBlocks('', 200)).toEqual([]);
  });
});
