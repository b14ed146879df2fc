import type { Page } from '@playwright/test';
import { EXAMPLES } from '../lib';
import { expect, test } from './fixtures/test';

const hs256 = EXAMPLES.find((e) => e.name === 'hs256')!;
const jweDir = EXAMPLES.find((e) => e.name === 'jwe-dir')!;

interface PrecacheManifest {
  core: string[];
  later: string[];
}

/** Resolves once the service worker has installed and controls the page. */
async function untilControlled(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
  });
}

/** The app files in the offline copy, relative to the site root ("./" for the start page). */
async function cachedFiles(page: Page): Promise<string[]> {
  const urls = await page.evaluate(async () => {
    const names = await caches.keys();
    return (
      await Promise.all(names.map(async (n) => (await (await caches.open(n)).keys()).map((r) => r.url)))
    ).flat();
  });
  return urls.map((url) => new URL(url).pathname.slice(1) || './');
}

async function manifest(page: Page): Promise<PrecacheManifest> {
  return (await page.request.get('/precache-manifest.json')).json() as Promise<PrecacheManifest>;
}

async function verifyHs256(page: Page, network: { watch(s: string): void }) {
  network.watch(hs256.key!);
  await page.getByLabel('Verification key').fill(hs256.key!);
  await expect(page.getByRole('status', { name: 'Signature' })).toContainText('Signature verified', {
    timeout: 20_000,
  });
}

test('the first visit registers nothing during the load, then caches only what the first screen needs', async ({
  page,
}) => {
  await page.goto('/', { waitUntil: 'load' });
  // Registration waits for the load and a quiet spell, so the worker never competes with the first paint.
  expect(
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) === undefined),
  ).toBe(true);
  await untilControlled(page);
  // Give the worker time to store what the page had already loaded before it took control.
  await expect.poll(async () => (await cachedFiles(page)).length).toBeGreaterThan(0);
  const { core, later } = await manifest(page);
  const cached = await cachedFiles(page);
  expect(cached).toEqual(expect.arrayContaining(core));
  // Monaco is by far the largest file and no first screen uses it: not cached until used or idle.
  const sizes = await Promise.all(
    later.map(async (file) => ({ file, size: (await (await page.request.get(`/${file}`)).body()).length })),
  );
  const monaco = sizes.reduce((a, b) => (b.size > a.size ? b : a));
  expect(monaco.size).toBeGreaterThan(1_000_000);
  expect(cached).not.toContain(monaco.file);
  expect(cached.length).toBeLessThan(core.length + later.length);
});

test('a feature used online works offline: verification, the encoder and the key tools', async ({
  page,
  context,
  pasteToken,
  network,
}) => {
  await page.goto('/');
  await untilControlled(page);
  await pasteToken(hs256.token);
  await verifyHs256(page, network);
  await page.getByRole('tab', { name: 'Encode' }).click();
  await expect(page.getByRole('region', { name: 'Signing' })).toBeVisible();
  await page.getByRole('tab', { name: 'Keys' }).click();
  await expect(page.getByRole('region', { name: 'Generate a key' })).toBeVisible();
  await page.waitForLoadState('networkidle');

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'JWT Lens' })).toBeVisible();
  await pasteToken(hs256.token);
  await expect(page.getByRole('region', { name: 'Payload' })).toContainText('Ada Lovelace');
  await verifyHs256(page, network);
  await page.getByRole('tab', { name: 'Encode' }).click();
  await expect(page.getByRole('region', { name: 'Signing' })).toBeVisible();
  await page.getByRole('tab', { name: 'Keys' }).click();
  await page.getByLabel('Key type').selectOption({ label: 'Ed25519 (EdDSA)' });
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByRole('region', { name: 'Generate a key' })).toContainText('BEGIN PUBLIC KEY');
  await context.setOffline(false);
});

test('after the idle background pass every feature works offline', async ({
  page,
  context,
  pasteToken,
  network,
}) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await untilControlled(page);
  // No input from here on: the background pass starts on its own once the user has been idle.
  await expect
    .poll(
      async () => {
        const { core, later } = await manifest(page);
        const cached = new Set(await cachedFiles(page));
        return [...core, ...later].filter((file) => !cached.has(file));
      },
      { timeout: 45_000, intervals: [1_000] },
    )
    .toEqual([]);
  await page.getByRole('tab', { name: 'About & privacy' }).click();
  await expect(page.getByRole('status', { name: 'Offline copy' })).toContainText(
    'Every feature works offline',
  );

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'JWT Lens' })).toBeVisible();
  await pasteToken(hs256.token);
  await expect(page.getByRole('region', { name: 'Claims' })).toContainText('sub');
  await verifyHs256(page, network);
  // JWE decryption, first used here, offline.
  network.watchToken(jweDir.token);
  await page.getByLabel('Load example').selectOption('jwe-dir');
  await expect(page.getByRole('region', { name: 'Decryption' })).toBeVisible();
  // The encoder with Monaco, and the key tools, both first opened offline.
  await page.getByRole('tab', { name: 'Encode' }).click();
  await expect(page.getByRole('region', { name: 'Signing' })).toBeVisible();
  await expect(page.locator('[data-editor="monaco"]')).toHaveCount(2, { timeout: 20_000 });
  await page.getByRole('tab', { name: 'Keys' }).click();
  await page.getByLabel('Key type').selectOption({ label: 'Ed25519 (EdDSA)' });
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByRole('region', { name: 'Generate a key' })).toContainText('BEGIN PUBLIC KEY');
  await context.setOffline(false);
});

test('the web app manifest and its icons are served, with relative URLs', async ({ page, request }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = await (await request.get(href!)).json();
  expect(manifest).toMatchObject({ name: 'JWT Lens', start_url: './', scope: './', display: 'standalone' });
  for (const icon of manifest.icons as { src: string; type: string }[]) {
    const response = await request.get(new URL(icon.src, new URL(href!, page.url())).href);
    expect(response.ok()).toBe(true);
    expect(response.headers()['content-type']).toContain(icon.type.split('+')[0]);
  }
});
