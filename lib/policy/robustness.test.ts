/**
 * Bad input never throws: parsePolicy on mangled policy text and evaluatePolicy on mangled tokens always
 * return a result. A fixed-seed generator keeps the run the same every time.
 */
import { exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { evaluatePolicy } from './evaluate';
import { parsePolicy } from './parse';
import { policyWith } from './rules/testing';

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function mangle(text: string, next: () => number): string {
  const chars = [...text];
  const edits = 1 + Math.floor(next() * 4);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(next() * chars.length);
    const pick = next();
    if (pick < 0.33) chars.splice(at, 1);
    else if (pick < 0.66) chars.splice(at, 0, '{}[]",:.\\ 0a\u0000é'[Math.floor(next() * 14)]!);
    else chars[at] = String.fromCharCode(Math.floor(next() * 0x3000));
  }
  return chars.join('');
}

const POLICY_TEXT = JSON.stringify({
  version: 1,
  name: 'orders-service',
  issuer: ['https://id.example.com/'],
  audience: 'orders-api',
  algorithms: ['RS256'],
  requiredClaims: ['sub'],
  claimValues: { 'a.b': [1, { c: null }] },
  scopes: { all: ['x'], any: [] },
  tenants: { allowed: ['t'] },
});

describe('robustness', () => {
  it('parsePolicy returns a result with a path for 2,000 mangled policies', () => {
    const next = random(7);
    for (let i = 0; i < 2000; i++) {
      const result = parsePolicy(mangle(POLICY_TEXT, next));
      if (!result.ok) expect(result.error.path).toMatch(/^\$/);
    }
  });

  it('evaluatePolicy resolves, never accepting, for 300 mangled tokens', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const pem = await exportSPKI(publicKey);
    const token = await new SignJWT({ iss: 'https://id.example.com/', sub: 'u', exp: 1_900_000_000 })
      .setProtectedHeader({ alg: 'RS256' })
      .sign(privateKey);
    const policy = policyWith({ issuer: ['https://id.example.com/'] });
    const now = new Date('2026-06-01T00:00:00Z');
    expect((await evaluatePolicy(token, policy, { now, key: pem })).accepted).toBe(true);
    const next = random(11);
    for (let i = 0; i < 300; i++) {
      const mangled = mangle(token, next);
      const result = await evaluatePolicy(mangled, policy, { now, key: pem });
      // Spaces around the token are cleaned off like a paste; any other change must break it.
      if (mangled.trim() !== token) expect(result.accepted, mangled).toBe(false);
      expect(Array.isArray(result.rules)).toBe(true);
    }
  });
});
