import { readFileSync } from 'node:fs';
import { compactDecrypt, compactVerify, importPKCS8, importSPKI } from 'jose';
import { decodeToken } from '../lib';
import { expect, test } from './fixtures/test';
import type { Page } from '@playwright/test';

const fixture = (name: string) =>
  readFileSync(new URL(`../lib/keys/fixtures/${name}`, import.meta.url), 'utf8');
const SECRET = 'e2e-signing-secret-that-is-longer-than-32-bytes';
const P256_SEC1 = fixture('test-p256.sec1.pem');
const P256_SPKI = fixture('test-p256.spki.pem');

/** The PEM body lines: the recorder fails the test if any of them shows up in a request. */
const pemLines = (pem: string) => pem.split('\n').filter((l) => l.length >= 16 && !l.startsWith('-----'));

async function openEncoder(page: Page) {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Encode' }).click();
  await expect(page.getByRole('region', { name: 'Signing' })).toBeVisible();
  // Let Monaco and its workers finish loading, so later request counts measure only our actions.
  await expect(page.locator('[data-editor="monaco"]')).toHaveCount(2, { timeout: 15_000 });
  // Monaco fetches its icon font and starts its workers (same-origin code) on first use: warm them
  // up now with an edit that changes nothing, so the request counts below measure only signing.
  await page.evaluate(() => document.fonts.load('16px codicon'));
  for (const name of ['Header', 'Payload']) {
    await page.getByRole('region', { name }).locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' ');
    await page.keyboard.press('Backspace');
  }
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  await page.waitForLoadState('networkidle');
}

/** "Open in decoder" also hands over the public key (or the secret as an oct JWK), so the token verifies. */
async function expectVerified(page: Page) {
  const verifier = page.getByRole('region', { name: 'Verify signature' });
  await expect(verifier.getByRole('status', { name: 'Signature' })).toContainText('Signature verified');
}

const signedToken = (page: Page) => page.getByTestId('signed-token');

async function currentToken(page: Page): Promise<string> {
  const token = await signedToken(page).getAttribute('data-token');
  if (!token) throw new Error('no signed token');
  return token;
}

