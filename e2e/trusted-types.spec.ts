import { readdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { EXAMPLES } from '../lib';
import { compactToken } from '../lib/claims/fixtures/tokens';
import { TRUSTED_TYPES_POLICIES } from '../scripts/csp.mjs';
import { findNginx, testBehindNginx } from './fixtures/nginx';
import { recordCspViolations } from './fixtures/privacy';
import { expect, test } from './fixtures/test';

const hs256 = EXAMPLES.find((e) => e.name === 'hs256')!;
const nginx = findNginx();
const chunkName = () =>
  readdirSync('out/_next/static/chunks').find((f) => f.startsWith('turbopack-worker-'))!;

/**
 * Records the name of every Trusted Types policy the page creates, and of every one the CSP refuses. The init
 * script runs before the page's first script, so the page's own default policy is seen too.
 */
async function recordPolicies(page: Page): Promise<() => Promise<{ created: string[]; refused: string[] }>> {
  await page.addInitScript(() => {
    const log = { created: [] as string[], refused: [] as string[] };
    (window as unknown as { __policies: typeof log }).__policies = log;
    const factory = (window as unknown as { trustedTypes?: { createPolicy: (...a: unknown[]) => unknown } })
      .trustedTypes;
    if (!factory) return;
    const create = factory.createPolicy.bind(factory);
    factory.createPolicy = (name: unknown, ...rest: unknown[]) => {
      try {
        const policy = create(name, ...rest);
        log.created.push(String(name));
        return policy;
      } catch (err) {
        log.refused.push(String(name));
        throw err;
      }
    };
  });
  return () =>
    page.evaluate(
      () => (window as unknown as { __policies: { created: string[]; refused: string[] } }).__policies,
    );
}

test('a plain string cannot reach a DOM XSS sink: the page enforces Trusted Types', async ({
  page,
  consoleErrors,
}) => {
  // The browser logs each blocked sink; here they are provoked on purpose.
  consoleErrors.allow(
    /requires 'Trusted(HTML|Script|ScriptURL)' assignment|TrustedTypePolicy named 'attacker'/,
  );
  const violations = await recordCspViolations(page);
  await page.goto('/');
  await expect(page.getByLabel('Encoded token')).toBeVisible();
  const outcome = await page.evaluate(() => {
    const attempt = (run: () => unknown) => {
      try {
        run();
        return 'allowed';
      } catch (err) {
        return `${(err as Error).constructor.name}: ${(err as Error).message}`;
      }
    };
    const div = document.createElement('div');
    const tt = (window as unknown as { trustedTypes: { createPolicy: (n: string, o: object) => unknown } })
      .trustedTypes;
    return {
      innerHTML: attempt(() => (div.innerHTML = '<img src=x onerror="window.__pwned=1">')),
      outerHTML: attempt(() => (document.createElement('p').appendChild(div).outerHTML = '<b>x</b>')),
      insertAdjacentHTML: attempt(() => div.insertAdjacentHTML('beforeend', '<b>x</b>')),
      rangeFragment: attempt(() => document.createRange().createContextualFragment('<b>x</b>')),
      scriptText: attempt(() => (document.createElement('script').textContent = 'window.__pwned=1')),
      cdnScript: attempt(
        () =>
          (document.createElement('script').src =
            'https://cdn.jsdelivr.net/npm/monaco-editor/min/vs/loader.js'),
      ),
      blobWorker: attempt(() => new Worker(URL.createObjectURL(new Blob(['postMessage(1)'])))),
      unlistedPolicy: attempt(() => tt.createPolicy('attacker', { createHTML: (s: string) => s })),
      // What the app itself needs still works: text, and same-origin build files as script URLs.
      textContent: attempt(() => (div.textContent = '<img src=x onerror=alert(1)>')),
      buildChunk: attempt(() => (document.createElement('script').src = '/_next/static/chunks/any.js')),
    };
  });
  expect(outcome.innerHTML).toMatch(/^TypeError: .*requires 'TrustedHTML' assignment/);
  expect(outcome.outerHTML).toMatch(/^TypeError: .*TrustedHTML/);
  expect(outcome.insertAdjacentHTML).toMatch(/^TypeError: .*TrustedHTML/);
  expect(outcome.rangeFragment).toMatch(/^TypeError: .*TrustedHTML/);
  expect(outcome.scriptText).toMatch(/^TypeError: .*TrustedScript/);
  expect(outcome.cdnScript).toMatch(/^TypeError: .*TrustedScriptURL/);
  expect(outcome.blobWorker).toMatch(/^TypeError: .*TrustedScriptURL/);
  expect(outcome.unlistedPolicy).toMatch(/^TypeError: .*"attacker" disallowed/);
  expect(outcome.textContent).toBe('allowed');
  expect(outcome.buildChunk).toBe('allowed');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  const reported = (await violations()).join('\n');
  expect(reported).toContain('require-trusted-types-for blocked trusted-types-sink');
  expect(reported).toContain('trusted-types blocked trusted-types-policy');
});

/**
 * Every feature that creates a policy or hands a URL or markup to a sink: Monaco's views (editorViewLayer,
 * domLineBreaksComputer) and hovers (DOMPurify), the encoder's editors with the JSON language worker, the
 * background decode worker and the service worker (their URLs go through the default policy).
 */
async function everyFeature(page: Page, pasteToken: (token: string) => Promise<void>) {
  const violations = await recordCspViolations(page);
  const policies = await recordPolicies(page);
  await page.goto(`/#token=${hs256.token}`);
  await expect(page.getByRole('region', { name: 'Payload' })).toContainText('Ada Lovelace');

  // A real clock (a fake one breaks Monaco's input-latency measures when typing below).
  const exp = Math.floor(Date.now() / 1000) + 3600;
  await pasteToken(compactToken({ alg: 'HS256' }, { sub: 'u1', exp }));
  const payload = page.getByRole('region', { name: 'Payload' });
  const number = payload.locator('.monaco-editor .view-line span span', { hasText: String(exp) });
  await expect(number).toBeVisible({ timeout: 15_000 });
  const iso = new Date(exp * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const hover = page.locator('.monaco-hover').filter({ hasText: iso });
  await expect(async () => {
    await number.hover();
    await expect(hover).toBeVisible({ timeout: 1500 });
  }).toPass();

  // The JSON language worker marks a syntax error: it runs only if its script URL was accepted.
  await page.getByRole('tab', { name: 'Encode' }).click();
  await expect(page.locator('[data-editor="monaco"]')).toHaveCount(2, { timeout: 15_000 });
  const editor = page.getByRole('region', { name: 'Payload' }).locator('.monaco-editor').first();
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(',');
  await expect(editor.locator('.squiggly-error').first()).toBeVisible({ timeout: 15_000 });
  await page.keyboard.press('Backspace');

  // Over 256 KiB, the token is decoded in a worker; a refused worker would show an error instead.
  await page.getByRole('tab', { name: 'Decode' }).click();
  await pasteToken(compactToken({ alg: 'HS256' }, { sub: 'u1', pad: 'x'.repeat(300 * 1024) }));
  await expect(page.getByRole('region', { name: 'Payload' })).toContainText('"sub"', { timeout: 15_000 });

  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

  expect(await violations()).toEqual([]);
  const { created, refused } = await policies();
  expect(refused).toEqual([]);
  expect(created).toContain('default');
  expect(created).toContain('editorViewLayer');
  for (const name of created) expect(TRUSTED_TYPES_POLICIES).toContain(name);
  expect(new Set(created).size).toBe(created.length);
}

test('every feature works under Trusted Types, with only the allowed policies and zero violations', async ({
  page,
  pasteToken,
}) => {
  await everyFeature(page, pasteToken);
});

// Behind nginx the policy is also a response header, so it governs the workers' own scripts as well
// (importScripts in a worker is a Trusted Types sink too).
const withNginx = testBehindNginx(nginx);

withNginx(
  'behind nginx, whose header policy also covers the workers, every feature still works',
  async ({ page, pasteToken }) => {
    withNginx.skip(!nginx, 'nginx is not installed (apt-get install -y nginx; .ci/run does this).');
    const csp = (await page.request.get('/_next/static/chunks/' + chunkName())).headers()[
      'content-security-policy'
    ];
    expect(csp).toContain("require-trusted-types-for 'script'");
    await everyFeature(page, pasteToken);
  },
);
