/**
 * The policy rules, in the order they are checked and shown. The first failing one is what the exported code
 * prints, so this order is also the order of the templates: the algorithm before the signature (a library
 * refuses an algorithm before it verifies), then the header, then the claims.
 */
import { ageRule } from './age';
import { algorithmRule } from './algorithm';
import { audienceRule } from './audience';
import { expRule } from './exp';
import { iatRule } from './iat';
import { issuerRule } from './issuer';
import { lifetimeRule } from './lifetime';
import { nbfRule } from './nbf';
import { requiredRule } from './required';
import { rolesRule } from './roles';
import type { PolicyRule } from './rule';
import { scopesRule } from './scopes';
import { signatureRule } from './signature';
import { tenantRule } from './tenant';
import { typRule } from './typ';
import { valueRule } from './value';

export const POLICY_RULES: readonly PolicyRule[] = [
  algorithmRule,
  signatureRule,
  typRule,
  requiredRule,
  issuerRule,
  audienceRule,
  expRule,
  nbfRule,
  iatRule,
  valueRule,
  lifetimeRule,
  ageRule,
  scopesRule,
  rolesRule,
  tenantRule,
];

export type { PolicyContext, PolicyRule } from './rule';
