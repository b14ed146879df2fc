/**
 * The panel's one entry point: from the typed URL to the keys table. It plans the request, follows
 * discovery for an issuer, fetches the JWKS (or reuses the cache), reads every key, reports rotation
 * and matches the token's kid. Never throws.
 */
import type { JwksError } from './errors';
import { JsonDocumentCache } from './cache';
import { discoverJwksUri, type DiscoveredJwksUri } from './discovery';
import { fetchJsonDocument, type FetchJsonResult, type FetchLike } from './fetch';
import { readJwks, readPastedJwks, type JwksTable } from './keys';
import { diffKeys, matchTokenKid, type KeyRotation, type KidMatch } from './rotation';
import { planJwksRequest, type JwksRequestPlan } from './url';

export interface LoadJwksOptions {
  fetch: FetchLike;
  cache: JsonDocumentCache;
  /** Milliseconds since the epoch: when this load happens. */
  now: number;
  /** Ignore fresh cache entries and ask the server again ("Refresh"). */
  refresh?: boolean;
  /** The token on screen: never sent; a URL containing it is refused. */
  token?: string;
  tokenKid?: string;
  timeoutMs?: number;
  maxBytes?: number;
  signal?: AbortSignal;
}

export interface LoadedJwks {
  plan: JwksRequestPlan;
  /** Every URL this load sent a request to, in order (empty when all came from the cache). */
  requested: string[];
  jwksUrl: string;
  discovery?: DiscoveredJwksUri;
  table: JwksTable;
  fetchedAt: number;
  expiresAt: number;
  fromCache: boolean;
  /** Present when an earlier fetch of the same JWKS had a different set of keys. */
  rotation?: KeyRotation;
  kidMatch: KidMatch;
}

export type LoadJwksResult =
  | { ok: true; value: LoadedJwks }
  | { ok: false; error: JwksError; requested: string[]; plan?: JwksRequestPlan };

export async function loadJwks(input: string, options: LoadJwksOptions): Promise<LoadJwksResult> {
  const planned = planJwksRequest(input, { token: options.token });
  if (!planned.ok) return { ok: false, error: planned.error, requested: [] };
  const plan = planned.plan;
  const requested: string[] = [];
  let fromCache = true;

  const fetchDocument = async (url: string): Promise<FetchJsonResult> => {
    const cached = options.refresh ? undefined : options.cache.fresh(url, options.now);
    if (cached) return { ok: true, value: cached.value };
    fromCache = false;
    requested.push(url);
    const result = await fetchJsonDocument(url, options);
    if (result.ok) options.cache.store(url, result.value, options.now);
    return result;
  };

  let discovery: DiscoveredJwksUri | undefined;
  let jwksUrl = plan.url;
  if (plan.kind !== 'jwks') {
    const found = await discoverJwksUri(plan, fetchDocument);
    if (!found.ok) return { ok: false, error: found.error, requested, plan };
    discovery = found.value;
    jwksUrl = found.value.jwksUri;
  }

  const previous = options.cache.last(jwksUrl);
  const fetched = await fetchDocument(jwksUrl);
  if (!fetched.ok) return { ok: false, error: fetched.error, requested, plan };
  const read = await readJwks(fetched.value.json, { tokenKid: options.tokenKid, now: options.now });
  if (!read.ok) return { ok: false, error: { ...read.error, url: fetched.value.finalUrl }, requested, plan };

  const entry = options.cache.last(jwksUrl);
  const jwksFromCache = previous !== undefined && entry === previous;
  let rotation: KeyRotation | undefined;
  if (previous && !jwksFromCache) {
    const before = await readJwks(previous.value.json, { now: options.now });
    if (before.ok) {
      const diff = diffKeys(before.table.rows, read.table.rows);
      if (diff.added.length > 0 || diff.removed.length > 0) rotation = diff;
    }
  }
  return {
    ok: true,
    value: {
      plan,
      requested,
      jwksUrl,
      discovery,
      table: read.table,
      fetchedAt: entry?.fetchedAt ?? options.now,
      expiresAt: entry?.expiresAt ?? options.now,
      fromCache: fromCache && jwksFromCache,
      rotation,
      kidMatch: matchTokenKid(options.tokenKid, read.table.rows, {
        fromCache: jwksFromCache,
        removed: rotation?.removed,
      }),
    },
  };
}

export type PastedJwksResult =
  { ok: true; table: JwksTable; kidMatch: KidMatch } | { ok: false; error: JwksError };

/** The "Paste JWKS" fallback: the same table and checks, without any network. */
export async function loadPastedJwks(
  text: string,
  options: { now: number; tokenKid?: string },
): Promise<PastedJwksResult> {
  const read = await readPastedJwks(text, options);
  if (!read.ok) return read;
  return {
    ok: true,
    table: read.table,
    kidMatch: matchTokenKid(options.tokenKid, read.table.rows, { fromCache: false }),
  };
}

// The panel loads this module on first use; these are the other pieces it needs from the same chunk.
export { JsonDocumentCache } from './cache';
export { browserFetch } from './fetch';
