import { EXAMPLES } from '../lib';
import { expect, test } from './fixtures/test';

const hs256 = EXAMPLES.find((e) => e.name === 'hs256')!;

test('after one visit the app loads, decodes and verifies offline', async ({
  page,
  context,
  pasteToken,
  network,
}) => {
  await page.goto('/');
  // Wait until the service worker has installed (precached every app file) and controls the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
  });
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    return (
      await Promise.all(names.map(async (n) => (await (await caches.open(n)).keys()).map((r) => r.url)))
    ).flat();
  });
  expect(cached.some((url) => url.includes('/_next/static/chunks/'))).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'JWT Lens' })).toBeVisible();
  await pasteToken(hs256.token);
  await expect(page.getByRole('region', { name: 'Header' })).toContainText('"alg": "HS256"');
  await expect(page.getByRole('region', { name: 'Payload' })).toContainText('Ada Lovelace');
  // Verification loads its engine on demand: that chunk must come from the offline copy too.
  network.watch(hs256.key!);
  await page.getByLabel('Verification key').fill(hs256.key!);
  await expect(page.getByRole('status', { name: 'Signature' })).toContainText('Signature verified', {
    timeout: 20_000,
  });
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
