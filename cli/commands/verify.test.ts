/**
 * `jwt-lens verify` as a child process: PEM and JWK keys, an HMAC secret from the environment
 * (PyJWT-signed), and a JWKS served by a local server on 127.0.0.1 (loopback is the one place plain
 * http is allowed), plus every way the input can be unusable.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, exportJWK, exportPKCS8, exportSPKI, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt, expectOneLineError, pyjwtEncode, runCli } from '../testing';

const NOW = '2026-06-01T12:00:00Z';
const NOW_S = Date.parse(NOW) / 1000;
const SECRET = 'a-32-byte-secret-for-hs256-tests!';
const dir = mkdtempSync(join(tmpdir(), 'jwt-lens-verify-'));
const paths = {
  pem: join(dir, 'public.pem'),
  otherPem: join(dir, 'other.pem'),
  jwk: join(dir, 'key.jwk.json'),
};
const tokens = { live: '', expired: '', es256Py: '', hs256Py: '' };
let server: Server;
let jwksUrl = '';
let requests: { url?: string; headers: Record<string, unknown> }[] = [];

beforeAll(async () => {
  await ensureCliBuilt();
  const rsa = await generateKeyPair('RS256', { extractable: true });
  const other = await generateKeyPair('RS256', { extractable: true });
  const ec = await generateKeyPair('ES256', { extractable: true });
  writeFileSync(paths.pem, await exportSPKI(rsa.publicKey));
  writeFileSync(paths.otherPem, await exportSPKI(other.publicKey));
  writeFileSync(paths.jwk, JSON.stringify({ ...(await exportJWK(ec.publicKey)), kid: 'ec-1' }));
  const sign = (claims: Record<string, unknown>) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'rsa-1' }).sign(rsa.privateKey);
  tokens.live = await sign({
    iss: 'https://id.example.com/',
    aud: 'orders-api',
    sub: 'alice',
    iat: NOW_S - 60,
    exp: NOW_S + 3600,
  });
  tokens.expired = await sign({
    iss: 'https://id.example.com/',
    sub: 'bob',
    iat: NOW_S - 7200,
    exp: NOW_S - 3600,
  });
  // PyJWT signs with the PKCS#8 PEM that jose exported, so two real libraries meet here.
  tokens.es256Py = pyjwtEncode(
    { sub: 'carol', exp: NOW_S + 600 },
    await exportPKCS8(ec.privateKey),
    'ES256',
    { kid: 'ec-1' },
  );
  tokens.hs256Py = pyjwtEncode({ sub: 'dave', exp: NOW_S + 600, iss: 'https://py.example' }, SECRET, 'HS256');

  const jwks = JSON.stringify({
    keys: [
      { ...(await exportJWK(other.publicKey)), kid: 'rsa-0', alg: 'RS256', use: 'sig' },
      { ...(await exportJWK(rsa.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
    ],
  });
  server = createServer((req, res) => {
    requests.push({ url: req.url, headers: req.headers });
    if (req.url === '/slow.json') return; // never answers: the CLI must give up after its timeout
    if (req.url === '/big.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [], padding: 'x'.repeat(2 * 1024 * 1024) }));
      return;
    }
    if (req.url === '/.well-known/jwks.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(jwks);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  jwksUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/.well-known/jwks.json`;
}, 120_000);

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

describe('jwt-lens verify: accepted (exit 0)', () => {
  it('a PEM public key, with the expected issuer and audience', async () => {
    const run = await runCli([
      'verify',
      tokens.live,
      '--key',
      paths.pem,
      '--issuer',
      'https://id.example.com/',
      '--audience',
      'orders-api',
      '--now',
      NOW,
    ]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('✓ Signature verified with PEM public key (SPKI)');
    expect(run.stdout).toContain('✓ Claims acceptable now');
    expect(run.stdout).toContain('issuer is "https://id.example.com/", as expected');
    expect(run.stdout.trim().endsWith('Accepted')).toBe(true);
  });

  it('a JWK file for a PyJWT ES256 token', async () => {
    const run = await runCli(['verify', tokens.es256Py, '--key', paths.jwk, '--now', NOW, '--json']);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ accepted: true, signature: 'valid', claims: 'valid' });
    expect(result.key.kty).toBe('EC');
  });

  it('an HMAC secret from the environment for a PyJWT HS256 token', async () => {
    const run = await runCli(['verify', tokens.hs256Py, '--secret-env', 'ORDERS_SECRET', '--now', NOW], {
      env: { ORDERS_SECRET: SECRET },
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Signature verified');
    expect(run.stdout).not.toContain(SECRET);
  });

  it('a JWKS from a local server: the key whose kid matches, fetched without credentials or the token', async () => {
    requests = [];
    const run = await runCli(['verify', tokens.live, '--jwks', jwksUrl, '--now', NOW, '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).key.kid).toBe('rsa-1');
    expect(requests).toHaveLength(1);
    expect(requests[0]!.headers.cookie).toBeUndefined();
    expect(requests[0]!.headers.authorization).toBeUndefined();
    expect(JSON.stringify(requests)).not.toContain(tokens.live.split('.')[2]);
  });

  it('the token from standard input', async () => {
    const run = await runCli(['verify', '-', '--key', paths.pem, '--now', NOW], { input: tokens.live });
    expect(run.status).toBe(0);
  });
});

describe('jwt-lens verify: rejected (exit 1)', () => {
  it('the wrong key: the page\'s "Invalid signature"', async () => {
    const run = await runCli(['verify', tokens.live, '--key', paths.otherPem, '--now', NOW]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('✗ Invalid signature');
    expect(run.stdout.trim().endsWith('Rejected')).toBe(true);
  });

  it('an expired token with a valid signature', async () => {
    const run = await runCli(['verify', tokens.expired, '--key', paths.pem, '--now', NOW, '--json']);
    expect(run.status).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ accepted: false, signature: 'valid', claims: 'invalid' });
    expect(result.checks.find((c: { id: string }) => c.id === 'exp')).toMatchObject({ ok: false });
  });

  it('another issuer or audience than expected', async () => {
    const run = await runCli([
      'verify',
      tokens.live,
      '--key',
      paths.pem,
      '--now',
      NOW,
      '--issuer',
      'https://other.example/',
      '--audience',
      'billing',
    ]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('✗ Claims not acceptable now');
  });

  it('the wrong secret', async () => {
    const run = await runCli(['verify', tokens.hs256Py, '--secret-env', 'S', '--now', NOW], {
      env: { S: 'another-32-byte-secret-for-tests!!' },
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('Invalid signature');
  });
});

describe('jwt-lens verify: unusable input (exit 2, one line on stderr)', () => {
  const cases: [string, () => string[], RegExp, Record<string, string>?][] = [
    ['no key source', () => ['verify', tokens.live], /Give exactly one key source/],
    [
      'two key sources',
      () => ['verify', tokens.live, '--key', paths.pem, '--jwks', jwksUrl],
      /got --key and --jwks/,
    ],
    [
      'an unreadable key file',
      () => ['verify', tokens.live, '--key', join(dir, 'missing.pem')],
      /Could not read the key file .*missing\.pem: no such file or directory/,
    ],
    [
      'a malformed token',
      () => ['verify', 'not-a-token', '--key', paths.pem],
      /The token could not be decoded/,
    ],
    [
      'an unset secret variable',
      () => ['verify', tokens.hs256Py, '--secret-env', 'NOT_SET_ANYWHERE'],
      /NOT_SET_ANYWHERE is not set/,
    ],
    [
      'a JWKS over plain http to another host',
      () => ['verify', tokens.live, '--jwks', 'http://keys.example.com/jwks.json'],
      /https/,
    ],
    [
      'a JWKS URL with credentials',
      () => ['verify', tokens.live, '--jwks', 'https://user:pw@keys.example.com/jwks.json'],
      /password|credentials|user/i,
    ],
    [
      'a JWKS URL that answers 404',
      () => ['verify', tokens.live, '--jwks', jwksUrl.replace('jwks.json', 'missing.json')],
      /404/,
    ],
  ];
  it.each(cases)('%s', async (_name, args, message, env) => {
    const run = await runCli(args(), env ? { env } : {});
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expectOneLineError(run);
    expect(run.stderr).toMatch(message);
  });

  it('a JWKS larger than the 1 MB cap', async () => {
    const run = await runCli([
      'verify',
      tokens.live,
      '--jwks',
      jwksUrl.replace('.well-known/jwks.json', 'big.json'),
    ]);
    expect(run.status).toBe(2);
    expectOneLineError(run);
    expect(run.stderr).toMatch(/over the 1\.0 MB limit|more than the 1\.0 MB limit/);
  });

  it('a JWKS server that never answers: the 10 s timeout', async () => {
    const run = await runCli([
      'verify',
      tokens.live,
      '--jwks',
      jwksUrl.replace('.well-known/jwks.json', 'slow.json'),
    ]);
    expect(run.status).toBe(2);
    expectOneLineError(run);
    expect(run.stderr).toMatch(/slow\.json did not answer within 10 s/);
  }, 30_000);

  it('an unreachable JWKS (nothing listens on the port)', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const address = closed.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    await new Promise((resolve) => closed.close(resolve));
    const run = await runCli(['verify', tokens.live, '--jwks', `http://127.0.0.1:${port}/jwks.json`]);
    expect(run.status).toBe(2);
    expectOneLineError(run);
    expect(run.stderr).toContain(`Could not reach http://127.0.0.1:${port}/jwks.json (ECONNREFUSED)`);
  });

  it('an encrypted token (JWE), which has no signature to verify', async () => {
    const { tokenSet } = await import('../../lib/scan/fixtures/tokens');
    const run = await runCli(['verify', (await tokenSet()).jwe, '--key', paths.pem]);
    expect(run.status).toBe(2);
    expectOneLineError(run);
    expect(run.stderr).toContain('This is an encrypted token (JWE)');
  });

  it('a key file holding garbage', async () => {
    const garbage = join(dir, 'garbage.pem');
    writeFileSync(garbage, '-----BEGIN PUBLIC KEY-----\nnot base64 at all!\n-----END PUBLIC KEY-----\n');
    const run = await runCli(['verify', tokens.live, '--key', garbage]);
    expect(run.status).toBe(2);
    expectOneLineError(run);
    expect(run.stderr).toContain('The key could not be read');
  });
});
