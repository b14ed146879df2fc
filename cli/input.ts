/** Reading what the user points at: a token argument, standard input, a key or policy file. */
import { readFileSync } from 'node:fs';
import { CliInputError } from './exit-codes';

export function readStdin(): string {
  try {
    return readFileSync(0, 'utf8');
  } catch (err) {
    throw new CliInputError(`Could not read standard input: ${systemReason(err)}.`);
  }
}

/**
 * The token: the argument itself, or standard input for "-" (or when no argument is given and input
 * is piped), so a token never has to appear in shell history or `ps` output.
 */
export function readTokenArgument(arg: string | undefined, command: string): string {
  if (arg === '-' || (arg === undefined && !process.stdin.isTTY)) {
    const text = readStdin().trim();
    if (!text)
      throw new CliInputError('Standard input was empty: pipe a token in, or pass it as an argument.');
    return text;
  }
  if (arg === undefined) {
    throw new CliInputError(
      `Give a token: jwt-lens ${command} TOKEN, or pipe it in with jwt-lens ${command} -. Run "jwt-lens ${command} --help".`,
    );
  }
  return arg;
}

export function readTextFile(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new CliInputError(`Could not read the ${what} file ${path}: ${systemReason(err)}.`);
  }
}

/** "no such file or directory" rather than the whole Node error with its stack. */
export function systemReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    default:
      return code ?? (err instanceof Error ? err.message : String(err));
  }
}
