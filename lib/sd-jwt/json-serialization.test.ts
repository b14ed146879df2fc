/**
 * SD-JWT in the JWS JSON serialization (RFC 9901 §8): disclosures and the KB-JWT in the unprotected
 * header, flattened and general. Tokens are signed with jose; the KB-JWT's sd_hash is taken over the
 * compact form built from the first signature (§8.1).
 */
import { exportJWK, FlattenedSign, GeneralSign, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { describe, expect, it } from 'vitest';
import { encodeBase64urlText } from '../token/base64url';
import { decodeToken } from '../token/decode';
import type { DecodedOk } from '../types';
import { verifyToken } from '../verify/verify';
import { digestText } from './hash';
import { verifyKeyBinding } from './verify-key-binding';

const NOW = new Date('2026-01-01T00:00:00Z');
const disclose = (...parts: unknown[]) => encodeBase64urlText(JSON.stringify(parts));

function decodeOk(token: string): DecodedOk {
  const result = decodeToken(token, { now: NOW });
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

async function issue() {
  const issuer = await generateKeyPair('ES256', { extractable: true });
  const second = await generateKeyPair('ES256', { extractable: true });
  const holder = await generateKeyPair('ES256');
  const name = disclose('salt-1', 'given_name', 'Erika');
  const email = disclose('salt-2', 'email', 'erika@example.com');
  const nat = disclose('salt-3', 'DE');
  const payload = new TextEncoder().encode(
    JSON.stringify({
      iss: 'https://issuer.example',
      iat: NOW.getTime() / 1000 - 60,
      _sd: [digestText('sha-256', name), digestText('sha-256', email)],
      nationalities: [{ '...': digestText('sha-256', nat) }],
      _sd_alg: 'sha-256',
      cnf: { jwk: await exportJWK(holder.publicKey) },
    }),
  );
  const protectedHeader = { alg: 'ES256', typ: 'dc+sd-jwt' };
  /** The holder's KB-JWT over `<protected>.<payload>.<signature>~<d1>~…~` (RFC 9901 §8.1). */
  const keyBinding = (compact: string, disclosures: string[]) =>
    new SignJWT({
      aud: 'https://verifier.example',
      nonce: 'n-1',
      iat: NOW.getTime() / 1000,
      sd_hash: digestText('sha-256', `${compact}~${disclosures.map((d) => `${d}~`).join('')}`),
    })
      .setProtectedHeader({ alg: 'ES256', typ: 'kb+jwt' })
      .sign(holder.privateKey);
  const jwk = async (key: CryptoKey) => JSON.stringify(await exportJWK(key));
  return {
    name,
    email,
    nat,
    issuerKey: await jwk(issuer.publicKey),
    secondKey: await jwk(second.publicKey),
    async flattened(disclosures: string[], withKb = true) {
      const jws = await new FlattenedSign(payload)
        .setProtectedHeader(protectedHeader)
        .sign(issuer.privateKey);
      const compact = `${jws.protected}.${jws.payload}.${jws.signature}`;
      const header = {
        disclosures,
        ...(withKb ? { kb_jwt: await keyBinding(compact, disclosures) } : {}),
      };
      return { ...jws, header };
    },
    async general(disclosures: string[]) {
      const signer = new GeneralSign(payload);
      signer
        .addSignature(issuer.privateKey)
        .setProtectedHeader(protectedHeader)
        .setUnprotectedHeader({ kid: 'k1' });
      signer
        .addSignature(second.privateKey)
        .setProtectedHeader(protectedHeader)
        .setUnprotectedHeader({ kid: 'k2' });
      const jws = await signer.sign();
      const first = jws.signatures[0]!;
      const kb = await keyBinding(`${first.protected}.${jws.payload}.${first.signature}`, disclosures);
      first.header = { ...first.header, disclosures, kb_jwt: kb };
      return jws;
    },
  };
}

describe('SD-JWT in the JWS JSON serialization (RFC 9901 §8)', () => {
  it('flattened: disclosures, disclosed payload and key binding as in the compact form', async () => {
    const t = await issue();
    const token = JSON.stringify(await t.flattened([t.name, t.nat]));
    const d = decodeOk(token);
    expect(d).toMatchObject({ format: 'sd-jwt', serialization: 'json-flattened' });
    expect(d.disclosures?.map((x) => [x.path, x.status])).toEqual([
      ['payload.given_name', 'matched'],
      ['payload.nationalities[0]', 'matched'],
    ]);
    expect(d.sdJwt?.withheld).toHaveLength(1);
    expect(d.disclosedPayload).toMatchObject({ given_name: 'Erika', nationalities: ['DE'] });
    expect(d.disclosedPayload).not.toHaveProperty('email');
    expect(d.sdJwt?.keyBinding?.sdHash).toBe(d.sdJwt?.keyBinding?.expectedSdHash);
    expect(d.findings.map((f) => f.id)).not.toContain('sd-key-binding');
    expect(
      await verifyKeyBinding(d, { now: NOW, audience: 'https://verifier.example', nonce: 'n-1' }),
    ).toMatchObject({ ok: true, alg: 'ES256' });
    expect((await verifyToken(token, t.issuerKey, { currentDate: NOW })).signature).toBe('valid');
  });

  it('general: the members of the first signature count, and any signature can verify', async () => {
    const t = await issue();
    const token = JSON.stringify(await t.general([t.email]));
    const d = decodeOk(token);
    expect(d).toMatchObject({ format: 'sd-jwt', serialization: 'json-general' });
    expect(d.signatures).toHaveLength(2);
    expect(d.disclosures?.map((x) => x.name)).toEqual(['email']);
    expect(await verifyKeyBinding(d, { now: NOW })).toMatchObject({ ok: true });
    const bySecond = await verifyToken(token, t.secondKey, { currentDate: NOW });
    expect(bySecond.signature).toBe('valid');
    expect(bySecond.signatures.map((s) => s.status)).toEqual(['invalid', 'valid']);
  });

  it('a disclosure dropped after the holder signed breaks sd_hash', async () => {
    const t = await issue();
    const jws = await t.flattened([t.name, t.nat]);
    const token = JSON.stringify({ ...jws, header: { ...jws.header, disclosures: [t.name] } });
    const d = decodeOk(token);
    expect(d.sdJwt?.keyBinding?.sdHash).not.toBe(d.sdJwt?.keyBinding?.expectedSdHash);
    expect(d.findings.map((f) => f.id)).toContain('sd-key-binding');
    expect(await verifyKeyBinding(d, { now: NOW })).toMatchObject({
      ok: false,
      error: { code: 'kb-sd-hash-mismatch' },
    });
  });

  it('without kb_jwt it says so in JSON terms', async () => {
    const t = await issue();
    const d = decodeOk(JSON.stringify(await t.flattened([t.name], false)));
    expect(d.format).toBe('sd-jwt');
    const result = await verifyKeyBinding(d, { now: NOW });
    expect(result.ok || result.error).toMatchObject({
      code: 'kb-missing',
      message: expect.stringContaining('"kb_jwt"'),
    });
  });

  it('refuses malformed members with a message naming them', async () => {
    const t = await issue();
    const jws = await t.flattened([t.name]);
    const failWith = (header: Record<string, unknown>) => {
      const result = decodeToken(JSON.stringify({ ...jws, header }), { now: NOW });
      return result.ok ? undefined : result.error;
    };
    expect(failWith({ disclosures: t.name })).toMatchObject({
      code: 'invalid-sd-jwt',
      message: expect.stringContaining('"disclosures" in the unprotected header must be an array of strings'),
    });
    expect(failWith({ disclosures: [t.name], kb_jwt: 'a.b' })).toMatchObject({
      code: 'invalid-sd-jwt',
      message: expect.stringContaining('"kb_jwt"'),
    });
    expect(failWith({ disclosures: ['WyJz+IiwiYSJd'] })).toMatchObject({ code: 'invalid-base64url' });
  });

  it('warns about disclosures in a later signature, and leaves a plain JWS JSON alone', async () => {
    const t = await issue();
    const jws = await t.general([t.email]);
    jws.signatures[1]!.header = { kid: 'k2', disclosures: [t.name] };
    const d = decodeOk(JSON.stringify(jws));
    expect(d.findings.find((f) => f.id === 'sd-jwt-json-members-misplaced')?.message).toMatch(
      /^Signature 2 /,
    );
    expect(d.disclosures).toHaveLength(1);
    const plain = await t.flattened([]);
    const { header: _header, ...withoutHeader } = plain;
    expect(decodeOk(JSON.stringify(withoutHeader)).format).toBe('jws-json');
  });
});
