/**
 * What `decode` shows about one token, as a plain object: the same for the text view and --json.
 * Every fact comes from lib/ (decodeToken, classifyToken, expiryState, claimRows); this file only picks.
 */
import {
  claimRows,
  claimsOf,
  classifyToken,
  expiryState,
  type ClaimRow,
  type DecodedOk,
} from '../../lib/index';

export interface ClaimLine {
  path: string;
  value: string;
  title?: string;
  description?: string;
  time?: string;
  custom: boolean;
}

export interface TokenView {
  format: DecodedOk['format'];
  serialization: DecodedOk['serialization'];
  kind: { id: string; label: string; reasons: string[] };
  expiry: { state: string; label: string; text: string };
  header: Record<string, unknown>;
  payload: unknown;
  findings: DecodedOk['findings'];
  claims: ClaimLine[];
}

export function tokenView(decoded: DecodedOk, now: Date): TokenView {
  const kind = classifyToken(decoded);
  const expiry = expiryState(claimsOf(decoded), now);
  // UTC and a fixed locale: a CI log must read the same on every runner (STYLE.md: no machine locale).
  // Times are printed as ISO 8601 and relative (flatten), so lib writes no local form.
  const rows = claimRows(decoded, { now, locale: 'en-GB', timeZone: 'UTC', withLocal: false });
  return {
    format: decoded.format,
    serialization: decoded.serialization,
    kind: { id: kind.kind, label: kind.label, reasons: kind.reasons },
    expiry: { state: expiry.kind, label: expiry.label, text: expiry.text },
    header: decoded.header,
    payload:
      decoded.format === 'sd-jwt' && decoded.disclosedPayload !== undefined
        ? decoded.disclosedPayload
        : decoded.payload,
    findings: decoded.findings,
    claims: flatten(rows.rows),
  };
}

function flatten(rows: ClaimRow[], out: ClaimLine[] = []): ClaimLine[] {
  for (const row of rows) {
    out.push({
      path: row.path,
      value: row.valueText,
      ...(row.meaning ? { title: row.meaning.title, description: row.meaning.description } : {}),
      ...(row.time?.iso
        ? { time: `${row.time.iso}${row.time.relative ? ` (${row.time.relative})` : ''}` }
        : {}),
      custom: row.custom,
    });
    flatten(row.children, out);
  }
  return out;
}
