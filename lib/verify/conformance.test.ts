/**
 * Conformance: third-party vectors run through verifyToken, counting agreement with the expected
 * result. "Agree" means: expected valid ⇔ signature === 'valid'. The exact counts are asserted so a
 * regression fails; every disagreement is listed with reasoning in fixtures/KNOWN-DIFFERENCES.md.
 * Sources and licenses: fixtures/README.md.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyToken } from './verify';

const fixture = (path: string) => readFileSync(new URL(`./fixtures/${path}`, import.meta.url), 'utf8');
const json = <T>(path: string) => JSON.parse(fixture(path)) as T;

interface WycheproofFile {
  testGroups: {
    comment: string;
    private?: unknown;
    public?: unknown;
    tests: { tcId: number; comment: string; jws: string; result: 'valid' | 'invalid'; flags: string[] }[];
  }[];
}

interface Outcome {
  id: string;
  expected: boolean;
  actual: boolean;
  detail: string;
}

const summary: Record<string, Outcome[]> = {};

async function run(set: string, id: string, token: string, key: string, expected: boolean): Promise<Outcome> {
  const result = await verifyToken(token, key);
  const outcome: Outcome = {
    id,
    expected,
    actual: result.signature === 'valid',
    detail:
      result.signature === 'valid'
        ? 'valid'
        : `${result.signature}: ${result.errors.map((e) => e.code).join(', ')}`,
  };
  (summary[set] ??= []).push(outcome);
  return outcome;
}

const agreeing = (set: string) => (summary[set] ?? []).filter((o) => o.expected === o.actual);
const disagreeing = (set: string) => (summary[set] ?? []).filter((o) => o.expected !== o.actual);

afterAll(() => {
  const lines = Object.keys(summary).map((set) => {
    const all = summary[set]!;
    const off = disagreeing(set).map(
      (o) => `${o.id} (expected ${o.expected ? 'valid' : 'invalid'}, got ${o.detail})`,
    );
    return `  ${set}: ${agreeing(set).length}/${all.length} agree${off.length ? `; disagree: ${off.join('; ')}` : ''}`;
  });
  console.log(`Conformance summary (verifyToken):\n${lines.join('\n')}`);
});

describe('Wycheproof json_web_signature_test.json', () => {
  const file = json<WycheproofFile>('wycheproof/json_web_signature_test.json');
  it('runs every case', async () => {
    for (const group of file.testGroups) {
      const key = JSON.stringify(group.public ?? group.private);
      for (const t of group.tests)
        await run('wycheproof-jws', `#${t.tcId}`, t.jws, key, t.result === 'valid');
    }
    expect(summary['wycheproof-jws']).toHaveLength(401);
    // The 8 disagreements are errors in the vectors, each argued in fixtures/KNOWN-DIFFERENCES.md.
    expect(disagreeing('wycheproof-jws').map((o) => o.id)).toEqual([
      '#346',
      '#347',
      '#350',
      '#351',
      '#367',
      '#370',
      '#372',
      '#373',
    ]);
    expect(agreeing('wycheproof-jws')).toHaveLength(393);
  });
});

describe('Wycheproof json_web_key_test.json', () => {
  const file = json<WycheproofFile>('wycheproof/json_web_key_test.json');
  it('runs every case', async () => {
    for (const group of file.testGroups) {
      const key = JSON.stringify(group.public ?? group.private);
      for (const t of group.tests)
        await run('wycheproof-jwk', `#${t.tcId}`, t.jws, key, t.result === 'valid');
    }
    expect(summary['wycheproof-jwk']).toHaveLength(26);
    expect(disagreeing('wycheproof-jwk').map((o) => o.id)).toEqual([]);
  });
});

interface CookbookJws {
  input: { payload: string; key: unknown; alg: string | string[] };
  output: { compact?: string; json_flat?: Record<string, unknown>; json?: Record<string, unknown> };
}

describe('RFC 7520 §4 JWS examples and RFC 8037 A.4', () => {
  const files = [
    '4_1.rsa_v15_signature.json',
    '4_2.rsa-pss_signature.json',
    '4_3.ecdsa_signature.json',
    '4_4.hmac-sha2_integrity_protection.json',
    '4_5.signature_with_detached_content.json',
    '4_6.protecting_specific_header_fields.json',
    '4_7.protecting_content_only.json',
    '4_8.multiple_signatures.json',
    'rfc8037_A.4.eddsa_signature.json',
  ];
  it('verifies every serialization of every example', async () => {
    for (const name of files) {
      const example = json<CookbookJws>(`rfc7520/${name}`);
      const set = name.startsWith('rfc8037') ? 'rfc8037' : 'rfc7520';
      const payload = Buffer.from(example.input.payload).toString('base64url');
      // §4.5 detaches the payload; verification re-attaches it, as RFC 7515 Appendix F describes.
      const attach = (token: string) => token.replace(/^([^.]*)\.\./, `$1.${payload}.`);
      const attachJson = (obj: Record<string, unknown>) =>
        JSON.stringify('payload' in obj ? obj : { payload, ...obj });
      const keys = Array.isArray(example.input.key) ? example.input.key : [example.input.key];
      for (const [i, key] of keys.entries()) {
        const keyText = JSON.stringify(key);
        const label = `${name.split('.')[0]}${keys.length > 1 ? ` key ${i + 1}` : ''}`;
        if (example.output.compact)
          await run(set, `${label} compact`, attach(example.output.compact), keyText, true);
        if (example.output.json_flat)
          await run(set, `${label} flattened`, attachJson(example.output.json_flat), keyText, true);
        if (example.output.json)
          await run(set, `${label} general`, attachJson(example.output.json), keyText, true);
      }
    }
    expect(summary.rfc7520).toHaveLength(22);
    expect(disagreeing('rfc7520')).toEqual([]);
    expect(summary.rfc8037).toHaveLength(3);
    expect(disagreeing('rfc8037')).toEqual([]);
  });

  it('says which signature of the RFC 7520 §4.8 general JWS verified', async () => {
    const example = json<CookbookJws>('rfc7520/4_8.multiple_signatures.json');
    const ecKey = (example.input.key as unknown[])[1];
    const result = await verifyToken(JSON.stringify(example.output.json), JSON.stringify(ecKey));
    expect(result.signature).toBe('valid');
    expect(result.signatures.map((s) => s.status)).toEqual(['error', 'valid', 'error']);
    expect(result.signatures[1]!.alg).toBe('ES512');
  });
});

describe('RFC 7515 Appendix A', () => {
  it('verifies A.1–A.4, A.6 (each signature) and A.7, and rejects the unsecured A.5', async () => {
    for (const n of ['1', '2', '3', '4']) {
      await run(
        'rfc7515',
        `A.${n}`,
        fixture(`rfc-appendix/rfc7515_A.${n}.jwsc`),
        fixture(`rfc-appendix/rfc7515_A.${n}.jwk`),
        true,
      );
    }
    await run(
      'rfc7515',
      'A.5 (alg none)',
      fixture('rfc-appendix/rfc7515_A.5.jwsc'),
      fixture('rfc-appendix/rfc7515_A.1.jwk'),
      false,
    );
    for (const n of ['1', '2']) {
      await run(
        'rfc7515',
        `A.6 with key ${n}`,
        fixture('rfc-appendix/rfc7515_A.6.jwsg'),
        fixture(`rfc-appendix/rfc7515_A.6.${n}.jwk`),
        true,
      );
    }
    await run(
      'rfc7515',
      'A.7',
      fixture('rfc-appendix/rfc7515_A.7.jwsf'),
      fixture('rfc-appendix/rfc7515_A.7.jwk'),
      true,
    );
    expect(summary.rfc7515).toHaveLength(8);
    expect(disagreeing('rfc7515')).toEqual([]);
  });
});
