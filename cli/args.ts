/**
 * Argument parsing on top of node:util parseArgs (strict: unknown options and missing values are
 * usage errors). Every parse error becomes a CliInputError with one line that names the option.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliInputError } from './exit-codes';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface Parsed {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

export function parseCommandArgs(command: string, argv: string[], options: Options): Parsed {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { help: { type: 'boolean', short: 'h' }, ...options },
      allowPositionals: true,
      strict: true,
    });
    return { values: values as Parsed['values'], positionals };
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0]! : String(err);
    throw new CliInputError(`${message} Run "jwt-lens ${command} --help" for the options.`);
  }
}

export function stringOption(parsed: Parsed, name: string): string | undefined {
  const value = parsed.values[name];
  return typeof value === 'string' ? value : undefined;
}

export function stringList(parsed: Parsed, name: string): string[] {
  const value = parsed.values[name];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

export function flag(parsed: Parsed, name: string): boolean {
  return parsed.values[name] === true;
}

/** `--now 2026-01-01T00:00:00Z` or `--now 1767225600` (seconds): the instant time claims are judged at. */
export function nowOption(parsed: Parsed, command: string): Date {
  const text = stringOption(parsed, 'now');
  if (text === undefined) return new Date();
  const date = /^\d+$/.test(text) ? new Date(Number(text) * 1000) : new Date(text);
  if (Number.isNaN(date.getTime())) {
    throw new CliInputError(
      `--now "${text}" is not a date: give an ISO 8601 time such as 2026-01-01T00:00:00Z or seconds since 1970. Run "jwt-lens ${command} --help".`,
    );
  }
  return date;
}

export const NOW_OPTION = { now: { type: 'string' } } as const;
