import { describe, expect, it } from 'vitest';
import { highlightJson } from './highlightJson';

describe('highlightJson', () => {
  it('tells keys from string values and keeps every character', () => {
    const text = '{\n  "sub": "a\\"b",\n  "n": -1.5e3,\n  "ok": true,\n  "x": null\n}';
    const tokens = highlightJson(text);
    expect(tokens.map((t) => t.text).join('')).toBe(text);
    expect(tokens.find((t) => t.text === '"sub"')?.kind).toBe('key');
    expect(tokens.find((t) => t.text === '"a\\"b"')?.kind).toBe('string');
    expect(tokens.find((t) => t.text === '-1.5e3')?.kind).toBe('number');
    expect(tokens.filter((t) => t.kind === 'literal').map((t) => t.text)).toEqual(['true', 'null']);
  });

  it('treats markup in strings as plain text tokens', () => {
    const tokens = highlightJson('{"x": "<script>alert(1)</script>"}');
    expect(tokens.some((t) => t.kind === 'string' && t.text.includes('<script>'))).toBe(true);
  });
});
