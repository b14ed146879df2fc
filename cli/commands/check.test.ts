/**
 * `jwt-lens check` as a child process: one token against several service policies, so the table shows
 * which accept it and which rule rejects it; keys from a file or from each policy's jwksUri.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, exportJWK, exportSPKI, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt, expectOneLineError, runCli } from '../testing';

const NOW = '2026-06-01T12:00:00Z';
const NOW_S = Date.parse(NOW) / 1000;
const dir = mkdtempSync(join(tmpdir(), 'jwt-lens-check-'));
const file = (name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return path;
};
const base = {
  version: 1,
  issuer: 'https://id.example.com/',
  algorithms: ['RS256'],
  requiredClaims: ['sub', 'exp', 'iat'],
};
let token = '';
let pem = '';
let server: Server;
const policies = { gateway: '', orders: '', billing: '', fetching: '' };

beforeAll(async () => {
  await ensureCliBuilt();
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  pem = file('public.pem', await exportSPKI(publicKey));
  token = await new SignJWT({ sub: 'alice', scope: 'openid orders:read', azp: 'web-app' })
    .setProtectedHeader({ alg: 'RS256', kid: 'rsa-1' })
    .setIssuer('https://id.example.com/')
    .setAudience(['orders-api', 'gateway'])
    .setIssuedAt(NOW_S - 60)
    .setExpirationTime(NOW_S + 900)
    .sign(privateKey);
  const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'rsa-1', alg: 'RS256' }] });
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(jwks);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  policies.gateway = file('gateway.json', { ...base, name: 'gateway', audience: 'gateway' });
  policies.orders = file('orders.json', {
    ...base,
    name: 'orders-service',
    audience: ['orders-api'],
    claimValues: { azp: 'web-app' },
    scopes: { claim: 'scope', all: ['orders:read'], any: [] },
    maxLifetimeSeconds: 3600,
  });
  policies.billing = file('billing.json', {
    ...base,
    name: 'billing-service',
    audience: 'billing-api',
    scopes: { claim: 'scope', all: ['billing:read'], any: [] },
  });
  policies.fetching = file('fetching.json', {
    ...base,
    name: 'orders-jwks',
    audience: 'orders-api',
    jwksUri: `http://127.0.0.1:${port}/.well-known/jwks.json`,
  });
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

/** The token against the orders policy (which accepts it) and the billing one (which does not). */
const ordersAndBilling = (...extra: string[]) =>
  runCli([
    'check',
    token,
    '--policy',
    policies.orders,
    '--policy',
    policies.billing,
    '--key',
    pem,
    '--now',
    NOW,
    ...extra,
  ]);

describe('jwt-lens check', () => {
  it('every policy accepts: a table with a column per policy, exit 0', async () => {
    const run = await runCli([
      'check',
      token,
      '--policy',
      policies.gateway,
      '--policy',
      policies.orders,
      '--key',
      pem,
      '--now',
      NOW,
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^rule\s+gateway\s+orders-service/);
    expect(lines.find((l) => l.startsWith('signature'))).toMatch(/^signature\s+pass\s+pass/);
    expect(lines.find((l) => l.startsWith('scopes'))).toMatch(/pass/);
    expect(lines.find((l) => l.startsWith('verdict'))).toMatch(/accepted\s+accepted/);
  });

  it('one service accepts and another rejects: exit 1, and the table says which rule', async () => {
    const run = await ordersAndBilling();
    expect(run.status).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines.find((l) => l.startsWith('audience'))).toMatch(/^audience\s+pass\s+FAIL/);
    expect(lines.find((l) => l.startsWith('scopes'))).toMatch(/^scopes\s+pass\s+FAIL/);
    expect(lines.find((l) => l.startsWith('verdict'))).toMatch(/accepted\s+REJECTED/);
    expect(run.stdout).toMatch(/billing-service \(.*billing\.json\)\n\s+FAIL audience: /);
  });

  it('--json: the verdict of every policy with its rules', async () => {
    const run = await ordersAndBilling('--json');
    expect(run.status).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(result.accepted).toBe(false);
    expect(result.policies.map((p: { name: string; accepted: boolean }) => [p.name, p.accepted])).toEqual([
      ['orders-service', true],
      ['billing-service', false],
    ]);
    expect(result.policies[1].firstFailure).toBe('audience');
    expect(result.policies[0].rules.map((r: { id: string }) => r.id)).toEqual(
      expect.arrayContaining([
        'signature',
        'algorithm',
        'issuer',
        'audience',
        'exp',
        'required:sub',
        'value:azp',
        'lifetime',
        'scopes',
      ]),
    );
  });

  it('without a key the signature is skipped and no policy accepts: exit 1', async () => {
    const run = await runCli(['check', token, '--policy', policies.orders, '--now', NOW]);
    expect(run.status).toBe(1);
    expect(run.stdout.split('\n').find((l) => l.startsWith('signature'))).toMatch(/skip/);
  });

  it("--fetch-jwks verifies with the policy's own jwksUri (a local server)", async () => {
    const run = await runCli(['check', token, '--policy', policies.fetching, '--fetch-jwks', '--now', NOW]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('reads the token from standard input', async () => {
    const run = await runCli(['check', '-', '--policy', policies.orders, '--key', pem, '--now', NOW], {
      input: token,
    });
    expect(run.status).toBe(0);
  });

  describe('unusable input: exit 2, one line naming the problem', () => {
    it('a policy with an unknown member, with its JSON path', async () => {
      const bad = file('bad.json', { ...base, name: 'typo', audiance: 'orders-api' });
      const run = await runCli(['check', token, '--policy', bad, '--key', pem]);
      expect(run.status).toBe(2);
      expectOneLineError(run);
      expect(run.stderr).toContain('bad.json: $.audiance: Unknown member "audiance"');
    });

    it('a policy that is not JSON', async () => {
      const run = await runCli([
        'check',
        token,
        '--policy',
        file('broken.json', '{"version": 1,'),
        '--key',
        pem,
      ]);
      expect(run.status).toBe(2);
      expectOneLineError(run);
      expect(run.stderr).toContain('not valid JSON');
    });

    it('a policy file that does not exist', async () => {
      const run = await runCli(['check', token, '--policy', join(dir, 'nope.json')]);
      expect(run.status).toBe(2);
      expectOneLineError(run);
      expect(run.stderr).toContain('Could not read the policy file');
    });

    it('no --policy at all', async () => {
      const run = await runCli(['check', token]);
      expect(run.status).toBe(2);
      expectOneLineError(run);
      expect(run.stderr).toContain('Give at least one --policy FILE');
    });

    it('a malformed token', async () => {
      const run = await runCli(['check', 'abc', '--policy', policies.orders]);
      expect(run.status).toBe(2);
      expectOneLineError(run);
      expect(run.stderr).toContain('The token could not be decoded');
    });
  });
});
