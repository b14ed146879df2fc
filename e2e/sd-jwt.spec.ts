import { exportJWK, FlattenedSign, GeneralSign, generateKeyPair, SignJWT } from 'jose';
import { digestText, encodeBase64urlText } from '../lib';
import { expect, test } from './fixtures/test';

const disclose = (...parts: unknown[]) => encodeBase64urlText(JSON.stringify(parts));

/** An SD-JWT presentation: given_name disclosed, email withheld, nationalities[0] disclosed, with a KB-JWT. */
async function presentation() {
  const issuer = await generateKeyPair('ES256');
  const holder = await generateKeyPair('ES256');
  const given = disclose('salt-1', 'given_name', 'Erika');
  const email = disclose('salt-2', 'email', 'erika@example.com');
  const nat = disclose('salt-3', 'DE');
  const issuerJwt = await new SignJWT({
    iss: 'https://issuer.example',
    _sd: [digestText('sha-256', given), digestText('sha-256', email)],
    nationalities: [{ '...': digestText('sha-256', nat) }],
    cnf: { jwk: await exportJWK(holder.publicKey) },
  })
    .setProtectedHeader({ alg: 'ES256', typ: 'dc+sd-jwt' })
    .sign(issuer.privateKey);
  const presented = `${issuerJwt}~${given}~${nat}~`;
  const kb = await new SignJWT({
    aud: 'https://verifier.example',
    nonce: 'nonce-123',
    iat: 1767225600,
    sd_hash: digestText('sha-256', presented),
  })
    .setProtectedHeader({ alg: 'ES256', typ: 'kb+jwt' })
    .sign(holder.privateKey);
  return { token: `${presented}${kb}`, email };
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
});

test('shows each claim as disclosed or withheld, and the key-binding JWT', async ({ page, pasteToken }) => {
  const { token } = await presentation();
  await pasteToken(token);
  const region = page.getByRole('region', { name: 'Disclosures' });
  const disclosed = region.locator('tr[data-state="disclosed"]');
  await expect(disclosed).toHaveCount(2);
  await expect(disclosed.nth(0)).toContainText('payload.given_name');
  await expect(disclosed.nth(0)).toContainText('digest matches');
  await expect(disclosed.nth(1)).toContainText('payload.nationalities[0]');
  await expect(region.locator('tr[data-state="withheld"]')).toHaveCount(1);
  await expect(region.getByRole('region', { name: 'Disclosed payload' })).toContainText(
    '"given_name": "Erika"',
  );

  // The Claims region lists the claims a verifier sees: disclosed ones in place and marked, no digests.
  const claims = page.getByRole('region', { name: 'Claims' });
  await expect(claims).toContainText('2 disclosures put in place');
  await expect(claims.locator('tr[data-claim="given_name"]')).toContainText('disclosed');
  await expect(claims.locator('tr[data-claim="given_name"]')).toContainText('Erika');
  await expect(claims.locator('tr[data-claim="iss"]')).not.toContainText('disclosed');
  await expect(claims.locator('tr[data-claim="_sd"], tr[data-claim="email"]')).toHaveCount(0);

  const kb = region.getByRole('region', { name: 'Key binding' });
  await expect(kb).toContainText('https://verifier.example');
  await expect(kb).toContainText('nonce-123');
  await expect(kb).toContainText('2026-01-01T00:00:00.000Z');
  await expect(kb).toContainText('matches the presentation');
  await kb.getByRole('button', { name: 'Verify key binding' }).click();
  await expect(kb.getByRole('status')).toContainText('KB-JWT signature valid');
});

test('a disclosure from elsewhere is flagged as unreferenced', async ({ page, pasteToken }) => {
  const { token } = await presentation();
  const stray = disclose('salt-x', 'admin', true);
  const [issuerJwt, ...rest] = token.split('~');
  await pasteToken(`${issuerJwt}~${stray}~${rest.slice(0, -1).join('~')}~`);
  const region = page.getByRole('region', { name: 'Disclosures' });
  await expect(region.locator('tr[data-state="disclosed"]').first()).toContainText('digest not in token');
  await expect(page.getByRole('region', { name: 'Findings' })).toContainText('not referenced by any digest');
});

