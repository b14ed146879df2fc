/** `jwt-lens decode [TOKEN|-] [--json]`: header, payload, findings and the claims explained. */
import { decodeToken } from '../../lib/index';
import { flag, nowOption, NOW_OPTION, parseCommandArgs } from '../args';
import { paletteFor } from '../color';
import { CliInputError, EXIT, EXIT_CODES_HELP, type ExitCode } from '../exit-codes';
import { readTokenArgument } from '../input';
import { decodeText } from '../output/decode-text';
import { tokenView } from '../output/token-view';
import type { CommandIo } from './io';

export const DECODE_HELP = `Usage: jwt-lens decode [TOKEN|-] [--json] [--now TIME]

Decodes a JWS, unsecured JWT, JWE header, JWS JSON serialization or SD-JWT and shows its header,
payload, findings (weak algorithms, missing exp, sensitive data...) and what each claim means.
Nothing is verified: use "jwt-lens verify" for the signature.

  TOKEN        the token; "-" (or no argument with piped input) reads it from standard input
  --json       print one JSON object instead of text
  --now TIME   judge time claims at TIME (ISO 8601 or seconds since 1970) instead of now
  -h, --help   show this help

${EXIT_CODES_HELP}
  decode exits 0 when the token decodes and 2 when it does not.`;

export async function runDecode(argv: string[], io: CommandIo): Promise<ExitCode> {
  const parsed = parseCommandArgs('decode', argv, { json: { type: 'boolean' }, ...NOW_OPTION });
  if (flag(parsed, 'help')) {
    io.out(DECODE_HELP);
    return EXIT.ok;
  }
  if (parsed.positionals.length > 1)
    throw new CliInputError('decode takes one token. Run "jwt-lens decode --help".');
  const now = nowOption(parsed, 'decode');
  const token = readTokenArgument(parsed.positionals[0], 'decode');
  const decoded = decodeToken(token, { now });
  if (!decoded.ok) throw new CliInputError(`The token could not be decoded: ${decoded.error.message}`);
  const view = tokenView(decoded, now);
  io.out(
    flag(parsed, 'json')
      ? JSON.stringify(view, null, 2)
      : decodeText(view, decoded, paletteFor(process.stdout)),
  );
  return EXIT.ok;
}
