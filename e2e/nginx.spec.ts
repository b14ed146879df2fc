import { readdirSync } from 'node:fs';
import { EXAMPLES } from '../lib';
import { findNginx, testBehindNginx } from './fixtures/nginx';
import { recordCspViolations } from './fixtures/privacy';
import { expect } from './fixtures/test';

const nginx = findNginx();
const hs256 = EXAMPLES.find((e) => e.name === 'hs256')!;

// One nginx per worker, serving out/ with the rendered nginx.conf; every test in this file runs against it.
const test = testBehindNginx(nginx);

test.skip(
  !nginx,
  'nginx is not installed (apt-get install -y nginx; .ci/run does this): the nginx.conf test is skipped.',
);

const SECURITY_HEADERS = {
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

test('HTML gets the CSP header with frame-ancestors, the security headers and no caching', async ({
  request,
}) => {
  const response = await request.get('/');
  expect(response.status()).toBe(200);
  const headers = response.headers();
  expect(headers).toMatchObject({ ...SECURITY_HEADERS, 'cache-control': 'no-cache' });
  expect(headers['content-type']).toBe('text/html; charset=utf-8');
  const csp = headers['content-security-policy']!;
  expect(csp).toMatch(/^default-src 'self'; script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+; /);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-eval');
  // The header allows exactly the scripts the page's own <meta> policy allows.
  const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(await response.text())![1]!;
  for (const hash of meta.match(/'sha256-[^']+'/g)!) expect(csp).toContain(hash);
  for (const feature of ['camera=()', 'microphone=()', 'geolocation=()', 'usb=()', 'payment=()']) {
    expect(headers['permissions-policy']).toContain(feature);
  }
  expect(headers.server).toBe('nginx');
});

test('hashed assets are cached for a year; the service worker and manifest are revalidated', async ({
  request,
}) => {
  const chunk = readdirSync('out/_next/static/chunks').find((f) => f.endsWith('.js'))!;
  const asset = await request.get(`/_next/static/chunks/${chunk}`);
  expect(asset.headers()).toMatchObject({
    ...SECURITY_HEADERS,
    'cache-control': 'public, max-age=31536000, immutable',
    'content-type': 'application/javascript; charset=utf-8',
  });
  expect((await request.get('/sw.js')).headers()['cache-control']).toBe('no-cache');
  const manifest = await request.get('/manifest.webmanifest');
  expect(manifest.headers()['content-type']).toBe('application/manifest+json; charset=utf-8');
});

test('unknown paths get the 404 page, with the same headers', async ({ request }) => {
  const response = await request.get('/no/such/page');
  expect(response.status()).toBe(404);
  expect(response.headers()).toMatchObject(SECURITY_HEADERS);
  expect(await response.text()).toContain('Content-Security-Policy');
});

test('the app loads and decodes through nginx with zero CSP violations', async ({ page, pasteToken }) => {
  const violations = await recordCspViolations(page);
  await page.goto('/');
  await pasteToken(hs256.token);
  await expect(page.getByRole('region', { name: 'Payload' })).toContainText('Ada Lovelace');
  await page.getByRole('tab', { name: 'About & privacy' }).click();
  await expect(page.getByRole('region', { name: 'About and privacy' })).toBeVisible();
  expect(await violations()).toEqual([]);
});

test('another page cannot frame the app', async ({ page, nginxServer, consoleErrors }) => {
  consoleErrors.allow(/frame-ancestors|Refused to display/);
  let frameBlocked = false;
  page.on('console', (m) => {
    if (/frame-ancestors|Refused to display/.test(m.text())) frameBlocked = true;
  });
  await page.setContent(`<iframe src="${nginxServer.url}/"></iframe>`);
  await expect.poll(() => frameBlocked).toBe(true);
});
