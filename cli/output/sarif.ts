/**
 * `scan --format sarif`: SARIF 2.1.0 (OASIS), which GitHub code scanning and other dashboards read.
 * One result per occurrence, with the file's real line and column (SARIF §3.30: 1-based; columns in
 * UTF-16 code units, the run's default columnKind §3.14.19, which is how lib counts). Results carry
 * lib's fingerprint in partialFingerprints (§3.27.17), so a dashboard groups the copies of one token,
 * and never the token itself: the message names it by its placeholder. Validated against
 * cli/sarif/sarif-schema-2.1.0.json in cli/output/sarif.test.ts.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  occurrencesOf,
  type LiveState,
  type ReportedOccurrence,
  type ReportedToken,
  type ScanReport,
} from '../scan/report';

const RULES: Record<
  LiveState,
  { id: string; name: string; level: 'error' | 'warning' | 'note'; text: string; help: string }
> = {
  live: {
    id: 'jwt-lens/live-token',
    name: 'LiveTokenLeaked',
    level: 'error',
    text: 'A token that is valid now (or never expires) is written in this file.',
    help: 'Anyone who reads this file can use the token until it expires. Revoke it or rotate the signing key, then remove it or replace it with a redacted copy (jwt-lens scan --redact).',
  },
  'not-yet-valid': {
    id: 'jwt-lens/not-yet-valid-token',
    name: 'FutureTokenLeaked',
    level: 'warning',
    text: 'A token that becomes valid later (nbf in the future) is written in this file.',
    help: 'The token will be usable once its nbf time passes. Revoke it, then remove it or replace it with a redacted copy (jwt-lens scan --redact).',
  },
  expired: {
    id: 'jwt-lens/expired-token',
    name: 'ExpiredTokenFound',
    level: 'note',
    text: 'An expired token is written in this file.',
    help: 'An expired token can no longer be used, but its claims (subject, e-mail, roles) are still readable. Replace it with a redacted copy if the claims are personal data.',
  },
};
const RULE_ORDER: LiveState[] = ['live', 'not-yet-valid', 'expired'];

export const SARIF_SCHEMA_URI =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

export function scanSarif(
  report: ScanReport,
  options: { version: string; problems?: string[]; cwd?: string },
) {
  const cwd = options.cwd ?? process.cwd();
  const problems = options.problems ?? [];
  const results = report.tokens.flatMap((token) =>
    occurrencesOf(token).map((occ) => result(token, occ, cwd)),
  );
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'jwt-lens',
            semanticVersion: options.version,
            rules: RULE_ORDER.map((state) => {
              const rule = RULES[state];
              return {
                id: rule.id,
                name: rule.name,
                shortDescription: { text: rule.text },
                help: { text: rule.help },
                defaultConfiguration: { level: rule.level },
              };
            }),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(cwd + sep).href } },
        // Files that could not be read make the run incomplete (SARIF §3.20.14, §3.20.21).
        invocations: [
          {
            executionSuccessful: problems.length === 0,
            endTimeUtc: report.now.toISOString(),
            ...(problems.length > 0
              ? {
                  toolExecutionNotifications: problems.map((text) => ({ level: 'error', message: { text } })),
                }
              : {}),
          },
        ],
        results,
      },
    ],
  };
}

function result(token: ReportedToken, occ: ReportedOccurrence, cwd: string) {
  const rule = RULES[token.state];
  const s = token.summary;
  const who = [s.iss && `iss ${s.iss}`, s.sub && `sub ${s.sub}`].filter(Boolean).join(', ');
  const state =
    token.state === 'live'
      ? `live (${s.expiry.text || s.expiry.label})`
      : `${s.expiry.label.toLowerCase()} (${s.expiry.text})`;
  const where = occ.whereText ? ` in ${occ.whereText}` : '';
  return {
    ruleId: rule.id,
    ruleIndex: RULE_ORDER.indexOf(token.state),
    level: rule.level,
    message: {
      text: `${s.kind.toUpperCase()}${s.alg ? ` ${s.alg}` : ''} token ${token.redacted}${who ? ` (${who})` : ''}${where}, ${state}. Fingerprint ${token.fingerprint}.`,
    },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(occ.file, cwd),
          region: { startLine: occ.line, startColumn: occ.column, endColumn: occ.column + occ.length },
        },
      },
    ],
    partialFingerprints: { 'jwtLensTokenFingerprint/v1': token.fingerprint },
    properties: {
      fingerprint: token.fingerprint,
      state: token.state,
      ...(s.iss ? { iss: s.iss } : {}),
      ...(s.sub ? { sub: s.sub } : {}),
      ...(s.expMs !== undefined ? { exp: new Date(s.expMs).toISOString() } : {}),
    },
  };
}

/** A path under the working folder is relative to %SRCROOT% (what code scanning expects); others are file: URIs. */
function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const absolute = resolve(cwd, file);
  const rel = relative(cwd, absolute);
  if (rel && !rel.startsWith('..') && !isAbsolute(rel)) {
    return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
  }
  return { uri: pathToFileURL(absolute).href };
}
