/** The whole program as a user meets it: help for every command, exit codes on usage errors, colours. */
import { execFileSync, spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE, childEnv, ensureCliBuilt, expectOneLineError, runCli, tree } from './testing';

beforeAll(ensureCliBuilt, 120_000);

const COMMANDS = ['decode', 'verify', 'check', 'scan'];

describe('jwt-lens --help', () => {
  it('lists every command and the exit codes, exit 0', async () => {
    const run = await runCli(['--help']);
    expect(run.status).toBe(0);
    for (const command of COMMANDS) expect(run.stdout).toContain(`  ${command} `);
    expect(run.stdout).toMatch(/Exit codes:\n\s+0 .*\n\s+1 .*\n\s+2 /);
  });

  it.each(COMMANDS)('%s --help shows its usage and its own exit codes, exit 0', async (command) => {
    for (const flag of ['--help', '-h']) {
      const run = await runCli([command, flag]);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^Usage: jwt-lens ${command} `));
      expect(run.stdout).toContain('Exit codes:');
      expect(run.stdout).toMatch(new RegExp(`${command} exits 0 when`));
    }
  });

  it('"help COMMAND" is the same as "COMMAND --help"', async () => {
    const a = await runCli(['help', 'scan']);
    const b = await runCli(['scan', '--help']);
    expect(a.stdout).toBe(b.stdout);
  });
});

describe('usage errors exit 2 with one line on stderr', () => {
  it('no command at all: the help on stderr, exit 2', async () => {
    const run = await runCli([]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Usage: jwt-lens <command>');
  });

  it('an unknown command names the commands there are', async () => {
    const run = await runCli(['inspect', 'x']);
    expect(run.status).toBe(2);
    expectOneLineError(run);
    expect(run.stderr).toContain('Unknown command "inspect"');
    expect(run.stderr).toContain('decode, verify, check, scan');
  });

  it.each(COMMANDS)('%s with an unknown option names it, without a stack trace', async (command) => {
    const run = await runCli([command, '--frobnicate']);
    expect(run.status).toBe(2);
    expectOneLineError(run);
    expect(run.stderr).toContain('--frobnicate');
    expect(run.stderr).toContain(`jwt-lens ${command} --help`);
  });

  it('a bad --now is a usage error', async () => {
    const run = await runCli(['decode', 'x.y.z', '--now', 'yesterday-ish']);
    expect(run.status).toBe(2);
    expectOneLineError(run);
    expect(run.stderr).toContain('--now "yesterday-ish" is not a date');
  });
});

describe('a reader that closes the pipe early', () => {
  it('gets no EPIPE stack trace, and the command keeps its exit code', async () => {
    const { tokenSet, NOW } = await import('../lib/scan/fixtures/tokens');
    const t = await tokenSet();
    // More output than a pipe buffers (64 KB), so the writer really meets the closed pipe.
    const dir = tree({ 'app.log': `Authorization: Bearer ${t.live}\n`.repeat(3000) });
    const script = `${process.execPath} ${BUNDLE} scan ${dir} --format json --now ${NOW.toISOString()} | head -c 5 >/dev/null; echo "status=\${PIPESTATUS[0]}" >&2`;
    const result = spawnSync('bash', ['-c', script], { encoding: 'utf8', env: childEnv() });
    expect(result.stderr).not.toContain('EPIPE');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stderr.trim()).toBe('status=1');
  });
});

describe('colours', () => {
  const ESC = '\u001b[';
  const token =
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

  it('piped output has no escape codes', async () => {
    const run = await runCli(['decode', token]);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain(ESC);
  });

  // `script` runs the CLI on a pseudo-terminal, so stdout is a TTY as in an interactive shell.
  const onTty = (env: string) =>
    execFileSync('script', ['-qec', `${env} ${process.execPath} ${BUNDLE} decode ${token}`, '/dev/null'], {
      encoding: 'utf8',
      env: childEnv(),
    });

  it('a terminal gets colours', () => {
    expect(onTty('env')).toContain(ESC);
  });

  it('NO_COLOR turns them off even on a terminal', () => {
    expect(onTty('env NO_COLOR=1')).not.toContain(ESC);
  });
});

describe('start-up', () => {
  // Each command pays for every built-in the bundle imports statically (esbuild hoists them), so the
  // ones only the scan needs are loaded when it runs (lazy-builtins.ts).
  it('decode loads neither node:worker_threads nor node:crypto; scan loads them when it needs them', async () => {
    const { token } = await import('../lib/scan/fixtures/tokens').then(async (m) => ({
      token: (await m.tokenSet()).live,
    }));
    const dir = tree({
      'loaded.mjs': `process.on('exit', () => process.stderr.write('loaded: ' + process.moduleLoadList.join('|') + '\\n'));`,
      'app.log': `GET /x Authorization: Bearer ${token}\n`,
    });
    const loaded = (args: string[]) => {
      const run = spawnSync(process.execPath, ['--import', `${dir}/loaded.mjs`, BUNDLE, ...args], {
        encoding: 'utf8',
        env: childEnv(),
      });
      return /loaded: (.*)/.exec(run.stderr)?.[1]?.split('|') ?? [];
    };
    const decode = loaded(['decode', token]);
    expect(decode).toContain('NativeModule fs'); // the hook saw the run
    expect(decode).not.toContain('NativeModule worker_threads');
    expect(decode).not.toContain('NativeModule crypto');
    const scan = loaded(['scan', `${dir}/app.log`, '--format', 'json']);
    expect(scan).toContain('NativeModule crypto'); // fingerprints
  });
});
