/**
 * The whole path inside JWT Lens: generate a key (Keys tab), sign with each exported private
 * text (Encode tab), verify with each exported public text (Decode tab's verifier), and
 * convert the key and verify again. No jose calls here: this is our own code end to end.
 */
import { describe, expect, it } from 'vitest';
import { convertKey } from '../keys/convert';
import { generateKey, type KeyChoice } from '../keys/generate';
import { verifyToken } from '../verify/verify';
import { signToken } from './sign';

const now = new Date('2026-06-01T00:00:00Z');
const input = { header: '{"typ":"JWT"}', payload: '{"sub":"round-trip","exp":1900000000}' };

const CHOICES: (KeyChoice & { alg: string })[] = [
  { type: 'rsa', size: '2048', alg: 'RS256' },
  { type: 'rsa', size: '2048', alg: 'PS512' },
  { type: 'ec', size: 'P-256', alg: 'ES256' },
  { type: 'ec', size: 'P-384', alg: 'ES384' },
  { type: 'ec', size: 'P-521', alg: 'ES512' },
  { type: 'ed25519', size: 'Ed25519', alg: 'EdDSA' },
];

describe('generate → export → import → sign → verify', () => {
  it.each(CHOICES)('$alg', async (choice) => {
    const generated = await generateKey(choice);
    if (!generated.ok || generated.value.kind !== 'key-pair') throw new Error('generation failed');
    const key = generated.value;
    const publicTexts = [key.publicPem, JSON.stringify(key.publicJwk), JSON.stringify(key.jwks)];
    for (const privateText of [key.privatePem, JSON.stringify(key.privateJwk)]) {
      const signed = await signToken(input, privateText, { alg: choice.alg });
      if (!signed.ok) throw new Error(signed.error.message);
      for (const publicText of publicTexts) {
        const verified = await verifyToken(signed.token, publicText, { currentDate: now });
        expect(verified.signature, `${choice.alg} with ${publicText.slice(0, 30)}`).toBe('valid');
      }
    }
    // Converting the private PEM gives back keys that still sign and verify.
    const converted = convertKey(key.privatePem);
    if (!converted.ok) throw new Error(converted.error.message);
    const again = await signToken(input, JSON.stringify(converted.keys[0]!.privateJwk), { alg: choice.alg });
    if (!again.ok) throw new Error(again.error.message);
    expect(
      (await verifyToken(again.token, converted.keys[0]!.publicPem!, { currentDate: now })).signature,
    ).toBe('valid');
  });

  it.each(['256', '384', '512'])(
    'HMAC %s: the generated secret signs and verifies in every encoding',
    async (size) => {
      const generated = await generateKey({ type: 'hmac', size });
      if (!generated.ok || generated.value.kind !== 'secret') throw new Error('generation failed');
      const secret = generated.value;
      const signed = await signToken(input, secret.base64url, {
        alg: secret.alg,
        secretEncoding: 'base64url',
      });
      if (!signed.ok) throw new Error(signed.error.message);
      expect(signed.warnings).toEqual([]);
      const viaHex = await signToken(input, secret.hex, { alg: secret.alg, secretEncoding: 'hex' });
      expect(viaHex.ok && viaHex.token).toBe(signed.token);
      const verified = await verifyToken(signed.token, JSON.stringify(secret.jwk), { currentDate: now });
      expect(verified.signature).toBe('valid');
    },
  );

  it('a token signed with one key does not verify with another', async () => {
    const a = await generateKey({ type: 'ec', size: 'P-256' });
    const b = await generateKey({ type: 'ec', size: 'P-256' });
    if (!a.ok || a.value.kind !== 'key-pair' || !b.ok || b.value.kind !== 'key-pair')
      throw new Error('setup');
    const signed = await signToken(input, a.value.privatePem, { alg: 'ES256' });
    if (!signed.ok) throw new Error(signed.error.message);
    expect((await verifyToken(signed.token, b.value.publicPem, { currentDate: now })).signature).toBe(
      'invalid',
    );
  });
});
