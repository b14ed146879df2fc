/**
 * BASE_PATH (self-hosting from a sub-path): the build of `npm run build:subpath` (BASE_PATH=/tools/jwt, in
 * out-subpath/tools/jwt), served by real nginx from /tools/jwt/ with the repository's nginx.conf. Every
 * file the app loads, its manifest and its service worker must live under the base path.
 */
import { EXAMPLES } from '../lib';
import { findNginx, testBehindNginx } from './fixtures/nginx';
import { recordCspViolations } from './fixtures/privacy';
import { expect } from './fixtures/test';

const BASE_PATH = '/tools/jwt';
const BUILD = `out-subpath${BASE_PATH}`;
const nginx = findNginx();
const hs256 = EXAMPLES.find((e) => e.name === 'hs256')!;

const test = testBehindNginx(nginx, BUILD, BASE_PATH);

test.skip(
  !nginx,
  'nginx is not installed (apt-get install -y nginx; .ci/run does this): the BASE_PATH test is skipped.',
);

test(`served from ${BASE_PATH}/, the app loads only its own files from there, decodes, verifies and installs its worker`, async ({
  page,
  pasteToken,
  network,
  nginxServer,
}) => {
  const origin = new URL(nginxServer.url).origin;
  const violations = await recordCspViolations(page);
  const sameOrigin: { path: string; status: number }[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.origin === origin) {
      sameOrigin.push({ path: url.pathname, status: response.status() });
    }
  });
  // The site root sends people to the app.
  await page.goto('/');
  await expect(page).toHaveURL(new RegExp(`${BASE_PATH}/$`));
  await expect(page.getByLabel('Encoded token')).toBeEditable();

  await pasteToken(hs256.token);
  await expect(page.getByRole('region', { name: 'Payload' })).toContainText('Ada Lovelace');
  // Verification loads its engine chunk on demand: from the base path too.
  network.watch(hs256.key!);
  await page.getByLabel('Verification key').fill(hs256.key!);
  await expect(page.getByRole('status', { name: 'Signature' })).toContainText('Signature verified', {
    timeout: 20_000,
  });

  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(new URL(scope).pathname).toBe(`${BASE_PATH}/`);
  const manifest = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(manifest).toBe(`${BASE_PATH}/manifest.webmanifest`);

  // Every request after the redirect went under the base path and found its file.
  const app = sameOrigin.filter((r) => r.path !== '/');
  expect(app.length).toBeGreaterThan(5);
  expect(app.filter((r) => !r.path.startsWith(`${BASE_PATH}/`))).toEqual([]);
  expect(app.filter((r) => r.status >= 400)).toEqual([]);
  expect(await violations()).toEqual([]);
});
