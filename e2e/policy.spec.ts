import { exportSPKI, generateKeyPair, SignJWT } from 'jose';
import type { Page } from '@playwright/test';
import { evaluatePolicy, parsePolicy, type Policy } from '../lib';
import { expect, test } from './fixtures/test';

const JWKS_ORIGIN = `http://127.0.0.1:${process.env.E2E_JWKS_PORT ?? 4180}`;
const now = Math.floor(Date.now() / 1000);
const claims = {
  iss: 'https://id.example.com/',
  aud: 'orders-api',
  sub: 'user-42',
  azp: 'web-app',
  scope: 'openid orders:read',
  tid: 't-1',
  iat: now - 60,
  exp: now + 1800,
};

const GATEWAY = {
  version: 1,
  name: 'gateway',
  issuer: 'https://id.example.com/',
  algorithms: ['RS256'],
  requiredClaims: ['sub', 'exp'],
};
const BILLING = {
  version: 1,
  name: 'billing-service',
  issuer: 'https://id.example.com/',
  audience: 'billing-api',
  algorithms: ['RS256'],
  requiredClaims: ['sub'],
};
const ORDERS = {
  version: 1,
  name: 'orders-service',
  issuer: 'https://id.example.com/',
  audience: 'orders-api',
  algorithms: ['RS256'],
  requiredClaims: ['sub', 'exp', 'iat'],
  claimValues: { azp: 'web-app' },
  maxLifetimeSeconds: 3600,
  maxAgeSeconds: 600,
  scopes: { all: ['orders:read'], any: [] },
  tenants: { allowed: ['t-1'] },
};

let pem = '';
let sign: (payload: Record<string, unknown>, alg?: 'RS256' | 'PS256') => Promise<string>;
let rogueSign: (payload: Record<string, unknown>) => Promise<string>;

test.beforeAll(async () => {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const ps = await generateKeyPair('PS256');
  const rogue = await generateKeyPair('RS256');
  pem = await exportSPKI(publicKey);
  sign = (payload, alg = 'RS256') =>
    new SignJWT(payload)
      .setProtectedHeader({ alg, typ: 'at+jwt' })
      .sign(alg === 'RS256' ? privateKey : ps.privateKey);
  rogueSign = (payload) => new SignJWT(payload).setProtectedHeader({ alg: 'RS256' }).sign(rogue.privateKey);
});

const region = (page: Page) => page.getByRole('region', { name: 'Policy check' });
const results = (page: Page) => region(page).getByRole('table', { name: 'Policy results' });
const verdict = (page: Page, name: string) =>
  results(page)
    .getByRole('row', { name: new RegExp(`^${name} `) })
    .getByRole('cell')
    .first();

async function setPolicy(page: Page, policy: unknown) {
  await region(page)
    .getByRole('textbox', { name: 'Policy (JSON)' })
    .fill(JSON.stringify(policy, null, 2));
}

/** The token and key in the page, and the policies gateway (accepts it) and billing-service (rejects it). */
async function twoPoliciesOneToken(
  page: Page,
  pasteToken: (token: string) => Promise<void>,
  watch: (s: string) => void,
) {
  const token = await sign(claims);
  await pasteToken(token);
  watch(pem.split('\n')[1]!);
  await page.getByLabel('Verification key').fill(pem);
  await setPolicy(page, GATEWAY);
  await region(page).getByRole('button', { name: 'Add policy' }).click();
  await setPolicy(page, BILLING);
  return token;
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
});

test('two policies: the token is accepted by one and rejected by the other, and the table says why', async ({
  page,
  pasteToken,
  network,
}) => {
  await twoPoliciesOneToken(page, pasteToken, (secret) => network.watch(secret));

  await expect(verdict(page, 'gateway')).toHaveText('Accepted');
  await expect(verdict(page, 'billing-service')).toHaveText('Rejected (audience)');
  // The column "audience" is checked by billing-service only: the gateway never looks at it.
  const gatewayRow = results(page).getByRole('row', { name: /^gateway / });
  await expect(gatewayRow).toContainText('not checked');

  const checklist = region(page).getByRole('list', { name: 'Checklist for billing-service' });
  await expect(checklist.locator('[data-rule="audience"]')).toContainText('Fail');
  await expect(checklist.locator('[data-rule="audience"]')).toContainText('issued for another service');
  await expect(checklist.locator('[data-rule="signature"]')).toContainText('Pass');
  await region(page).getByRole('button', { name: 'gateway' }).click();
  await expect(region(page).getByRole('list', { name: 'Checklist for gateway' })).not.toContainText('Fail');
});

