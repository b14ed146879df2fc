/**
 * Conformance against other implementations' own test suites: golang-jwt/jwt, auth0/java-jwt and
 * the SD-JWT draft's examples, as collected in ../shared/conformance/external (schema in its
 * README). Every case is run through verifyToken, decodeToken or the SD-JWT helpers and compared
 * with the source's own verdict. "Agree" means every member of `expect` holds. The few cases where
 * JWT Lens differs on purpose are listed below, case by case, with the reason; any other
 * disagreement fails the test. The list is also in lib/verify/fixtures/KNOWN-DIFFERENCES.md.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeToken, verifyKeyBinding, verifyToken } from '../index';
import type { VerifyOptions } from '../verify/verify';
import { isObject } from '../is-object';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** The shared folder sits beside the clone (CI checks it out read-only next to the repository). */
const EXTERNAL = path.resolve(repoRoot, '../shared/conformance/external');

interface ExternalCase {
  id: string;
  kind: 'verify' | 'decode' | 'sd-jwt';
  token: string;
  key?: string;
  options?: Record<string, unknown>;
  expect: Record<string, unknown>;
  sourceSays?: string;
}

interface ExternalFile {
  source: { repo: string };
  cases: ExternalCase[];
}

/**
 * Where JWT Lens disagrees with a source on purpose, by `<file>:<case id>`. Each reason is the
 * argument; the test fails if one of these starts to agree (then the entry is stale) or if any
 * case not listed here disagrees.
 */
const DELIBERATE: Readonly<Record<string, string>> = {
  'golang-jwt:rsaPSSTestData/Basic PS256':
    'Signed with the maximum PSS salt length (Go rsa.PSSSaltLengthAuto). RFC 7518 §3.5 fixes the salt to the hash length (32 bytes for PS256), and WebCrypto and jose verify with exactly that; accepting any salt length would make the signature format looser than the JWA says.',
  'golang-jwt:rsaPSSTestData/Basic PS384':
    'Maximum PSS salt length, where RFC 7518 §3.5 requires a salt of the hash length (48 bytes for PS384).',
  'golang-jwt:rsaPSSTestData/Basic PS512':
    'Maximum PSS salt length, where RFC 7518 §3.5 requires a salt of the hash length (64 bytes for PS512).',
  'golang-jwt:ed25519TestData/Basic Ed25519':
    'The header says alg "ED25519", which is no registered JWS algorithm: "alg" values are case-sensitive (RFC 7515 §4.1.1) and the names are "EdDSA" (RFC 8037) and "Ed25519" (RFC 9864). The Go test calls the EdDSA method directly and never reads the header; a verifier that reads the header must refuse an algorithm it does not know.',
  'golang-jwt:parser/bearer in JWT':
    'JWT Lens strips a pasted "Bearer " prefix (and says so in an input-cleaned finding) because people copy whole Authorization headers; golang-jwt parses the raw string and calls it malformed. The signature and claims themselves are fine.',
  'golang-jwt:padding/Validated non-padded token with padding disabled, non-strict decode, tweaked signature':
    "The last signature character has non-zero unused bits, which Go's non-strict decoder ignores. RFC 7515 §2 allows exactly one base64url encoding, so a second spelling of the same signature is an alteration after signing; JWT Lens rejects non-canonical base64url (as in Wycheproof #374, #375).",
  'java-jwt:shouldAcceptNoneAlgorithm':
    'An unsecured JWT (alg "none", RFC 7518 §3.6) is accepted by java-jwt when the application asks for Algorithm.none(). JWT Lens never accepts "none" as verified, whatever the key or options: an unsigned token proves nothing, and "none" is the first thing attackers try.',
};

interface Outcome {
  id: string;
  agree: boolean;
  problems: string[];
}

const summary: Record<string, Outcome[]> = {};

afterAll(() => {
  const lines = Object.keys(summary).map((set) => {
    const all = summary[set]!;
    const agree = all.filter((o) => o.agree);
    const off = all
      .filter((o) => !o.agree)
      .map((o) => `${o.id} (${DELIBERATE[`${set}:${o.id}`] ? 'deliberate' : o.problems.join('; ')})`);
    return `  ${set}: ${agree.length}/${all.length} agree${off.length ? `; differ: ${off.join('; ')}` : ''}`;
  });
  const all = Object.values(summary).flat();
  lines.push(`  total: ${all.filter((o) => o.agree).length}/${all.length} agree`);
  console.log(`Conformance summary (external suites):\n${lines.join('\n')}`);
});

// ---- comparing -----------------------------------------------------------------

/** Structural JSON equality: member order and prototypes do not matter. */
function jsonEqual(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]))
    );
  }
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    return (
      ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]))
    );
  }
  return a === b;
}

