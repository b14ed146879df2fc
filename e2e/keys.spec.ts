import { readFileSync } from 'node:fs';
import { CompactSign, compactVerify, importJWK, importPKCS8, importSPKI } from 'jose';
import { convertKey } from '../lib';
import { expect, test } from './fixtures/test';
import type { Page } from '@playwright/test';

const fixture = (name: string) =>
  readFileSync(new URL(`../lib/keys/fixtures/${name}`, import.meta.url), 'utf8');

async function openKeys(page: Page) {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Keys' }).click();
  await expect(page.getByRole('region', { name: 'Generate a key' })).toBeVisible();
  await page.waitForLoadState('networkidle');
}

const field = (page: Page, label: string) => page.getByRole('textbox', { name: label, exact: true });

const KEY_PAIRS = [
  { type: 'RSA', size: '2048 bits', alg: 'PS256' },
  { type: 'EC (ECDSA)', size: 'P-256 (ES256)', alg: 'ES256' },
  { type: 'EC (ECDSA)', size: 'P-384 (ES384)', alg: 'ES384' },
  { type: 'EC (ECDSA)', size: 'P-521 (ES512)', alg: 'ES512' },
  { type: 'Ed25519 (EdDSA)', size: 'Ed25519', alg: 'EdDSA' },
];

for (const choice of KEY_PAIRS) {
  test(`generate ${choice.alg} (${choice.type} ${choice.size}) with no request`, async ({
    page,
    network,
  }) => {
    await openKeys(page);
    const before = network.requests.length;
    await page.getByLabel('Key type').selectOption({ label: choice.type });
    await page.getByLabel('Size').selectOption({ label: choice.size });
    if (choice.type === 'RSA') await page.getByLabel('For', { exact: true }).selectOption(choice.alg);
    await page.getByRole('button', { name: 'Generate' }).click();
    await expect(field(page, 'Public key PEM (SPKI)')).toHaveValue(/^-----BEGIN PUBLIC KEY-----\n/, {
      timeout: 20_000,
    });

    const privatePem = await field(page, 'Private key PEM (PKCS#8)').inputValue();
    network.watch(privatePem.split('\n')[1]!);
    expect(network.requests.length - before, 'requests while generating').toBe(0);

    const publicPem = await field(page, 'Public key PEM (SPKI)').inputValue();
    const publicJwk = JSON.parse(await field(page, 'Public JWK').inputValue()) as Record<string, string>;
    const privateJwk = JSON.parse(await field(page, 'Private JWK').inputValue()) as Record<string, string>;
    const jwks = JSON.parse(await field(page, 'JWKS (public key, kid = thumbprint)').inputValue()) as {
      keys: Record<string, string>[];
    };
    network.watch(privateJwk.d!);
    const thumbprint = (await page.getByTestId('thumbprint').textContent())!;
    expect(jwks.keys).toEqual([publicJwk]);
    expect(publicJwk).toMatchObject({ alg: choice.alg, kid: thumbprint, use: 'sig' });
    expect(publicJwk).not.toHaveProperty('d');
    await expect(page.getByTestId('thumbprint-uri')).toHaveText(
      `urn:ietf:params:oauth:jwk-thumbprint:sha-256:${thumbprint}`,
    );

    // Outside the page: sign with the private PEM and JWK, verify with the public PEM and JWKS key.
    const jws = await new CompactSign(new TextEncoder().encode('{}'))
      .setProtectedHeader({ alg: choice.alg })
      .sign(await importPKCS8(privatePem, choice.alg));
    await compactVerify(jws, await importSPKI(publicPem, choice.alg));
    await compactVerify(jws, await importJWK(jwks.keys[0]!, choice.alg));
    const viaJwk = await new CompactSign(new TextEncoder().encode('{}'))
      .setProtectedHeader({ alg: choice.alg })
      .sign(await importJWK(privateJwk, choice.alg));
    await compactVerify(viaJwk, await importSPKI(publicPem, choice.alg));
    // The page's own conversion agrees on the thumbprint.
    const again = convertKey(publicPem);
    expect(again.ok && again.keys[0]!.thumbprint).toBe(thumbprint);
  });
}

