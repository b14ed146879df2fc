import { EXAMPLES, encodeBase64urlText } from '../lib';
import { expect, test } from './fixtures/test';
import { recordCspViolations, storageSnapshot } from './fixtures/privacy';

const hs256 = EXAMPLES.find((e) => e.name === 'hs256')!;
const rs256 = EXAMPLES.find((e) => e.name === 'rs256-id-token')!;
const b64 = (value: unknown) => encodeBase64urlText(JSON.stringify(value));

const EMPTY_STORAGE = { localStorage: {}, sessionStorage: {}, cookies: [], indexedDB: [] };

test.describe('Content-Security-Policy', () => {
  test('the page ships a strict policy as the first thing that can load anything', async ({ page }) => {
    const response = await page.goto('/');
    const html = await response!.text();
    const policy =
      /<head><meta charSet="utf-8"\/><meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(
        html,
      )?.[1];
    expect(policy).toBeDefined();
    expect(policy).toContain("script-src 'self' 'sha256-");
    expect(policy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    for (const directive of [
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
      "default-src 'self'",
    ]) {
      expect(policy).toContain(directive);
    }
  });

  test('the policy blocks a script injected at runtime (it is enforced, not decorative)', async ({
    page,
    consoleErrors,
  }) => {
    consoleErrors.allow(/Content Security Policy|requires 'TrustedScript' assignment/);
    const violations = await recordCspViolations(page);
    // An inline script slipped into the page after the build (a tampering host, a proxy): parsed from the
    // HTML, so Trusted Types do not apply, and script-src has no hash for it.
    await page.route('/', async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        '</body>',
        '<script>window.__injected = true</script></body>',
      );
      await route.fulfill({ response, body: html });
    });
    await page.goto('/');
    // One added by script: Trusted Types refuse the plain string before script-src is even asked.
    const thrown = await page.evaluate(() => {
      try {
        const s = document.createElement('script');
        s.textContent = 'window.__injectedByScript = true';
        document.body.append(s);
        return 'no error';
      } catch (err) {
        return (err as Error).constructor.name;
      }
    });
    expect(thrown).toBe('TypeError');
    const injected = await page.evaluate(() => {
      const w = window as unknown as { __injected?: boolean; __injectedByScript?: boolean };
      return [w.__injected, w.__injectedByScript];
    });
    expect(injected).toEqual([undefined, undefined]);
    const reported = (await violations()).join('\n');
    expect(reported).toContain('script-src-elem blocked inline');
    expect(reported).toContain('require-trusted-types-for blocked trusted-types-sink');
  });
});

test('a full session: every feature, zero CSP violations, nothing stored, nothing sent', async ({
  page,
  context,
  network,
  pasteToken,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const violations = await recordCspViolations(page);
  network.watch(hs256.key!);
  network.watch('Ada Lovelace');
  network.watch(rs256.key!);
  network.watch('Grace Hopper');
  network.watch('grace@example.com');
  await page.goto(`/#token=${hs256.token}`);
  await expect(page.getByRole('region', { name: 'Payload' })).toContainText('Ada Lovelace');

  for (const example of EXAMPLES) {
    network.watchToken(example.token);
    if (example.key) network.watch(example.key);
    await page.getByLabel('Load example').selectOption(example.name);
    await expect(page.getByLabel('Encoded token')).toHaveValue(example.token);
    await expect(page.getByRole('region', { name: 'Header' })).toContainText('"alg"');
  }
  await pasteToken(`${b64({ alg: 'HS256', kid: '<img src=x onerror=alert(1)>' })}.${b64({ sub: 'x' })}.c2ln`);
  await pasteToken('not-a-token');
  await expect(page.getByRole('alert').filter({ hasText: 'could not decode' })).toBeVisible();
  await pasteToken(rs256.token);
  await page.getByRole('button', { name: 'Copy share link' }).click();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('group', { name: 'Share link' })).toContainText('Share link copied');
  await page.getByRole('tab', { name: 'About & privacy' }).click();
  await expect(page.getByRole('region', { name: 'About and privacy' })).toContainText('What it sends');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await page.getByLabel('Clock tolerance (seconds)').fill('30');
  await page.getByRole('tab', { name: 'Decode' }).click();

  expect(await violations()).toEqual([]);
  expect(await storageSnapshot(page, context)).toMatchObject(EMPTY_STORAGE);
  const cached = Object.values((await storageSnapshot(page, context)).caches).flat();
  expect(
    cached.filter(
      (url) => !new URL(url).pathname.match(/\.(js|css|html|svg|png|ttf|woff2|webmanifest|txt)$|\/$/),
    ),
  ).toEqual([]);
  // The fixture then fails the test if any request left the origin or carried a token, key or claim.
});