/** "Includes": every member of `expected` is in `actual`, recursing into objects. */
function jsonIncludes(actual: unknown, expected: unknown): boolean {
  if (isObject(expected) && !Array.isArray(expected)) {
    return (
      isObject(actual) &&
      !Array.isArray(actual) &&
      Object.keys(expected).every((k) => Object.hasOwn(actual, k) && jsonIncludes(actual[k], expected[k]))
    );
  }
  return jsonEqual(actual, expected);
}

function verifyOptions(options: Record<string, unknown> = {}): VerifyOptions {
  const out: VerifyOptions = {};
  if (typeof options.currentDate === 'string') out.currentDate = new Date(options.currentDate);
  if (typeof options.clockTolerance === 'number') out.clockTolerance = options.clockTolerance;
  if (typeof options.issuer === 'string') out.issuer = options.issuer;
  if (typeof options.audience === 'string' || Array.isArray(options.audience))
    out.audience = options.audience as string | string[];
  if (typeof options.subject === 'string') out.subject = options.subject;
  if (Array.isArray(options.requiredClaims)) out.requiredClaims = options.requiredClaims as string[];
  if (options.secretEncoding === 'hex') out.secretEncoding = 'hex';
  if (Array.isArray(options.algorithms)) out.algorithms = options.algorithms as string[];
  return out;
}

async function checkVerify(c: ExternalCase): Promise<string[]> {
  const problems: string[] = [];
  const result = await verifyToken(c.token, c.key ?? '', verifyOptions(c.options));
  const got = `signature ${result.signature}, claims ${result.claims}${result.errors.length ? ` [${result.errors.map((e) => e.code).join(', ')}]` : ''}${
    result.checks.some((k) => !k.ok)
      ? ` [${result.checks
          .filter((k) => !k.ok)
          .map((k) => k.id)
          .join(', ')}]`
      : ''
  }`;
  const e = c.expect;
  if (e.signature !== undefined) {
    const ok = e.signature === 'not-valid' ? result.signature !== 'valid' : result.signature === e.signature;
    if (!ok) problems.push(`expected signature ${String(e.signature)}, got ${got}`);
  }
  if (e.claims !== undefined && result.claims !== e.claims)
    problems.push(`expected claims ${String(e.claims)}, got ${got}`);
  if (e.accepted !== undefined) {
    const accepted = result.signature === 'valid' && result.claims !== 'invalid';
    if (accepted !== e.accepted) problems.push(`expected accepted ${String(e.accepted)}, got ${got}`);
  }
  if (e.payloadIncludes !== undefined) {
    const decoded = decodeToken(c.token);
    if (!decoded.ok || !jsonIncludes(decoded.payload, e.payloadIncludes))
      problems.push('payload does not include the expected claims');
  }
  return problems;
}

function checkDecode(c: ExternalCase): string[] {
  const problems: string[] = [];
  const decoded = decodeToken(c.token, nowOption(c.options));
  const e = c.expect;
  if (e.ok !== undefined && decoded.ok !== e.ok)
    problems.push(
      `expected ok ${String(e.ok)}, got ${decoded.ok ? `ok (${decoded.format})` : `${decoded.error.code}: ${decoded.error.message}`}`,
    );
  if (!decoded.ok) return problems;
  if (e.format !== undefined && decoded.format !== e.format)
    problems.push(`expected format ${String(e.format)}, got ${decoded.format}`);
  if (e.header !== undefined && !jsonEqual(decoded.header, e.header)) problems.push('header differs');
  if (e.payload !== undefined && !jsonEqual(decoded.payload, e.payload)) problems.push('payload differs');
  if (e.payloadIncludes !== undefined && !jsonIncludes(decoded.payload, e.payloadIncludes))
    problems.push('payload does not include the expected claims');
  return problems;
}

