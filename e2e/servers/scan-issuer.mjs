// A fake OAuth issuer and API for the Scan tab's e2e tests: a browser runs a login-like flow against it
// while Playwright records a HAR, so the HAR the scanner reads is one a real browser wrote.
//
//   GET  /app             a page whose script runs the flow below (same origin as the issuer)
//   POST /oauth2/token    form body with a client_assertion JWT; answers access_token, id_token, refresh_token
//                         (RS256, signed with jose) and sets a `session` cookie
//   GET  /jwks.json       the public key
//   GET  /api/orders      needs `Authorization: Bearer <access_token>`; also gets the cookie
//   GET  /userinfo        the same bearer; answers a signed UserInfo JWT as `application/jwt` (OIDC Core
//                         §5.3.2), which the HAR recorder stores base64, since the type is not textual
//
// Started in-process by the spec (startScanIssuer), on a free port of 127.0.0.1; stop it with close().
import { createServer } from 'node:http';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';

const PAGE = `<!doctype html><meta charset="utf-8"><title>Shop</title><p id="out">working…</p>
<script type="module">
const form = new URLSearchParams({ grant_type: 'client_credentials', client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: window.ASSERTION });
const token = await (await fetch('/oauth2/token', { method: 'POST', body: form })).json();
await fetch('/jwks.json');
const orders = await (await fetch('/api/orders?access_token=' + token.access_token, { headers: { Authorization: 'Bearer ' + token.access_token } })).json();
await (await fetch('/userinfo', { headers: { Authorization: 'Bearer ' + token.access_token } })).text();
document.getElementById('out').textContent = 'done ' + orders.length;
</script>`;

export async function startScanIssuer() {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'shop-1', alg: 'RS256', use: 'sig' };
  const now = () => Math.floor(Date.now() / 1000);
  const sign = (claims, typ = 'JWT') =>
    new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'shop-1', typ }).sign(privateKey);
  let origin = '';
  const issued = { accessToken: '', idToken: '', assertion: '', userinfo: '' };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', origin);
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const body = Buffer.concat(chunks).toString('utf8');
    const json = (status, value, headers = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
      res.end(JSON.stringify(value));
    };
    if (url.pathname === '/app') {
      issued.assertion = await sign({
        iss: 'shop-client',
        sub: 'shop-client',
        aud: `${origin}/oauth2/token`,
        exp: now() + 300,
        jti: crypto.randomUUID(),
      });
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        PAGE.replace(
          '<script type="module">',
          `<script>window.ASSERTION=${JSON.stringify(issued.assertion)}</script><script type="module">`,
        ),
      );
      return;
    }
    if (url.pathname === '/oauth2/token' && req.method === 'POST') {
      const form = new URLSearchParams(body);
      if (!form.get('client_assertion')) return json(400, { error: 'invalid_client' });
      issued.accessToken = await sign(
        {
          iss: origin,
          sub: 'alice',
          aud: 'orders-api',
          scope: 'openid orders:read',
          exp: now() + 3600,
          iat: now(),
        },
        'at+jwt',
      );
      issued.idToken = await sign({
        iss: origin,
        sub: 'alice',
        aud: 'shop-client',
        exp: now() + 600,
        iat: now(),
        name: 'Alice',
      });
      return json(
        200,
        {
          access_token: issued.accessToken,
          id_token: issued.idToken,
          token_type: 'Bearer',
          expires_in: 3600,
          refresh_token: 'rt-opaque-7f3a9c',
        },
        { 'set-cookie': `session=${issued.idToken}; Path=/; HttpOnly; SameSite=Lax` },
      );
    }
    if (url.pathname === '/jwks.json') return json(200, { keys: [jwk] });
    if (url.pathname === '/api/orders') {
      if (req.headers.authorization !== `Bearer ${issued.accessToken}`)
        return json(401, { error: 'invalid_token' });
      return json(200, [
        { id: 1, item: 'book' },
        { id: 2, item: 'pen' },
      ]);
    }
    if (url.pathname === '/userinfo') {
      if (req.headers.authorization !== `Bearer ${issued.accessToken}`)
        return json(401, { error: 'invalid_token' });
      issued.userinfo = await sign({
        iss: origin,
        sub: 'alice',
        aud: 'shop-client',
        email: 'alice@example.com',
        exp: now() + 900,
        iat: now(),
      });
      res.writeHead(200, { 'content-type': 'application/jwt', 'cache-control': 'no-store' });
      res.end(issued.userinfo);
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return { origin, issued, close: () => new Promise((resolve) => server.close(resolve)) };
}
