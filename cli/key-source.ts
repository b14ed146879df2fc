/**
 * The key options `verify` and `check` share: --key FILE, --jwks URL or --secret-env NAME. A secret is
 * never taken as an argument, since arguments land in shell history and in every process listing.
 */
import { stringOption, type Parsed } from './args';
import { CliInputError } from './exit-codes';
import { readTextFile } from './input';
import { keyTextFromJwks } from './jwks-key';

export const KEY_SOURCE_OPTIONS = {
  key: { type: 'string' },
  jwks: { type: 'string' },
  'secret-env': { type: 'string' },
} as const;

const NAMES = ['key', 'jwks', 'secret-env'] as const;

/** The key text, or undefined when no key option was given and `required` is false. */
export async function readKeySource(
  parsed: Parsed,
  command: string,
  context: { token: string; kid?: string; now: Date },
  required: boolean,
): Promise<string | undefined> {
  const given = NAMES.filter((name) => stringOption(parsed, name) !== undefined);
  if (given.length > 1 || (required && given.length === 0)) {
    throw new CliInputError(
      `Give ${required ? 'exactly' : 'at most'} one key source: --key FILE, --jwks URL or --secret-env NAME${given.length > 1 ? ` (got ${given.map((s) => `--${s}`).join(' and ')})` : ''}. Run "jwt-lens ${command} --help".`,
    );
  }
  const file = stringOption(parsed, 'key');
  if (file !== undefined) return readTextFile(file, 'key');
  const url = stringOption(parsed, 'jwks');
  if (url !== undefined) return keyTextFromJwks(url, context.token, context.kid, context.now);
  const name = stringOption(parsed, 'secret-env');
  if (name === undefined) return undefined;
  const secret = process.env[name];
  if (secret === undefined || secret === '') {
    throw new CliInputError(
      `The environment variable ${name} is not set or is empty: export the HMAC secret in it first.`,
    );
  }
  return secret;
}