test('sign an HS256 token, with no request while signing, and open it in the decoder', async ({
  page,
  network,
}) => {
  network.watch(SECRET);
  await openEncoder(page);
  const before = network.requests.length;
  await page.getByLabel('Secret', { exact: true }).fill(SECRET);
  await page.getByRole('button', { name: 'Set iat to now' }).click();
  await page.getByLabel('Lifetime').selectOption({ label: '1 hour' });
  await page.getByRole('button', { name: 'Set exp to now + lifetime' }).click();
  await page.getByRole('button', { name: 'Add random jti' }).click();
  await page.getByRole('button', { name: 'Set nbf to now' }).click();
  await expect(signedToken(page)).toBeVisible();
  await expect(page.getByLabel('Token by segment')).toBeVisible();
  // The payload carries all four shortcuts; wait until the token reflects the last one.
  await expect
    .poll(async () =>
      Object.keys((decodeToken(await currentToken(page)) as { payload: object }).payload ?? {}),
    )
    .toEqual(['sub', 'name', 'iat', 'exp', 'jti', 'nbf']);
  const token = await currentToken(page);
  network.watchToken(token);
  expect(
    network.requests.slice(before).map((r) => r.url),
    'requests while signing',
  ).toEqual([]);

  // The token verifies with the secret outside the page, and its claims are what the buttons set.
  const secret = new TextEncoder().encode(SECRET);
  const { payload, protectedHeader } = await compactVerify(token, secret);
  expect(protectedHeader).toEqual({ alg: 'HS256', typ: 'JWT' });
  const claims = JSON.parse(new TextDecoder().decode(payload)) as Record<string, number | string>;
  const now = Math.floor(Date.now() / 1000);
  expect(Math.abs((claims.iat as number) - now)).toBeLessThan(60);
  expect((claims.exp as number) - (claims.iat as number) - 3600).toBeGreaterThanOrEqual(0);
  expect((claims.exp as number) - (claims.iat as number) - 3600).toBeLessThan(10);
  expect((claims.nbf as number) - (claims.iat as number)).toBeGreaterThanOrEqual(0);
  expect((claims.nbf as number) - (claims.iat as number)).toBeLessThan(10);
  expect(claims.jti).toMatch(/^[A-Za-z0-9_-]{22}$/);
  await expect(page.locator('[data-finding="hmac-secret-short"]')).toHaveCount(0);

  await page.getByRole('button', { name: 'Open in decoder' }).click();
  await expect(page.getByRole('tab', { name: 'Decode' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('Encoded token')).toHaveValue(token);
  await expect(page.getByRole('region', { name: 'Payload' })).toContainText('"name": "Ada Lovelace"');
  await expect(page.getByRole('region', { name: 'Header' })).toContainText('HS256');
  await expectVerified(page);
});

test('sign an ES256 token with a SEC1 PEM key and open it in the decoder', async ({ page, network }) => {
  for (const line of pemLines(P256_SEC1)) network.watch(line);
  await openEncoder(page);
  const before = network.requests.length;
  await page.getByLabel('Algorithm').selectOption('ES256');
  await expect(page.getByRole('region', { name: 'Header' })).toContainText('"ES256"');
  await page.getByLabel('Private key', { exact: true }).fill(P256_SEC1);
  await expect(page.getByText('Signed with: PEM EC private key (SEC1)')).toBeVisible();
  const token = await currentToken(page);
  network.watchToken(token);
  expect(
    network.requests.slice(before).map((r) => r.url),
    'requests while signing',
  ).toEqual([]);
  const { protectedHeader } = await compactVerify(token, await importSPKI(P256_SPKI, 'ES256'));
  expect(protectedHeader.alg).toBe('ES256');

  await page.getByRole('button', { name: 'Open in decoder' }).click();
  await expect(page.getByLabel('Encoded token')).toHaveValue(token);
  await expect(page.getByRole('region', { name: 'Header' })).toContainText('"alg": "ES256"');
  await expect(page.getByRole('region', { name: 'Payload' })).toContainText('1234567890');
  await expectVerified(page);
});

test('alg none needs the clearly labelled checkbox', async ({ page }) => {
  await openEncoder(page);
  const options = await page.getByLabel('Algorithm').locator('option').allTextContents();
  expect(options.some((o) => /^none\b/.test(o))).toBe(false);
  await page.getByLabel('Create an unsigned token (alg: none)').check();
  await expect(page.getByLabel('Algorithm')).toBeDisabled();
  await expect(signedToken(page)).toHaveAttribute('data-token', /\.$/);
  const token = await currentToken(page);
  const decoded = decodeToken(token);
  expect(decoded.ok && decoded.format).toBe('unsecured');
  await page.getByRole('button', { name: 'Open in decoder' }).click();
  await expect(page.locator('[data-finding="alg-none"]')).toBeVisible();

  // Back in the Encode tab, the work is still there.
  await page.getByRole('tab', { name: 'Encode' }).click();
  await expect(page.getByLabel('Create an unsigned token (alg: none)')).toBeChecked();
  await expect(signedToken(page)).toHaveAttribute('data-token', token);
});

test('a key that does not fit the alg gets a clear error', async ({ page }) => {
  await openEncoder(page);
  await page.getByLabel('Algorithm').selectOption('ES384');
  await page.getByLabel('Private key', { exact: true }).fill(P256_SEC1);
  const alert = page.getByRole('alert').filter({ hasText: 'cannot sign' });
  await expect(alert).toContainText('ES384 needs a P-384 key; this is P-256. Choose ES256 instead.');
  await expect(signedToken(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Open in decoder' })).toBeDisabled();
});

test('a short HMAC secret is signed with a warning', async ({ page }) => {
  await openEncoder(page);
  await page.getByLabel('Algorithm').selectOption('HS512');
  await page.getByLabel('Secret', { exact: true }).fill('shortsecret1');
  await expect(page.locator('[data-finding="hmac-secret-short"]')).toContainText(
    'The secret is 12 bytes; HS512 needs at least 64',
  );
  await expect(signedToken(page)).toBeVisible();
});

test('invalid payload JSON is reported with its line while typing', async ({ page }) => {
  await openEncoder(page);
  await page.getByLabel('Secret', { exact: true }).fill(SECRET);
  await expect(signedToken(page)).toBeVisible();
  const editor = page.getByRole('region', { name: 'Payload' }).locator('.monaco-editor').first();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText('{\n"sub": "x",\n"admin": tru\n}');
  const status = page.getByRole('region', { name: 'Payload' }).locator('[data-json-valid]');
  await expect(status).toHaveAttribute('data-json-valid', 'false');
  await expect(status).toContainText('The payload is not valid JSON');
  await expect(status).toContainText('line 3');
  await expect(page.getByRole('alert').filter({ hasText: 'Payload: cannot sign' })).toBeVisible();
});

test('encrypt the signed token for an RSA public key, with no request', async ({ page, network }) => {
  network.watch(SECRET);
  await openEncoder(page);
  await page.getByLabel('Secret', { exact: true }).fill(SECRET);
  await expect(signedToken(page)).toBeVisible();
  const signed = await currentToken(page);
  network.watchToken(signed);
  const before = network.requests.length;
  await page.getByLabel('Recipient public key').fill(fixture('test-rsa-2048.spki.pem'));
  await page.getByRole('button', { name: 'Encrypt', exact: true }).click();
  const encrypted = page.getByTestId('encrypted-token');
  await expect(encrypted).toBeVisible();
  const jwe = (await encrypted.getAttribute('data-token'))!;
  expect(
    network.requests.slice(before).map((r) => r.url),
    'requests while encrypting',
  ).toEqual([]);

  // Only the private key's holder can read it, and inside is the signed token (cty JWT).
  const { plaintext, protectedHeader } = await compactDecrypt(
    jwe,
    await importPKCS8(fixture('test-rsa-2048.pkcs8.pem'), 'RSA-OAEP-256'),
  );
  expect(protectedHeader).toMatchObject({ alg: 'RSA-OAEP-256', enc: 'A256GCM', cty: 'JWT' });
  expect(new TextDecoder().decode(plaintext)).toBe(signed);

  await page.getByRole('button', { name: 'Open encrypted token in decoder' }).click();
  await expect(page.getByLabel('Encoded token')).toHaveValue(jwe);
  await expect(page.getByRole('region', { name: 'Header' })).toContainText('RSA-OAEP-256');
});
