import type { PublicJwk } from '../../keys/import';
import type { Policy } from '../types';

/** What a language template needs: the policy, the function's name and where the keys come from. */
export interface TemplateInput {
  policy: Policy;
  /** e.g. verifyOrdersServiceToken */
  functionName: string;
  /** File name the usage line shows, e.g. verify-orders-service.mjs */
  fileName: string;
  /** Public keys the user verified with, embedded in the file (never a secret). */
  embeddedKeys: PublicJwk[];
  /** True when the policy allows an HMAC algorithm: the secret is read from JWT_SECRET, never embedded. */
  hmac: boolean;
  /** Why a pasted key was not embedded, for a comment at the top of the file. */
  keyNote?: string;
}

/**
 * A value for a comment line of generated code: JSON-quoted (no raw line break can end the comment), and
 * U+2028/U+2029, which JSON leaves raw but JavaScript reads as line terminators, escaped too.
 */
export function commentText(value: string): string {
  return JSON.stringify(value).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}
