/**
 * `jwt-lens check TOKEN --policy FILE [--policy FILE...]`: evaluates validation policies (lib/policy)
 * with the page's rules and messages, one column per policy, so a glance shows which services accept
 * the token and which rule rejects it.
 */
import {
  decodeToken,
  evaluatePolicy,
  parsePolicy,
  type Policy,
  type PolicyEvaluation,
} from '../../lib/index';
import { flag, nowOption, NOW_OPTION, parseCommandArgs, stringList } from '../args';
import { paletteFor } from '../color';
import { CliInputError, EXIT, EXIT_CODES_HELP, type ExitCode } from '../exit-codes';
import { readTextFile, readTokenArgument } from '../input';
import { keyTextFromJwks } from '../jwks-key';
import { KEY_SOURCE_OPTIONS, readKeySource } from '../key-source';
import { checkTable } from '../output/check-table';
import type { CommandIo } from './io';

export const CHECK_HELP = `Usage: jwt-lens check [TOKEN|-] --policy FILE [--policy FILE]...
                      [--key FILE | --jwks URL | --secret-env NAME | --fetch-jwks] [--json] [--now TIME]

Evaluates the token against each validation policy (a JSON document, see docs/policy.md): the
signature, algorithm, issuer, audience, typ, exp, nbf, iat, required claims, claim values, lifetime,
age, scopes, roles and tenant. One column per policy shows pass, fail or skip for every rule.

  TOKEN              the token; "-" (or no argument with piped input) reads it from standard input
  --policy FILE      a policy file (repeat for several policies)
  --key FILE         verify the signature with this key (PEM, certificate, JWK, JWKS or a secret file)
  --jwks URL         verify with the key set at URL (https only, plain http only to localhost)
  --secret-env NAME  verify with the HMAC secret in environment variable NAME
  --fetch-jwks       verify each policy with the key set at its own "jwksUri"
  --json             print one JSON object instead of the table
  --now TIME         judge time rules at TIME (ISO 8601 or seconds since 1970) instead of now
  -h, --help         show this help

Without a key the signature row is "skip" and no policy accepts the token: unverified claims prove
nothing.

${EXIT_CODES_HELP}
  check exits 0 when every policy accepts the token, 1 when any rejects it, and 2 when a policy,
  the token, the key or a JWKS cannot be read.`;

export interface PolicyOutcome {
  file: string;
  policy: Policy;
  evaluation: PolicyEvaluation;
}

export async function runCheck(argv: string[], io: CommandIo): Promise<ExitCode> {
  const parsed = parseCommandArgs('check', argv, {
    policy: { type: 'string', multiple: true },
    ...KEY_SOURCE_OPTIONS,
    'fetch-jwks': { type: 'boolean' },
    json: { type: 'boolean' },
    ...NOW_OPTION,
  });
  if (flag(parsed, 'help')) {
    io.out(CHECK_HELP);
    return EXIT.ok;
  }
  if (parsed.positionals.length > 1)
    throw new CliInputError('check takes one token. Run "jwt-lens check --help".');
  const files = stringList(parsed, 'policy');
  if (files.length === 0)
    throw new CliInputError('Give at least one --policy FILE. Run "jwt-lens check --help".');
  const now = nowOption(parsed, 'check');
  // Policies first: a typo in a policy is found before any network request.
  const policies = files.map((file) => {
    const result = parsePolicy(readTextFile(file, 'policy'));
    if (!result.ok)
      throw new CliInputError(
        `${file}: ${result.error.path ? `${result.error.path}: ` : ''}${result.error.message}`,
      );
    return { file, policy: result.policy };
  });
  const token = readTokenArgument(parsed.positionals[0], 'check');
  const decoded = decodeToken(token, { now });
  if (!decoded.ok) throw new CliInputError(`The token could not be decoded: ${decoded.error.message}`);
  const kid = typeof decoded.header.kid === 'string' ? decoded.header.kid : undefined;
  const context = { token: decoded.token, ...(kid ? { kid } : {}), now };
  const sharedKey = await readKeySource(parsed, 'check', context, false);
  if (sharedKey !== undefined && flag(parsed, 'fetch-jwks')) {
    throw new CliInputError(
      "--fetch-jwks uses each policy's jwksUri: give it alone, without --key, --jwks or --secret-env.",
    );
  }

  const outcomes: PolicyOutcome[] = [];
  for (const { file, policy } of policies) {
    let key = sharedKey;
    if (key === undefined && flag(parsed, 'fetch-jwks')) {
      if (!policy.jwksUri) throw new CliInputError(`${file}: --fetch-jwks needs a "jwksUri" in the policy.`);
      key = await keyTextFromJwks(policy.jwksUri, decoded.token, kid, now);
    }
    const evaluation = await evaluatePolicy(decoded.token, policy, {
      now,
      ...(key !== undefined ? { key } : {}),
    });
    outcomes.push({ file, policy, evaluation });
  }

  const accepted = outcomes.every((o) => o.evaluation.accepted);
  if (flag(parsed, 'json')) {
    const json = {
      accepted,
      policies: outcomes.map((o) => ({ name: o.policy.name, file: o.file, ...o.evaluation })),
    };
    io.out(JSON.stringify(json, null, 2));
  } else {
    io.out(checkTable(outcomes, paletteFor(process.stdout)));
  }
  return accepted ? EXIT.ok : EXIT.rejected;
}
