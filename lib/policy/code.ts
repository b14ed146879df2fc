/**
 * policyCode: a policy as a self-contained file for Node.js (jose) or Python (PyJWT) that enforces the same
 * rules. A public key the user verified with is embedded as a JWK; an HMAC secret never is (the file reads
 * JWT_SECRET), and a private key pasted by mistake contributes only its public half.
 */
import { importVerificationKey, type PublicJwk } from '../keys/import';
import type { TemplateInput } from './templates/input';
import { nodeTemplate } from './templates/node';
import { pythonTemplate } from './templates/python';
import type { Policy } from './types';

export type PolicyCodeLanguage = 'node' | 'python';

export interface PolicyCodeOptions {
  /** The key text the token was verified with: PEM, certificate, JWK or JWKS. Secrets are never embedded. */
  publicKey?: string;
}

/** verifyOrdersServiceToken for "orders-service": the name an application imports. */
export function policyFunctionName(policy: Policy): string {
  const words = policy.name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const pascal = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  return `verify${/^[A-Za-z]/.test(pascal) ? pascal : `Policy${pascal}`}Token`;
}

/** The file name the usage line shows: verify-orders-service.mjs, verify_orders_service.py (importable). */
export function policyFileName(policy: Policy, language: PolicyCodeLanguage): string {
  const slug =
    policy.name
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean)
      .join(language === 'python' ? '_' : '-') || 'policy';
  return language === 'python' ? `verify_${slug}.py` : `verify-${slug}.mjs`;
}

export function policyCode(
  policy: Policy,
  language: PolicyCodeLanguage,
  options: PolicyCodeOptions = {},
): string {
  const { keys, note } = embeddableKeys(policy, options.publicKey);
  const input: TemplateInput = {
    policy,
    functionName: policyFunctionName(policy),
    fileName: policyFileName(policy, language),
    embeddedKeys: keys,
    hmac: policy.algorithms.some((alg) => alg.startsWith('HS')),
    ...(note ? { keyNote: note } : {}),
  };
  return language === 'python' ? pythonTemplate(input) : nodeTemplate(input);
}

function embeddableKeys(policy: Policy, keyText: string | undefined): { keys: PublicJwk[]; note?: string } {
  if (keyText === undefined || keyText.trim() === '') return { keys: [] };
  const imported = importVerificationKey(keyText);
  if (!imported.ok)
    return { keys: [], note: 'The key in the verifier could not be read, so none is embedded.' };
  if (imported.format === 'secret' || imported.keys.every((k) => k.kty === 'oct')) {
    return {
      keys: [],
      note: 'The HMAC secret is not embedded: the code reads it from the JWT_SECRET environment variable.',
    };
  }
  const keys = imported.keys.filter((k) => k.kty !== 'oct' && !k.refusal).map((k) => publicOnly(k.jwk));
  const note = policy.jwksUri
    ? "The public key you verified with is embedded, so the policy's jwksUri is not fetched."
    : undefined;
  return note ? { keys, note } : { keys };
}

/** Only the public members: a pasted private JWK must not leave its "d" in generated code. */
function publicOnly(jwk: PublicJwk): PublicJwk {
  const out: PublicJwk = { kty: jwk.kty };
  for (const member of ['crv', 'n', 'e', 'x', 'y', 'alg', 'kid', 'use'] as const) {
    if (jwk[member] !== undefined) out[member] = jwk[member];
  }
  return out;
}
