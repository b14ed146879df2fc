import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, exportSPKI, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { policyCode, policyFileName, policyFunctionName } from './code';
import { policyWith } from './rules/testing';
import { pythonWithPyJwt } from './testing/processes';

describe('policyCode', () => {
  it('names the function and the files after the policy', () => {
    const policy = policyWith({ name: 'orders-service' });
    expect(policyFunctionName(policy)).toBe('verifyOrdersServiceToken');
    expect(policyFunctionName(policyWith({ name: '2fa gateway' }))).toBe('verifyPolicy2faGatewayToken');
    expect(policyFileName(policy, 'node')).toBe('verify-orders-service.mjs');
    expect(policyFileName(policy, 'python')).toBe('verify_orders_service.py');
    expect(policyCode(policy, 'node')).toContain('export async function verifyOrdersServiceToken(token)');
    expect(policyCode(policy, 'python')).toContain('def verify_orders_service_token(token):');
  });

  it('fetches a jwksUri with createRemoteJWKSet / PyJWKClient', () => {
    const policy = policyWith({ jwksUri: 'https://id.example.com/.well-known/jwks.json' });
    expect(policyCode(policy, 'node')).toContain('createRemoteJWKSet(new URL(POLICY.jwksUri))');
    expect(policyCode(policy, 'python')).toContain('jwt.PyJWKClient(POLICY["jwksUri"])');
  });

  it('embeds only the public half of a pasted private key', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const privateJwk = JSON.stringify(await exportJWK(privateKey));
    const code = policyCode(policyWith({ algorithms: ['ES256'] }), 'node', { publicKey: privateJwk });
    expect(code).toContain((await exportJWK(publicKey)).x!);
    expect(code).not.toContain((await exportJWK(privateKey)).d!);
    const pem = await exportSPKI(publicKey);
    expect(policyCode(policyWith({ algorithms: ['ES256'] }), 'python', { publicKey: pem })).toContain(
      'PUBLIC_KEYS = [',
    );
  });

  it('never embeds an HMAC secret, and says where it comes from', () => {
    const policy = policyWith({ algorithms: ['HS256'] });
    for (const language of ['node', 'python'] as const) {
      const code = policyCode(policy, language, { publicKey: 'correct horse battery staple' });
      expect(code).not.toContain('correct horse');
      expect(code).toContain('JWT_SECRET');
    }
  });

  it('writes Python literals for JSON true, false and null', () => {
    const code = policyCode(
      policyWith({ claimValues: { email_verified: true, amr: null, mfa: false } }),
      'python',
    );
    expect(code).toContain('"email_verified": True');
    expect(code).toContain('"amr": None');
    expect(code).toContain('"mfa": False');
  });

  it('keeps hostile names and values as data: both files still compile', () => {
    const policy = policyWith({
      name: 'evil\u2028process.exit(0)\n\'\'\' """ */ # \\',
      claimValues: { azp: 'a\'"\u2028\u2029\\${x}`', nested: { 'k\'"': [null, true, 1.5] } },
      typ: '`${process.exit(3)}`',
    });
    const dir = mkdtempSync(join(tmpdir(), 'policy-code-'));
    try {
      writeFileSync(join(dir, 'a.mjs'), policyCode(policy, 'node'));
      writeFileSync(join(dir, 'a.py'), policyCode(policy, 'python'));
      expect(spawnSync(process.execPath, ['--check', join(dir, 'a.mjs')], { encoding: 'utf8' }).stderr).toBe(
        '',
      );
      const python = pythonWithPyJwt() ?? 'python3';
      const compiled = spawnSync(python, ['-m', 'py_compile', join(dir, 'a.py')], { encoding: 'utf8' });
      expect(compiled.stderr).toBe('');
      expect(compiled.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