test.describe('settings are remembered only after opting in', () => {
  test('theme and tolerance are stored after opt-in, nothing else, and reload restores them', async ({
    page,
    context,
  }) => {
    await page.goto('/');
    await page.getByRole('tab', { name: 'About & privacy' }).click();
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    await page.getByLabel('Clock tolerance (seconds)').fill('45');
    expect((await storageSnapshot(page, context)).localStorage).toEqual({});
    await page.getByLabel('Remember theme and clock tolerance on this device').check();
    expect((await storageSnapshot(page, context)).localStorage).toEqual({
      'jwt-lens:settings': '{"theme":"dark","clockToleranceSeconds":45}',
    });
    await page.reload();
    await expect(page.locator('html')).toHaveClass(/dark/);
    await page.getByRole('tab', { name: 'About & privacy' }).click();
    await expect(page.getByLabel('Clock tolerance (seconds)')).toHaveValue('45');
    await page.getByLabel('Remember theme and clock tolerance on this device').uncheck();
    expect((await storageSnapshot(page, context)).localStorage).toEqual({});
  });
});

test('"Clear everything" empties every input, the settings and every store', async ({
  page,
  context,
  pasteToken,
}) => {
  await page.goto('/');
  await pasteToken(hs256.token);
  await page.getByRole('tab', { name: 'About & privacy' }).click();
  await page.getByLabel('Remember theme and clock tolerance on this device').check();
  await page.evaluate(async () => {
    sessionStorage.setItem('planted', '1');
    document.cookie = 'planted=1';
    (await caches.open('planted')).put('/planted', new Response('x'));
    await new Promise((resolve) => {
      const open = indexedDB.open('planted-db');
      open.onsuccess = () => resolve(open.result.close());
    });
  });
  await page.getByRole('button', { name: 'Clear everything' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Cleared every input' })).toBeAttached();
  await expect.poll(async () => storageSnapshot(page, context)).toEqual({ ...EMPTY_STORAGE, caches: {} });
  await page.getByRole('tab', { name: 'Decode' }).click();
  await expect(page.getByLabel('Encoded token')).toHaveValue('');
  await page.getByRole('tab', { name: 'About & privacy' }).click();
  await expect(page.getByLabel('Remember theme and clock tolerance on this device')).not.toBeChecked();
});

test.describe('share links and deep links', () => {
  for (const param of ['token', 'id_token', 'access_token', 'value']) {
    test(`#${param}= is decoded, then removed from the address bar and history`, async ({
      page,
      network,
    }) => {
      network.watchToken(hs256.token);
      await page.goto(`/#${param}=${hs256.token}&state=abc`);
      await expect(page.getByRole('region', { name: 'Payload' })).toContainText('Ada Lovelace');
      await expect.poll(() => page.evaluate(() => location.href)).not.toContain('#');
      // The entry was replaced, not added to: going back leaves the app instead of landing on the token.
      await page.goBack();
      expect(page.url()).not.toContain(hs256.token);
    });
  }

  test('#example=<name> loads a built-in example without any token in the link', async ({ page }) => {
    await page.goto('/#example=rs256-id-token');
    await expect(page.getByLabel('Encoded token')).toHaveValue(rs256.token);
    await expect(page.getByRole('region', { name: 'Payload' })).toContainText('Grace Hopper');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('');
  });

  test('an unknown example is explained', async ({ page }) => {
    await page.goto('/#example=nope');
    await expect(page.getByRole('alert').filter({ hasText: 'example called "nope"' })).toBeVisible();
  });

  test('a link pasted into the open page (hash change) is read too', async ({ page }) => {
    await page.goto('/');
    await page.evaluate((t) => (location.hash = `token=${t}`), hs256.token);
    await expect(page.getByRole('region', { name: 'Payload' })).toContainText('Ada Lovelace');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('');
  });

  test('?token= in the query is refused with an explanation, not decoded', async ({ page }) => {
    // The test itself puts the token in the query, so the server request carrying it is expected here.
    await page.goto(`/?token=${hs256.token}`);
    const alert = page.getByRole('alert').filter({ hasText: 'query string' });
    await expect(alert).toContainText('did not decode it');
    await expect(page.getByLabel('Encoded token')).toHaveValue('');
    await expect.poll(() => page.evaluate(() => location.search)).toBe('');
  });

  test('"Copy share link" warns first, then copies a link with the token only', async ({
    page,
    context,
    pasteToken,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/#example=hs256');
    await expect(page.getByLabel('Encoded token')).toHaveValue(hs256.token);
    await page.getByRole('button', { name: 'Copy share link' }).click();
    const group = page.getByRole('group', { name: 'Share link' });
    await expect(group).toContainText('Anyone who has this link can read every claim');
    await page.getByRole('button', { name: 'Copy link' }).click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    const origin = new URL(page.url()).origin;
    expect(link).toBe(`${origin}/#token=${hs256.token}`);
    expect(link).not.toContain(hs256.key!);
    // The link opens the same token in a fresh page.
    const second = await context.newPage();
    await second.goto(link);
    await expect(second.getByRole('region', { name: 'Payload' })).toContainText('Ada Lovelace');
    void pasteToken;
  });
});
