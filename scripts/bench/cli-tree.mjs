// Generates the tree `npm run bench` scans: nginx access logs, JSON (pino-style) logs and HAR files
// exported the way Chromium writes them, with real tokens (signed by jose) scattered through them,
// about 200 MB in all. Written once per run into a temporary folder, removed afterwards.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT, generateKeyPair } from 'jose';

export const TREE_BYTES = 200 * 1024 * 1024;

async function makeTokens(nowS) {
  const rsa = await generateKeyPair('RS256');
  const ec = await generateKeyPair('ES256');
  const hmac = new TextEncoder().encode('bench-secret-bench-secret-bench!');
  const tokens = [];
  for (let i = 0; i < 60; i++) {
    const [alg, key] =
      i % 3 === 0 ? ['RS256', rsa.privateKey] : i % 3 === 1 ? ['ES256', ec.privateKey] : ['HS256', hmac];
    // Half live, half expired: the scanner has to tell them apart.
    const exp = i % 2 === 0 ? nowS + 3600 : nowS - 3600;
    tokens.push(
      await new SignJWT({ sub: `user-${i}`, scope: 'openid orders:read', sid: `s-${i}` })
        .setProtectedHeader({ alg, typ: 'JWT', kid: `${alg}-1` })
        .setIssuer('https://id.example.com/')
        .setAudience('orders-api')
        .setIssuedAt(exp - 7200)
        .setExpirationTime(exp)
        .sign(key),
    );
  }
  return tokens;
}

function nginxLine(i, token) {
  const path = token ? `/api/orders?access_token=${token}&page=${i % 9}` : `/static/chunks/app.${i % 997}.js`;
  return `192.0.2.${i % 250} - - [01/Jun/2026:12:${String(i % 60).padStart(2, '0')}:07 +0000] "GET ${path} HTTP/1.1" 200 ${512 + (i % 4096)} "https://app.example/" "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"\n`;
}

function jsonLine(i, token) {
  return `${JSON.stringify({
    level: token ? 50 : 30,
    time: 1780315200000 + i,
    pid: 4211,
    hostname: 'api-7f9c',
    reqId: `req-${i.toString(36)}`,
    msg: token ? 'token rejected' : 'request completed',
    req: {
      method: 'GET',
      url: `/v1/orders/${i}`,
      headers: token ? { authorization: `Bearer ${token}` } : { accept: 'application/json' },
    },
    responseTime: i % 97,
  })}\n`;
}

/** An entry shaped as Chromium's Network panel exports it; `token` goes in an Authorization header. */
export function harEntry(i, token) {
  const body = JSON.stringify({
    id: i,
    items: [{ sku: `SKU-${i}`, qty: 1 + (i % 4), price: 19.99 }],
    note: 'x'.repeat(200),
  });
  return {
    startedDateTime: '2026-06-01T12:00:00.000Z',
    time: 12.3,
    request: {
      method: 'GET',
      url: `https://api.example/v1/orders/${i}`,
      httpVersion: 'http/2.0',
      headers: [
        { name: 'accept', value: 'application/json' },
        ...(token ? [{ name: 'authorization', value: `Bearer ${token}` }] : []),
        { name: 'user-agent', value: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0' },
      ],
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status: 200,
      statusText: '',
      httpVersion: 'http/2.0',
      headers: [{ name: 'content-type', value: 'application/json' }],
      cookies: [],
      content: { size: body.length, mimeType: 'application/json', text: body },
      redirectURL: '',
      headersSize: -1,
      bodySize: body.length,
    },
    cache: {},
    timings: { blocked: 0.5, dns: -1, ssl: -1, connect: -1, send: 0.1, wait: 12.3, receive: 0.4 },
    pageref: 'page_1',
  };
}

function har(entries) {
  return JSON.stringify(
    {
      log: {
        version: '1.2',
        creator: { name: 'WebInspector', version: '537.36' },
        pages: [
          {
            startedDateTime: '2026-06-01T12:00:00.000Z',
            id: 'page_1',
            title: 'https://app.example/',
            pageTimings: {},
          },
        ],
        entries,
      },
    },
    null,
    2,
  );
}

/** Writes the tree under `dir`; one line in about 25 carries a token. Returns the bytes written. */
export async function writeScanTree(dir, nowS) {
  const tokens = await makeTokens(nowS);
  const pick = (i) => (i % 25 === 0 ? tokens[(i / 25) % tokens.length] : undefined);
  let total = 0;
  let n = 0;
  const write = (path, text) => {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
    total += Buffer.byteLength(text);
  };
  // 60 % access logs, 20 % JSON logs, 20 % HAR files, in files of about 4 MB.
  const fileBytes = 4 * 1024 * 1024;
  const kinds = ['nginx', 'nginx', 'nginx', 'json', 'har'];
  for (let f = 0; total < TREE_BYTES; f++) {
    const kind = kinds[f % kinds.length];
    const parts = [];
    let size = 0;
    if (kind === 'har') {
      const entries = [];
      while (size < fileBytes) {
        const entry = harEntry(n, pick(n++));
        entries.push(entry);
        size += 1750; // about what one entry takes, pretty-printed as browsers export it
      }
      write(join(dir, 'har', `session-${f}.har`), har(entries));
      continue;
    }
    while (size < fileBytes) {
      const line = kind === 'nginx' ? nginxLine(n, pick(n)) : jsonLine(n, pick(n));
      n++;
      parts.push(line);
      size += line.length;
    }
    write(join(dir, kind === 'nginx' ? 'nginx' : 'app', `${kind}-${f}.log`), parts.join(''));
  }
  return total;
}
