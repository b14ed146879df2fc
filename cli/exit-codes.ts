/**
 * The three exit codes every command shares, so a CI step can tell "the check said no" from "the check
 * could not run". Documented in `--help` and in the README's "Command line" section.
 */
export const EXIT = {
  /** Decoded, accepted, or nothing found. */
  ok: 0,
  /** Rejected (verify, check) or found (scan, per --fail-on). */
  rejected: 1,
  /** Usage error or unusable input: unreadable file, malformed token, unreachable JWKS, bad policy. */
  input: 2,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * A problem the user must fix before the command can run. main.ts prints its message as one line on
 * stderr and exits 2; nothing else is printed, so a CI log shows the cause and no stack trace.
 */
export class CliInputError extends Error {
  readonly exitCode: ExitCode;
  constructor(message: string, exitCode: ExitCode = EXIT.input) {
    super(message);
    this.exitCode = exitCode;
  }
}

export const EXIT_CODES_HELP = `Exit codes:
  0  ok: decoded, accepted, or nothing found
  1  rejected (verify, check) or tokens found (scan, per --fail-on)
  2  usage or input error: unknown option, unreadable file, malformed token,
     unreachable JWKS, invalid policy`;
