import { describe, expect, it } from 'vitest';
import { compactJson, positionAt, setTopLevelMember, validateJsonObjectText } from './json-text';

describe('validateJsonObjectText', () => {
  it('accepts an object and reports duplicate members', () => {
    const r = validateJsonObjectText('{"sub":"a","sub":"b"}', 'payload');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value).toEqual({ sub: 'b' });
      expect(r.duplicates).toEqual(['payload.sub']);
    }
  });

  it('reports the line and column of a syntax error', () => {
    const r = validateJsonObjectText('{\n  "sub": "a",\n  "x": tru\n}', 'payload');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('json-invalid');
      expect(r.error.part).toBe('payload');
      expect(r.error.at.line).toBe(3);
      expect(r.error.message).toMatch(/^The payload is not valid JSON: .*line 3, column \d+/);
    }
  });

  it('reports a cut-off text at its end', () => {
    const text = '{"alg":"HS256"';
    const r = validateJsonObjectText(text, 'header');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.at).toEqual({ offset: text.length, line: 1, column: text.length + 1 });
  });

  it('rejects JSON that is not an object', () => {
    const r = validateJsonObjectText('  [1, 2]', 'payload');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('json-not-object');
      expect(r.error.at.column).toBe(3);
    }
  });
});

describe('positionAt', () => {
  it('counts lines and columns from 1', () => {
    expect(positionAt('ab\ncd', 4)).toEqual({ offset: 4, line: 2, column: 2 });
    expect(positionAt('ab', 0)).toEqual({ offset: 0, line: 1, column: 1 });
  });
});

describe('compactJson', () => {
  it('drops whitespace between tokens but keeps strings and digits as written', () => {
    expect(compactJson('{\n  "a b": "x  y",\n  "n": 12345678901234567890, "e": "\\" }"\n}')).toBe(
      '{"a b":"x  y","n":12345678901234567890,"e":"\\" }"}',
    );
  });
});

describe('setTopLevelMember', () => {
  it('replaces an existing member in place', () => {
    const r = setTopLevelMember('{\n  "iat": 1,\n  "sub": "x"\n}', 'payload', 'iat', '42');
    expect(r).toEqual({ ok: true, text: '{\n  "iat": 42,\n  "sub": "x"\n}' });
  });

  it('replaces an object value, not a nested member of the same name', () => {
    const r = setTopLevelMember('{"a":{"iat":1,"s":"}"},"iat":[1,2]}', 'payload', 'iat', '7');
    expect(r).toEqual({ ok: true, text: '{"a":{"iat":1,"s":"}"},"iat":7}' });
  });

  it('appends in the style of the text: pretty', () => {
    const r = setTopLevelMember('{\n  "sub": "x"\n}', 'payload', 'exp', '9');
    expect(r).toEqual({ ok: true, text: '{\n  "sub": "x",\n  "exp": 9\n}' });
  });

  it('appends in the style of the text: compact', () => {
    const r = setTopLevelMember('{"sub":"x"}', 'payload', 'exp', '9');
    expect(r).toEqual({ ok: true, text: '{"sub":"x","exp":9}' });
  });

  it('fills an empty object', () => {
    expect(setTopLevelMember(' {} ', 'payload', 'jti', '"a"')).toEqual({
      ok: true,
      text: ' {\n  "jti": "a"\n} ',
    });
  });

  it('keeps the digits of big integers elsewhere in the text', () => {
    const r = setTopLevelMember('{"id":12345678901234567890}', 'payload', 'iat', '1');
    expect(r.ok && r.text).toBe('{"id":12345678901234567890,"iat":1}');
  });

  it('replaces every duplicate so no stale value survives', () => {
    const r = setTopLevelMember('{"exp":1,"exp":2}', 'payload', 'exp', '3');
    expect(r.ok && r.text).toBe('{"exp":3,"exp":3}');
  });

  it('returns the validation error for broken text', () => {
    const r = setTopLevelMember('{"sub":', 'payload', 'iat', '1');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('json-invalid');
  });

  it('handles escaped member names', () => {
    const r = setTopLevelMember('{"i\\u0061t":1}', 'payload', 'iat', '2');
    expect(r.ok && r.text).toBe('{"i\\u0061t":2}');
  });
});
