import { describe, expect, it } from 'vitest';
import { shortenForDisplay, shortenLongLines } from './shortenForDisplay';

describe('shortenForDisplay', () => {
  it('keeps short text and cuts long text with a note', () => {
    expect(shortenForDisplay('abc', 5)).toBe('abc');
    expect(shortenForDisplay('abcdefgh', 5)).toMatch(/^abcde… \(3 more characters not shown/);
  });
});

describe('shortenLongLines', () => {
  it('returns the same text when no line is too long', () => {
    const text = 'a\nbb\n\nccc';
    expect(shortenLongLines(text, 3)).toBe(text);
  });

  it('cuts only the lines that are too long and keeps every line break', () => {
    const out = shortenLongLines(`short\n${'x'.repeat(10)}\nend`, 4);
    const lines = out.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(
      'short'.slice(0, 4) + '… (1 more characters not shown; use Copy for the full text)',
    );
    expect(lines[1]).toMatch(/^xxxx… \(6 more characters/);
    expect(lines[2]).toBe('end');
  });

  it('handles a trailing line break and a single giant line', () => {
    expect(shortenLongLines('ab\n', 5)).toBe('ab\n');
    expect(shortenLongLines('y'.repeat(1_000_000), 10).length).toBeLessThan(100);
  });
});
