import { describe, expect, it } from 'vitest';
import { jsonNumberAt } from './jsonNumberAt';

describe('jsonNumberAt', () => {
  const line = '  "exp": 1768478640,';
  it('finds the member whose number is under the column', () => {
    expect(jsonNumberAt(line, 10)).toEqual({ key: 'exp', value: 1768478640, startColumn: 10, endColumn: 20 });
    expect(jsonNumberAt(line, 20)?.key).toBe('exp');
  });
  it('finds nothing on the key or outside the number', () => {
    expect(jsonNumberAt(line, 4)).toBeUndefined();
    expect(jsonNumberAt(line, 21)).toBeUndefined();
    expect(jsonNumberAt('  "sub": "1768478640",', 12)).toBeUndefined();
  });
  it('unescapes the key', () => {
    expect(jsonNumberAt('"a\\"b": 5', 9)?.key).toBe('a"b');
  });
});
