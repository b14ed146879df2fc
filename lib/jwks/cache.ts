/**
 * An in-memory cache of fetched documents, one entry per URL, honouring `Cache-Control: max-age`
 * (default 10 minutes, capped at 24 hours). Nothing is written to storage. Stale entries are kept so that
 * a refresh can report which keys were added or removed since the last fetch.
 */
import type { FetchedJson } from './fetch';

export const DEFAULT_MAX_AGE_MS = 10 * 60 * 1000;
export const MAX_MAX_AGE_MS = 24 * 60 * 60 * 1000;
const MAX_ENTRIES = 32;

/** How long a response may be reused, from its Cache-Control header (RFC 9111 §5.2.2). */
export function cacheLifetimeMs(cacheControl: string | null | undefined): number {
  if (!cacheControl) return DEFAULT_MAX_AGE_MS;
  const directives = cacheControl
    .toLowerCase()
    .split(',')
    .map((d) => d.trim());
  if (directives.some((d) => d === 'no-store' || d === 'no-cache')) return 0;
  for (const directive of directives) {
    const match = /^max-age\s*=\s*"?(\d+)"?$/.exec(directive);
    if (match) return Math.min(Number(match[1]) * 1000, MAX_MAX_AGE_MS);
  }
  return DEFAULT_MAX_AGE_MS;
}

export interface CacheEntry {
  value: FetchedJson;
  fetchedAt: number;
  expiresAt: number;
}

export class JsonDocumentCache {
  private readonly entries = new Map<string, CacheEntry>();

  /** The entry for `url` if it is still fresh at `now`. */
  fresh(url: string, now: number): CacheEntry | undefined {
    const entry = this.entries.get(url);
    return entry && now < entry.expiresAt ? entry : undefined;
  }

  /** The last entry for `url`, fresh or not. */
  last(url: string): CacheEntry | undefined {
    return this.entries.get(url);
  }

  store(url: string, value: FetchedJson, now: number): CacheEntry {
    const entry = { value, fetchedAt: now, expiresAt: now + cacheLifetimeMs(value.cacheControl) };
    this.entries.delete(url);
    this.entries.set(url, entry);
    // Map iteration order is insertion order, so the first key is the least recently stored.
    while (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return entry;
  }

  clear(): void {
    this.entries.clear();
  }
}
