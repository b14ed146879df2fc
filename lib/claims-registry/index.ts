/**
 * The claims registry: what every claim, header parameter and algorithm value means, and where it is
 * specified. Data tables plus lookups by name; choosing between vendor meanings is lib/claims' job.
 */
import { ALGORITHMS } from './algorithms';
import { HEADER_PARAMETERS } from './header';
import { OIDC_CLAIMS } from './oidc';
import { REGISTERED_CLAIMS } from './registered';
import type { AlgorithmInfo, AlgorithmUse, ClaimInfo, ClaimPatternInfo, HeaderParameterInfo } from './types';
import { VENDOR_CLAIMS, VENDOR_CLAIM_PATTERNS } from './vendor';

export type {
  AlgorithmInfo,
  AlgorithmUse,
  ClaimDisplay,
  ClaimInfo,
  ClaimPatternInfo,
  ClaimValueType,
  HeaderParameterInfo,
  SpecRef,
  Vendor,
} from './types';
export {
  ALGORITHMS,
  HEADER_PARAMETERS,
  OIDC_CLAIMS,
  REGISTERED_CLAIMS,
  VENDOR_CLAIMS,
  VENDOR_CLAIM_PATTERNS,
};

/** Every payload claim row: standard rows first, so a lookup lists the standard meaning before vendor ones. */
export const CLAIMS: readonly ClaimInfo[] = [...REGISTERED_CLAIMS, ...OIDC_CLAIMS, ...VENDOR_CLAIMS];

function indexBy<T extends { name: string }>(rows: readonly T[]): ReadonlyMap<string, readonly T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(row.name, [...(map.get(row.name) ?? []), row]);
  return map;
}

const CLAIMS_BY_NAME = indexBy(CLAIMS);
const HEADER_BY_NAME = indexBy(HEADER_PARAMETERS);
const ALGORITHMS_BY_NAME = indexBy(ALGORITHMS);

/** All meanings of a claim name or dotted path (`realm_access.roles`): standard first, then vendors. */
export function claimEntries(path: string): readonly ClaimInfo[] {
  return CLAIMS_BY_NAME.get(path) ?? [];
}

/** A name family (Auth0 namespaced claims, Cognito custom attributes) that matches a top-level claim name. */
export function claimPatternFor(name: string): ClaimPatternInfo | undefined {
  return VENDOR_CLAIM_PATTERNS.find((row) => row.pattern.test(name));
}

export function headerParameterInfo(name: string): HeaderParameterInfo | undefined {
  return HEADER_BY_NAME.get(name)?.[0];
}

/** What an `alg`, `enc` or `zip` value means. `use` narrows the search, e.g. to content encryption for `enc`. */
export function algorithmInfo(name: string, use?: AlgorithmUse): AlgorithmInfo | undefined {
  const rows = ALGORITHMS_BY_NAME.get(name) ?? [];
  return use ? rows.find((row) => row.use === use) : rows[0];
}
