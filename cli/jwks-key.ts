/**
 * `verify --jwks URL`: fetches the key set with lib/jwks (https only except loopback, timeout, size
 * cap, no credentials, never the token) and turns it into the key text verifyToken takes, as the
 * page's JWKS panel does: the key whose kid matches, else every importable key of the set.
 */
import { DEFAULT_TIMEOUT_MS, JsonDocumentCache, loadJwks, type FetchLike } from '../lib/index';
import { CliInputError } from './exit-codes';

export async function keyTextFromJwks(
  url: string,
  token: string,
  kid: string | undefined,
  now: Date,
): Promise<string> {
  let networkCause: string | undefined;
  // Node's fetch rejects with a TypeError whose `cause` names the real reason (ECONNREFUSED,
  // ENOTFOUND, a TLS error); the page cannot see it, a terminal can, so keep it for the message.
  const nodeFetch: FetchLike = async (input, init) => {
    try {
      return await fetch(input, init);
    } catch (err) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      networkCause = cause?.code ?? cause?.message;
      throw err;
    }
  };
  const loaded = await loadJwks(url, {
    fetch: nodeFetch,
    cache: new JsonDocumentCache(),
    now: now.getTime(),
    token,
    ...(kid ? { tokenKid: kid } : {}),
  });
  if (!loaded.ok) {
    if (loaded.error.code === 'jwks-timeout') {
      // lib's message names the page's "Fetch keys" button; a terminal has a --key option instead.
      throw new CliInputError(
        `${loaded.error.url ?? url} did not answer within ${DEFAULT_TIMEOUT_MS / 1000} s: check the URL and the network, or save the JWKS to a file and use --key FILE.`,
      );
    }
    if (loaded.error.code === 'jwks-network') {
      const target = loaded.error.url ?? url;
      throw new CliInputError(
        `Could not reach ${target}${networkCause ? ` (${networkCause})` : ''}: check the URL and the network, or save the JWKS to a file and use --key FILE.`,
      );
    }
    throw new CliInputError(loaded.error.message);
  }
  const { table, kidMatch } = loaded.value;
  if (kidMatch.status === 'matched') {
    const row = table.rows[kidMatch.index];
    if (row?.importable) return row.jwkJson;
  }
  const usable = table.rows.filter((row) => row.importable);
  if (usable.length === 0) {
    throw new CliInputError(`The JWKS at ${loaded.value.jwksUrl} has no key that can verify signatures.`);
  }
  return JSON.stringify({ keys: usable.map((row) => JSON.parse(row.jwkJson) as unknown) });
}
