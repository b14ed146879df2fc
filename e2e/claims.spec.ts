import {
  ENTRA_ACCESS_TOKEN,
  KEYCLOAK_ACCESS_TOKEN,
  NOW,
  NOW_S,
  compactToken,
} from '../lib/claims/fixtures/tokens';
import { expect, test } from './fixtures/test';

// Local time is shown in the reader's zone; pin it so the expected text is the same on every machine.
test.use({ locale: 'en-GB', timezoneId: 'Europe/Paris' });

const MIN = 60;

test('the countdown moves through valid, expiring soon and expired', async ({ page, pasteToken }) => {
  // Start a minute early and pause exactly at NOW, so every displayed second is predictable.
  await page.clock.install({ time: NOW.getTime() - 60_000 });
  await page.goto('/');
  await page.clock.pauseAt(NOW);
  // A one-hour token with 10 minutes left: expiring soon starts under 6 minutes (10% of the lifetime).
  await pasteToken(
    compactToken({ alg: 'HS256', typ: 'JWT' }, { sub: 'u1', iat: NOW_S - 50 * MIN, exp: NOW_S + 10 * MIN }),
  );

  const expiry = page.getByRole('status', { name: 'Expiry' });
  const state = expiry.getByTestId('expiry-state');
  const text = expiry.getByTestId('expiry-text');
  const bar = expiry.getByRole('progressbar', { name: 'Lifetime used' });
  await expect(state).toHaveText('Valid');
  await expect(text).toHaveText('expires in 10 min 00 s');
  await expect(bar).toHaveAttribute('aria-valuenow', '83');
  // Only the state is a live region; the ticking countdown is not announced.
  await expect(expiry).toHaveAttribute('aria-live', 'off');
  const live = expiry.locator('[aria-live="polite"]');
  await expect(live).toHaveCount(1);
  await expect(live).toHaveText('Valid');

  // It ticks every second.
  await page.clock.fastForward(2000);
  await expect(text).toHaveText('expires in 9 min 58 s');

  await page.clock.fastForward('05:00');
  await expect(state).toHaveText('Expiring soon');
  await expect(live).toHaveText('Expiring soon');
  await expect(text).toHaveText('expires in 4 min 58 s');

  await page.clock.fastForward('06:00');
  await expect(state).toHaveText('Expired');
  await expect(text).toHaveText('expired 1 min 02 s ago');
  await expect(bar).toHaveAttribute('aria-valuenow', '100');
});

test('a token whose nbf is ahead is not yet valid, and one without exp has no expiry', async ({
  page,
  pasteToken,
}) => {
  await page.clock.install({ time: NOW });
  await page.goto('/');
  await pasteToken(
    compactToken({ alg: 'HS256' }, { sub: 'u1', nbf: NOW_S + 3 * MIN, exp: NOW_S + 60 * MIN }),
  );
  await expect(page.getByRole('status', { name: 'Expiry' }).getByTestId('expiry-state')).toHaveText(
    'Not yet valid',
  );
  await page.clock.fastForward('03:01');
  await expect(page.getByRole('status', { name: 'Expiry' }).getByTestId('expiry-state')).toHaveText('Valid');

  await pasteToken(compactToken({ alg: 'HS256' }, { sub: 'u1' }));
  await expect(page.getByRole('status', { name: 'Expiry' }).getByTestId('expiry-state')).toHaveText(
    'No expiry',
  );
});

test('the Claims region shows readable times, meanings and custom claims', async ({ page, pasteToken }) => {
  await page.clock.setFixedTime(NOW);
  await page.goto('/');
  await pasteToken(
    compactToken(
      { alg: 'RS256', typ: 'JWT' },
      {
        iss: 'https://sso.example.org/realms/acme',
        sub: 'u1',
        exp: NOW_S + 4 * MIN,
        iat: (NOW_S - 3 * 3600) * 1000,
        team: 'blue',
      },
    ),
  );
  const claims = page.getByRole('region', { name: 'Claims' });
  const exp = claims.locator('tr[data-claim="exp"]');
  await expect(exp).toContainText(String(NOW_S + 4 * MIN));
  await expect(exp).toContainText('2026-01-15T12:04:00Z');
  await expect(exp).toContainText('15 Jan 2026, 13:04:00 CET');
  await expect(exp).toContainText('in 4 min');
  await expect(exp).toContainText('RFC 7519 §4.1.4');
  await expect(exp.getByRole('link', { name: 'RFC 7519 §4.1.4' })).toHaveAttribute(
    'href',
    'https://www.rfc-editor.org/rfc/rfc7519#section-4.1.4',
  );

  const iat = claims.locator('tr[data-claim="iat"]');
  await expect(iat).toContainText('milliseconds, converted');
  await expect(iat).toContainText('2026-01-15T09:00:00Z');
  await expect(iat).toContainText('3 h ago');

  await expect(claims.locator('tr[data-claim="team"]')).toContainText('custom');

  // Hover or focus on a claim name shows its description.
  const expName = exp.locator('code', { hasText: /^exp$/ });
  const tooltip = exp.getByRole('tooltip');
  await expect(tooltip).toBeHidden();
  // Monaco takes over the JSON views once the user has paused (about a second after the paste) and can
  // shift the layout under the mouse: hover once it is in place, and again until the tooltip sticks.
  await expect(page.getByRole('region', { name: 'Payload' }).locator('.monaco-editor')).toBeVisible({
    timeout: 15_000,
  });
  await expect(async () => {
    await expName.hover();
    await expect(tooltip).toBeVisible({ timeout: 1000 });
  }).toPass();
  await expect(tooltip).toContainText('Expiration time');
  await page.mouse.move(0, 0);
  await expect(tooltip).toBeHidden();
  await expName.focus();
  await expect(tooltip).toBeVisible();
  await expect(expName).toHaveAccessibleDescription(/Expiration time/);
});

