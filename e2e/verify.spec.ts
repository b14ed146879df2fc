import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { keyPairFor, pemOf, selfSignedCertificate, signCompact } from '../lib/verify/testing';
import { expect, test } from './fixtures/test';

/** Tokens and keys are made at test time with node:crypto, so no key material is checked in. */
const now = Math.floor(Date.now() / 1000);
const claims = { sub: 'e2e-user', iss: 'https://issuer.example', aud: 'api', iat: now - 60, exp: now + 3600 };
const spki = (k: KeyObject) => k.export({ type: 'spki', format: 'pem' }) as string;
const jwk = (k: KeyObject) => k.export({ format: 'jwk' }) as Record<string, string>;

// Verification loads jose and the key parsers on demand and runs WebCrypto; on a busy 2-core CI box
// that can take longer than the default 7 s, so these checks wait up to 20 s.
const expectSoon = expect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 90_000 });

test.beforeEach(async ({ page }) => {
  await page.goto('/');
});

async function pasteKey(
  page: import('@playwright/test').Page,
  network: { watch(s: string): void },
  key: string,
) {
  network.watch(key);
  await page.getByLabel('Verification key').fill(key);
}

const signature = (page: import('@playwright/test').Page) => page.getByRole('status', { name: 'Signature' });

test('HS256 with a UTF-8 secret: verified, then invalid with another secret', async ({
  page,
  pasteToken,
  network,
}) => {
  const secret = 'an-e2e-secret-that-is-32-bytes-long';
  await pasteToken(signCompact({ alg: 'HS256', typ: 'JWT' }, claims, Buffer.from(secret)));
  await expectSoon(signature(page)).toContainText('Paste a key');
  await pasteKey(page, network, secret);
  await expectSoon(signature(page)).toContainText('Signature verified');
  await expectSoon(signature(page)).toContainText('shared secret (UTF-8, 35 bytes)');
  await pasteKey(page, network, secret + '!');
  await expectSoon(signature(page)).toContainText('Invalid signature');
});

test('HS512 with a base64 secret needs the Secret encoding choice', async ({ page, pasteToken, network }) => {
  const bytes = Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 37) % 256));
  await pasteToken(signCompact({ alg: 'HS512' }, claims, bytes));
  await pasteKey(page, network, bytes.toString('base64'));
  await expectSoon(signature(page)).toContainText('Invalid signature');
  await page.getByLabel('Secret encoding').selectOption('base64');
  await expectSoon(signature(page)).toContainText('Signature verified');
});

test('RS256 with a PEM public key shows the key and its thumbprint', async ({
  page,
  pasteToken,
  network,
}) => {
  const pair = keyPairFor('RS256');
  await pasteToken(signCompact({ alg: 'RS256' }, claims, pair.privateKey));
  await pasteKey(page, network, spki(pair.publicKey));
  await expectSoon(signature(page)).toContainText('Signature verified');
  await expectSoon(signature(page)).toContainText('Verified with PEM public key (SPKI)');
  await expectSoon(signature(page)).toContainText(/Thumbprint \(RFC 7638, SHA-256\): [\w-]{43}/);
});

test('PS384 with a PKCS#1 private key verifies and warns that a private key was pasted', async ({
  page,
  pasteToken,
  network,
}) => {
  const pair = keyPairFor('PS384');
  await pasteToken(signCompact({ alg: 'PS384' }, claims, pair.privateKey));
  await pasteKey(page, network, pair.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string);
  await expectSoon(signature(page)).toContainText('Signature verified');
  await expectSoon(signature(page)).toContainText('You pasted a private key');
});

test('ES256 with a JWK, and a P-384 key explained', async ({ page, pasteToken, network }) => {
  const pair = keyPairFor('ES256');
  await pasteToken(signCompact({ alg: 'ES256' }, claims, pair.privateKey));
  await pasteKey(page, network, JSON.stringify(jwk(pair.publicKey)));
  await expectSoon(signature(page)).toContainText('Signature verified');
  const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
  await pasteKey(page, network, spki(p384.publicKey));
  await expectSoon(signature(page)).toContainText(
    "This is an EC P-384 key but the token's alg is ES256, which needs P-256.",
  );
});

