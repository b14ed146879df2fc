import { describe, expect, it } from 'vitest';
import { parseStrictJson } from './json';

// Members are set by assignment except "__proto__" (the fast path for large payloads); these pin the safety.
describe('parseStrictJson members', () => {
  it('keeps "__proto__" as an ordinary own member and never changes the prototype', () => {
    const parsed = parseStrictJson('{"__proto__":{"admin":true},"a":1}');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const value = parsed.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__', 'a']);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toEqual({ admin: true });
    expect((value as { admin?: unknown }).admin).toBeUndefined();
  });

  it('stores names of Object.prototype members as own data', () => {
    const parsed = parseStrictJson('{"constructor":1,"hasOwnProperty":2,"toString":"x"}');
    expect(parsed.ok && Object.entries(parsed.value as object)).toEqual([
      ['constructor', 1],
      ['hasOwnProperty', 2],
      ['toString', 'x'],
    ]);
  });

  it('reports duplicates, "__proto__" included, and keeps the last value', () => {
    const parsed = parseStrictJson('{"a":1,"a":2,"__proto__":1,"__proto__":2}');
    expect(parsed.ok && parsed.duplicates).toEqual(['$.a', '$.__proto__']);
    expect(parsed.ok && (parsed.value as Record<string, unknown>).a).toBe(2);
  });
});
