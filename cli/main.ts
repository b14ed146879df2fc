/**
 * `jwt-lens`: the JWT Lens library in a terminal and in CI. This file only dispatches to a command
 * and turns every failure into one line on stderr plus an exit code (never a stack trace).
 */
import { runCheck } from './commands/check';
import { runDecode } from './commands/decode';
import type { CommandIo } from './commands/io';
import { runScan } from './commands/scan';
import { runVerify } from './commands/verify';
import { isScanWorker, runScanWorker } from './scan/pool';
import { CliInputError, EXIT, EXIT_CODES_HELP, type ExitCode } from './exit-codes';
import { VERSION } from './version';

const COMMANDS: Record<string, (argv: string[], io: CommandIo) => Promise<ExitCode>> = {
  decode: runDecode,
  verify: runVerify,
  check: runCheck,
  scan: runScan,
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
  err: (text) => void (closed.err || process.stderr.write(`${text}\n`)),
};

async function main(argv: string[]): Promise<ExitCode> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    if (command === 'help' && rest[0] && COMMANDS[rest[0]]) return COMMANDS[rest[0]]!(['--help'], io);
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
  const run = COMMANDS[command];
  if (!run)
    throw new CliInputError(
      `Unknown command "${command}". Commands: ${Object.keys(COMMANDS).join(', ')}. Run "jwt-lens --help".`,
    );
  return run(rest, io);
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
  runScanWorker();
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