test('the form and the JSON are one policy, templates fill in placeholders, bad JSON gets its path', async ({
  page,
  pasteToken,
}) => {
  await pasteToken(await sign(claims));
  const json = region(page).getByRole('textbox', { name: 'Policy (JSON)' });
  await region(page).getByLabel('Audience (any of)').fill('orders-api, admin-api');
  await expect(json).toHaveValue(/"audience": \[\s*"orders-api",\s*"admin-api"\s*\]/);
  await setPolicy(page, { ...GATEWAY, name: 'edge' });
  await expect(region(page).getByLabel('Name', { exact: true })).toHaveValue('edge');

  await region(page).getByLabel('Start from a template').selectOption({ label: 'Microsoft Entra ID v2' });
  await expect(json).toHaveValue(/login\.microsoftonline\.com\/\{tenant-id\}\/v2\.0/);
  await expect(region(page)).toContainText('Fill in {tenant-id}, {client-id}.');

  await json.fill('{"version": 1, "name": "x", "algorithms": ["RS256"], "audiance": "a"}');
  await expect(region(page).getByRole('alert')).toContainText('$.audiance: Unknown member "audiance"');
  await json.fill('{"version": 1, "name": "x", "algorithms": ["none"]}');
  await expect(region(page).getByRole('alert')).toContainText('$.algorithms[0]');
});

test("the matrix: the page gives evaluatePolicy's verdict and first failing rule for every token", async ({
  page,
  pasteToken,
}) => {
  test.setTimeout(120_000);
  const parsed = parsePolicy(JSON.stringify(ORDERS));
  if (!parsed.ok) throw new Error(parsed.error.message);
  const policy: Policy = parsed.policy;
  const matrix: [string, Promise<string>][] = [
    ['accepted', sign(claims)],
    ['algorithm', sign(claims, 'PS256')],
    ['signature', rogueSign(claims)],
    ['required:sub', sign({ ...claims, sub: undefined })],
    ['issuer', sign({ ...claims, iss: 'https://evil.example/' })],
    ['audience', sign({ ...claims, aud: 'billing-api' })],
    ['exp', sign({ ...claims, iat: now - 400, exp: now - 100 })],
    ['nbf', sign({ ...claims, nbf: now + 600 })],
    ['iat', sign({ ...claims, iat: now + 600 })],
    ['value:azp', sign({ ...claims, azp: 'mobile' })],
    ['lifetime', sign({ ...claims, exp: now + 7200 })],
    ['age', sign({ ...claims, iat: now - 1200 })],
    ['scopes', sign({ ...claims, scope: 'openid' })],
    ['tenant', sign({ ...claims, tid: 't-2' })],
  ];
  await page.getByLabel('Verification key').fill(pem);
  let first = true;
  for (const [expected, pending] of matrix) {
    const token = await pending;
    await pasteToken(token);
    if (first) {
      await setPolicy(page, ORDERS);
      first = false;
    }
    const evaluation = await evaluatePolicy(token, policy, { now: new Date(), key: pem });
    expect(evaluation.firstFailure ?? 'accepted', expected).toBe(expected);
    await expect(verdict(page, 'orders-service'), expected).toHaveText(
      evaluation.accepted ? 'Accepted' : `Rejected (${evaluation.firstFailure})`,
    );
  }
});

