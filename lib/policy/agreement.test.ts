/**
 * The generated code provably agrees with the page: the Node.js (jose) and Python (PyJWT) files that
 * policyCode writes are run as child processes on a matrix of tokens, signed by jose and by PyJWT, against a
 * local JWKS server, against embedded public keys and with an HMAC secret from JWT_SECRET. For every token
 * and language the exit code (0 accepted, 1 rejected) and the printed rule id must be evaluatePolicy's.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportJWK, exportPKCS8, generateKeyPair, importPKCS8, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policyCode, policyFileName } from './code';
import { evaluatePolicy } from './evaluate';
import { parsePolicy } from './parse';
import { inBatches, pythonWithPyJwt, run, startJwksServer } from './testing/processes';
import type { Policy } from './types';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const SECRET = 'orders-service-hmac-secret-0123456789abcdef';
const now = Math.floor(Date.now() / 1000);

interface KeyPair {
  kid: string;
  alg: string;
  pem: string;
  publicJwk: Record<string, unknown>;
}
interface Case {
  name: string;
  /** The rule this token breaks, or undefined for the accepted token. */
  breaks?: string;
  alg: string;
  /** 'rsa' | 'ec' | 'rogue' (an RSA key the JWKS does not have, under the JWKS's kid) | 'secret' | 'wrong-secret' */
  key: 'rsa' | 'ec' | 'rogue' | 'secret' | 'wrong-secret';
  headers: Record<string, unknown>;
  payload: Record<string, unknown>;
}
interface Token extends Case {
  signer: 'jose' | 'pyjwt';
  token: string;
}

const goodClaims = {
  iss: 'https://id.example.com/',
  aud: 'orders-api',
  sub: 'user-42',
  azp: 'web-app',
  scope: 'openid orders:read orders:write',
  realm_access: { roles: ['clerk'] },
  tid: 't-1',
  iat: now - 60,
  nbf: now - 60,
  exp: now + 1800,
};
const at = { typ: 'at+jwt' };
const without = (name: string) => Object.fromEntries(Object.entries(goodClaims).filter(([k]) => k !== name));

/** One accepted token and at least one breaking each rule of the full policy. */
const ASYMMETRIC_CASES: Case[] = [
  { name: 'accepted (RS256)', alg: 'RS256', key: 'rsa', headers: at, payload: goodClaims },
  { name: 'accepted (ES256)', alg: 'ES256', key: 'ec', headers: at, payload: goodClaims },
  {
    name: 'HS256 not allowed',
    breaks: 'algorithm',
    alg: 'HS256',
    key: 'secret',
    headers: at,
    payload: goodClaims,
  },
  {
    name: 'signed by another key',
    breaks: 'signature',
    alg: 'RS256',
    key: 'rogue',
    headers: at,
    payload: goodClaims,
  },
  { name: 'typ JWT', breaks: 'typ', alg: 'RS256', key: 'rsa', headers: { typ: 'JWT' }, payload: goodClaims },
  { name: 'no sub', breaks: 'required:sub', alg: 'RS256', key: 'rsa', headers: at, payload: without('sub') },
  {
    name: 'other issuer',
    breaks: 'issuer',
    alg: 'ES256',
    key: 'ec',
    headers: at,
    payload: { ...goodClaims, iss: 'https://evil.example/' },
  },
  {
    name: 'other audience',
    breaks: 'audience',
    alg: 'RS256',
    key: 'rsa',
    headers: at,
    payload: { ...goodClaims, aud: ['billing-api'] },
  },
  {
    name: 'expired',
    breaks: 'exp',
    alg: 'RS256',
    key: 'rsa',
    headers: at,
    payload: { ...goodClaims, iat: now - 400, nbf: now - 400, exp: now - 100 },
  },
  {
    name: 'not yet valid',
    breaks: 'nbf',
    alg: 'ES256',
    key: 'ec',
    headers: at,
    payload: { ...goodClaims, nbf: now + 600 },
  },
  {
    name: 'issued in the future',
    breaks: 'iat',
    alg: 'RS256',
    key: 'rsa',
    headers: at,
    payload: { ...goodClaims, iat: now + 600, nbf: now - 60 },
  },
  {
    name: 'other azp',
    breaks: 'value:azp',
    alg: 'RS256',
    key: 'rsa',
    headers: at,
    payload: { ...goodClaims, azp: 'mobile-app' },
  },
  {
    name: 'lives 2 h',
    breaks: 'lifetime',
    alg: 'RS256',
    key: 'rsa',
    headers: at,
    payload: { ...goodClaims, exp: now + 7200 },
  },
  {
    name: 'issued 20 min ago',
    breaks: 'age',
    alg: 'RS256',
    key: 'rsa',
    headers: at,
    payload: { ...goodClaims, iat: now - 1200, nbf: now - 1200 },
  },
  {
    name: 'no orders:read',
    breaks: 'scopes',
    alg: 'RS256',
    key: 'rsa',
    headers: at,
    payload: { ...goodClaims, scope: 'openid orders:write' },
  },
  {
    name: 'viewer only',
    breaks: 'roles',
    alg: 'ES256',
    key: 'ec',
    headers: at,
    payload: { ...goodClaims, realm_access: { roles: ['viewer'] } },
  },
  {
    name: 'other tenant',
    breaks: 'tenant',
    alg: 'RS256',
    key: 'rsa',
    headers: at,
    payload: { ...goodClaims, tid: 't-2' },
  },
];