test('EdDSA with a JWKS selects the key by kid, and lists the kids when none matches', async ({
  page,
  pasteToken,
  network,
}) => {
  const a = keyPairFor('EdDSA');
  const b = keyPairFor('EdDSA');
  const jwks = JSON.stringify(
    {
      keys: [
        { ...jwk(a.publicKey), kid: 'k1' },
        { ...jwk(b.publicKey), kid: 'k2' },
      ],
    },
    null,
    2,
  );
  await pasteToken(signCompact({ alg: 'EdDSA', kid: 'k2' }, claims, b.privateKey));
  await pasteKey(page, network, jwks);
  await expectSoon(signature(page)).toContainText('Signature verified');
  await expectSoon(signature(page)).toContainText("kid 'k2'");
  await pasteToken(signCompact({ alg: 'EdDSA', kid: 'abc' }, claims, b.privateKey));
  await expectSoon(signature(page)).toContainText(
    "The JWKS has no key with kid 'abc'; it has kids 'k1', 'k2'",
  );
});

test('ES384 with an X.509 certificate shows subject and validity', async ({ page, pasteToken, network }) => {
  const pair = keyPairFor('ES384');
  await pasteToken(signCompact({ alg: 'ES384' }, claims, pair.privateKey));
  // The certificate is signed with ECDSA-SHA256 by our test helper; only its SPKI matters here.
  await pasteKey(page, network, pemOf('CERTIFICATE', selfSignedCertificate(pair, 'e2e.example')));
  await expectSoon(signature(page)).toContainText('Signature verified');
  await expectSoon(page.getByLabel('Key details')).toContainText('Subject CN=e2e.example');
});

test('an HMAC token is never checked with a public key (algorithm confusion)', async ({
  page,
  pasteToken,
  network,
}) => {
  const pair = keyPairFor('RS256');
  const pem = spki(pair.publicKey);
  await pasteToken(signCompact({ alg: 'HS256' }, claims, Buffer.from(pem)));
  await pasteKey(page, network, pem);
  await expectSoon(signature(page)).toContainText('Signature not checked');
  await expectSoon(signature(page)).toContainText('algorithm-confusion attack');
});

test('alg none is never verified', async ({ page, pasteToken, network }) => {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  await pasteToken(`${b64({ alg: 'nOnE' })}.${b64(claims)}.`);
  await pasteKey(page, network, 'whatever-secret-you-like');
  await expectSoon(signature(page)).toContainText('Invalid signature');
  await expectSoon(signature(page)).toContainText('unsigned');
});

test('a valid signature on an expired token shows both verdicts', async ({ page, pasteToken, network }) => {
  const secret = 'an-e2e-secret-that-is-32-bytes-long';
  await pasteToken(signCompact({ alg: 'HS256' }, { ...claims, exp: now - 3 * 3600 }, Buffer.from(secret)));
  await pasteKey(page, network, secret);
  await expectSoon(signature(page)).toContainText('Signature verified');
  const claimsStatus = page.getByRole('status', { name: 'Claims' });
  await expectSoon(claimsStatus).toContainText('Claims not acceptable now');
  await expectSoon(claimsStatus).toContainText('expired 3 h ago');
  await page.getByLabel('Clock tolerance (seconds)').fill(String(4 * 3600));
  await expectSoon(claimsStatus).toContainText('Claims acceptable now');
  await page.getByLabel('Expected issuer').fill('https://other.example');
  await expectSoon(claimsStatus).toContainText(
    'issuer is "https://issuer.example", expected "https://other.example"',
  );
});

test('x5c is offered, and labelled self-asserted when used', async ({ page, pasteToken }) => {
  const pair = keyPairFor('RS256');
  await pasteToken(
    signCompact({ alg: 'RS256', x5c: [selfSignedCertificate(pair, 'x5c.example')] }, claims, pair.privateKey),
  );
  await expectSoon(signature(page)).toContainText('Paste a key');
  await page.getByLabel(/Use the certificate from the token/).check();
  await expectSoon(signature(page)).toContainText('Signature verified');
  await expectSoon(signature(page)).toContainText('self-asserted');
});

test('a certificate whose subject holds markup shows it as text and runs nothing', async ({
  page,
  pasteToken,
  network,
}) => {
  let dialogs = 0;
  page.on('dialog', async (d) => {
    dialogs++;
    await d.dismiss();
  });
  const pair = keyPairFor('ES384');
  const evil = '<img src=x onerror=alert(1)><script>alert(2)</script>';
  await pasteToken(signCompact({ alg: 'ES384' }, claims, pair.privateKey));
  await pasteKey(page, network, pemOf('CERTIFICATE', selfSignedCertificate(pair, evil)));
  await expectSoon(signature(page)).toContainText('Signature verified');
  await expectSoon(page.getByLabel('Key details')).toContainText(`Subject CN=${evil}`);
  expect(dialogs).toBe(0);
  expect(await page.evaluate(() => document.querySelectorAll('[onerror], img[src="x"]').length)).toBe(0);
});