test('nested claims expand (Keycloak realm_access)', async ({ page, pasteToken }) => {
  await page.clock.setFixedTime(NOW);
  await page.goto('/');
  await pasteToken(compactToken(KEYCLOAK_ACCESS_TOKEN.header, KEYCLOAK_ACCESS_TOKEN.payload));
  const claims = page.getByRole('region', { name: 'Claims' });
  await expect(claims.locator('tr[data-claim="realm_access.roles"]')).toHaveCount(0);
  await claims.getByRole('button', { name: 'Expand realm_access' }).click();
  const roles = claims.locator('tr[data-claim="realm_access.roles"]');
  await expect(roles).toContainText('shop-admin');
  await expect(roles).toContainText('Realm roles');
});

test('huge claims are listed in part, with a count of the rest', async ({ page, pasteToken }) => {
  await page.clock.setFixedTime(NOW);
  await page.goto('/');
  const groups = Array.from({ length: 2_000 }, (_, i) => `group-${i}`);
  const entitlements = Array.from({ length: 500 }, (_, i) => ({ id: `e-${i}` }));
  await pasteToken(compactToken({ alg: 'HS256' }, { sub: 'u1', groups, entitlements }));
  const claims = page.getByRole('region', { name: 'Claims' });
  const list = claims.getByRole('list', { name: 'groups: 2000 items' });
  await expect(list.getByRole('listitem')).toHaveCount(101);
  await expect(list.getByRole('listitem').last()).toHaveText(/and 1,900 more/);
  await claims.getByRole('button', { name: 'Expand entitlements' }).click();
  await expect(claims.locator('tr[data-claim^="entitlements["]')).toHaveCount(100);
  await expect(claims).toContainText('… and 400 more in entitlements');
});

test('the summary card shows the roles and scopes of an Entra ID token', async ({ page, pasteToken }) => {
  await page.clock.setFixedTime(NOW);
  await page.goto('/');
  await pasteToken(compactToken(ENTRA_ACCESS_TOKEN.header, ENTRA_ACCESS_TOKEN.payload));
  const card = page.getByRole('region', { name: 'Token summary' });
  await expect(card).toContainText('OAuth 2.0 access token');
  await expect(card).toContainText('Microsoft Entra ID');
  await expect(card).toContainText('72f988bf-86f1-41af-91ab-2d7cd011db47');
  await expect(card.getByRole('list', { name: 'Roles' }).getByRole('listitem')).toContainText([
    'Orders.Admin',
    'Reports.Read',
  ]);
  await expect(card.getByRole('list', { name: 'Scopes' }).getByRole('listitem')).toHaveText([
    'Orders.Read',
    'Orders.Write',
  ]);
});

test('the summary card shows the realm and client roles and scopes of a Keycloak token', async ({
  page,
  pasteToken,
}) => {
  await page.clock.setFixedTime(NOW);
  await page.goto('/');
  await pasteToken(compactToken(KEYCLOAK_ACCESS_TOKEN.header, KEYCLOAK_ACCESS_TOKEN.payload));
  const card = page.getByRole('region', { name: 'Token summary' });
  await expect(card).toContainText('Keycloak');
  await expect(card.getByRole('list', { name: 'Roles' }).getByRole('listitem')).toHaveText([
    'offline_access',
    'shop-admin',
    'web-shop: refund-orders',
    'account: manage-account',
  ]);
  await expect(card.getByRole('list', { name: 'Scopes' }).getByRole('listitem')).toHaveText([
    'openid',
    'profile',
    'email',
  ]);
});

test('hovering a time in the JSON view shows the readable time', async ({ page, pasteToken }) => {
  await page.clock.setFixedTime(NOW);
  await page.goto('/');
  const exp = NOW_S + 4 * MIN;
  await pasteToken(compactToken({ alg: 'HS256' }, { sub: 'u1', exp }));
  const payload = page.getByRole('region', { name: 'Payload' });
  // Monaco replaces the lightweight view once the browser is idle; the hover comes from its hover provider.
  const number = payload.locator('.monaco-editor .view-line span span', { hasText: String(exp) });
  await expect(number).toBeVisible({ timeout: 15_000 });
  const hover = page.locator('.monaco-hover').filter({ hasText: '2026-01-15T12:04:00Z' });
  await expect(async () => {
    await number.hover();
    await expect(hover).toBeVisible({ timeout: 1500 });
  }).toPass();
  await expect(hover).toContainText('15 Jan 2026, 13:04:00 CET');
  await expect(hover).toContainText('in 4 min');
});