/**
 * The same presentation in the JWS JSON serialization (RFC 9901 §8): disclosures and kb_jwt in the
 * unprotected header, sd_hash over the compact form of the (first) signature.
 */
async function jsonPresentation(form: 'flattened' | 'general') {
  const issuer = await generateKeyPair('ES256');
  const holder = await generateKeyPair('ES256');
  const given = disclose('salt-1', 'given_name', 'Erika');
  const email = disclose('salt-2', 'email', 'erika@example.com');
  const payload = new TextEncoder().encode(
    JSON.stringify({
      iss: 'https://issuer.example',
      _sd: [digestText('sha-256', given), digestText('sha-256', email)],
      cnf: { jwk: await exportJWK(holder.publicKey) },
    }),
  );
  const header = { alg: 'ES256', typ: 'dc+sd-jwt' };
  const kbFor = (compact: string) =>
    new SignJWT({
      aud: 'https://verifier.example',
      nonce: 'nonce-json',
      iat: 1767225600,
      sd_hash: digestText('sha-256', `${compact}~${given}~`),
    })
      .setProtectedHeader({ alg: 'ES256', typ: 'kb+jwt' })
      .sign(holder.privateKey);
  if (form === 'flattened') {
    const jws = await new FlattenedSign(payload).setProtectedHeader(header).sign(issuer.privateKey);
    const kb_jwt = await kbFor(`${jws.protected}.${jws.payload}.${jws.signature}`);
    return JSON.stringify({ header: { disclosures: [given], kb_jwt }, ...jws });
  }
  const signer = new GeneralSign(payload);
  signer.addSignature(issuer.privateKey).setProtectedHeader(header).setUnprotectedHeader({ kid: 'a' });
  signer.addSignature(issuer.privateKey).setProtectedHeader(header).setUnprotectedHeader({ kid: 'b' });
  const jws = await signer.sign();
  const first = jws.signatures[0]!;
  first.header = {
    ...first.header,
    disclosures: [given],
    kb_jwt: await kbFor(`${first.protected}.${jws.payload}.${first.signature}`),
  };
  return JSON.stringify(jws, null, 2);
}

for (const form of ['flattened', 'general'] as const) {
  test(`an SD-JWT in the ${form} JWS JSON serialization shows its disclosures and key binding`, async ({
    page,
    pasteToken,
  }) => {
    await pasteToken(await jsonPresentation(form));
    const region = page.getByRole('region', { name: 'Disclosures' });
    await expect(region).toContainText(`JWS JSON ${form}`);
    const disclosed = region.locator('tr[data-state="disclosed"]');
    await expect(disclosed).toHaveCount(1);
    await expect(disclosed.first()).toContainText('payload.given_name');
    await expect(disclosed.first()).toContainText('digest matches');
    await expect(region.locator('tr[data-state="withheld"]')).toHaveCount(1);
    await expect(region.getByRole('region', { name: 'Disclosed payload' })).toContainText(
      '"given_name": "Erika"',
    );

    const kb = region.getByRole('region', { name: 'Key binding' });
    await expect(kb).toContainText('nonce-json');
    await expect(kb).toContainText('matches the presentation');
    await kb.getByRole('button', { name: 'Verify key binding' }).click();
    await expect(kb.getByRole('status')).toContainText('KB-JWT signature valid');

    const signatures = page.getByRole('region', { name: 'Signatures' });
    await expect(signatures.getByRole('listitem')).toHaveCount(form === 'general' ? 2 : 1);
    await expect(page.getByRole('region', { name: 'Claims' })).toContainText('disclosure put in place');
  });
}