test('guide link round trip: policies, token and focus in the fragment, verdicts at once, no key', async ({
  page,
  context,
  pasteToken,
  network,
}) => {
  const token = await twoPoliciesOneToken(page, pasteToken, (secret) => network.watch(secret));
  await expect(verdict(page, 'billing-service')).toHaveText('Rejected (audience)');

  await region(page).getByRole('button', { name: 'Copy guide link' }).click();
  const group = region(page).getByRole('group', { name: 'Guide link' });
  await group.getByLabel('Include the token').check();
  await expect(group).toContainText('Anyone who has this link can read every claim');
  await group.getByLabel('Claim to highlight (optional)').fill('aud');
  const link = await group.getByRole('textbox', { name: 'Guide link' }).inputValue();
  const url = new URL(link);
  expect(url.search).toBe('');
  expect(url.hash).toContain('policies=');
  expect(url.hash).toContain('focus=aud');
  expect(new URLSearchParams(url.hash.slice(1)).get('token')).toBe(token);
  expect(link).not.toContain(pem.split('\n')[1]!);
  expect(link).not.toContain('BEGIN');

  const opened = await context.newPage();
  await opened.goto(link);
  await expect(results(opened).getByRole('row')).toHaveCount(3);
  // The new page has no key: the verdicts are there at once, but nothing is accepted unverified.
  await expect(verdict(opened, 'gateway')).toHaveText('Not verified');
  await expect(verdict(opened, 'billing-service')).toHaveText('Rejected (audience)');
  const focused = opened.getByRole('region', { name: 'Claims' }).locator('[data-claim="aud"]');
  await expect(focused).toHaveAttribute('data-focused', 'true');
  await expect(focused).toBeInViewport();
  await expect.poll(() => opened.url()).not.toContain('#');
  await opened.getByLabel('Verification key').fill(pem);
  await expect(verdict(opened, 'gateway')).toHaveText('Accepted');
});

test('export as code: Node and Python files, the public key embedded, an HMAC secret never', async ({
  page,
  pasteToken,
}) => {
  await pasteToken(await sign(claims));
  await page.getByLabel('Verification key').fill(pem);
  await setPolicy(page, ORDERS);
  await region(page).getByRole('button', { name: 'Export as code' }).click();
  const code = region(page).getByRole('group', { name: 'Exported code' }).getByRole('textbox');
  await expect(code).toHaveValue(/export async function verifyOrdersServiceToken\(token\)/);
  await expect(code).toHaveValue(/createLocalJWKSet/);
  await region(page).getByLabel('Python (PyJWT)').check();
  await expect(code).toHaveValue(/def verify_orders_service_token\(token\):/);
  await page.getByLabel('Verification key').fill('a-shared-hmac-secret-that-must-stay-here');
  await setPolicy(page, { ...ORDERS, algorithms: ['HS256'] });
  await expect(code).toHaveValue(/JWT_SECRET/);
  await expect(code).not.toHaveValue(/a-shared-hmac-secret/);
});

test('the signature row uses the key "Fetch keys" put in the verifier, and nothing is fetched before', async ({
  page,
  pasteToken,
  network,
}) => {
  const tokens = (await (await fetch(`${JWKS_ORIGIN}/__tokens`)).json()) as { rs256: string; issuer: string };
  await pasteToken(tokens.rs256);
  await setPolicy(page, {
    version: 1,
    name: 'idp-api',
    issuer: tokens.issuer,
    audience: 'jwt-lens-e2e',
    algorithms: ['RS256'],
  });
  const checklist = region(page).getByRole('list', { name: 'Checklist for idp-api' });
  await expect(checklist.locator('[data-rule="signature"]')).toContainText('Skipped');
  expect(network.requests.filter((r) => r.url.startsWith(JWKS_ORIGIN))).toEqual([]);

  const jwksUrl = `${JWKS_ORIGIN}/idp/jwks.json`;
  network.allowUrl(jwksUrl);
  await page.getByLabel('JWKS or issuer URL').fill(jwksUrl);
  await page.getByRole('region', { name: 'JWKS' }).getByRole('button', { name: 'Fetch keys' }).click();
  await expect(checklist.locator('[data-rule="signature"]')).toContainText('Pass');
  await expect(verdict(page, 'idp-api')).toHaveText('Accepted');
});
