import { EXAMPLES } from '../lib';
import { expect, test } from './fixtures/test';

test('Monaco takes over the JSON views after first paint, from our own origin only', async ({
  page,
  pasteToken,
  network,
}) => {
  await page.goto('/');
  // Nothing of Monaco is fetched by the page before there is something to show. (The service worker's
  // offline copy may fetch files in the background; those requests come from sw.js.)
  const byPage = () => network.requests.filter((r) => !r.headers.referer?.endsWith('/sw.js'));
  expect(byPage().filter((r) => /monaco|editor\.worker|json\.worker/i.test(r.url))).toEqual([]);
  await pasteToken(EXAMPLES[0]!.token);
  const header = page.getByRole('region', { name: 'Header' });
  await expect(header.locator('.monaco-editor')).toBeVisible({ timeout: 15_000 });
  await expect(header.locator('.view-lines')).toContainText('"alg": "HS256"');
  const payload = page.getByRole('region', { name: 'Payload' });
  await expect(payload.locator('.monaco-editor')).toBeVisible();
  await expect(payload.locator('.view-lines')).toContainText('Ada Lovelace');
  // The editor is read-only: typing changes nothing.
  await payload.locator('.monaco-editor textarea').focus();
  await page.keyboard.type('xyz');
  await expect(payload.locator('.view-lines')).not.toContainText('xyz');
  // Every script and worker came from the page's origin (the recorder also fails the test otherwise).
  const origin = new URL(page.url()).origin;
  expect(
    network.requests.every(
      (r) => r.url.startsWith(origin) || r.url.startsWith('data:') || r.url.startsWith('blob:'),
    ),
  ).toBe(true);
});
