/**
 * `jwt-lens`: the JWT Lens library in a terminal and in CI. This file only dispatches to a command
 * and turns every failure into one line on stderr plus an exit code (never a stack trace).
 */
import type { CommandIo } from './commands/io';
import { CliInputError, EXIT, EXIT_CODES_HELP, type ExitCode } from './exit-codes';
import { isScanWorker } from './scan/worker-role';
import { VERSION } from './version';

type Command = (argv: string[], io: CommandIo) => Promise<ExitCode>;

/**
 * Each command is loaded when it runs. The bundle stays one file (esbuild inlines these imports), but
 * a command's modules are evaluated only when it is asked for: evaluating all of them (elliptic-curve
 * tables for verify, policy rules for check) took a third of `scan`'s start-up.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  decode: () => import('./commands/decode').then((m) => m.runDecode),
  verify: () => import('./commands/verify').then((m) => m.runVerify),
  check: () => import('./commands/check').then((m) => m.runCheck),
  scan: () => import('./commands/scan').then((m) => m.runScan),
};

export const MAIN_HELP = `Usage: jwt-lens <command> [options]

Decode, verify, check policies and find leaked tokens, locally: nothing is sent anywhere
except the JWKS request that "verify --jwks" asks for.

Commands:
  decode [TOKEN|-]                 header, payload, findings and the claims explained
  verify TOKEN --key FILE | --jwks URL | --secret-env NAME
                                   verify the signature and the claims
  check TOKEN --policy FILE...     evaluate one or more validation policies
  scan PATH...                     find tokens in files and folders (text, logs, HAR)

Run "jwt-lens <command> --help" for the options of a command.

${EXIT_CODES_HELP}`;

// `jwt-lens scan . | head` closes the pipe early: that is the reader's choice, not an error, so the
// command runs to its end and exits with its own code, writing nothing more (and no EPIPE stack trace).
const closed = { out: false, err: false };
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') closed.out = true;
  else process.exitCode = EXIT.input;
});
process.stderr.on('error', () => {
  closed.err = true;
});

const io: CommandIo = {
  out: (text) => void (closed.out || process.stdout.write(`${text}\n`)),
  outBytes: (bytes) => {
    if (closed.out) return;
    process.stdout.write(bytes);
    process.stdout.write('\n');
  },
  err: (text) => void (closed.err || process.stderr.write(`${text}\n`)),
};

async function main(argv: string[]): Promise<ExitCode> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    if (command === 'help' && rest[0] && COMMANDS[rest[0]])
      return (await COMMANDS[rest[0]]!())(['--help'], io);
    // With no command at all this is a usage error: the help goes to stderr and the exit code is 2.
    if (command === undefined) {
      io.err(MAIN_HELP);
      return EXIT.input;
    }
    io.out(MAIN_HELP);
    return EXIT.ok;
  }
  if (command === '--version' || command === '-v') {
    io.out(VERSION);
    return EXIT.ok;
  }
  const load = COMMANDS[command];
  if (!load)
    throw new CliInputError(
      `Unknown command "${command}". Commands: ${Object.keys(COMMANDS).join(', ')}. Run "jwt-lens --help".`,
    );
  return (await load())(rest, io);
}

function oneLine(err: unknown): string {
  if (err instanceof CliInputError) return err.message;
  // Anything else is a bug in JWT Lens, not in the input: still one line, never a stack trace.
  const message = err instanceof Error ? err.message : String(err);
  return `jwt-lens stopped on an internal error: ${message.split('\n')[0]}`;
}

// Whatever escapes a command (a callback that throws, a rejected promise nobody awaited) still ends
// as one line on stderr and exit 2, never as Node's stack trace.
function fatal(err: unknown): void {
  process.stderr.write(`jwt-lens: ${oneLine(err)}\n`);
  process.exit(err instanceof CliInputError ? err.exitCode : EXIT.input);
}

// The same file is the entry of the scan worker threads (scan/pool.ts): they run the worker loop only.
if (isScanWorker()) {
  void import('./scan/pool').then((pool) => pool.runScanWorker());
} else {
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      if (!closed.err) process.stderr.write(`jwt-lens: ${oneLine(err)}\n`);
      process.exitCode = err instanceof CliInputError ? err.exitCode : EXIT.input;
    },
  );
}
