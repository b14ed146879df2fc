import type { Finding } from '../types';
import { algMissing } from './alg-missing';
import { algNone } from './alg-none';
import { audMissing } from './aud-missing';
import { b64CritMissing } from './b64-crit-missing';
import { critUnsupported } from './crit-unsupported';
import { duplicateMember } from './duplicate-member';
import { embeddedKey } from './embedded-key';
import { expBeforeNbf } from './exp-before-nbf';
import { expMissing } from './exp-missing';
import { iatFuture } from './iat-future';
import { kidSuspicious } from './kid-suspicious';
import { lifetimeLong } from './lifetime-long';
import { nonCanonicalEncoding } from './non-canonical-encoding';
import { payloadDetached } from './payload-detached';
import { payloadNotJson } from './payload-not-json';
import type { FindingContext, FindingRule } from './rule';
import { sensitiveData } from './sensitive-data';
import { sdAlgUnsupported } from './sd-alg-unsupported';
import { sdDigestDuplicate } from './sd-digest-duplicate';
import { sdDisclosureInvalid } from './sd-disclosure-invalid';
import { sdDisclosureUnreferenced } from './sd-disclosure-unreferenced';
import { sdKeyBinding } from './sd-key-binding';
import { timestampMilliseconds } from './timestamp-milliseconds';

export type { FindingContext, FindingRule } from './rule';

/** The registry: to add a rule, add a file and one line here. */
export const FINDING_RULES: readonly FindingRule[] = Object.freeze([
  algNone,
  algMissing,
  duplicateMember,
  critUnsupported,
  kidSuspicious,
  embeddedKey,
  expMissing,
  timestampMilliseconds,
  nonCanonicalEncoding,
  payloadNotJson,
  lifetimeLong,
  iatFuture,
  expBeforeNbf,
  audMissing,
  sensitiveData,
  sdDisclosureUnreferenced,
  sdDigestDuplicate,
  sdAlgUnsupported,
  sdDisclosureInvalid,
  sdKeyBinding,
  b64CritMissing,
  payloadDetached,
]);

const ORDER = { danger: 0, warning: 1, info: 2 } as const;

/** Runs every rule; a rule that throws is reported, never allowed to break decoding. */
export function findingsFor(
  context: FindingContext,
  rules: readonly FindingRule[] = FINDING_RULES,
): Finding[] {
  const out: Finding[] = [];
  for (const rule of rules) {
    try {
      for (const f of rule.check(context)) {
        out.push({
          id: rule.id,
          severity: f.severity ?? rule.severity,
          message: f.message,
          ...(f.path ? { path: f.path } : {}),
        });
      }
    } catch (err) {
      out.push({
        id: 'rule-failed',
        severity: 'info',
        message: `The check "${rule.id}" could not run: ${String(err)}`,
      });
    }
  }
  return out.sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
}
