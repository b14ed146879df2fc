import type { Policy } from '../types';
import type { PolicyContext } from './rule';

export const NOW = 1_780_000_000; // 2026-05-28T20:26:40Z

export function policyWith(overrides: Partial<Policy> = {}): Policy {
  return {
    version: 1,
    name: 'orders-service',
    algorithms: ['RS256'],
    requiredClaims: [],
    claimValues: {},
    clockToleranceSeconds: 0,
    ...overrides,
  };
}

/** A rule context with sensible defaults, for the rule tests. */
export function contextWith(
  policy: Partial<Policy>,
  claims: Record<string, unknown> | undefined,
  header: Record<string, unknown> = { alg: 'RS256' },
): PolicyContext {
  const full = policyWith(policy);
  return {
    policy: full,
    header,
    claims,
    nowSeconds: NOW,
    tolerance: full.clockToleranceSeconds,
    signature: { status: 'valid', message: 'ok' },
  };
}
