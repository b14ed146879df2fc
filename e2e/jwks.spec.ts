import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/test';
import type { NetworkRecorder } from './fixtures/network';

// The local identity provider started by playwright.config.ts (e2e/servers/jwks-server.mjs).
const ORIGIN = `http://127.0.0.1:${process.env.E2E_JWKS_PORT ?? 4180}`;

interface ServerTokens {
  issuer: string;
  jwks: { keys: Record<string, unknown>[] };
  kids: { rsa: string; ec: string; ed: string };
  rs256: string;
  es256: string;
  eddsa: string;
  rotating: string;
  httpsIssuer: string;
}

interface ServerRequest {
  method: string;
  url: string;
  path: string;
  headers: Record<string, string>;
  at: number;
  bytesSent?: number;
  closedEarly?: boolean;
}

let tokens: ServerTokens;

test.beforeAll(async () => {
  // Node's fetch from the test runner, not the page: the browser's recorder never sees it.
  tokens = (await (await fetch(`${ORIGIN}/__tokens`)).json()) as ServerTokens;
});

/** A fresh namespace on the server: its own request log and rotation counter. */
function namespace() {
  const name = randomUUID().slice(0, 8);
  return { name, base: `${ORIGIN}/ns/${name}` };
}

async function serverRequests(ns: string): Promise<ServerRequest[]> {
  return (await (await fetch(`${ORIGIN}/__requests?ns=${ns}`)).json()) as ServerRequest[];
}

/**
 * What the issuer saw, and what the browser sent to it: only the expected URLs, after the click, with
 * nothing of the user's (the fixture also fails the test on any other off-origin request or token leak).
 */
function expectPrivate(
  network: NetworkRecorder,
  requests: ServerRequest[],
  expected: { urls: string[]; token?: string; since: number },
) {
  const fromBrowser = network.requests.filter((r) => r.url.startsWith(ORIGIN));
  expect(fromBrowser.map((r) => r.url)).toEqual(expected.urls);
  for (const r of fromBrowser) expect(r.at).toBeGreaterThanOrEqual(expected.since);
  expect(requests.map((r) => r.url)).toEqual(expected.urls);
  for (const r of requests) {
    expect(r.method).toBe('GET');
    expect(r.at).toBeGreaterThanOrEqual(expected.since);
    expect(r.headers.cookie, `cookie sent to ${r.url}`).toBeUndefined();
    expect(r.headers.referer, `referrer sent to ${r.url}`).toBeUndefined();
    expect(r.headers.authorization).toBeUndefined();
    if (expected.token) {
      const seen = JSON.stringify(r);
      for (const part of expected.token.split('.')) expect(seen).not.toContain(part);
    }
  }
}

async function fetchKeys(page: Page, network: NetworkRecorder, url: string, alsoAllowed: string[] = []) {
  for (const allowed of [url, ...alsoAllowed]) network.allowUrl(allowed);
  await page.getByLabel('JWKS or issuer URL').fill(url);
  const since = Date.now();
  await page.getByRole('region', { name: 'JWKS' }).getByRole('button', { name: 'Fetch keys' }).click();
  return since;
}

/** The verifier's verdict (components/verifier), fed by the JWKS panel through onUseKey. */
const signature = (page: Page) => page.getByRole('status', { name: 'Signature' });
const keyRows = (page: Page) => page.getByRole('table', { name: 'Keys' }).locator('tbody tr');
const alert = (page: Page) => page.getByRole('region', { name: 'JWKS' }).getByRole('alert');

test.beforeEach(async ({ page, context }) => {
  // A cookie for the issuer's host (cookies ignore ports): it must never reach the issuer.
  await context.addCookies([{ name: 'session', value: 'do-not-send', domain: '127.0.0.1', path: '/' }]);
  await page.goto('/');
});

test("loading a token with an iss requests nothing until 'Fetch keys' is pressed", async ({
  page,
  pasteToken,
  network,
}) => {
  await pasteToken(tokens.httpsIssuer);
  const field = page.getByLabel('JWKS or issuer URL');
  await expect(field).toHaveValue('https://login.jwt-lens.invalid/tenant');
  await expect(page.getByTestId('jwks-plan')).toContainText(
    'Will request https://login.jwt-lens.invalid/tenant/.well-known/openid-configuration, then the jwks_uri it names.',
  );

  const before = (await serverRequests('default')).length;
  await pasteToken(tokens.rs256);
  await expect(field).toHaveValue(tokens.issuer);
  await page.waitForTimeout(1500);
  const pageOrigin = new URL(page.url()).origin;
  expect(network.requests.filter((r) => new URL(r.url).origin !== pageOrigin)).toEqual([]);
  expect(await serverRequests('default')).toHaveLength(before);

  const discovery = `${tokens.issuer}/.well-known/openid-configuration`;
  const jwksUri = `${tokens.issuer}/jwks.json`;
  network.allowUrl(discovery);
  network.allowUrl(jwksUri);
  const since = Date.now();
  await page.getByRole('button', { name: 'Fetch keys' }).click();
  await expect(keyRows(page)).toHaveCount(3);
  const seen = (await serverRequests('default')).slice(before);
  expectPrivate(network, seen, { urls: [discovery, jwksUri], token: tokens.rs256, since });
});

