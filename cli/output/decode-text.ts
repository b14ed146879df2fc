/** The text view of `decode`: header and payload JSON, findings, then one line per claim explained. */
import type { DecodedOk } from '../../lib/index';
import type { Palette } from '../color';
import { severityLabel } from './findings-text';
import type { TokenView } from './token-view';

export function decodeText(view: TokenView, decoded: DecodedOk, c: Palette): string {
  const lines: string[] = [];
  lines.push(`${c.bold('Token')}    ${view.format.toUpperCase()}${alg(view)} · ${view.kind.label}`);
  lines.push(`${c.bold('Expiry')}   ${expiryColour(view, c)}`);
  lines.push('', c.bold('Header'), indent(decoded.headerJson));
  if (decoded.format === 'jwe')
    lines.push('', c.bold('Payload'), '  (encrypted: decrypt it to see the claims)');
  else if (decoded.payloadJson !== undefined) lines.push('', c.bold('Payload'), indent(decoded.payloadJson));
  else lines.push('', c.bold('Payload (not JSON)'), indent(String(decoded.payload)));

  lines.push('', c.bold(`Findings (${view.findings.length})`));
  if (view.findings.length === 0) lines.push('  none');
  for (const f of view.findings)
    lines.push(`  ${severityLabel(f.severity, c)} ${f.message}${f.path ? c.dim(` [${f.path}]`) : ''}`);

  if (view.claims.length > 0) {
    lines.push('', c.bold('Claims'));
    const width = Math.min(24, Math.max(...view.claims.map((l) => l.path.length)));
    for (const claim of view.claims) {
      const meaning = claim.title
        ? `${claim.title}${claim.description ? `: ${claim.description}` : ''}`
        : claim.custom
          ? 'custom claim'
          : '';
      lines.push(
        `  ${c.cyan(claim.path.padEnd(width))}  ${claim.value}${claim.time ? c.dim(`  ${claim.time}`) : ''}`,
      );
      if (meaning) lines.push(`  ${' '.repeat(width)}  ${c.dim(meaning)}`);
    }
  }
  return lines.join('\n');
}

function alg(view: TokenView): string {
  const value = view.header.alg;
  return typeof value === 'string' ? ` (${value})` : '';
}

function expiryColour(view: TokenView, c: Palette): string {
  const text = `${view.expiry.label}${view.expiry.text ? `: ${view.expiry.text}` : ''}`;
  if (view.expiry.state === 'expired') return c.red(text);
  if (view.expiry.state === 'valid') return c.green(text);
  return c.yellow(text);
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
