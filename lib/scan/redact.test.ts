import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { redactText } from './redact';
import { scanText } from './scan-text';
import { decodeToken } from '../token/decode';
import { NOW, tokenParts, tokenSet, type TokenSet } from './fixtures/tokens';
import { curlVerbose, jsonLogLines, nginxAccessLog } from './fixtures/logs';
import { tokenFingerprint } from './fingerprint';

let t: TokenSet;
let log: string;
beforeAll(async () => {
  t = await tokenSet();
  log = [nginxAccessLog(t.all, 24), jsonLogLines(t.all), curlVerbose(t.sdJwt)].join('\n');
});
const signatureOf = (token: string) => {
  const issuer = token.split('~')[0]!.split('.');
  return issuer[issuer.length - 1]!;
};

describe('redactText', () => {
  it('"strip-signature" leaves no signature segment of any found token, and the token still decodes', () => {
    const { text, redacted } = redactText(log, 'strip-signature');
    expect(redacted).toBeGreaterThan(0);
    for (const token of t.all) {
      if (token === t.unsecured) continue; // nothing to strip: it has no signature
      expect(text).not.toContain(signatureOf(token));
    }
    // The KB-JWT of the SD-JWT loses its signature too.
    expect(text).not.toContain(t.sdJwt.split('.').pop()!);
    const stripped = scanText(text, { now: NOW }).tokens.find(
      (f) => f.decoded.ok && f.decoded.header.alg === 'RS256',
    );
    expect(stripped?.decoded.ok && stripped.decoded.payload).toBeTruthy();
    const first = decodeToken(`${t.live.split('.').slice(0, 2).join('.')}.`);
    expect(first.ok && first.findings.map((f) => f.id)).toContain('signature-missing');
  });

  it('"placeholder" gives the same [JWT sha256:<12 hex> alg=RS256] for the same token, and no part of any token', () => {
    const { text } = redactText(log, 'placeholder');
    for (const token of t.all) for (const part of tokenParts(token)) expect(text).not.toContain(part);
    const placeholder = `[JWT sha256:${tokenFingerprint(t.live).slice(0, 12)} alg=RS256]`;
    expect(text.split(placeholder).length - 1).toBe(
      scanText(log, { now: NOW }).tokens.find((f) => f.token === t.live)!.count,
    );
    expect(text).toMatch(/\[JWE sha256:[0-9a-f]{12} alg=RSA-OAEP-256 enc=A256GCM\]/);
    expect(text).toMatch(/\[SD-JWT sha256:[0-9a-f]{12} alg=ES256\]/);
  });

  it('"remove" leaves no part of any token and keeps the rest of the line', () => {
    const { text } = redactText(curlVerbose(t.live), 'remove');
    for (const part of tokenParts(t.live)) expect(text).not.toContain(part);
    expect(text).toContain('> Authorization: Bearer \n');
  });

  it('property: for every mode, no token survives in random text around random tokens', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ maxLength: 30 }), fc.nat({ max: 7 })), { minLength: 1, maxLength: 6 }),
        fc.constantFrom('placeholder' as const, 'remove' as const, 'strip-signature' as const),
        (pieces, mode) => {
          const text = pieces.map(([noise, i]) => `${noise} ${t.all[i]!}\n`).join('');
          const out = redactText(text, mode).text;
          for (const [, i] of pieces) {
            const token = t.all[i]!;
            if (mode === 'strip-signature') {
              if (token !== t.unsecured) expect(out).not.toContain(signatureOf(token));
            } else for (const part of tokenParts(token)) expect(out).not.toContain(part);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('returns text without tokens unchanged, and never throws for a non-string', () => {
    expect(redactText('v1.2.3 a.b.c', 'remove')).toEqual({ text: 'v1.2.3 a.b.c', redacted: 0 });
    expect(redactText(null as unknown as string, 'remove')).toEqual({ text: '', redacted: 0 });
  });
});
