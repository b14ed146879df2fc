import { EXAMPLES } from '../lib';
import { encodeBase64urlText } from '../lib';
import { expect, test } from './fixtures/test';

const b64 = (value: unknown) =>
  encodeBase64urlText(typeof value === 'string' ? value : JSON.stringify(value));
const hs256 = EXAMPLES.find((e) => e.name === 'hs256')!.token;

test.beforeEach(async ({ page }) => {
  await page.goto('/');
});

test('paste a token and see the header and payload', async ({ page, pasteToken }) => {
  await pasteToken(hs256);
  await expect(page.getByRole('region', { name: 'Header' })).toContainText('"alg": "HS256"');
  await expect(page.getByRole('region', { name: 'Payload' })).toContainText('"name": "Ada Lovelace"');
  await expect(page.getByRole('region', { name: 'Findings' })).toBeVisible();
  await expect(page.getByLabel('Token by segment')).toContainText(hs256.split('.')[0]!);
});

test('a Bearer header line with wrapped lines is cleaned and explained', async ({ page, pasteToken }) => {
  const wrapped = `Authorization: Bearer ${hs256.slice(0, 40)}\n${hs256.slice(40)}`;
  await pasteToken(wrapped);
  await expect(page.getByRole('region', { name: 'Payload' })).toContainText('Ada Lovelace');
  await expect(page.getByRole('region', { name: 'Findings' })).toContainText('The input was cleaned');
});

const MALFORMED: { name: string; token: string; message: RegExp }[] = [
  {
    name: 'two segments',
    token: `${b64({ alg: 'HS256' })}.${b64({ sub: 'x' })}`,
    message: /Found 2 segments/,
  },
  { name: 'one segment', token: 'not-a-token', message: /Found 1 segment/ },
  {
    name: 'bad base64url character',
    token: `${b64({ alg: 'HS256' })}.${b64({ a: 1 })}$x.sig`,
    message: /not a base64url character/,
  },
  {
    name: 'header not JSON',
    token: `${b64('hello')}.${b64({ a: 1 })}.c2ln`,
    message: /header is not valid JSON/,
  },
  { name: 'header not an object', token: `${b64([1, 2])}.${b64({ a: 1 })}.c2ln`, message: /not an object/ },
  {
    name: 'cut off header',
    token: `${b64('{"alg":"HS256","typ":"JW')}.${b64({ a: 1 })}.c2ln`,
    message: /cut off/,
  },
];

for (const bad of MALFORMED) {
  test(`malformed: ${bad.name}`, async ({ page, pasteToken }) => {
    await pasteToken(bad.token);
    // Next.js adds its own empty route announcer with role=alert; ours is the one that says what failed.
    const alert = page.getByRole('alert').filter({ hasText: 'could not decode' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText(bad.message);
  });
}

test('a payload that is not JSON is shown as text with a finding', async ({ page, pasteToken }) => {
  await pasteToken(`${b64({ alg: 'HS256' })}.${b64('just some text')}.c2ln`);
  await expect(page.getByRole('region', { name: 'Payload' })).toContainText('just some text');
  await expect(page.locator('[data-finding="payload-not-json"]')).toBeVisible();
});

test('script and img onerror in claims show literally and never run', async ({ page, pasteToken }) => {
  let dialogs = 0;
  page.on('dialog', async (d) => {
    dialogs++;
    await d.dismiss();
  });
  const evil = {
    name: '<script>alert("xss")</script>',
    bio: '<img src=x onerror="alert(1)">',
    kid: '"><svg onload=alert(2)>',
  };
  await pasteToken(`${b64({ alg: 'HS256', kid: '<img src=x onerror=alert(3)>' })}.${b64(evil)}.c2ln`);
  const payload = page.getByRole('region', { name: 'Payload' });
  await expect(payload).toContainText('<script>alert(\\"xss\\")</script>');
  await expect(payload).toContainText('<img src=x onerror=\\"alert(1)\\">');
  await page.waitForTimeout(300);
  expect(dialogs).toBe(0);
  expect(await page.locator('img[src="x"], svg[onload]').count()).toBe(0);
  expect(await page.evaluate(() => document.querySelectorAll('[onerror], [onload]').length)).toBe(0);
});

test('Load example fills the token and decodes it', async ({ page }) => {
  await page.getByLabel('Load example').selectOption('rs256-id-token');
  await expect(page.getByLabel('Encoded token')).toHaveValue(
    EXAMPLES.find((e) => e.name === 'rs256-id-token')!.token,
  );
  await expect(page.getByRole('region', { name: 'Payload' })).toContainText('Grace Hopper');
  await expect(page.getByRole('region', { name: 'Header' })).toContainText('RS256');
});

test('an alg none token is flagged as dangerous', async ({ page, pasteToken }) => {
  await pasteToken(`${b64({ alg: 'nOnE' })}.${b64({ sub: 'x', admin: true })}.`);
  await expect(page.locator('[data-finding="alg-none"]')).toContainText('unsigned');
  await expect(page.getByRole('region', { name: 'Header' })).toContainText('Unsecured');
});

test('a JWE shows its header and keeps the payload encrypted', async ({ page, pasteToken }) => {
  const jwe = EXAMPLES.find((e) => e.name === 'jwe-dir')!.token;
  await pasteToken(jwe);
  await expect(page.getByRole('region', { name: 'Header' })).toContainText('"enc": "A256GCM"');
  await expect(page.getByRole('region', { name: 'Payload' })).toContainText('encrypted');
});

test('big integers keep their exact digits', async ({ page, pasteToken }) => {
  const payload = '{"id":12345678901234567890123,"sub":"x"}';
  await pasteToken(`${b64({ alg: 'HS256' })}.${b64(payload)}.c2ln`);
  await expect(page.getByRole('region', { name: 'Payload' })).toContainText('12345678901234567890123');
});

test('the page loads without console errors and the input works at once', async ({ page }) => {
  const input = page.getByLabel('Encoded token');
  await expect(input).toBeEditable();
  await expect(page.getByRole('heading', { name: 'JWT Lens' })).toBeVisible();
});
