/** The text and JSON views of `verify`: the page's headlines, then its messages unchanged. */
import type { VerifyResult } from '../../lib/index';
import type { Palette } from '../color';
import { severityLabel } from './findings-text';

// The same headlines as the page's "Signature" and "Claims" status regions.
const SIGNATURE_HEADLINE = {
  valid: 'Signature verified',
  invalid: 'Invalid signature',
  error: 'Signature not checked',
} as const;

export function verifyText(result: VerifyResult, accepted: boolean, c: Palette): string {
  const lines: string[] = [];
  const mark =
    result.signature === 'valid' ? c.green('✓') : result.signature === 'invalid' ? c.red('✗') : c.yellow('!');
  lines.push(
    `${mark} ${c.bold(SIGNATURE_HEADLINE[result.signature])}${result.key ? ` with ${result.key.source}` : ''}`,
  );
  for (const error of result.errors) lines.push(`  ${error.message}`);
  if (result.claims !== 'unchecked') {
    lines.push(
      `${result.claims === 'valid' ? c.green('✓') : c.red('✗')} ${c.bold(result.claims === 'valid' ? 'Claims acceptable now' : 'Claims not acceptable now')}`,
    );
    if (result.checks.length === 0) lines.push('  No time claims or expectations to check.');
    for (const check of result.checks)
      lines.push(`  ${check.ok ? c.green('✓') : c.red('✗')} ${check.message}`);
  }
  if (result.findings.length > 0) {
    lines.push('Key findings:');
    for (const f of result.findings) lines.push(`  ${severityLabel(f.severity, c)} ${f.message}`);
  }
  lines.push(accepted ? c.green('Accepted') : c.red('Rejected'));
  return lines.join('\n');
}

export function verifyJson(result: VerifyResult, accepted: boolean) {
  return {
    accepted,
    signature: result.signature,
    claims: result.claims,
    checks: result.checks,
    errors: result.errors,
    findings: result.findings,
    ...(result.key ? { key: result.key } : {}),
  };
}