async function checkSdJwt(c: ExternalCase): Promise<string[]> {
  const problems: string[] = [];
  const decoded = decodeToken(c.token, nowOption(c.options));
  if (!decoded.ok) return [`decodeToken failed: ${decoded.error.code}: ${decoded.error.message}`];
  const sd = decoded.sdJwt;
  if (!sd) return [`not read as an SD-JWT (format ${decoded.format}, ${decoded.serialization})`];
  const e = c.expect;
  if (e.sdAlg !== undefined && sd.sdAlg !== e.sdAlg) problems.push(`sdAlg ${sd.sdAlg}`);
  if (e.disclosureCount !== undefined && sd.disclosures.length !== e.disclosureCount)
    problems.push(`disclosureCount ${sd.disclosures.length}, expected ${String(e.disclosureCount)}`);
  if (Array.isArray(e.disclosures)) {
    for (const want of e.disclosures as Record<string, unknown>[]) {
      const found = sd.disclosures.find((d) => d.encoded === want.encoded);
      if (!found) {
        problems.push(`disclosure ${String(want.encoded).slice(0, 16)}… missing`);
        continue;
      }
      for (const member of ['digest', 'name', 'value'] as const) {
        if (member in want && !jsonEqual(found[member], want[member]))
          problems.push(`disclosure ${String(want.name ?? want.digest)}: ${member} differs`);
      }
      if (found.status !== 'matched') problems.push(`disclosure ${String(want.name)}: ${found.status}`);
    }
  }
  if (e.allDisclosuresMatched !== undefined) {
    const all = sd.disclosures.every((d) => d.status === 'matched');
    if (all !== e.allDisclosuresMatched) problems.push(`allDisclosuresMatched ${String(all)}`);
  }
  if (e.withheld !== undefined && sd.withheld.length !== e.withheld)
    problems.push(`withheld ${sd.withheld.length}, expected ${String(e.withheld)}`);
  if (e.disclosedPayload !== undefined && !jsonEqual(decoded.disclosedPayload, e.disclosedPayload))
    problems.push('disclosedPayload differs');
  if (
    e.disclosedPayloadIncludes !== undefined &&
    !jsonIncludes(decoded.disclosedPayload, e.disclosedPayloadIncludes)
  )
    problems.push('disclosedPayload does not include the expected claims');
  if (isObject(e.keyBinding)) {
    const want = e.keyBinding;
    const kb = sd.keyBinding;
    if (!kb) return [...problems, `no key binding${sd.keyBindingError ? `: ${sd.keyBindingError}` : ''}`];
    if (want.payload !== undefined && !jsonEqual(kb.payload, want.payload))
      problems.push('KB-JWT payload differs');
    if (want.payloadIncludes !== undefined && !jsonIncludes(kb.payload, want.payloadIncludes))
      problems.push('KB-JWT payload does not include the expected claims');
    if (want.sdHash !== undefined && kb.sdHash !== want.sdHash) problems.push(`sdHash ${String(kb.sdHash)}`);
    if (want.expectedSdHash !== undefined && kb.expectedSdHash !== want.expectedSdHash)
      problems.push(`expectedSdHash ${String(kb.expectedSdHash)}, expected ${String(want.expectedSdHash)}`);
    if (want.sdHashMatches !== undefined && (kb.sdHash === kb.expectedSdHash) !== want.sdHashMatches)
      problems.push('sdHashMatches differs');
    if (isObject(want.verify)) {
      const v = want.verify;
      const result = await verifyKeyBinding(decoded, {
        ...(typeof v.audience === 'string' ? { audience: v.audience } : {}),
        ...(typeof v.nonce === 'string' ? { nonce: v.nonce } : {}),
        ...(typeof v.now === 'string' ? { now: new Date(v.now) } : {}),
      });
      if (!result.ok) problems.push(`verifyKeyBinding: ${result.error.code}: ${result.error.message}`);
    }
  }
  return problems;
}

function nowOption(options: Record<string, unknown> = {}): { now?: Date } {
  return typeof options.now === 'string' ? { now: new Date(options.now) } : {};
}

// ---- running -------------------------------------------------------------------

const files = existsSync(EXTERNAL)
  ? readdirSync(EXTERNAL)
      .filter((f) => f.endsWith('.json'))
      .sort()
  : [];

describe('external conformance suites', () => {
  it('finds the shared case files beside the repository', () => {
    expect(files, `no case files in ${EXTERNAL}`).toEqual([
      'golang-jwt.json',
      'java-jwt.json',
      'sd-jwt-rfc9901.json',
    ]);
  });

  for (const name of files) {
    const set = name.replace(/\.json$/, '');
    it(`runs every case of ${name}`, async () => {
      const file = JSON.parse(readFileSync(path.join(EXTERNAL, name), 'utf8')) as ExternalFile;
      for (const c of file.cases) {
        const problems =
          c.kind === 'verify'
            ? await checkVerify(c)
            : c.kind === 'decode'
              ? checkDecode(c)
              : await checkSdJwt(c);
        (summary[set] ??= []).push({ id: c.id, agree: problems.length === 0, problems });
      }
      const differing = summary[set]!.filter((o) => !o.agree).map((o) => `${set}:${o.id}`);
      const listed = Object.keys(DELIBERATE).filter((k) => k.startsWith(`${set}:`));
      expect(differing).toEqual(listed);
    });
  }

  it('agrees on 208 of the 215 cases; the other 7 are the deliberate differences above', () => {
    const all = Object.values(summary).flat();
    expect(all).toHaveLength(215);
    expect(all.filter((o) => o.agree)).toHaveLength(208);
    expect(Object.keys(DELIBERATE)).toHaveLength(7);
  });
});
