import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures/test';

const example = JSON.parse(
  readFileSync(
    new URL('../lib/token/fixtures/rfc7520/4_8.multiple_signatures.json', import.meta.url),
    'utf8',
  ),
) as { output: { json: unknown } };

test('every signature of a general JWS JSON serialization is listed with its headers', async ({
  page,
  pasteToken,
}) => {
  await page.goto('/');
  await pasteToken(JSON.stringify(example.output.json));
  const region = page.getByRole('region', { name: 'Signatures' });
  await expect(region.getByRole('listitem')).toHaveCount(3);
  await expect(region.getByRole('listitem', { name: 'Signature 1' })).toContainText('alg RS256');
  await expect(region.getByRole('listitem', { name: 'Signature 2' })).toContainText('alg ES512');
  await expect(region.getByRole('listitem', { name: 'Signature 3' })).toContainText(
    'kid 018c0ae5-4d9b-471b-bfd6-eef314bc7037',
  );
});
