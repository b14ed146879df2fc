import { describe, expect, it } from 'vitest';
import { cleanInput } from './clean';

const T = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln';

describe('cleanInput', () => {
  it('leaves a clean token alone', () => {
    expect(cleanInput(T)).toEqual({ text: T, steps: [] });
  });

  it('strips surrounding whitespace silently', () => {
    expect(cleanInput(`\n  ${T}  \n`)).toEqual({ text: T, steps: [] });
  });

  it('strips a Bearer prefix', () => {
    expect(cleanInput(`Bearer ${T}`)).toMatchObject({ text: T, steps: ['removed the "Bearer" prefix'] });
    expect(cleanInput(`bearer   ${T}`).text).toBe(T);
  });

  it('strips a whole Authorization header line', () => {
    const r = cleanInput(`Authorization: Bearer ${T}`);
    expect(r.text).toBe(T);
    expect(r.steps).toHaveLength(2);
  });

  it('strips surrounding quotes, inside or outside the Bearer prefix', () => {
    expect(cleanInput(`"${T}"`).text).toBe(T);
    expect(cleanInput(`'Bearer ${T}'`).text).toBe(T);
    expect(cleanInput(`Bearer "${T}"`).text).toBe(T);
    expect(cleanInput(`\`${T}\``).text).toBe(T);
  });

  it('joins wrapped log lines and says how many line breaks it removed', () => {
    const r = cleanInput(`${T.slice(0, 15)}\n${T.slice(15, 30)}\r\n${T.slice(30)}`);
    expect(r.text).toBe(T);
    expect(r.steps[0]).toMatch(/2 line breaks/);
  });

  it('keeps whitespace in JSON serializations', () => {
    const json = '{\n "payload": "eyJ9",\n "signature": "x"\n}';
    expect(cleanInput(json).text).toBe(json);
  });
});
