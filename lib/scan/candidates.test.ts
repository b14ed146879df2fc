// Property tests, both directions: a token anywhere in random text is found; random text yields nothing.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { findTokenSpans, HeaderCache } from './candidates';
import { scanText } from './scan-text';
import { NOW, tokenSet, type TokenSet } from './fixtures/tokens';
import { encodeBase64urlText } from '../token/base64url';

let t: TokenSet;
beforeAll(async () => {
  t = await tokenSet();
});
const runs = Number(process.env.FUZZ_RUNS ?? 300);

/** Text of the kind logs hold: words, punctuation, base64-ish runs, dots, JSON, `eyJ` fragments. */
const logText = fc
  .array(
    fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.stringMatching(/^[A-Za-z0-9_-]{1,30}(\.[A-Za-z0-9_-]{0,30}){0,5}$/),
      fc.constantFrom(' ', '\n', '.', '=', '"', '~', 'eyJ', 'ey', 'eyJhbGciOi', 'Bearer ', '&access_token='),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.jsonValue().map((v) => encodeBase64urlText(JSON.stringify(v))),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

/** A character that ends a token: anything but base64url, `.` and `~`. */
const boundary = fc.constantFrom(' ', '\n', '"', "'", '&', ',', ';', ')', '<', '\t', '%');

describe('scanner properties', () => {
  it('any token embedded anywhere in random text is found, with its exact offset', () => {
    fc.assert(
      fc.property(logText, fc.nat({ max: 7 }), boundary, logText, (before, which, end, after) => {
        const token = t.all[which]!;
        const text = `${before}${token}${end}${after}`;
        const found = scanText(text, { now: NOW }).tokens.find((f) => f.token === token);
        expect(found, `token ${which} in ${JSON.stringify(text.slice(0, 200))}`).toBeDefined();
        expect(found!.occurrences.some((o) => o.index === before.length)).toBe(true);
      }),
      { numRuns: runs },
    );
  });

  it('random non-token text yields nothing', () => {
    fc.assert(
      fc.property(logText, (text) => {
        expect(scanText(text, { now: NOW }).tokens).toEqual([]);
      }),
      { numRuns: runs },
    );
  });

  it('random base64url segments joined by dots (a.b.c, a.b.c.d.e) yield nothing unless the header has alg or enc', () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9_-]{0,40}$/);
    fc.assert(
      fc.property(fc.array(segment, { minLength: 3, maxLength: 5 }), fc.jsonValue(), (segments, header) => {
        const headerSegment = encodeBase64urlText(JSON.stringify(header));
        const text = [headerSegment, ...segments].join('.');
        const hasAlg =
          typeof header === 'object' &&
          header !== null &&
          !Array.isArray(header) &&
          ('alg' in header || 'enc' in header);
        const spans = findTokenSpans(text, new HeaderCache()).spans;
        if (!hasAlg) expect(spans).toEqual([]);
      }),
      { numRuns: runs },
    );
  });
});
