// Finding tokens in the log formats tokens leak through: every format is generated, the tokens are real.
import { beforeAll, describe, expect, it } from 'vitest';
import { scanText } from './scan-text';
import { NOW, tokenSet, type TokenSet } from './fixtures/tokens';
import {
  curlVerbose,
  dotEnv,
  jsonLogLines,
  kubernetesLog,
  nginxAccessLog,
  rawHttpRequest,
} from './fixtures/logs';

let t: TokenSet;
beforeAll(async () => {
  t = await tokenSet();
});
const found = (text: string) =>
  scanText(text, { now: NOW })
    .tokens.map((f) => f.token)
    .sort();

describe('scanText in real log formats', () => {
  it('nginx access log with ?access_token= in the URL', () => {
    const log = nginxAccessLog([t.live, t.expired], 30);
    const { tokens } = scanText(log, { now: NOW });
    expect(tokens.map((f) => f.token).sort()).toEqual([t.live, t.expired].sort());
    expect(tokens.reduce((n, f) => n + f.count, 0)).toBe(10);
    expect(tokens[0]!.occurrences[0]!.line).toBe(1);
  });
  it('JSON log lines (Authorization header and an error message)', () => {
    const { tokens } = scanText(jsonLogLines([t.es256, t.jwe]), { now: NOW });
    expect(tokens.map((f) => [f.token, f.count])).toEqual(
      expect.arrayContaining([
        [t.es256, 2],
        [t.jwe, 2],
      ]),
    );
  });
  it('Kubernetes container log lines', () => {
    expect(found(kubernetesLog([t.hs256, t.sdJwt]))).toEqual([t.hs256, t.sdJwt].sort());
  });
  it('curl -v transcript', () => {
    const { tokens } = scanText(curlVerbose(t.live), { now: NOW });
    expect(tokens.map((f) => f.token)).toEqual([t.live]);
    expect(tokens[0]!.occurrences[0]!.line).toBe(11);
    expect(tokens[0]!.occurrences[0]!.column).toBe('> Authorization: Bearer '.length + 1);
  });
  it('raw HTTP request with a JWT bearer assertion in the form body', () => {
    expect(found(rawHttpRequest(t.es256))).toEqual([t.es256]);
  });
  it('.env file, quoted and unquoted', () => {
    const { tokens } = scanText(dotEnv(t.unsecured), { now: NOW });
    expect(tokens.map((f) => [f.token, f.count, f.kind])).toEqual([[t.unsecured, 2, 'unsecured']]);
  });
});