test('fetch by issuer: OpenID discovery, then jwks_uri; three keys', async ({
  page,
  pasteToken,
  network,
}) => {
  const ns = namespace();
  await pasteToken(tokens.eddsa);
  const issuer = `${ns.base}/idp`;
  const discovery = `${issuer}/.well-known/openid-configuration`;
  await page.getByLabel('JWKS or issuer URL').fill(issuer);
  await expect(page.getByTestId('jwks-plan')).toContainText(
    `Will request ${discovery}, then the jwks_uri it names.`,
  );
  const since = await fetchKeys(page, network, discovery, [`${issuer}/jwks.json`]);
  await expect(keyRows(page)).toHaveCount(3);
  await expect(keyRows(page).locator('td:nth-child(3)')).toHaveText(['RSA', 'EC', 'OKP']);
  await expect(keyRows(page).nth(0)).toContainText('2048-bit modulus');
  await expect(keyRows(page).nth(1)).toContainText('P-256');
  await expect(keyRows(page).nth(2)).toContainText('Ed25519');
  await expect(signature(page)).toContainText('Signature verified');
  await expect(page.getByTestId('jwks-fetch-status')).toContainText(`from ${issuer}/jwks.json`);
  await expect(page.getByTestId('jwks-fetch-status')).toContainText(/Cached for (5 min|4 min \d+ s) more/);
  expectPrivate(network, await serverRequests(ns.name), {
    urls: [discovery, `${issuer}/jwks.json`],
    token: tokens.eddsa,
    since,
  });
});

test('fetch by issuer falls back to RFC 8414 metadata', async ({
  page,
  pasteToken,
  network,
  consoleErrors,
}) => {
  consoleErrors.allow(/404/);
  const ns = namespace();
  await pasteToken(tokens.es256);
  const oidc = `${ns.base}/oauth/.well-known/openid-configuration`;
  const metadata = `${ORIGIN}/.well-known/oauth-authorization-server/ns/${ns.name}/oauth`;
  const since = Date.now();
  network.allowUrl(oidc);
  network.allowUrl(metadata);
  network.allowUrl(`${ns.base}/idp/jwks.json`);
  await page.getByLabel('JWKS or issuer URL').fill(`${ns.base}/oauth`);
  await page.getByRole('button', { name: 'Fetch keys' }).click();
  await expect(keyRows(page)).toHaveCount(3);
  expectPrivate(network, await serverRequests(ns.name), {
    urls: [oidc, metadata, `${ns.base}/idp/jwks.json`],
    token: tokens.es256,
    since,
  });
});

test('fetch by JWKS URL, kid matched and used, another key can be picked', async ({
  page,
  pasteToken,
  network,
}) => {
  const ns = namespace();
  await pasteToken(tokens.es256);
  const url = `${ns.base}/idp/jwks.json`;
  await page.getByLabel('JWKS or issuer URL').fill(url);
  await expect(page.getByTestId('jwks-plan')).toContainText(
    `Will request ${url} (a JWKS), and nothing else.`,
  );
  const since = await fetchKeys(page, network, url);
  const matched = page.locator(`tr[data-kid="${tokens.kids.ec}"]`);
  await expect(matched).toHaveAttribute('aria-current', 'true');
  await expect(matched).toContainText('Matches token kid');
  await expect(page.getByRole('radio', { name: `Use key ${tokens.kids.ec}` })).toBeChecked();
  await expect(page.getByRole('region', { name: 'JWKS' }).getByRole('status')).toContainText(
    `Key "${tokens.kids.ec}" matches the token's kid. It is used for verification`,
  );
  await expect(signature(page)).toContainText('Signature verified');
  await expect(signature(page)).toContainText(`kid '${tokens.kids.ec}'`);
  // Another key can be tried: the RSA key cannot verify an ES256 token.
  await page.getByRole('radio', { name: `Use key ${tokens.kids.rsa}` }).check();
  await expect(page.getByRole('radio', { name: `Use key ${tokens.kids.ec}` })).not.toBeChecked();
  await expect(signature(page)).not.toContainText('Signature verified');
  await page.getByRole('radio', { name: `Use key ${tokens.kids.ec}` }).check();
  await expect(signature(page)).toContainText('Signature verified');
  expectPrivate(network, await serverRequests(ns.name), { urls: [url], token: tokens.es256, since });
});