/**
 * Tokens that break several rules: jose and PyJWT stop at different ones (PyJWT checks exp before aud, jose
 * aud before exp; PyJWT has no typ option), yet the files must name the page's first failing rule.
 */
const SEVERAL_BROKEN: Case[] = [
  {
    name: 'expired and for another audience',
    breaks: 'audience',
    alg: 'RS256',
    key: 'rsa',
    headers: at,
    payload: { ...goodClaims, aud: 'billing-api', iat: now - 400, nbf: now - 400, exp: now - 100 },
  },
  {
    name: 'typ JWT and another issuer',
    breaks: 'typ',
    alg: 'ES256',
    key: 'ec',
    headers: { typ: 'JWT' },
    payload: { ...goodClaims, iss: 'https://evil.example/' },
  },
  {
    name: 'not yet valid, other tenant, no scope',
    breaks: 'nbf',
    alg: 'RS256',
    key: 'rsa',
    headers: at,
    payload: { ...goodClaims, nbf: now + 600, tid: 't-2', scope: 'openid' },
  },
  {
    name: 'no sub and another issuer',
    breaks: 'required:sub',
    alg: 'RS256',
    key: 'rsa',
    headers: at,
    payload: { ...without('sub'), iss: 'https://evil.example/' },
  },
  {
    name: 'issued in the future and lives 3 h',
    breaks: 'iat',
    alg: 'RS256',
    key: 'rsa',
    headers: at,
    payload: { ...goodClaims, iat: now + 600, exp: now + 11400 },
  },
];

const HMAC_CASES: Case[] = [
  { name: 'accepted (HS256)', alg: 'HS256', key: 'secret', headers: {}, payload: goodClaims },
  {
    name: 'wrong secret',
    breaks: 'signature',
    alg: 'HS256',
    key: 'wrong-secret',
    headers: {},
    payload: goodClaims,
  },
  {
    name: 'RS256 not allowed',
    breaks: 'algorithm',
    alg: 'RS256',
    key: 'rsa',
    headers: {},
    payload: goodClaims,
  },
  {
    name: 'expired',
    breaks: 'exp',
    alg: 'HS256',
    key: 'secret',
    headers: {},
    payload: { ...goodClaims, exp: now - 100 },
  },
  {
    name: 'other audience',
    breaks: 'audience',
    alg: 'HS256',
    key: 'secret',
    headers: {},
    payload: { ...goodClaims, aud: 'inventory-api' },
  },
  {
    name: 'no sub',
    breaks: 'required:sub',
    alg: 'HS256',
    key: 'secret',
    headers: {},
    payload: without('sub'),
  },
];

