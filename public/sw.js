/*
 * JWT Lens service worker: keeps a copy of the app's own static files so the page works offline.
 *
 * - precache-manifest.json (written by scripts/precache.mjs after the build) lists the app's files in two
 *   groups. `core` is what the first screen needs: only that is cached at install. Chromium compiles every
 *   script a worker caches, and compiling Monaco and the other tools during a phone's first visit would
 *   compete with the page for the CPU.
 * - `later` files are cached the first time the page uses them (the fetch handler keeps a copy), or all at
 *   once when the page asks with {type: 'cache-later'}, which it does only after the user has been idle.
 *   Files the page loaded before this worker controlled it arrive as {type: 'cache-urls'}.
 * - It answers only page navigations and requests for the app's own static files inside the scope (the build
 *   output under _next/, the RSC payloads, the icons and the manifest). Everything else, such as a JWKS fetch,
 *   is not touched: no respondWith, so the browser handles it as if there were no worker. Nothing the user
 *   types is ever cached.
 * - Paths resolve against the registration scope, so a BASE_PATH such as /tools/jwt/ just works.
 * - scripts/precache.mjs stamps the build version below, so each build installs a fresh cache.
 */
const VERSION = '__PRECACHE_VERSION__';
const CACHE = `jwt-lens-${VERSION}`;
const SCOPE = new URL(self.registration.scope);
const APP_FILE = /^(_next\/.+|[^/]+\.txt|icon[^/]*\.(png|svg)|manifest\.webmanifest)$/;

/** The app file a URL names, relative to the scope, or undefined for anything else. */
function appFile(href) {
  const url = new URL(href, SCOPE);
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return undefined;
  const file = url.pathname.slice(SCOPE.pathname.length);
  return APP_FILE.test(file) ? file : undefined;
}

async function readManifest() {
  const response = await fetch(new URL('precache-manifest.json', SCOPE), { cache: 'no-store' });
  return response.json();
}

/** Caches each URL not cached yet, one at a time so the compile work behind each script is spread out. */
async function cacheMissing(urls) {
  const cache = await caches.open(CACHE);
  let added = 0;
  for (const href of urls) {
    const url = new URL(href, SCOPE).href;
    if (await cache.match(url, { ignoreSearch: true })) continue;
    try {
      // Hashed build files never change under one name: the HTTP cache's copy is as good as the network's.
      const response = await fetch(url);
      if (response.ok) {
        await cache.put(url, response);
        added += 1;
      }
    } catch {
      // Offline or gone: it is cached the next time it is used.
    }
  }
  return added;
}

async function offlineStatus() {
  const manifest = await readManifest().catch(() => undefined);
  const cache = await caches.open(CACHE);
  const keys = new Set(
    (await cache.keys()).map((request) => new URL(request.url).pathname.slice(SCOPE.pathname.length) || './'),
  );
  const all = manifest ? [...manifest.core, ...manifest.later] : [];
  const cached = all.filter((file) => keys.has(file)).length;
  return {
    type: 'offline-status',
    cached,
    total: all.length,
    complete: all.length > 0 && cached === all.length,
  };
}

async function tell(client, message) {
  if (client) client.postMessage(message);
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const manifest = await readManifest();
      const cache = await caches.open(CACHE);
      await cache.addAll(manifest.core.map((file) => new Request(new URL(file, SCOPE), { cache: 'reload' })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('jwt-lens-') && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  const data = event.data ?? {};
  const client = event.source;
  if (data.type === 'cache-urls' && Array.isArray(data.urls)) {
    const files = data.urls.filter((href) => typeof href === 'string' && appFile(href) !== undefined);
    event.waitUntil(cacheMissing(files).then(async () => tell(client, await offlineStatus())));
  } else if (data.type === 'cache-later') {
    event.waitUntil(
      (async () => {
        const manifest = await readManifest();
        await cacheMissing(manifest.later);
        await tell(client, await offlineStatus());
      })(),
    );
  } else if (data.type === 'offline-status') {
    event.waitUntil(offlineStatus().then((status) => tell(client, status)));
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return;
  if (request.mode === 'navigate') {
    // Network first, so a new version shows as soon as it is deployed; the cached page when offline.
    event.respondWith(
      fetch(request).catch(async () => {
        const cache = await caches.open(CACHE);
        const page = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}.html`;
        return (
          (await cache.match(new URL(page, SCOPE), { ignoreSearch: true })) ??
          (await cache.match(new URL('./', SCOPE))) ??
          Response.error()
        );
      }),
    );
    return;
  }
  if (appFile(request.url) === undefined) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // Queries on app files are cache keys only (icon.svg?hash, index.txt?_rsc=…); the files themselves are versioned.
      const cached = await cache.match(url.href, { ignoreSearch: true });
      if (!cached) {
        // First use: keep a copy, so whatever the user has opened once also works offline.
        const response = await fetch(request);
        if (response.ok && response.type === 'basic') {
          const key = `${url.origin}${url.pathname}`;
          event.waitUntil(cache.put(key, response.clone()).catch(() => undefined));
        }
        return response;
      }
      // A response rebuilt without a URL takes the request's URL, query and fragment included: Turbopack's worker
      // bootstrap reads its config from ?params= or #params=, and a worker's location is its response's URL.
      return cached.url === request.url ? cached : new Response(cached.body, cached);
    })(),
  );
});
