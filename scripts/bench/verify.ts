/**
 * verifyToken (issue 3) against a bare jose.jwtVerify with the key already imported. Filled in when the
 * verify branch lands; until then the group is skipped with a note in the report.
 */
import type { BenchRow } from './measure';

export const VERIFY_OURS = 'verifyToken (cached key)';
export const VERIFY_PEER = 'jose.jwtVerify (imported key)';

export async function benchVerify(): Promise<{ rows: BenchRow[]; skipped?: string }> {
  return {
    rows: [],
    skipped: 'verifyToken is not in lib/ yet (issue 3), so the verify benchmarks did not run.',
  };
}
