import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, parseStrictJson, prettyJson } from './json';

describe('parseStrictJson', () => {
  it('parses like JSON.parse for ordinary documents', () => {
    const doc = '{"a":[1,2.5,-3e2,true,false,null],"b":{"c":"d\\n\\u00e9"},"e":""}';
    const r = parseStrictJson(doc);
    expect(r.ok && r.value).toEqual(JSON.parse(doc));
  });

  it('reports duplicate member names with their path', () => {
    const r = parseStrictJson('{"sub":"alice","x":{"y":1,"y":2},"sub":"admin"}', 'payload');
    expect(r.ok && r.duplicates).toEqual(['payload.x.y', 'payload.sub']);
    expect(r.ok && (r.value as { sub: string }).sub).toBe('admin');
  });

  it('keeps __proto__ and constructor as ordinary members without polluting prototypes', () => {
    const r = parseStrictJson('{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}');
    expect(r.ok).toBe(true);
    const value = (r as { value: Record<string, unknown> }).value;
    expect(Object.keys(value)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('records integers beyond 2^53 with their exact digits', () => {
    const r = parseStrictJson(
      '{"id":12345678901234567890123,"ok":9007199254740991,"list":[-9007199254740993]}',
      'payload',
    );
    expect(r.ok && r.bigNumbers).toEqual([
      { path: 'payload.id', raw: '12345678901234567890123' },
      { path: 'payload.list[0]', raw: '-9007199254740993' },
    ]);
  });

  it('handles 5,000 levels of nesting without overflowing the stack', () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const r = parseStrictJson(deep);
    expect(r.ok).toBe(true);
    const objects = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
    expect(parseStrictJson(objects).ok).toBe(true);
  });

  it('refuses nesting beyond the limit with a clear message', () => {
    const r = parseStrictJson('['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1));
    expect(r).toMatchObject({ ok: false, tooDeep: true });
  });

  it('says where the text ended early', () => {
    const r = parseStrictJson('{"alg":"HS256","typ":"JW');
    expect(r).toMatchObject({ ok: false, unexpectedEnd: true, position: 24 });
  });

  it('gives the position of unexpected characters', () => {
    expect(parseStrictJson('{"a":1,}')).toMatchObject({ ok: false, unexpectedEnd: false, position: 7 });
    expect(parseStrictJson('{"a" 1}')).toMatchObject({ ok: false, position: 5 });
    expect(parseStrictJson('{"a":1} x')).toMatchObject({ ok: false, position: 8 });
    expect(parseStrictJson("{'a':1}")).toMatchObject({ ok: false, position: 1 });
  });

  it('rejects control characters and bad escapes in strings', () => {
    expect(parseStrictJson('"a\nb"').ok).toBe(false);
    expect(parseStrictJson('"\\x41"').ok).toBe(false);
    expect(parseStrictJson('"\\u12"').ok).toBe(false);
  });

  it('rejects malformed numbers and literals', () => {
    for (const bad of ['01', '-', '1.', '.5', 'tru', 'nul', 'NaN', '+1']) {
      expect(parseStrictJson(bad).ok, bad).toBe(false);
    }
  });
});

describe('prettyJson', () => {
  it('indents and keeps exact digits and duplicate members as written', () => {
    expect(prettyJson('{"a":12345678901234567890,"a":[],"b":{"c":[1,{}]}}')).toBe(
      '{\n  "a": 12345678901234567890,\n  "a": [],\n  "b": {\n    "c": [\n      1,\n      {}\n    ]\n  }\n}',
    );
  });

  it('does not touch structural characters inside strings', () => {
    expect(prettyJson('{"x":"a,b:{c}[d] \\"e\\""}')).toBe('{\n  "x": "a,b:{c}[d] \\"e\\""\n}');
  });

  it('stays linear for deep nesting', () => {
    const out = prettyJson('['.repeat(5000) + ']'.repeat(5000));
    expect(out.length).toBeLessThan(5000 * 2 * 140);
  });
});
