/**
 * A scripted stand-in for `fetch`, for unit tests only (imported by *.test.ts, never by the app).
 * It records every call so tests can assert exactly what would have gone over the network.
 */
import type { FetchLike } from './fetch';

export interface RecordedCall {
  url: string;
  init: RequestInit;
}

export type Route = (url: string, init: RequestInit) => Response | Promise<Response>;

export interface FakeFetch {
  fetch: FetchLike;
  calls: RecordedCall[];
}

export function fakeFetch(routes: Record<string, Route>): FakeFetch {
  const calls: RecordedCall[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, init });
    const route = routes[url];
    if (!route) return new Response('not found', { status: 404, statusText: 'Not Found' });
    return route(url, init);
  };
  return { fetch, calls };
}

export function jsonResponse(body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** A response that pretends to have come from `finalUrl` after a redirect. */
export function redirectedResponse(response: Response, finalUrl: string): Response {
  Object.defineProperty(response, 'url', { value: finalUrl });
  Object.defineProperty(response, 'redirected', { value: true });
  return response;
}

/** Waits until the request is aborted, then rejects like a browser does. */
export function hangUntilAborted(_url: string, init: RequestInit): Promise<Response> {
  return new Promise((_resolve, reject) => {
    init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
  });
}
