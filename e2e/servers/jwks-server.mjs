// A local identity provider for the JWKS e2e tests. Plain node:http on 127.0.0.1, on a port
// other than the app's, so every request from the page is cross-origin exactly as with a real issuer.
//
// Keys are generated at start with node:crypto; tokens signed with them are served at /__tokens.
// Every request is recorded (method, URL, headers, time, bytes sent) and listed at /__requests so the
// tests can assert that the browser sent no cookie, no referrer and no token, and only after a click.
//
// Any path may start with /ns/<name>/ to get its own request log and rotation counter, so tests that
// run in parallel do not see each other's traffic.
//
//   /idp/.well-known/openid-configuration   OIDC discovery (CORS)       -> jwks_uri /idp/jwks.json
//   /idp/jwks.json                          RSA + EC + Ed25519 (CORS)
//   /.well-known/oauth-authorization-server/oauth
//                                           RFC 8414 metadata for the issuer /oauth, no OIDC (CORS)
//   /nocors/jwks.json                       the same keys, no CORS headers
//   /slow/jwks.json                         answers after 30 s (CORS)
//   /html/jwks.json                         an HTML sign-in page where a JWKS should be (CORS)
//   /big/jwks.json                          5 MB with Content-Length, over ~4 s (CORS)
//   /big-stream/jwks.json                   5 MB streamed over ~4 s without Content-Length (CORS)
//   /rotating/jwks.json                     key set A, then B, then A... per namespace (CORS)
//   /__tokens  /__requests?ns=<name>  /__health
import { createServer } from 'node:http';
import { createHash, generateKeyPairSync, randomUUID, sign } from 'node:crypto';

const HOST = '127.0.0.1';
const PORT = Number(process.env.JWKS_PORT ?? 4180);
const ORIGIN = `http://${HOST}:${PORT}`;
const SLOW_MS = 30_000;
const BIG_BYTES = 5 * 1024 * 1024;

function makeKey(kid, alg, type, options) {
  const { publicKey, privateKey } = generateKeyPairSync(type, options);
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, alg, use: 'sig' };
  return { kid, alg, jwk, privateKey };
}

const KEYS = {
  rsa: makeKey(`rsa-${randomUUID().slice(0, 8)}`, 'RS256', 'rsa', { modulusLength: 2048 }),
  ec: makeKey(`ec-${randomUUID().slice(0, 8)}`, 'ES256', 'ec', { namedCurve: 'P-256' }),
  ed: makeKey(`ed-${randomUUID().slice(0, 8)}`, 'EdDSA', 'ed25519'),
  rotA: makeKey('rotating-a', 'ES256', 'ec', { namedCurve: 'P-256' }),
  rotB: makeKey('rotating-b', 'ES256', 'ec', { namedCurve: 'P-256' }),
};

const b64url = (data) => Buffer.from(data).toString('base64url');

function signToken(key, payload) {
  const header = { alg: key.alg, typ: 'JWT', kid: key.kid };
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  const data = Buffer.from(input);
  const signature =
    key.alg === 'RS256'
      ? sign('sha256', data, key.privateKey)
      : key.alg === 'ES256'
        ? sign('sha256', data, { key: key.privateKey, dsaEncoding: 'ieee-p1363' })
        : sign(null, data, key.privateKey);
  return `${input}.${b64url(signature)}`;
}

const now = Math.floor(Date.now() / 1000);
const claims = (iss, sub) => ({ iss, sub, aud: 'jwt-lens-e2e', iat: now, exp: now + 24 * 3600 });
const ISSUER = `${ORIGIN}/idp`;
const TOKENS = {
  issuer: ISSUER,
  origin: ORIGIN,
  jwks: { keys: [KEYS.rsa.jwk, KEYS.ec.jwk, KEYS.ed.jwk] },
  kids: { rsa: KEYS.rsa.kid, ec: KEYS.ec.kid, ed: KEYS.ed.kid },
  rs256: signToken(KEYS.rsa, claims(ISSUER, 'alice-rsa')),
  es256: signToken(KEYS.ec, claims(ISSUER, 'alice-ec')),
  eddsa: signToken(KEYS.ed, claims(ISSUER, 'alice-ed')),
  rotating: signToken(KEYS.rotA, claims(ISSUER, 'alice-rotating')),
  // An https issuer nobody can reach from here: the panel must pre-fill it and request nothing.
  httpsIssuer: signToken(KEYS.rsa, claims('https://login.jwt-lens.invalid/tenant', 'alice-https')),
};

/** Per-namespace state: the request log and the rotation counter. */
const namespaces = new Map();
function namespace(name) {
  let ns = namespaces.get(name);
  if (!ns) {
    ns = { requests: [], rotation: 0 };
    namespaces.set(name, ns);
  }
  return ns;
}

const CORS = { 'access-control-allow-origin': '*' };

function send(res, status, body, headers = {}) {
  const buffer = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  res.writeHead(status, { 'content-length': buffer.length, ...headers });
  res.end(buffer);
  return buffer.length;
}

function sendJson(res, body, headers = {}) {
  return send(res, 200, body, { 'content-type': 'application/json', ...headers });
}