function fullPolicy(jwksUri?: string): Policy {
  const text = JSON.stringify({
    version: 1,
    name: 'orders-service',
    issuer: 'https://id.example.com/',
    audience: 'orders-api',
    algorithms: ['RS256', 'ES256'],
    typ: 'at+jwt',
    requiredClaims: ['sub', 'exp', 'iat'],
    claimValues: { azp: 'web-app' },
    maxLifetimeSeconds: 3600,
    maxAgeSeconds: 600,
    clockToleranceSeconds: 30,
    scopes: { claim: 'scope', all: ['orders:read'], any: [] },
    roles: { claim: 'realm_access.roles', all: [], any: ['admin', 'clerk'] },
    tenants: { claim: 'tid', allowed: ['t-1'] },
    ...(jwksUri ? { jwksUri } : {}),
  });
  const parsed = parsePolicy(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.policy;
}

const hmacPolicy: Policy = {
  version: 1,
  name: 'billing-service',
  issuer: ['https://id.example.com/'],
  audience: ['billing-api', 'orders-api'],
  algorithms: ['HS256'],
  requiredClaims: ['sub'],
  claimValues: {},
  clockToleranceSeconds: 0,
};

const python = pythonWithPyJwt();
let dir = '';
let keys: Record<'rsa' | 'ec' | 'rogue', KeyPair>;
let jwks: { keys: Record<string, unknown>[] };
let server: Awaited<ReturnType<typeof startJwksServer>>;

async function keyPair(alg: 'RS256' | 'ES256', kid: string): Promise<KeyPair> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  return {
    kid,
    alg,
    pem: await exportPKCS8(privateKey),
    publicJwk: { ...(await exportJWK(publicKey)), kid, use: 'sig' },
  };
}

function signingKey(c: Case): { kid?: string; material: string } {
  if (c.key === 'secret') return { material: SECRET };
  if (c.key === 'wrong-secret') return { material: `${SECRET}-rotated` };
  return { kid: keys[c.key].kid, material: keys[c.key].pem };
}

async function signAll(cases: Case[]): Promise<Token[]> {
  const specs = cases.map((c) => {
    const { kid, material } = signingKey(c);
    return {
      alg: c.alg,
      key: material,
      headers: { ...c.headers, ...(kid ? { kid } : {}) },
      payload: c.payload,
    };
  });
  const joseTokens = await Promise.all(
    specs.map(async (s) => {
      const key = s.alg.startsWith('HS') ? new TextEncoder().encode(s.key) : await importPKCS8(s.key, s.alg);
      return new SignJWT(s.payload).setProtectedHeader({ alg: s.alg, ...s.headers }).sign(key);
    }),
  );
  const signed = await run(
    python!,
    [join(repoRoot, 'lib/policy/testing/pyjwt-sign.py')],
    {},
    JSON.stringify(specs),
  );
  expect(signed.stderr).toBe('');
  const pyTokens = JSON.parse(signed.stdout) as string[];
  return [
    ...cases.map((c, i) => ({ ...c, signer: 'jose' as const, token: joseTokens[i]! })),
    ...cases.map((c, i) => ({ ...c, signer: 'pyjwt' as const, token: pyTokens[i]! })),
  ];
}

/** Writes both files for a policy and runs every token through each; returns one row per token and language. */
async function verdicts(
  policy: Policy,
  tokens: Token[],
  evaluateKey: { key?: string; jwks?: { keys: unknown[] } },
  publicKey?: string,
) {
  const files = {
    node: join(
      dir,
      policyFileName(policy, 'node').replace('.mjs', `-${tokens.length}-${publicKey ? 'k' : 'j'}.mjs`),
    ),
    python: join(
      dir,
      policyFileName(policy, 'python').replace('.py', `_${tokens.length}_${publicKey ? 'k' : 'j'}.py`),
    ),
  };
  await writeFile(files.node, policyCode(policy, 'node', publicKey ? { publicKey } : {}));
  await writeFile(files.python, policyCode(policy, 'python', publicKey ? { publicKey } : {}));
  const jobs = tokens.flatMap((t) => (['node', 'python'] as const).map((language) => ({ t, language })));
  return inBatches(jobs, 4, async ({ t, language }) => {
    const expected = await evaluatePolicy(t.token, policy, { now: new Date(), ...evaluateKey });
    const result = await run(language === 'node' ? process.execPath : python!, [files[language], t.token], {
      JWT_SECRET: SECRET,
    });
    const printed = /^rejected (\S+):/.exec(result.stdout)?.[1];
    return {
      label: `${language} / ${t.signer}-signed / ${t.name}`,
      actual: { code: result.code, rule: printed, ...(result.code > 1 ? { stderr: result.stderr } : {}) },
      expected: { code: expected.accepted ? 0 : 1, rule: expected.firstFailure },
      breaks: t.breaks,
    };
  });
}

