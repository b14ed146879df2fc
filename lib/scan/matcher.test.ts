import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeToken } from '../token/decode';
import { findTokenSpans, HeaderCache } from './candidates';
import { TokenMatcher } from './matcher';
import { createTextScanner, scanText } from './scan-text';
import { NOW, tokenSet, type TokenSet } from './fixtures/tokens';

let t: TokenSet;
beforeAll(async () => {
  t = await tokenSet();
});

/**
 * The plain path, without recognising copies: every header-valid span decoded on its own, an SD-JWT
 * that fails falling back to its issuer JWT. The matcher must give exactly this.
 */
function reference(text: string): { start: number; end: number; kind: string; token: string }[] {
  const out: { start: number; end: number; kind: string; token: string }[] = [];
  for (const span of findTokenSpans(text, new HeaderCache()).spans) {
    const token = text.slice(span.start, span.end);
    if (decodeToken(token, { now: NOW }).ok) {
      out.push({ start: span.start, end: span.end, kind: span.kind, token });
      continue;
    }
    if (span.kind !== 'sd-jwt') continue;
    const issuer = text.slice(span.start, span.signatureEnd);
    if (decodeToken(issuer, { now: NOW }).ok)
      out.push({
        start: span.start,
        end: span.signatureEnd,
        kind: span.alg === 'none' ? 'unsecured' : 'jws',
        token: issuer,
      });
  }
  return out;
}

function viaMatcher(text: string) {
  return new TokenMatcher(NOW)
    .match(text)
    .tokens.map((m) => ({ start: m.span.start, end: m.span.end, kind: m.kind, token: m.token }));
}

/** Text around each copy that decides where a token ends: what the in-place check must get right. */
const NEIGHBOURS = ['', ' ', '.', '~', 'x', '-', '_', '.x', '~x', '~~', '&', '"', '\n', 'eyJ', '.eyJ'];

describe('TokenMatcher copies of a known token', () => {
  it('ends every copy where a fresh scan would, whatever follows it', () => {
    for (const token of t.all) {
      const text = NEIGHBOURS.map((after) => `a=${token}${after} b=${token}${after}|`).join('\n');
      expect(viaMatcher(text)).toEqual(reference(text));
    }
  });

  it('agrees with a fresh scan on random mixes of tokens, their pieces and noise', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom(...t.all),
            fc.constantFrom(...t.all).map((token) => token.slice(0, token.length - 5)),
            fc.constantFrom(...NEIGHBOURS),
            fc.string({ maxLength: 6 }),
          ),
          { maxLength: 40 },
        ),
        (parts) => {
          const text = parts.join('');
          expect(viaMatcher(text)).toEqual(reference(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives redaction the same spans for copies as for the first one', () => {
    const { tokens } = new TokenMatcher(NOW).match(`${t.live} and ${t.jwe} then ${t.live}, ${t.jwe}`);
    expect(tokens).toHaveLength(4);
    const [a, b, c, d] = tokens;
    expect(c!.span.signatureStart - c!.span.start).toBe(a!.span.signatureStart - a!.span.start);
    expect(d!.span.signatureEnd - d!.span.start).toBe(b!.span.signatureEnd - b!.span.start);
    expect(c!.span.kind).toBe('jws');
    expect(d!.span.kind).toBe('jwe');
  });
});

describe('createTextScanner with copies at chunk edges', () => {
  it('finds the same occurrences whatever the chunk size, copies cut by an edge included', () => {
    const text = [t.live, t.es256, t.live, t.jwe, t.live, t.sdJwt, t.live]
      .map((token, i) => `line ${i} token=${token}${i % 2 ? '~' : '.'}`)
      .join('\r\n');
    const whole = scanText(text, { now: NOW });
    for (const size of [7, 97, 250, 401, 1000]) {
      const scanner = createTextScanner({ now: NOW });
      for (let at = 0; at < text.length; at += size) scanner.push(text.slice(at, at + size));
      expect(scanner.finish()).toEqual(whole);
    }
  });
});
