/**
 * `jwt-lens scan` as a child process over a generated tree of real log formats and a HAR, with tokens
 * signed and encrypted by jose: where each token is (the file's own line and column), which files are
 * skipped, exit codes per --fail-on, several threads, and no report ever holding a piece of a token.
 * Redacted copies: scan/redact-file.test.ts; SARIF: output/sarif.test.ts.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { harDocument } from '../../lib/scan/fixtures/har';
import {
  curlVerbose,
  dotEnv,
  jsonLogLines,
  kubernetesLog,
  nginxAccessLog,
} from '../../lib/scan/fixtures/logs';
import { NOW, tokenParts, tokenSet, type TokenSet } from '../../lib/scan/fixtures/tokens';
import { ensureCliBuilt, expectOneLineError, positions, runCli, tree, type CliRun } from '../testing';

const AT = NOW.toISOString();
let t: TokenSet;
let root = '';

function expectNoTokenPieces(run: CliRun, tokens: string[]): void {
  for (const token of tokens) {
    for (const part of tokenParts(token)) {
      expect(run.stdout).not.toContain(part);
      expect(run.stderr).not.toContain(part);
    }
  }
}

beforeAll(async () => {
  await ensureCliBuilt();
  t = await tokenSet();
  root = tree({
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.gitignore': 'ignored/\n*.tmp\n',
    'logs/nginx-access.log': nginxAccessLog([t.live, t.expired]),
    'logs/app.jsonl': jsonLogLines([t.es256, t.expired]),
    'logs/pod.log': kubernetesLog([t.notYet, t.unsecured]),
    'support/curl-v.txt': curlVerbose(t.hs256),
    'deploy/.env': dotEnv(t.jwe),
    'support/login.har': JSON.stringify(
      harDocument({ accessToken: t.live, idToken: t.sdJwt, assertion: t.es256 }),
      null,
      2,
    ),
    'ignored/old.log': `Authorization: Bearer ${t.live}\n`,
    'scratch.tmp': `token=${t.live}\n`,
    'assets/blob.bin': Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
      Buffer.from(t.live),
    ]),
    'README.txt': 'No tokens here: version 1.2.3, host api.example.com, a.b.c\n',
  });
}, 120_000);

describe('jwt-lens scan: what it finds and where', () => {
  let report: {
    files: number;
    tokens: {
      fingerprint: string;
      state: string;
      kind: string;
      iss?: string;
      sub?: string;
      count: number;
      occurrences: {
        file: string;
        line: number;
        column: number;
        where?: { entry?: number; field: string };
      }[];
    }[];
  };
  let run: CliRun;

  beforeAll(async () => {
    run = await runCli(['scan', '.', '--format', 'json', '--now', AT], { cwd: root });
    report = JSON.parse(run.stdout);
  });

  it('finds every token of every log format and the HAR, once per distinct token', () => {
    expect(run.status).toBe(1);
    expect(report.tokens).toHaveLength(t.all.length);
    expect(new Set(report.tokens.map((x) => x.kind))).toEqual(new Set(['jws', 'unsecured', 'jwe', 'sd-jwt']));
  });

  it("reports each text occurrence at the file's own line and column", () => {
    const textFiles = [
      'logs/nginx-access.log',
      'logs/app.jsonl',
      'logs/pod.log',
      'support/curl-v.txt',
      'deploy/.env',
    ];
    for (const file of textFiles) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const found of report.tokens) {
        const token = t.all.find((x) =>
          createHash('sha256').update(x).digest('hex').startsWith(found.fingerprint),
        )!;
        const expected = positions(text, token);
        const reported = found.occurrences
          .filter((o) => o.file === file)
          .map(({ line, column }) => ({ line, column }));
        expect(reported, `${file} ${found.sub}`).toEqual(expected);
      }
    }
  });

  it('says which HAR entry and field each HAR occurrence was in', () => {
    const har = report.tokens.flatMap((x) => x.occurrences.filter((o) => o.file === 'support/login.har'));
    expect(har.length).toBeGreaterThan(4);
    expect(har.every((o) => o.where && typeof o.where.field === 'string')).toBe(true);
    expect(har.some((o) => o.where?.entry === 0)).toBe(true);
    const text = readFileSync(join(root, 'support/login.har'), 'utf8');
    const lines = text.split('\n');
    for (const o of har) expect(lines[o.line - 1]!.slice(o.column - 1, o.column + 19)).toMatch(/^eyJ/);
  });

  it('gives kind, issuer, subject and whether each token is live now', () => {
    const bySub = Object.fromEntries(report.tokens.map((x) => [x.sub ?? x.kind, x]));
    expect(bySub.alice).toMatchObject({ state: 'live', iss: 'https://issuer.example', kind: 'jws' });
    expect(bySub.bob!.state).toBe('expired');
    expect(bySub.carol!.state).toBe('not-yet-valid');
    // Live ones first, as the page's table sorts them.
    expect(report.tokens.at(-1)!.state).toBe('expired');
  });

  it('skips .gitignore-d files, the .git folder and binaries, but reads a file named on the command line', async () => {
    const files = new Set(report.tokens.flatMap((x) => x.occurrences.map((o) => o.file)));
    expect([...files].sort()).toEqual(
      [
        'deploy/.env',
        'logs/app.jsonl',
        'logs/nginx-access.log',
        'logs/pod.log',
        'support/curl-v.txt',
        'support/login.har',
      ].sort(),
    );
    const named = await runCli(['scan', 'ignored/old.log', '--format', 'json', '--now', AT], { cwd: root });
    expect(JSON.parse(named.stdout).tokens).toHaveLength(1);
    // Scanning a sub-folder still honours the .gitignore above it, up to the repository root.
    const sub = await runCli(['scan', 'ignored', '--format', 'json', '--now', AT], { cwd: root });
    expect(JSON.parse(sub.stdout).tokens).toHaveLength(0);
  });

  it('never prints a token or any piece of one, in any format', async () => {
    expectNoTokenPieces(run, t.all);
    for (const format of ['text', 'sarif']) {
      expectNoTokenPieces(await runCli(['scan', '.', '--format', format, '--now', AT], { cwd: root }), t.all);
    }
  });

  it('the text report lists placeholder, fingerprint, who and where', async () => {
    const text = await runCli(['scan', 'logs/nginx-access.log', '--now', AT], { cwd: root });
    expect(text.status).toBe(1);
    expect(text.stdout).toMatch(/\[JWT sha256:[0-9a-f]{12} alg=RS256\]\s+LIVE, expires in 1 h/);
    expect(text.stdout).toMatch(
      /fingerprint [0-9a-f]{16}\s+JWS\s+alg=RS256\s+iss=https:\/\/issuer\.example\s+sub=alice/,
    );
    expect(text.stdout).toContain('logs/nginx-access.log:1:');
    expect(text.stdout).toContain('2 distinct tokens (1 live or not yet valid) in 1 file');
  });
});

describe('jwt-lens scan: exit codes', () => {
  it('0 when nothing is found', async () => {
    const run = await runCli(['scan', 'README.txt'], { cwd: root });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('No tokens found in 1 file');
    const all = await runCli(['scan', '.', '--now', AT], { cwd: root });
    expect(all.stdout).toContain('Skipped 1 binary file and 2 paths excluded by .gitignore.');
  });

  it('--fail-on live (the default): an expired token alone passes, a live one fails', async () => {
    const expiredOnly = tree({ 'app.log': `level=warn msg="rejected" token=${t.expired}\n` });
    expect((await runCli(['scan', expiredOnly, '--now', AT])).status).toBe(0);
    expect((await runCli(['scan', expiredOnly, '--fail-on', 'live', '--now', AT])).status).toBe(0);
    const live = tree({ 'app.log': `token=${t.live}\n` });
    expect((await runCli(['scan', live, '--now', AT])).status).toBe(1);
    // A token that is not yet valid becomes usable later: it fails too.
    const future = tree({ 'app.log': `token=${t.notYet}\n` });
    expect((await runCli(['scan', future, '--now', AT])).status).toBe(1);
  });

  it('--fail-on any: an expired token fails', async () => {
    const expiredOnly = tree({ 'app.log': `token=${t.expired}\n` });
    expect((await runCli(['scan', expiredOnly, '--fail-on', 'any', '--now', AT])).status).toBe(1);
  });

  it('2 for a path that does not exist, one line on stderr', async () => {
    const run = await runCli(['scan', join(root, 'no-such-folder')]);
    expect(run.status).toBe(2);
    expectOneLineError(run);
    expect(run.stderr).toMatch(/Could not read .*no-such-folder: no such file or directory/);
  });

  it.each([
    [['scan'], /Give at least one file or folder/],
    [['scan', '.', '--fail-on', 'sometimes'], /--fail-on must be "live" or "any"/],
    [['scan', '.', '--format', 'xml'], /--format must be text, json or sarif/],
    [['scan', '.', '--redact-mode', 'blur'], /--redact-mode must be one of/],
  ])('2 for a usage error: %j', async (args, message) => {
    const run = await runCli(args, { cwd: root });
    expect(run.status).toBe(2);
    expectOneLineError(run);
    expect(run.stderr).toMatch(message);
  });
});

describe('jwt-lens scan: big files are read in chunks with exact positions', () => {
  it('finds a token that straddles a 4 MB read boundary after multi-byte characters', async () => {
    const filler = 'é日本 GET /static/app.js 200 — ok\n'; // multi-byte UTF-8, so bytes and characters differ
    const lines: string[] = [];
    let bytes = 0;
    const boundary = 4 * 1024 * 1024;
    while (bytes < boundary - 300) {
      lines.push(filler);
      bytes += Buffer.byteLength(filler);
    }
    // Place the token so that it starts before the boundary and ends after it.
    const prefix = 'x'.repeat(boundary - bytes - 40);
    const big = `${lines.join('')}${prefix} Authorization: Bearer ${t.live}\n${filler.repeat(1000)}tail ${t.expired}\n`;
    const dir = tree({ 'big.log': big });
    const run = await runCli(['scan', 'big.log', '--format', 'json', '--now', AT], { cwd: dir });
    const report = JSON.parse(run.stdout);
    const live = report.tokens.find((x: { sub: string }) => x.sub === 'alice');
    const expired = report.tokens.find((x: { sub: string }) => x.sub === 'bob');
    expect(
      live.occurrences.map((o: { line: number; column: number }) => ({ line: o.line, column: o.column })),
    ).toEqual(positions(big, t.live));
    expect(
      expired.occurrences.map((o: { line: number; column: number }) => ({ line: o.line, column: o.column })),
    ).toEqual(positions(big, t.expired));
  });
});

describe('jwt-lens scan: many files through one scanner', () => {
  it('keeps every file its own lines, also after a file without a final line break', async () => {
    const files = {
      'a.log': `first\nlast line token=${t.live}`, // no line break at the end
      'b.log': `token=${t.live}\nsecond ${t.expired}\n`,
      'c.log': `\n\n\n   ${t.expired}\n`,
    };
    const dir = tree(files);
    const run = await runCli(['scan', '.', '--format', 'json', '--now', AT], { cwd: dir });
    const report = JSON.parse(run.stdout);
    for (const [file, text] of Object.entries(files)) {
      for (const [token, sub] of [
        [t.live, 'alice'],
        [t.expired, 'bob'],
      ] as const) {
        const found = report.tokens.find((x: { sub: string }) => x.sub === sub);
        const reported = found.occurrences
          .filter((o: { file: string }) => o.file === file)
          .map((o: { line: number; column: number }) => ({ line: o.line, column: o.column }));
        expect(reported, `${file} ${sub}`).toEqual(positions(text, token));
      }
    }
    expect(report.tokens.find((x: { sub: string }) => x.sub === 'alice').count).toBe(2);
  });

  it('a token repeated past the stored-occurrence cap in one file is still located in the next', async () => {
    const dir = tree({
      'a.log': `Bearer ${t.live}\n`.repeat(1500),
      'b.log': `one line\nBearer ${t.live}\n`,
    });
    const run = await runCli(['scan', '.', '--format', 'json', '--now', AT], { cwd: dir });
    const [token] = JSON.parse(run.stdout).tokens;
    expect(token.count).toBe(1501);
    expect(token.occurrences.filter((o: { file: string }) => o.file === 'b.log')).toEqual([
      { file: 'b.log', line: 2, column: 8 },
    ]);
  });
});

describe('jwt-lens scan on several threads', () => {
  it('reports exactly what one thread reports', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 6; i++) {
      files[`logs/access-${i}.log`] = nginxAccessLog([t.live, t.expired], 2000);
      files[`logs/app-${i}.jsonl`] = jsonLogLines([t.hs256, t.notYet]);
      files[`har/session-${i}.har`] = JSON.stringify(
        harDocument({ accessToken: t.live, idToken: t.sdJwt, assertion: t.es256 }),
        null,
        2,
      );
    }
    const dir = tree(files);
    const one = await runCli(['scan', '.', '--format', 'json', '--now', AT], {
      cwd: dir,
      env: { JWT_LENS_SCAN_THREADS: '1' },
    });
    const two = await runCli(['scan', '.', '--format', 'json', '--now', AT], {
      cwd: dir,
      env: { JWT_LENS_SCAN_THREADS: '2' },
    });
    expect(two.stderr).toBe('');
    expect(two.status).toBe(1);
    const strip = (text: string) => ({ ...JSON.parse(text), now: undefined });
    expect(strip(two.stdout)).toEqual(strip(one.stdout));
    expect(JSON.parse(two.stdout).tokens.length).toBe(6);
  });
});

describe('jwt-lens scan: JWT_LENS_TIMING', () => {
  it('says on stderr where the time went, and stdout stays exactly the report', async () => {
    const args = ['scan', 'logs/nginx-access.log', 'support/login.har', '--format', 'json', '--now', AT];
    const plain = await runCli(args, { cwd: root });
    const timed = await runCli(args, { cwd: root, env: { JWT_LENS_TIMING: '1' } });
    expect(timed.status).toBe(plain.status);
    expect(timed.stdout).toBe(plain.stdout);
    expect(plain.stderr).toBe('');
    // The benchmark parses this line: its phases, the main thread's reading and SIMD time, all CPU.
    const line = /^jwt-lens: timing (.*)$/m.exec(timed.stderr)?.[1] ?? '';
    const parts = Object.fromEntries(
      [...line.matchAll(/(start|walk|scan|report|output|reading|SIMD pass|cpu) (\d+) ms/g)].map((m) => [
        m[1],
        Number(m[2]),
      ]),
    );
    expect(Object.keys(parts).sort()).toEqual(
      ['SIMD pass', 'cpu', 'output', 'reading', 'report', 'scan', 'start', 'walk'].sort(),
    );
    expect(line).toContain('files by thread: 2;');
    // The parts of the scan phase fit in it, and all threads' CPU time covers at least the phases.
    expect(parts.reading! + parts['SIMD pass']!).toBeLessThanOrEqual(parts.scan! + 1);
    expect(parts.cpu).toBeGreaterThan(0);
    expect(timed.stderr.trim().split('\n')).toHaveLength(1);
  });
});
