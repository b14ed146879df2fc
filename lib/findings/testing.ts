import type { FindingContext } from './rule';

/** A finding context with sensible defaults, for the rule tests. */
export function contextWith(overrides: Partial<FindingContext> = {}): FindingContext {
  return {
    format: 'jws',
    header: { alg: 'HS256' },
    payload: { sub: 'x', exp: 1800000000 },
    payloadIsJson: true,
    duplicates: [],
    nonCanonical: [],
    now: new Date('2026-06-01T00:00:00Z'),
    ...overrides,
  };
}
