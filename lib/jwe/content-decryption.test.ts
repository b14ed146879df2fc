import { createCipheriv, randomBytes } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decryptContent, inflate } from './content-decryption';

const aad = new TextEncoder().encode('eyJhbGciOiJSU0ExXzUiLCJlbmMiOiJBMTI4R0NNIn0');

/** AES-128-GCM by Node's OpenSSL, for a reference ciphertext. */
function gcm(plaintext: string) {
  const cek = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-128-gcm', cek, iv).setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { enc: 'A128GCM', cek, iv, ciphertext, tag: cipher.getAuthTag(), additionalData: aad };
}

describe('decryptContent', () => {
  it('opens AES-GCM made by OpenSSL', async () => {
    const result = await decryptContent(gcm('hello'));
    expect(result.ok && new TextDecoder().decode(result.plaintext)).toBe('hello');
  });

  it('fails a changed AAD as "decryption failed"', async () => {
    const parts = gcm('hello');
    const result = await decryptContent({ ...parts, additionalData: new TextEncoder().encode('other') });
    expect(result).toMatchObject({ ok: false, error: { code: 'jwe-decryption-failed' } });
  });

  it('names a wrong IV or tag size (RFC 7518 §5.3)', async () => {
    const parts = gcm('hello');
    expect(await decryptContent({ ...parts, iv: parts.iv.subarray(0, 8) })).toMatchObject({
      ok: false,
      error: { code: 'jwe-invalid', message: expect.stringMatching(/96 bits/) },
    });
    expect(await decryptContent({ ...parts, tag: parts.tag.subarray(0, 12) })).toMatchObject({
      ok: false,
      error: { code: 'jwe-invalid', message: expect.stringMatching(/128 bits/) },
    });
  });

  it('treats a CEK of the wrong size as a failed decryption, not a separate error', async () => {
    const parts = gcm('hello');
    const result = await decryptContent({ ...parts, cek: parts.cek.subarray(0, 8) });
    expect(result).toMatchObject({ ok: false, error: { code: 'jwe-decryption-failed' } });
  });

  it('checks the A128CBC-HS256 tag before decrypting (RFC 7518 §5.2.2.2)', async () => {
    const cek = randomBytes(32);
    const iv = randomBytes(16);
    const cipher = createCipheriv('aes-128-cbc', cek.subarray(16), iv);
    const ciphertext = Buffer.concat([cipher.update('hello'), cipher.final()]);
    const result = await decryptContent({
      enc: 'A128CBC-HS256',
      cek,
      iv,
      ciphertext,
      tag: new Uint8Array(16),
      additionalData: aad,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'jwe-decryption-failed' } });
  });
});

describe('inflate', () => {
  it('inflates raw DEFLATE and stops at the cap', async () => {
    const packed = deflateRawSync(Buffer.from('a'.repeat(5000)));
    const whole = await inflate(packed, 10_000);
    expect(whole.ok && whole.plaintext.length).toBe(5000);
    expect(await inflate(packed, 1000)).toMatchObject({
      ok: false,
      error: { code: 'jwe-decompression-failed' },
    });
  });

  it('says when the data is not DEFLATE', async () => {
    const result = await inflate(new Uint8Array([0xff, 0xff, 0xff, 0xff]), 1000);
    expect(result).toMatchObject({ ok: false, error: { code: 'jwe-decompression-failed' } });
  });
});
