/**
 * evaluatePolicy: one token against one policy, one row per rule. The signature stage is verifyToken (the
 * same key handling, algorithm checks and refusals as the verifier); the rows after it are the policy rules.
 * A token is accepted only when every row passes: with no key the signature row is skipped and the token is
 * not accepted, because unverified claims prove nothing. Never rejects.
 */
import { isObject } from '../is-object';
import { decodeToken } from '../token/decode';
import { verifyToken } from '../verify/verify';
import { POLICY_RULES, type PolicyContext } from './rules';
import type { EvaluateOptions, Policy, PolicyEvaluation, PolicyRuleResult } from './types';

const NO_KEY =
  'Not checked: there is no key. Paste the key in the verifier, or use "Fetch keys" for the JWKS; until the signature is checked the token is not accepted.';

export async function evaluatePolicy(
  token: string,
  policy: Policy,
  options: EvaluateOptions,
): Promise<PolicyEvaluation> {
  try {
    return await evaluate(token, policy, options);
  } catch (err) {
    const message = `The policy could not be evaluated: ${err instanceof Error ? err.message : String(err)}`;
    return conclude([{ id: 'signature', status: 'fail', message }], 'error');
  }
}

async function evaluate(token: string, policy: Policy, options: EvaluateOptions): Promise<PolicyEvaluation> {
  const now = options.now instanceof Date && !Number.isNaN(options.now.getTime()) ? options.now : undefined;
  if (!now)
    return conclude(
      [{ id: 'signature', status: 'fail', message: 'No valid "now" was given to judge the time rules.' }],
      'error',
    );
  const decoded = decodeToken(typeof token === 'string' ? token : '', { now });
  if (!decoded.ok || decoded.format === 'jwe') {
    const message = decoded.ok
      ? 'This is an encrypted token (JWE): decrypt it first, then check the JWT inside against the policy.'
      : decoded.error.message;
    return conclude([{ id: 'signature', status: 'fail', message }], 'error');
  }

  const keyText = keyTextOf(options);
  let signature: PolicyContext['signature'] = { status: 'unchecked', message: NO_KEY };
  if (keyText !== undefined) {
    const verified = await verifyToken(decoded.token, keyText, { currentDate: now });
    const report = verified.signatures.find((s) => s.status === verified.signature) ?? verified.signatures[0];
    signature = {
      status: verified.signature,
      message: report?.message ?? verified.errors[0]?.message ?? `The signature is ${verified.signature}.`,
    };
  }

  const context: PolicyContext = {
    policy,
    header: decoded.header,
    claims: decoded.payloadIsJson && isObject(decoded.payload) ? decoded.payload : undefined,
    nowSeconds: Math.floor(now.getTime() / 1000),
    tolerance: policy.clockToleranceSeconds,
    signature,
  };
  return conclude(
    POLICY_RULES.flatMap((rule) => rule.check(context)),
    signature.status,
  );
}

function keyTextOf({ key, jwks }: EvaluateOptions): string | undefined {
  if (typeof key === 'string' && key.trim() !== '') return key;
  if (typeof jwks === 'string' && jwks.trim() !== '') return jwks;
  if (isObject(jwks)) return JSON.stringify(jwks);
  return undefined;
}

function conclude(rules: PolicyRuleResult[], signature: PolicyEvaluation['signature']): PolicyEvaluation {
  const firstFailure = rules.find((r) => r.status === 'fail')?.id;
  return {
    accepted: signature === 'valid' && firstFailure === undefined,
    signature,
    rules,
    ...(firstFailure !== undefined ? { firstFailure } : {}),
  };
}
