import { readFileSync } from 'node:fs';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { encryptToken } from '../lib';
import { expect, test } from './fixtures/test';

const SECRET_HEX = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
});

test('decrypt an RSA-OAEP-256 JWE with a private JWK', async ({ page, pasteToken, network }) => {
  const { publicKey, privateKey } = await generateKeyPair('RSA-OAEP-256', { extractable: true });
  const sealed = await encryptToken(
    '{"sub":"alice","role":"admin"}',
    JSON.stringify(await exportJWK(publicKey)),
    {
      alg: 'RSA-OAEP-256',
      enc: 'A256GCM',
    },
  );
  if (!sealed.ok) throw new Error(sealed.error.message);
  const privateJwk = JSON.stringify(await exportJWK(privateKey));
  network.watch(privateJwk);

  await pasteToken(sealed.token);
  await expect(page.getByRole('region', { name: 'Payload' })).toContainText('The payload is encrypted');
  const panel = page.getByRole('region', { name: 'Decryption' });
  await panel.getByLabel('Decryption key').fill(privateJwk);
  const result = panel.getByRole('region', { name: 'Decrypted payload' });
  await expect(result).toContainText('"role": "admin"');
  await expect(panel.getByText('Decrypted', { exact: true })).toBeVisible();
});

test('a wrong key says why decryption failed', async ({ page, pasteToken }) => {
  const sealed = await encryptToken('hello', SECRET_HEX, { alg: 'A256KW', enc: 'A128CBC-HS256' });
  if (!sealed.ok) throw new Error(sealed.error.message);
  await pasteToken(sealed.token);
  const panel = page.getByRole('region', { name: 'Decryption' });
  await panel.getByLabel('Decryption key').fill('ff'.repeat(32));
  await expect(panel.getByRole('alert')).toContainText('authentication tag does not match');
  await panel.getByLabel('Decryption key').fill('short');
  await expect(panel.getByRole('alert')).toContainText('exactly 32 bytes');
});

test('a nested JWT is decoded and "Verify inner token" verifies it', async ({
  page,
  pasteToken,
  network,
}) => {
  const secret = 'a-string-secret-at-least-256-bits-long';
  const inner = await new SignJWT({ sub: 'nested-user' })
    .setProtectedHeader({ alg: 'HS256' })
    .sign(new TextEncoder().encode(secret));
  const sealed = await encryptToken(inner, SECRET_HEX, { alg: 'dir', enc: 'A256GCM' });
  if (!sealed.ok) throw new Error(sealed.error.message);
  network.watchToken(inner);
  await pasteToken(sealed.token);
  const panel = page.getByRole('region', { name: 'Decryption' });
  await panel.getByLabel('Decryption key').fill(SECRET_HEX);
  const innerGroup = panel.getByRole('group', { name: 'Inner token' });
  await expect(innerGroup).toContainText('Nested JWT');
  await expect(innerGroup).toContainText('nested-user');
  await innerGroup.getByRole('button', { name: 'Verify inner token' }).click();
  const innerVerifier = innerGroup.getByRole('region', { name: 'Verify signature' });
  await innerVerifier.getByLabel('Verification key').fill(secret);
  await expect(innerVerifier.getByRole('status', { name: 'Signature' })).toContainText('Signature verified');
});

test('an RSA1_5 token (made by jwcrypto) decrypts, labelled legacy with the reason', async ({
  page,
  pasteToken,
  network,
}) => {
  const fixture = JSON.parse(
    readFileSync(new URL('../lib/jwe/fixtures/rsa1_5/jwcrypto-tokens.json', import.meta.url), 'utf8'),
  ) as { key: object; otherKey: object; cases: { name: string; token: unknown; plaintext: string }[] };
  const sealed = fixture.cases.find((c) => c.name === 'A128GCM compact')!;
  const privateJwk = JSON.stringify(fixture.key);
  network.watch(privateJwk);
  network.watchToken(sealed.token as string);

  await pasteToken(sealed.token as string);
  const panel = page.getByRole('region', { name: 'Decryption' });
  await panel.getByLabel('Decryption key').fill(privateJwk);
  const result = panel.getByRole('region', { name: 'Decrypted payload' });
  await expect(result).toContainText('"sub": "legacy-user"');
  await expect(result.getByText('legacy', { exact: true })).toBeVisible();
  await expect(result.getByRole('note', { name: 'Legacy algorithm' })).toContainText('Bleichenbacher');
  await expect(panel.getByText('Decrypted', { exact: true })).toBeVisible();

  // A key it was not encrypted for fails like any wrong key (RFC 7516 §11.5), never "bad padding".
  await panel.getByLabel('Decryption key').fill(JSON.stringify(fixture.otherKey));
  await expect(panel.getByRole('alert')).toContainText('authentication tag does not match');
  await expect(panel.getByRole('alert')).not.toContainText('padding');
});
