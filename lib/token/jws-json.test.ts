/**
 * JWS JSON serialization (RFC 7515 §7.2, flattened and general) and unencoded payloads
 * (RFC 7797) through decodeToken, with the RFC 7520 §4 and RFC 7797 cookbook examples in
 * ./fixtures. Each signature is also verified with jose from the decoded segments alone,
 * to prove that the decoder hands every signature its own protected and unprotected header.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compactVerify, flattenedVerify, importJWK, type JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import type { DecodedOk } from '../types';
import { verifyToken } from '../verify/verify';
import { decodeToken } from './decode';

const NOW = new Date('2026-01-01T00:00:00Z');
const fixture = (path: string) => JSON.parse(readFileSync(join(__dirname, 'fixtures', path), 'utf8'));

interface JwsExample {
  input: { payload: string; key: JWK | JWK[]; alg: string | string[] };
  signing:
    | { protected?: Record<string, unknown>; unprotected?: Record<string, unknown> }
    | { protected?: Record<string, unknown>; unprotected?: Record<string, unknown> }[];
  output: { compact?: string; json?: unknown; json_flat?: unknown };
}

function decodeOk(input: string): DecodedOk {
  const result = decodeToken(input, { now: NOW });
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
const publicPart = ({ d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...rest }: JWK) => rest;

async function verifyEach(decoded: DecodedOk, keys: JWK[], algs: string[]): Promise<boolean[]> {
  return Promise.all(
    (decoded.signatures ?? []).map(async (sig, i) => {
      const key = await importJWK(keys[i]!.kty === 'oct' ? keys[i]! : publicPart(keys[i]!), algs[i]);
      try {
        await flattenedVerify(
          {
            payload: decoded.segments.payload,
            signature: sig.segments.signature,
            ...(sig.segments.protected ? { protected: sig.segments.protected } : {}),
            ...(sig.header ? { header: sig.header } : {}),
          },
          key,
        );
        return true;
      } catch {
        return false;
      }
    }),
  );
}

describe('RFC 7520 §4 JWS examples in every serialization', () => {
  const singles = [
    '4_1.rsa_v15_signature.json',
    '4_2.rsa-pss_signature.json',
    '4_3.ecdsa_signature.json',
    '4_4.hmac-sha2_integrity_protection.json',
  ];

  it.each(singles)(
    '%s: compact, flattened and general decode alike and each signature verifies',
    async (file) => {
      const example = fixture(`rfc7520/${file}`) as JwsExample;
      const compact = decodeOk(example.output.compact!);
      const flat = decodeOk(text(example.output.json_flat));
      const general = decodeOk(text(example.output.json));
      expect([compact.serialization, flat.serialization, general.serialization]).toEqual([
        'compact',
        'json-flattened',
        'json-general',
      ]);
      expect([flat.format, general.format]).toEqual(['jws-json', 'jws-json']);
      for (const d of [compact, flat, general]) {
        expect(d.payload).toBe(example.input.payload);
        expect(d.header).toEqual((example.signing as { protected: unknown }).protected);
      }
      // The draft-era key of 4.2 says PS256 but the signature is PS384 (see conformance README).
      const alg = String((example.signing as { protected: { alg: string } }).protected.alg);
      for (const d of [flat, general]) {
        expect(d.signatures).toHaveLength(1);
        expect(await verifyEach(d, [example.input.key as JWK], [alg])).toEqual([true]);
      }
    },
  );

  it('4.5 detached content: decodes without a payload and says so', () => {
    const example = fixture('rfc7520/4_5.signature_with_detached_content.json') as JwsExample;
    for (const token of [
      example.output.compact!,
      text(example.output.json_flat),
      text(example.output.json),
    ]) {
      const d = decodeOk(token);
      expect(d.payload).toBe('');
      expect(d.header.kid).toBe('018c0ae5-4d9b-471b-bfd6-eef314bc7037');
      expect(d.findings.map((f) => f.id)).toContain('payload-detached');
    }
  });

  it('4.6 protected and unprotected header: each kept apart', async () => {
    const example = fixture('rfc7520/4_6.protecting_specific_header_fields.json') as JwsExample;
    for (const token of [example.output.json_flat, example.output.json]) {
      const d = decodeOk(text(token));
      expect(d.signatures?.[0]?.protected).toEqual({ alg: 'HS256' });
      expect(d.signatures?.[0]?.header).toEqual({ kid: '018c0ae5-4d9b-471b-bfd6-eef314bc7037' });
      expect(await verifyEach(d, [example.input.key as JWK], ['HS256'])).toEqual([true]);
    }
  });

  it('4.7 unprotected header only: the protected header is empty', async () => {
    const example = fixture('rfc7520/4_7.protecting_content_only.json') as JwsExample;
    for (const token of [example.output.json_flat, example.output.json]) {
      const d = decodeOk(text(token));
      expect(d.signatures?.[0]?.protected).toEqual({});
      expect(d.signatures?.[0]?.segments.protected).toBe('');
      expect(d.signatures?.[0]?.header).toEqual({
        alg: 'HS256',
        kid: '018c0ae5-4d9b-471b-bfd6-eef314bc7037',
      });
      expect(await verifyEach(d, [example.input.key as JWK], ['HS256'])).toEqual([true]);
    }
  });

  it('4.8 three signatures (RS256, ES512, HS256): each listed with its own headers and each verifies', async () => {
    const example = fixture('rfc7520/4_8.multiple_signatures.json') as JwsExample;
    const d = decodeOk(text(example.output.json));
    expect(d.serialization).toBe('json-general');
    expect(d.payload).toBe(example.input.payload);
    expect(d.signatures?.map((s) => ({ protected: s.protected, header: s.header }))).toEqual([
      { protected: { alg: 'RS256' }, header: { kid: 'bilbo.baggins@hobbiton.example' } },
      { protected: {}, header: { alg: 'ES512', kid: 'bilbo.baggins@hobbiton.example' } },
      { protected: { alg: 'HS256', kid: '018c0ae5-4d9b-471b-bfd6-eef314bc7037' }, header: undefined },
    ]);
    expect(await verifyEach(d, example.input.key as JWK[], ['RS256', 'ES512', 'HS256'])).toEqual([
      true,
      true,
      true,
    ]);
  });
});

describe('RFC 7797 unencoded payload (b64: false)', () => {
  const example = fixture('rfc7797/hmac-sha2_b64_false.json') as JwsExample;
  const key = example.input.key as JWK;

  it('decodes the compact form with its spaces intact, and it still verifies', async () => {
    const d = decodeOk(example.output.compact!);
    expect(d.payload).toBe('This is the payload string!');
    expect(d.header).toEqual({ alg: 'HS256', b64: false, crit: ['b64'] });
    expect(d.token).toBe(example.output.compact);
    const ids = d.findings.map((f) => f.id);
    expect(ids).not.toContain('crit-unsupported');
    expect(ids).not.toContain('b64-crit-missing');
    expect(ids).not.toContain('input-cleaned');
    await expect(compactVerify(d.token, await importJWK(key, 'HS256'))).resolves.toBeTruthy();
  });

  it('still removes line breaks a copy added to the header and signature', () => {
    const [h, p, s] = example.output.compact!.split('.') as [string, string, string];
    const wrapped = `${h.slice(0, 20)}\n${h.slice(20)}.${p}.${s.slice(0, 10)}\n${s.slice(10)}`;
    const d = decodeOk(wrapped);
    expect(d.token).toBe(example.output.compact);
    expect(d.findings.find((f) => f.id === 'input-cleaned')?.message).toMatch(
      /unencoded b64:false payload is kept/,
    );
  });

  it('decodes the flattened and general forms; each signature verifies', async () => {
    for (const token of [example.output.json_flat, example.output.json]) {
      const d = decodeOk(text(token));
      expect(d.format).toBe('jws-json');
      expect(d.payload).toBe('This is the payload string!');
      expect(d.signatures?.[0]?.protected).toEqual({ alg: 'HS256', b64: false, crit: ['b64'] });
      expect(await verifyEach(d, [key], ['HS256'])).toEqual([true]);
    }
  });

  it('warns when b64:false comes without crit (the draft-era 4.2 example)', () => {
    const draft = fixture('rfc7797/4.2.hmac-sha2_b64_false.json') as JwsExample;
    for (const token of [draft.output.json_flat, draft.output.json]) {
      const d = decodeOk(text(token));
      expect(d.payload).toBe('$.02');
      expect(d.findings.find((f) => f.id === 'b64-crit-missing')).toMatchObject({
        severity: 'warning',
        path: 'header.b64',
      });
    }
  });
});

describe('verifyToken on JWS JSON and RFC 7797 tokens (each signature separately)', () => {
  it('4.8: each of the 3 signatures verifies with its own key and fails with the others', async () => {
    const example = fixture('rfc7520/4_8.multiple_signatures.json') as JwsExample;
    const token = text(example.output.json);
    const keys = example.input.key as JWK[];
    const reports = await Promise.all(
      keys.map((key) => verifyToken(token, JSON.stringify(key), { currentDate: NOW })),
    );
    const validByKey = reports.map((r) => (r.signatures ?? []).map((s) => s.status === 'valid'));
    expect(validByKey).toEqual([
      [true, false, false],
      [false, true, false],
      [false, false, true],
    ]);
  });

  it('RFC 7797: the compact, flattened and general forms verify; the draft form without crit does not', async () => {
    const example = fixture('rfc7797/hmac-sha2_b64_false.json') as JwsExample;
    const key = JSON.stringify(example.input.key);
    for (const token of [
      example.output.compact!,
      text(example.output.json_flat),
      text(example.output.json),
    ]) {
      expect((await verifyToken(token, key, { currentDate: NOW })).signature).toBe('valid');
    }
    const draft = fixture('rfc7797/4.2.hmac-sha2_b64_false.json') as JwsExample;
    const draftKey = JSON.stringify(draft.input.key);
    expect(
      (await verifyToken(text(draft.output.json_flat), draftKey, { currentDate: NOW })).signature,
    ).not.toBe('valid');
  });
});
