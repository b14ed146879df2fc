/**
 * `jwt-lens scan --redact` as a child process: copies beside the originals, which stay byte for byte
 * the same, with no piece of any token left (and a HAR copy that is still a HAR 1.2 document).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tokenFingerprint } from '../../lib/index';
import { encodedBodyEntry, harDocument, har12Problems, withDecodedBodies } from '../../lib/scan/fixtures/har';
import { dotEnv, jsonLogLines, nginxAccessLog } from '../../lib/scan/fixtures/logs';
import { NOW, tokenParts, tokenSet, type TokenSet } from '../../lib/scan/fixtures/tokens';
import { ensureCliBuilt, runCli, tree } from '../testing';

const AT = NOW.toISOString();
let t: TokenSet;

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

beforeAll(async () => {
  await ensureCliBuilt();
  t = await tokenSet();
}, 120_000);

describe('jwt-lens scan --redact', () => {
  it('writes NAME.redacted.EXT beside each file with tokens, never changing an original', async () => {
    const dir = tree({
      'logs/nginx-access.log': nginxAccessLog([t.live, t.expired]),
      'logs/quiet.log': 'nothing to see\n',
      'support/login.har': JSON.stringify(
        harDocument({ accessToken: t.live, idToken: t.sdJwt, assertion: t.es256 }),
        null,
        2,
      ),
      'deploy/.env': dotEnv(t.hs256),
    });
    const originals = ['logs/nginx-access.log', 'logs/quiet.log', 'support/login.har', 'deploy/.env'];
    const before = originals.map((f) => sha256(join(dir, f)));
    const run = await runCli(['scan', '.', '--redact', '--now', AT], { cwd: dir });
    expect(run.status).toBe(1);
    expect(originals.map((f) => sha256(join(dir, f)))).toEqual(before);
    expect(readdirSync(join(dir, 'logs')).sort()).toEqual([
      'nginx-access.log',
      'nginx-access.redacted.log',
      'quiet.log',
    ]);
    expect(existsSync(join(dir, 'deploy/.env.redacted'))).toBe(true);
    expect(run.stderr).toContain('wrote logs/nginx-access.redacted.log (');

    for (const copy of [
      'logs/nginx-access.redacted.log',
      'support/login.redacted.har',
      'deploy/.env.redacted',
    ]) {
      const text = readFileSync(join(dir, copy), 'utf8');
      for (const token of t.all) for (const part of tokenParts(token)) expect(text, copy).not.toContain(part);
    }
    const log = readFileSync(join(dir, 'logs/nginx-access.redacted.log'), 'utf8');
    expect(log).toMatch(/access_token=\[JWT sha256:[0-9a-f]{12} alg=RS256\]&page=0/);
    expect(log.split('\n')).toHaveLength(
      readFileSync(join(dir, 'logs/nginx-access.log'), 'utf8').split('\n').length,
    );
    // The redacted HAR is still a HAR 1.2 document.
    expect(har12Problems(JSON.parse(readFileSync(join(dir, 'support/login.redacted.har'), 'utf8')))).toEqual(
      [],
    );

    // Scanning again finds nothing in the copies and does not write copies of copies.
    const again = await runCli(['scan', 'logs/nginx-access.redacted.log', '--redact', '--now', AT], {
      cwd: dir,
    });
    expect(again.status).toBe(0);
    expect(existsSync(join(dir, 'logs/nginx-access.redacted.redacted.log'))).toBe(false);
  });

  it('--redact-mode strip-signature keeps claims readable and drops every signature', async () => {
    const dir = tree({ 'app.jsonl': jsonLogLines([t.live, t.es256]) });
    const run = await runCli(['scan', '.', '--redact', '--redact-mode', 'strip-signature', '--now', AT], {
      cwd: dir,
    });
    expect(run.status).toBe(1);
    const text = readFileSync(join(dir, 'app.redacted.jsonl'), 'utf8');
    for (const token of [t.live, t.es256]) {
      const [header, payload, signature] = token.split('.');
      expect(text).toContain(`${header}.${payload}.`);
      expect(text).not.toContain(signature);
    }
  });
});

describe('jwt-lens scan: HAR bodies stored base64', () => {
  // As Playwright's recorder writes a response that is not textual: an application/jwt UserInfo answer
  // and a binary body, both base64. Their tokens are not in the file's text.
  const harOf = (pretty: boolean) => {
    const doc = harDocument({ accessToken: t.live, idToken: t.es256, assertion: t.hs256 }) as {
      log: { entries: unknown[] };
    };
    doc.log.entries.push(
      encodedBodyEntry('https://login.example/userinfo', 'application/jwt', t.notYet),
      encodedBodyEntry(
        'https://cdn.example/pixel.gif',
        'image/gif',
        Uint8Array.from([0x47, 0x49, 0x46, 0xff, ...new TextEncoder().encode(` ${t.expired}`), 0xfe]),
      ),
    );
    return JSON.stringify(doc, null, pretty ? 2 : undefined);
  };

  for (const pretty of [true, false]) {
    it(`reports and redacts them (${pretty ? 'pretty-printed' : 'minified'})`, async () => {
      const dir = tree({ 'trace.har': harOf(pretty) });
      const run = await runCli(
        ['scan', 'trace.har', '--format', 'json', '--fail-on', 'any', '--redact', '--now', AT],
        {
          cwd: dir,
        },
      );
      expect(run.status).toBe(1);
      const report = JSON.parse(run.stdout) as {
        tokens: {
          fingerprint: string;
          count: number;
          occurrences: { line: number; where: { field: string; path: string } }[];
        }[];
      };
      const of = (token: string) => report.tokens.find((x) => x.fingerprint === tokenFingerprint(token))!;
      expect(of(t.notYet).occurrences.map((o) => [o.where.path, o.where.field])).toEqual([
        ['/userinfo', 'response body (base64)'],
      ]);
      expect(of(t.expired).occurrences.map((o) => o.where.path)).toEqual(['/pixel.gif']);
      expect(report.tokens).toHaveLength(5);
      const copy = readFileSync(join(dir, 'trace.redacted.har'), 'utf8');
      expect(har12Problems(JSON.parse(copy))).toEqual([]);
      const decoded = withDecodedBodies(copy);
      for (const token of [t.live, t.es256, t.hs256, t.notYet, t.expired])
        for (const part of tokenParts(token)) expect(decoded).not.toContain(part);
      expect(decoded).toMatch(/GIF\xff \[JWT sha256:[0-9a-f]{12} alg=RS256\]\xfe/);
    });
  }
});
