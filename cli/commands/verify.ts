/**
 * `jwt-lens verify TOKEN (--key FILE | --jwks URL | --secret-env NAME) [--issuer ISS] [--audience AUD]`:
 * the page's verifier in a terminal, with the same verdicts and messages (lib verifyToken).
 */
import {
  decodeToken,
  importVerificationKey,
  SECRET_ENCODINGS,
  verifyToken,
  type SecretEncoding,
  type VerifyOptions,
} from '../../lib/index';
import {
  flag,
  nowOption,
  NOW_OPTION,
  parseCommandArgs,
  stringList,
  stringOption,
  type Parsed,
} from '../args';
import { paletteFor } from '../color';
import { CliInputError, EXIT, EXIT_CODES_HELP, type ExitCode } from '../exit-codes';
import { readTokenArgument } from '../input';
import { KEY_SOURCE_OPTIONS, readKeySource } from '../key-source';
import { verifyJson, verifyText } from '../output/verify-text';
import type { CommandIo } from './io';

export const VERIFY_HELP = `Usage: jwt-lens verify [TOKEN|-] (--key FILE | --jwks URL | --secret-env NAME)
                       [--issuer ISS] [--audience AUD]... [--clock-tolerance SECONDS]
                       [--secret-encoding utf8|base64|base64url|hex] [--json] [--now TIME]

Verifies the signature with one key source, then checks exp, nbf, iat and the expected issuer and
audience: the same verdicts and messages as the JWT Lens page.

  TOKEN                the token; "-" (or no argument with piped input) reads it from standard input
  --key FILE           a PEM public key or certificate, a JWK, a JWKS, or a file holding an HMAC secret
  --jwks URL           fetch the key set (https only, plain http only to localhost; 10 s timeout,
                       1 MB cap, no cookies or credentials; the token is never sent); an issuer URL
                       is resolved through its OpenID Connect discovery document
  --secret-env NAME    read the HMAC secret from environment variable NAME (never pass a secret as
                       an argument: it would land in shell history and process lists)
  --secret-encoding E  how the secret is written: utf8 (default), base64, base64url or hex
  --issuer ISS         the expected "iss"
  --audience AUD       an accepted "aud" (repeat for several)
  --clock-tolerance S  seconds of clock skew allowed for exp, nbf and iat
  --json               print one JSON object instead of text
  --now TIME           judge time claims at TIME (ISO 8601 or seconds since 1970) instead of now
  -h, --help           show this help

${EXIT_CODES_HELP}
  verify exits 0 when the signature verifies and the claims are acceptable, 1 when either fails,
  and 2 when the token, the key or the JWKS cannot be read.`;

export async function runVerify(argv: string[], io: CommandIo): Promise<ExitCode> {
  const parsed = parseCommandArgs('verify', argv, {
    ...KEY_SOURCE_OPTIONS,
    'secret-encoding': { type: 'string' },
    issuer: { type: 'string' },
    audience: { type: 'string', multiple: true },
    'clock-tolerance': { type: 'string' },
    json: { type: 'boolean' },
    ...NOW_OPTION,
  });
  if (flag(parsed, 'help')) {
    io.out(VERIFY_HELP);
    return EXIT.ok;
  }
  if (parsed.positionals.length > 1)
    throw new CliInputError('verify takes one token. Run "jwt-lens verify --help".');
  const now = nowOption(parsed, 'verify');
  const options = verifyOptions(parsed, now);
  const token = readTokenArgument(parsed.positionals[0], 'verify');
  const decoded = decodeToken(token, { now });
  if (!decoded.ok) throw new CliInputError(`The token could not be decoded: ${decoded.error.message}`);
  const alg = typeof decoded.header.alg === 'string' ? decoded.header.alg : undefined;
  const kid = typeof decoded.header.kid === 'string' ? decoded.header.kid : undefined;

  if (decoded.format === 'jwe') {
    throw new CliInputError(
      'This is an encrypted token (JWE): it has no signature to verify; it needs the decryption key instead.',
    );
  }
  const keyText = (await readKeySource(
    parsed,
    'verify',
    { token: decoded.token, ...(kid ? { kid } : {}), now },
    true,
  ))!;
  const imported = importVerificationKey(keyText, {
    ...(options.secretEncoding ? { secretEncoding: options.secretEncoding } : {}),
    ...(alg ? { alg } : {}),
  });
  if (!imported.ok) throw new CliInputError(`The key could not be read: ${imported.error.message}`);

  const result = await verifyToken(decoded.token, keyText, options);
  const accepted = result.signature === 'valid' && result.claims !== 'invalid';
  io.out(
    flag(parsed, 'json')
      ? JSON.stringify(verifyJson(result, accepted), null, 2)
      : verifyText(result, accepted, paletteFor(process.stdout)),
  );
  return accepted ? EXIT.ok : EXIT.rejected;
}

function verifyOptions(parsed: Parsed, now: Date): VerifyOptions {
  const encoding = stringOption(parsed, 'secret-encoding');
  if (encoding !== undefined && !SECRET_ENCODINGS.includes(encoding as SecretEncoding)) {
    throw new CliInputError(
      `--secret-encoding must be one of ${SECRET_ENCODINGS.join(', ')}, not "${encoding}".`,
    );
  }
  const toleranceText = stringOption(parsed, 'clock-tolerance');
  const tolerance = toleranceText === undefined ? undefined : Number(toleranceText);
  if (tolerance !== undefined && (!Number.isFinite(tolerance) || tolerance < 0)) {
    throw new CliInputError(`--clock-tolerance must be a number of seconds, not "${toleranceText}".`);
  }
  const issuer = stringOption(parsed, 'issuer');
  const audience = stringList(parsed, 'audience');
  return {
    currentDate: now,
    ...(encoding ? { secretEncoding: encoding as SecretEncoding } : {}),
    ...(issuer ? { issuer } : {}),
    ...(audience.length ? { audience } : {}),
    ...(tolerance ? { clockTolerance: tolerance } : {}),
  };
}
