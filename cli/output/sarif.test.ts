/**
 * `jwt-lens scan --format sarif` as a child process: the output validates against the OASIS SARIF
 * 2.1.0 schema kept in cli/sarif/ (with ajv), and its regions are the files' real lines and columns.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonLogLines, kubernetesLog, nginxAccessLog } from '../../lib/scan/fixtures/logs';
import { NOW, tokenSet, type TokenSet } from '../../lib/scan/fixtures/tokens';
import { ensureCliBuilt, positions, runCli, tree } from '../testing';

const AT = NOW.toISOString();
let t: TokenSet;
let root = '';

/** ajv against the OASIS SARIF 2.1.0 schema kept in cli/sarif/. */
function sarifValidator() {
  const schema = JSON.parse(readFileSync(join(__dirname, '../sarif/sarif-schema-2.1.0.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false });
  // The schema uses these JSON Schema formats; check them rather than ignore them.
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'file:///base/'));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)) && /T.*(Z|[+-]\d\d:\d\d)$/.test(s));
  return ajv.compile(schema);
}

beforeAll(async () => {
  await ensureCliBuilt();
  t = await tokenSet();
  root = tree({
    'logs/nginx-access.log': nginxAccessLog([t.live, t.expired]),
    'logs/app.jsonl': jsonLogLines([t.es256, t.expired]),
    'logs/pod.log': kubernetesLog([t.notYet, t.unsecured]),
  });
}, 120_000);

describe('jwt-lens scan --format sarif', () => {
  it('validates against the SARIF 2.1.0 schema and points at the real lines and columns', async () => {
    const run = await runCli(['scan', '.', '--format', 'sarif', '--now', AT], { cwd: root });
    expect(run.status).toBe(1);
    const sarif = JSON.parse(run.stdout);
    const schema = JSON.parse(readFileSync(join(__dirname, '../sarif/sarif-schema-2.1.0.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    // The schema uses these JSON Schema formats; check them rather than ignore them.
    ajv.addFormat('uri', (s: string) => URL.canParse(s));
    ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'file:///base/'));
    ajv.addFormat(
      'date-time',
      (s: string) => !Number.isNaN(Date.parse(s)) && /T.*(Z|[+-]\d\d:\d\d)$/.test(s),
    );
    const validate = ajv.compile(schema);
    expect(validate(sarif), JSON.stringify(validate.errors, null, 2)).toBe(true);

    const results = sarif.runs[0].results as {
      ruleId: string;
      level: string;
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string; uriBaseId: string };
          region: { startLine: number; startColumn: number; endColumn: number };
        };
      }[];
      partialFingerprints: Record<string, string>;
    }[];
    expect(results.length).toBeGreaterThan(5);
    const nginx = readFileSync(join(root, 'logs/nginx-access.log'), 'utf8');
    const first = positions(nginx, t.live)[0]!;
    const hit = results.find(
      (r) =>
        r.locations[0]!.physicalLocation.artifactLocation.uri === 'logs/nginx-access.log' &&
        r.locations[0]!.physicalLocation.region.startLine === first.line,
    )!;
    expect(hit.ruleId).toBe('jwt-lens/live-token');
    expect(hit.level).toBe('error');
    expect(hit.locations[0]!.physicalLocation.artifactLocation.uriBaseId).toBe('SRCROOT');
    expect(hit.locations[0]!.physicalLocation.region).toEqual({
      startLine: first.line,
      startColumn: first.column,
      endColumn: first.column + t.live.length,
    });
    expect(Object.values(hit.partialFingerprints)[0]).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set(results.map((r) => r.ruleId))).toEqual(
      new Set(['jwt-lens/live-token', 'jwt-lens/not-yet-valid-token', 'jwt-lens/expired-token']),
    );
  });
});

describe('jwt-lens scan --format sarif with a path that cannot be read', () => {
  it('still writes valid SARIF, marks the run unsuccessful and exits 2', async () => {
    const run = await runCli(['scan', 'logs', 'missing-folder', '--format', 'sarif', '--now', AT], {
      cwd: root,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Could not read missing-folder: no such file or directory/);
    const invocation = JSON.parse(run.stdout).runs[0].invocations[0];
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications[0].message.text).toContain('missing-folder');
    expect(sarifValidator()(JSON.parse(run.stdout))).toBe(true);
  });
});
