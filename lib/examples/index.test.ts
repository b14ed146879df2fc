import { describe, expect, it } from 'vitest';
import { decodeToken } from '../token/decode';
import { EXAMPLE_CATALOG, EXAMPLES, loadExample } from './index';

describe('examples', () => {
  it('the catalog lists every generated example, in order, with the same labels', () => {
    expect(EXAMPLE_CATALOG.map(({ name, label }) => ({ name, label }))).toEqual(
      EXAMPLES.map(({ name, label }) => ({ name, label })),
    );
  });

  it('every example decodes', () => {
    for (const example of EXAMPLES) {
      const result = decodeToken(example.token, { now: new Date('2026-06-01T00:00:00Z') });
      expect(result.ok, example.name).toBe(true);
    }
  });

  it('loads an example by name, and nothing for an unknown name', async () => {
    expect((await loadExample('eddsa'))?.token).toBe(EXAMPLES.find((e) => e.name === 'eddsa')?.token);
    expect(await loadExample('nope')).toBeUndefined();
  });
});
