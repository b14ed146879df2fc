import { expect, test } from './fixtures/test';

/**
 * Text that only server components render: it must arrive with the document (as HTML, or as the server
 * payload for the About tab, which is not the first tab) and be in no script the page loads first.
 */
const SERVER_ONLY_TEXT = [
  'Everything runs in this page: nothing you paste is sent anywhere.', // the intro
  'The decoded header appears here.', // an empty-state hint
  'The decoded payload appears here.',
  "Open your browser's developer tools", // About & privacy
  'About & privacy', // the tab bar
];

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the first screen is complete in the HTML: the first paint needs no script', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'JWT Lens' })).toBeVisible();
    await expect(page.getByRole('tablist', { name: 'Tools' })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Decode' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByLabel('Encoded token')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Header' })).toContainText(
      'The decoded header appears here.',
    );
    await expect(page.getByRole('region', { name: 'Payload' })).toContainText(
      'The decoded payload appears here.',
    );
    await expect(page.getByRole('region', { name: 'Verify signature' })).toBeVisible();
  });
});

test('static parts are server-rendered: their text is in the HTML and in no first-load script', async ({
  request,
}) => {
  const html = (await (await request.get('/')).text()).replace(/&apos;|&#x27;/g, "'").replace(/&amp;/g, '&');
  const scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)]
    .filter((m) => !/noModule/i.test(m[0]))
    .map((m) => m[1]!);
  expect(scripts.length).toBeGreaterThan(0);
  const code = (await Promise.all(scripts.map(async (src) => (await request.get(src)).text()))).join('\n');
  for (const text of SERVER_ONLY_TEXT) {
    expect(html, text).toContain(text);
    expect(code.includes(text), `"${text}" in first-load JS`).toBe(false);
  }
});

test('tabs switch by click and arrow keys over the server-rendered tab bar', async ({ page }) => {
  await page.goto('/');
  const decode = page.getByRole('tab', { name: 'Decode' });
  const about = page.getByRole('tab', { name: 'About & privacy' });
  await about.click();
  await expect(about).toHaveAttribute('aria-selected', 'true');
  await expect(decode).toHaveAttribute('aria-selected', 'false');
  await expect(page.getByRole('tabpanel')).toContainText('What it sends');
  await about.press('ArrowRight');
  await expect(decode).toBeFocused();
  await expect(decode).toHaveAttribute('aria-selected', 'true');
  await expect(decode).toHaveAttribute('tabindex', '0');
  await expect(about).toHaveAttribute('tabindex', '-1');
  await expect(page.getByLabel('Encoded token')).toBeVisible();
});

test('a panel that needs a token keeps its region, and mounts its checks with the first input', async ({
  page,
  pasteToken,
}) => {
  await page.goto('/');
  const verifier = page.getByRole('region', { name: 'Verify signature' });
  await expect(verifier.getByRole('status', { name: 'Signature' })).toContainText(
    'Paste a token to verify its signature.',
  );
  await expect(page.getByLabel('Secret encoding')).toHaveCount(0);
  await expect(page.getByLabel('JWKS or issuer URL')).toHaveCount(0);
  // A key typed first keeps its caret: the key box does not remount when the checks appear.
  const key = page.getByLabel('Verification key');
  await key.pressSequentially('secret');
  await expect(key).toBeFocused();
  await expect(key).toHaveValue('secret');
  await expect(page.getByLabel('Secret encoding')).toBeVisible();
  await pasteToken('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln');
  await expect(page.getByLabel('JWKS or issuer URL')).toBeVisible();
});

test('a token pasted before the scripts have run is kept and decoded once they have', async ({
  page,
  network,
}) => {
  const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJlYXJseS1iaXJkIn0.c2ln';
  network.watchToken(token);
  // Hold every script back until the field has been filled, as on a slow phone.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_next/static/chunks/*.js', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/', { waitUntil: 'domcontentloaded' });
  await page.getByLabel('Encoded token').fill(token);
  await page.getByLabel('Verification key').fill('early-secret');
  release();
  await expect(page.getByRole('region', { name: 'Payload' })).toContainText('early-bird');
  await expect(page.getByLabel('Encoded token')).toHaveValue(token);
  await expect(page.getByLabel('Verification key')).toHaveValue('early-secret');
});

test('the page paints before any of its scripts is even requested', async ({ page }) => {
  await page.goto('/');
  const { fcp, firstScript } = await page.evaluate(() => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    const scripts = performance
      .getEntriesByType('resource')
      .filter((e) => (e as PerformanceResourceTiming).initiatorType === 'script' || /\.js$/.test(e.name))
      .filter((e) => e.name.includes('/_next/static/'));
    return { fcp: paint?.startTime, firstScript: Math.min(...scripts.map((e) => e.startTime)) };
  });
  expect(fcp).toBeGreaterThan(0);
  expect(firstScript).toBeGreaterThan(fcp!);
});