beforeAll(async () => {
  expect(
    python,
    'No Python with PyJWT: install Debian python3-jwt python3-cryptography (.ci/run does).',
  ).toBeDefined();
  dir = await mkdtemp(join(repoRoot, 'node_modules/.cache-policy-agreement-'));
  keys = {
    rsa: await keyPair('RS256', 'rsa-1'),
    ec: await keyPair('ES256', 'ec-1'),
    rogue: await keyPair('RS256', 'rsa-1'),
  };
  jwks = { keys: [keys.rsa.publicJwk, keys.ec.publicJwk] };
  server = await startJwksServer(jwks);
});

afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('exported policy code agrees with evaluatePolicy', () => {
  it('the matrix covers every rule of the full policy in both directions', () => {
    const broken = new Set(ASYMMETRIC_CASES.map((c) => c.breaks).filter(Boolean));
    const policy = fullPolicy();
    const ids = [
      'algorithm',
      'signature',
      'typ',
      'required:sub',
      'issuer',
      'audience',
      'exp',
      'nbf',
      'iat',
      'value:azp',
      'lifetime',
      'age',
      'scopes',
      'roles',
      'tenant',
    ];
    expect([...broken].sort()).toEqual([...ids].sort());
    expect(policy.requiredClaims).toContain('sub');
  });

  it('against a local JWKS server (createRemoteJWKSet, PyJWKClient)', { timeout: 180_000 }, async () => {
    const policy = fullPolicy(server.url);
    const rows = await verdicts(policy, await signAll([...ASYMMETRIC_CASES, ...SEVERAL_BROKEN]), { jwks });
    for (const row of rows) {
      expect(row.actual, row.label).toEqual(row.expected);
      expect(row.expected.rule, row.label).toBe(row.breaks);
    }
    expect(server.requests()).toBeGreaterThan(0);
  });

  it('with the public keys embedded (createLocalJWKSet, PyJWK)', { timeout: 180_000 }, async () => {
    const policy = fullPolicy();
    const keyText = JSON.stringify(jwks);
    const code = policyCode(policy, 'node', { publicKey: keyText });
    expect(code).toContain(String(keys.rsa.publicJwk.n));
    expect(code).not.toContain('"d"');
    const tokens = (await signAll(ASYMMETRIC_CASES)).filter(
      (t) => t.signer === 'jose' || !t.breaks || t.breaks === 'signature',
    );
    const rows = await verdicts(policy, tokens, { key: keyText }, keyText);
    for (const row of rows) {
      expect(row.actual, row.label).toEqual(row.expected);
      expect(row.expected.rule, row.label).toBe(row.breaks);
    }
  });

  it('with an HMAC secret from JWT_SECRET, never embedded', { timeout: 120_000 }, async () => {
    const code = policyCode(hmacPolicy, 'python', { publicKey: SECRET });
    expect(code).not.toContain(SECRET);
    expect(policyCode(hmacPolicy, 'node', { publicKey: SECRET })).not.toContain(SECRET);
    const rows = await verdicts(hmacPolicy, await signAll(HMAC_CASES), { key: SECRET }, SECRET);
    for (const row of rows) {
      expect(row.actual, row.label).toEqual(row.expected);
      expect(row.expected.rule, row.label).toBe(row.breaks);
    }
  });

  it('exits 2 on a usage error: no token, or no JWT_SECRET for an HMAC policy', async () => {
    const node = join(dir, 'usage.mjs');
    const py = join(dir, 'usage.py');
    await writeFile(node, policyCode(hmacPolicy, 'node'));
    await writeFile(py, policyCode(hmacPolicy, 'python'));
    const [token] = await signAll(HMAC_CASES.slice(0, 1));
    for (const [command, file] of [
      [process.execPath, node],
      [python!, py],
    ] as const) {
      expect((await run(command, [file])).code).toBe(2);
      const noSecret = await run(command, [file, token!.token]);
      expect(noSecret.code).toBe(2);
      expect(noSecret.stderr).toContain('JWT_SECRET');
    }
  });
});