test('generate an HMAC secret of each size', async ({ page, network }) => {
  await openKeys(page);
  const before = network.requests.length;
  await page.getByLabel('Key type').selectOption({ label: 'HMAC secret' });
  for (const [label, bytes] of [
    ['256 bits (HS256)', 32],
    ['384 bits (HS384)', 48],
    ['512 bits (HS512)', 64],
  ] as const) {
    await page.getByLabel('Size').selectOption({ label });
    await page.getByRole('button', { name: 'Generate' }).click();
    await expect(field(page, 'Secret (hex)')).toHaveValue(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));
    const jwk = JSON.parse(await field(page, 'JWK (secret)').inputValue()) as Record<string, string>;
    network.watch(jwk.k!);
    expect(jwk.alg).toBe(label.slice(-6, -1));
    expect(Buffer.from(jwk.k!, 'base64url').length).toBe(bytes);
  }
  expect(network.requests.length - before, 'requests while generating').toBe(0);
});

test('a generated key downloads as a file without a request', async ({ page, network }) => {
  await openKeys(page);
  await page.getByRole('button', { name: 'Generate' }).click();
  const jwks = await field(page, 'JWKS (public key, kid = thumbprint)');
  await expect(jwks).toHaveValue(/"keys"/);
  const before = network.requests.filter((r) => !r.url.startsWith('blob:')).length;
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download JWKS (public key, kid = thumbprint)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^es256-.{8}\.jwks\.json$/);
  const saved = readFileSync((await download.path())!, 'utf8');
  expect(saved).toBe(await jwks.inputValue());
  expect(network.requests.filter((r) => !r.url.startsWith('blob:')).length - before).toBe(0);
});

test('convert a SEC1 PEM to JWK and PKCS#8 with no request', async ({ page, network }) => {
  const pem = fixture('test-p256.sec1.pem');
  for (const line of pem.split('\n').filter((l) => l.length > 16 && !l.startsWith('-'))) network.watch(line);
  await openKeys(page);
  const before = network.requests.length;
  await page.getByLabel('Key to convert').fill(pem);
  const convertRegion = page.getByRole('region', { name: 'Convert a key' });
  await expect(field(page, 'Converted public JWK')).toHaveValue(/"crv": "P-256"/);
  const expected = convertKey(pem);
  if (!expected.ok) throw new Error('fixture did not convert');
  const key = expected.keys[0]!;
  expect(JSON.parse(await field(page, 'Converted public JWK').inputValue())).toEqual(key.publicJwk);
  expect(JSON.parse(await field(page, 'Converted private JWK').inputValue())).toEqual(key.privateJwk);
  await expect(field(page, 'Converted private key PEM (PKCS#8)')).toHaveValue(fixture('test-p256.pkcs8.pem'));
  await expect(field(page, 'Converted public key PEM (SPKI)')).toHaveValue(fixture('test-p256.spki.pem'));
  await expect(convertRegion.getByTestId('thumbprint')).toHaveText(key.thumbprint);
  await expect(convertRegion.getByTestId('thumbprint-uri')).toHaveText(key.thumbprintUri);
  expect(network.requests.length - before, 'requests while converting').toBe(0);
});

test('convert a public JWK to PEM, and explain a broken key', async ({ page }) => {
  await openKeys(page);
  const jwk = fixture('rfc7638_3.1.jwk');
  await page.getByLabel('Key to convert').fill(jwk);
  await expect(field(page, 'Converted public key PEM (SPKI)')).toHaveValue(/^-----BEGIN PUBLIC KEY-----/);
  await expect(page.getByRole('region', { name: 'Convert a key' }).getByTestId('thumbprint')).toHaveText(
    'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs',
  );
  await page.getByLabel('Key to convert').fill('-----BEGIN PUBLIC KEY-----\nMIIBIjAN');
  await expect(page.getByRole('region', { name: 'Convert a key' }).getByRole('alert')).toContainText('END');
});
