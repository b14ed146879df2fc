/** `jwt-lens decode`, run as a child process on tokens signed by jose and by PyJWT. */
import { SignJWT, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt, expectOneLineError, pyjwtEncode, runCli } from '../testing';

const NOW = '2026-06-01T12:00:00Z';
const NOW_S = Date.parse(NOW) / 1000;
let token: string;

beforeAll(async () => {
  await ensureCliBuilt();
  const { privateKey } = await generateKeyPair('RS256');
  token = await new SignJWT({ sub: 'alice', scope: 'orders:read', email: 'alice@example.com' })
    .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: 'k1' })
    .setIssuer('https://id.example.com/')
    .setAudience('orders-api')
    .setIssuedAt(NOW_S - 60)
    .setExpirationTime(NOW_S + 3600)
    .sign(privateKey);
}, 120_000);

describe('jwt-lens decode', () => {
  it('shows header, payload, findings and the claims explained; exit 0', async () => {
    const run = await runCli(['decode', token, '--now', NOW]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('JWS (RS256)');
    expect(run.stdout).toContain('"kid": "k1"');
    expect(run.stdout).toContain('"sub": "alice"');
    expect(run.stdout).toMatch(/Findings \(\d+\)/);
    // The claims registry explains each claim; times are shown in UTC, whatever the machine's zone.
    expect(run.stdout).toMatch(/Issuer: Who created and signed the token/);
    expect(run.stdout).toContain('2026-06-01T13:00:00Z (in 1 h)');
    expect(run.stdout).toMatch(/Expiry +Valid: expires in 1 h/);
  });

  it('reads the token from standard input with "-"', async () => {
    const run = await runCli(['decode', '-', '--now', NOW], { input: `${token}\n` });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('"sub": "alice"');
  });

  it('reads piped input when no token argument is given', async () => {
    const run = await runCli(['decode', '--json', '--now', NOW], { input: `Bearer ${token}` });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).payload.sub).toBe('alice');
  });

  it('--json gives header, payload, findings, kind, expiry and explained claims', async () => {
    const run = await runCli(['decode', token, '--json', '--now', NOW]);
    expect(run.status).toBe(0);
    const view = JSON.parse(run.stdout);
    expect(view.format).toBe('jws');
    expect(view.header).toEqual({ alg: 'RS256', typ: 'at+jwt', kid: 'k1' });
    expect(view.payload.aud).toBe('orders-api');
    expect(view.kind.id).toBe('access-token');
    expect(view.expiry.state).toBe('valid');
    expect(Array.isArray(view.findings)).toBe(true);
    const exp = view.claims.find((c: { path: string }) => c.path === 'exp');
    expect(exp.title).toMatch(/Expiration/i);
    expect(exp.time).toBe('2026-06-01T13:00:00Z (in 1 h)');
  });

  it('reports findings, e.g. a token without exp signed by PyJWT with HS256', async () => {
    const pyToken = pyjwtEncode(
      { sub: 'bob', iss: 'https://py.example' },
      'a-32-byte-secret-for-hs256-tests!',
      'HS256',
    );
    const run = await runCli(['decode', pyToken, '--json', '--now', NOW]);
    expect(run.status).toBe(0);
    const view = JSON.parse(run.stdout);
    expect(view.header.alg).toBe('HS256');
    expect(view.payload.sub).toBe('bob');
    expect(view.findings.map((f: { id: string }) => f.id)).toContain('exp-missing');
    expect(view.expiry.state).toBe('no-expiry');
  });

  it('a malformed token: one line on stderr, exit 2', async () => {
    const run = await runCli(['decode', 'eyJhbGciOiJIUzI1NiJ9.only-two']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expectOneLineError(run);
    expect(run.stderr).toContain('The token could not be decoded');
  });

  it('empty standard input: exit 2', async () => {
    const run = await runCli(['decode', '-'], { input: '' });
    expect(run.status).toBe(2);
    expectOneLineError(run);
    expect(run.stderr).toContain('Standard input was empty');
  });
});

describe('jwt-lens decode: other token formats', () => {
  it('a JWE shows its header and says the payload is encrypted; an SD-JWT shows its disclosed claims', async () => {
    const { tokenSet } = await import('../../lib/scan/fixtures/tokens');
    const t = await tokenSet();
    const jwe = await runCli(['decode', t.jwe, '--now', NOW]);
    expect(jwe.status).toBe(0);
    expect(jwe.stdout).toContain('JWE');
    expect(jwe.stdout).toContain('"enc": "A256GCM"');
    expect(jwe.stdout).toContain('(encrypted: decrypt it to see the claims)');
    const sd = await runCli(['decode', t.sdJwt, '--json', '--now', NOW]);
    expect(sd.status).toBe(0);
    const view = JSON.parse(sd.stdout);
    expect(view.format).toBe('sd-jwt');
    expect(view.payload).toMatchObject({ sub: 'hanna', given_name: 'Hanna', email: 'hanna@example.com' });
  });
});