test('missing kid after rotation, with the rotation reported', async ({ page, pasteToken, network }) => {
  const ns = namespace();
  await pasteToken(tokens.rotating);
  const url = `${ns.base}/rotating/jwks.json`;
  const since = await fetchKeys(page, network, url);
  await expect(page.locator('tr[data-kid="rotating-a"]')).toHaveAttribute('aria-current', 'true');
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByTestId('jwks-rotation')).toHaveText(
    'Key rotation since the last fetch: added rotating-b; removed rotating-a.',
  );
  await expect(keyRows(page)).toHaveCount(1);
  await expect(page.locator('tr[aria-current="true"]')).toHaveCount(0);
  const status = page.getByRole('region', { name: 'JWKS' }).getByRole('status');
  await expect(status).toHaveAttribute('data-kid-status', 'missing');
  await expect(status).toContainText('The issuer has rotated its keys: "rotating-a" was in the previous set');
  expectPrivate(network, await serverRequests(ns.name), { urls: [url, url], token: tokens.rotating, since });
});

test('CORS failure explained, with curl, and the paste fallback working', async ({
  page,
  pasteToken,
  network,
  consoleErrors,
}) => {
  consoleErrors.allow(/CORS|Access-Control-Allow-Origin|Failed to (load resource|fetch)/);
  const ns = namespace();
  await pasteToken(tokens.rs256);
  const url = `${ns.base}/nocors/jwks.json`;
  const since = await fetchKeys(page, network, url);
  await expect(alert(page)).toHaveAttribute('data-error-code', 'jwks-network');
  await expect(alert(page)).toContainText('does not send CORS headers');
  await expect(alert(page)).toContainText(`curl -fsSL --proto-redir =https --max-filesize 1048576 '${url}'`);
  await expect(alert(page).getByRole('button', { name: 'Copy curl command' })).toBeVisible();
  await alert(page).getByRole('button', { name: 'Paste JWKS instead' }).click();
  const paste = page.getByLabel('Paste JWKS');
  await expect(paste).toBeFocused();
  await paste.fill(JSON.stringify(tokens.jwks));
  await expect(keyRows(page)).toHaveCount(3);
  await expect(page.locator(`tr[data-kid="${tokens.kids.rsa}"]`)).toHaveAttribute('aria-current', 'true');
  await expect(signature(page)).toContainText('Signature verified');
  // The server did receive the request (CORS hides the answer, not the request): it carried nothing.
  expectPrivate(network, await serverRequests(ns.name), { urls: [url], token: tokens.rs256, since });
});

test('a server that does not answer times out after 10 s', async ({ page, pasteToken, network }) => {
  const start = Date.now();
  await page.clock.install({ time: start });
  await page.goto('/');
  const ns = namespace();
  await pasteToken(tokens.rs256);
  const url = `${ns.base}/slow/jwks.json`;
  // Stop the page's clock so that only fastForward moves it, however slow this machine is.
  await page.clock.pauseAt(start + 60_000);
  await fetchKeys(page, network, url);
  await expect.poll(async () => (await serverRequests(ns.name)).length).toBe(1);
  await page.clock.fastForward(9_000);
  await expect(alert(page)).toHaveCount(0);
  await page.clock.fastForward(1_500);
  await expect(alert(page)).toHaveAttribute('data-error-code', 'jwks-timeout');
  await expect(alert(page)).toContainText(`${url} did not answer within 10 s`);
  // The abort reached the server: the connection closed before its answer.
  await expect.poll(async () => (await serverRequests(ns.name))[0]?.closedEarly).toBe(true);
});

for (const [path, declared] of [
  ['big', 'is 5.0 MB, over the 1.0 MB limit'],
  ['big-stream', 'is more than the 1.0 MB limit'],
] as const) {
  test(`a 5 MB body is refused (${path === 'big' ? 'Content-Length' : 'streamed'})`, async ({
    page,
    pasteToken,
    network,
  }) => {
    const ns = namespace();
    await pasteToken(tokens.rs256);
    const url = `${ns.base}/${path}/jwks.json`;
    await fetchKeys(page, network, url);
    await expect(alert(page)).toHaveAttribute('data-error-code', 'jwks-too-large');
    await expect(alert(page)).toContainText(declared);
    await expect.poll(async () => (await serverRequests(ns.name))[0]?.closedEarly).toBe(true);
    const sent = (await serverRequests(ns.name))[0]!.bytesSent!;
    test.info().annotations.push({ type: 'bytes sent before abort', description: String(sent) });
    expect(sent).toBeLessThan(5 * 1024 * 1024);
  });
}

test('an HTML page is reported with its content type and first bytes', async ({
  page,
  pasteToken,
  network,
}) => {
  const ns = namespace();
  await pasteToken(tokens.rs256);
  const url = `${ns.base}/html/jwks.json`;
  const since = await fetchKeys(page, network, url);
  await expect(alert(page)).toHaveAttribute('data-error-code', 'jwks-not-json');
  await expect(alert(page)).toContainText('did not return JSON (Content-Type: text/html; charset=utf-8');
  await expect(alert(page)).toContainText('it starts with "<!doctype html>\\n<html><head><title>Sign in');
  expectPrivate(network, await serverRequests(ns.name), { urls: [url], token: tokens.rs256, since });
});