/** A 5 MB body that would parse as JSON if anyone read it all. */
const BIG_BODY = Buffer.from(`{"keys":[],"pad":"${' '.repeat(BIG_BYTES - 20)}"}`);

/**
 * Streams BIG_BODY in 64 KB slices, stopping as soon as the client goes away. With `pauseMs` it waits
 * between slices (like a slow link), so a client that aborts early is seen doing so.
 */
function streamBig(res, entry, headers, pauseMs = 0) {
  res.writeHead(200, { 'content-type': 'application/json', ...headers });
  entry.bytesSent = 0;
  const pump = () => {
    while (entry.bytesSent < BIG_BODY.length && !res.destroyed) {
      const slice = BIG_BODY.subarray(entry.bytesSent, entry.bytesSent + 64 * 1024);
      entry.bytesSent += slice.length;
      const drained = res.write(slice);
      const next = pauseMs > 0 ? () => setTimeout(pump, pauseMs) : pump;
      if (!drained) return void res.once('drain', next);
      if (pauseMs > 0) return void next();
    }
    if (!res.destroyed) res.end();
  };
  res.on('close', () => {
    entry.closedEarly = !res.writableFinished;
  });
  pump();
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', ORIGIN);
  // RFC 8414 puts the well-known segment before the issuer's path, so the namespace can come after it.
  const wellKnown = /^\/\.well-known\/oauth-authorization-server\/ns\/([\w-]+)(\/.*)$/.exec(url.pathname);
  const nsMatch = wellKnown ?? /^\/ns\/([\w-]+)(\/.*)$/.exec(url.pathname);
  const nsName = nsMatch ? nsMatch[1] : 'default';
  const path = wellKnown
    ? `/.well-known/oauth-authorization-server${wellKnown[2]}`
    : nsMatch
      ? nsMatch[2]
      : url.pathname;
  const base = nsMatch ? `${ORIGIN}/ns/${nsName}` : ORIGIN;

  if (path === '/__health') return send(res, 200, 'ok');
  if (path === '/__tokens') return sendJson(res, TOKENS, CORS);
  if (path === '/__requests') {
    const wanted = url.searchParams.get('ns') ?? 'default';
    return sendJson(res, namespace(wanted).requests, CORS);
  }

  const ns = namespace(nsName);
  const entry = {
    method: req.method,
    url: `${ORIGIN}${req.url}`,
    path,
    headers: req.headers,
    at: Date.now(),
  };
  ns.requests.push(entry);

  if (req.method === 'OPTIONS') {
    // No test should cause a preflight: the app sends a CORS "simple request". Recorded, then refused.
    return send(res, 405, 'no preflight expected');
  }

  const jwks = { keys: [KEYS.rsa.jwk, KEYS.ec.jwk, KEYS.ed.jwk] };
  const cached = { ...CORS, 'cache-control': 'public, max-age=300' };
  switch (path) {
    case '/idp/.well-known/openid-configuration':
      entry.bytesSent = sendJson(
        res,
        {
          issuer: `${base}/idp`,
          jwks_uri: `${base}/idp/jwks.json`,
          authorization_endpoint: `${base}/idp/authorize`,
          id_token_signing_alg_values_supported: ['RS256', 'ES256', 'EdDSA'],
        },
        cached,
      );
      return;
    case '/idp/jwks.json':
      entry.bytesSent = sendJson(res, jwks, cached);
      return;
    case '/.well-known/oauth-authorization-server/oauth':
      entry.bytesSent = sendJson(res, { issuer: `${base}/oauth`, jwks_uri: `${base}/idp/jwks.json` }, cached);
      return;
    case '/nocors/jwks.json':
      entry.bytesSent = sendJson(res, jwks);
      return;
    case '/slow/jwks.json': {
      const timer = setTimeout(() => {
        entry.bytesSent = sendJson(res, jwks, CORS);
      }, SLOW_MS);
      res.on('close', () => {
        clearTimeout(timer);
        entry.closedEarly = !res.writableFinished;
      });
      return;
    }
    case '/html/jwks.json':
      entry.bytesSent = send(
        res,
        200,
        '<!doctype html>\n<html><head><title>Sign in</title></head><body>Please sign in</body></html>',
        { 'content-type': 'text/html; charset=utf-8', ...CORS },
      );
      return;
    case '/big/jwks.json':
      return streamBig(res, entry, { ...CORS, 'content-length': String(BIG_BODY.length) }, 50);
    case '/big-stream/jwks.json':
      return streamBig(res, entry, CORS, 50);
    case '/rotating/jwks.json': {
      const set = ns.rotation++ % 2 === 0 ? [KEYS.rotA.jwk] : [KEYS.rotB.jwk];
      entry.bytesSent = sendJson(res, { keys: set }, { ...CORS, 'cache-control': 'no-store' });
      return;
    }
    default:
      entry.bytesSent = send(res, 404, 'not found', { 'content-type': 'text/plain', ...CORS });
  }
});

// Every secret-free fingerprint, so a test can check the server is the one it expects.
const fingerprint = createHash('sha256').update(JSON.stringify(TOKENS.jwks)).digest('hex').slice(0, 12);
server.listen(PORT, HOST, () => {
  console.log(`JWKS test server on ${ORIGIN} (keys ${fingerprint})`);
});
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
