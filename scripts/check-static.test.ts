import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkStaticDirectory,
  DOCUMENTATION_HOSTS,
  isAbsoluteUrl,
  runtimeUrlsInCss,
  runtimeUrlsInHtml,
  runtimeUrlsInJs,
  runtimeUrlsInManifest,
  THIRD_PARTY_HOSTS,
  thirdPartyHostsIn,
  undocumentedUrlsIn,
} from './check-static.mjs';

// The default configuration of @monaco-editor/loader 1.7.0 (lib/es/config/index.js), as the minified
// bundle carried it before next.config.ts aliased the package to a local shim.
const MONACO_LOADER_CONFIG = 'var x={paths:{vs:"https://cdn.jsdelivr.net/npm/monaco-editor@0.55.1/min/vs"}};';

// Every kind of absolute URL the export held when this rule was written (`rg -o 'https?://…' out`): spec and
// vendor documents of the claims registry, library error links, namespaces, schema ids, and the placeholders
// and example names of the UI's own messages.
const URLS_IN_THE_EXPORT = [
  'http://www.w3.org/2000/svg',
  'http://www.w3.org/1999/xlink',
  'http://json-schema.org/draft-07/schema#',
  'https://json-schema.org/draft/2020-12/schema',
  'http://schemas.openid.net/event/backchannel-logout',
  'https://react.dev/errors/',
  'https://nextjs.org/docs/messages/gssp-export',
  'https://github.com/microsoft/vscode/issues/new',
  'https://code.visualstudio.com/docs/editor/codebasics#_find-and-replace',
  'https://microsoft.com',
  'https://www.rfc-editor.org/rfc/rfc${e}#section-${t}',
  'https://datatracker.ietf.org/doc/html/draft-ietf-oauth-sd-jwt-vc#section-3.2.2',
  'https://www.iana.org/assignments/jose/jose.xhtml#web-signature-encryption-algorithms',
  'https://openid.net/specs/openid-connect-core-1_0.html#${t}',
  'https://www.etsi.org/deliver/etsi_gs/NFV-SEC/001_099/022/02.07.01_60/gs_NFV-SEC022v020701p.pdf',
  'https://auth0.com/docs/secure/tokens/json-web-tokens/json-web-token-claims',
  'https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-id-token.html',
  'https://developers.google.com/identity/openid-connect/openid-connect#an-id-tokens-payload',
  'https://firebase.google.com/docs/auth/admin/verify-id-tokens',
  'https://developer.okta.com/docs/reference/api/oidc/#access-token-payload',
  'https://learn.microsoft.com/en-us/entra/identity-platform/id-token-claims-reference',
  'https://www.keycloak.org/docs/latest/server_admin/index.html#_protocol-mappers',
  'https://issuer.example/.well-known/jwks.json',
  'https://login.microsoftonline.com/{tenant-id}/v2.0',
  'https://www.googleapis.com/oauth2/v3/certs',
  'https://securetoken.google.com/{project-id}',
  'https://accounts.google.com',
  'https://cognito-idp.{region}.amazonaws.com/{user-pool-id}/.well-known/jwks.json',
  'http://localhost:*',
  'http://127.0.0.1:*;',
  'https://тест',
  'https://x',
  'https://a@b',
  'https://<namespace>/<claim>',
  'https://${a.host}${a.pathname}',
  'https://.${e}',
];

describe('isAbsoluteUrl', () => {
  it('knows what leaves the origin', () => {
    for (const url of ['https://cdn.example.com/a.js', 'http://x', '//x.com/a', 'wss://x/s', ' HTTPS://X']) {
      expect(isAbsoluteUrl(url)).toBe(true);
    }
    for (const url of [
      '/_next/a.js',
      'a.css',
      './x',
      'data:image/png;base64,AA',
      'blob:x',
      '#top',
      '',
      '/',
    ]) {
      expect(isAbsoluteUrl(url)).toBe(false);
    }
  });
});

describe('runtimeUrlsInHtml', () => {
  it('reports every element that loads from another origin', () => {
    const html = [
      '<script src="https://cdn.example.com/monaco.js"></script>',
      '<link rel="stylesheet" href="https://fonts.googleapis.com/css2">',
      '<link rel="preconnect" href="//analytics.example">',
      '<link rel="icon" href="https://example.com/favicon.ico">',
      '<link rel="manifest" href="https://example.com/m.webmanifest">',
      '<img src="http://tracker.example/p.gif" srcset="/a.png 1x, https://x.example/b.png 2x">',
      '<iframe src="https://ads.example/"></iframe>',
      '<svg><image href="https://x.example/i.png"/></svg>',
      '<meta http-equiv="refresh" content="0; url=https://evil.example/">',
      '<div style="background:url(https://x.example/bg.png)"></div>',
      '<style>@import "https://fonts.example/a.css";</style>',
      '<script>fetch("https://api.example/collect")</script>',
    ].join('');
    expect(runtimeUrlsInHtml(html)).toEqual([
      '<script> src="https://cdn.example.com/monaco.js"',
      '<link> href="https://fonts.googleapis.com/css2"',
      '<link> href="//analytics.example"',
      '<link> href="https://example.com/favicon.ico"',
      '<link> href="https://example.com/m.webmanifest"',
      '<img> src="http://tracker.example/p.gif"',
      '<img> srcset has https://x.example/b.png',
      '<iframe> src="https://ads.example/"',
      '<image> href="https://x.example/i.png"',
      '<meta http-equiv=refresh> to https://evil.example/',
      '<div> style: url(https://x.example/bg.png)',
      '@import "https://fonts.example/a.css"',
      'fetch loads https://api.example/collect',
    ]);
  });

  it('allows links the user clicks and same-origin assets', () => {
    const html =
      '<a href="https://www.rfc-editor.org/rfc/rfc7519">RFC 7519</a><link rel="canonical" href="https://jwt.example/">' +
      '<script src="/_next/static/chunks/a.js"></script><link rel="stylesheet" href="/_next/static/css/a.css">' +
      '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0"/></svg><img src="data:image/png;base64,AA">' +
      '<script>self.__next_f.push([1,"[\\"$\\",\\"a\\",null,{\\"href\\":\\"https://datatracker.ietf.org/\\"}]"])</script>';
    expect(runtimeUrlsInHtml(html)).toEqual([]);
  });
});

describe('runtimeUrlsInCss', () => {
  it('reports url() and @import to other origins, ignoring comments and local files', () => {
    const css =
      '/* url(https://in-a-comment.example) */ @font-face{src:url("/_next/static/media/a.woff2")}' +
      ".a{background:url('https://x.example/a.png')} @import url(//fonts.example/b.css); @import 'https://c.example/c.css';";
    expect(runtimeUrlsInCss(css)).toEqual([
      'url(https://x.example/a.png)',
      'url(//fonts.example/b.css)',
      '@import "https://c.example/c.css"',
    ]);
  });
});

describe('runtimeUrlsInJs', () => {
  it('reports literal absolute URLs handed to the APIs that load them', () => {
    const js = [
      'fetch("https://api.example/a")',
      "importScripts('https://cdn.example/w.js')",
      'new Worker(`https://cdn.example/w.js`)',
      'new WebSocket("wss://live.example")',
      'navigator.sendBeacon("https://b.example/c",d)',
      'import("https://esm.example/m.js")',
      'x.open("POST","https://xhr.example/")',
      's.src="https://tag.example/t.js"',
    ].join(';');
    expect(runtimeUrlsInJs(js)).toEqual([
      'fetch loads https://api.example/a',
      'importScripts loads https://cdn.example/w.js',
      'Worker loads https://cdn.example/w.js',
      'WebSocket loads wss://live.example',
      'sendBeacon loads https://b.example/c',
      'import() loads https://esm.example/m.js',
      'XMLHttpRequest.open loads https://xhr.example/',
      '.src = loads https://tag.example/t.js',
    ]);
  });

  it('reports elements and preload hints in RSC payloads, not links', () => {
    const rsc =
      '0:["$","script",null,{"src":"https://cdn.example/a.js"}]\n1:["$","link","l",{"rel":"stylesheet","href":"//x.example/a.css"}]\n' +
      '2:["$","a",null,{"href":"https://www.rfc-editor.org/rfc/rfc7515"}]\n3:["$","link","c",{"rel":"canonical","href":"https://x/"}]\n' +
      ':HL["https://fonts.example/f.woff2","font"]\n:HL["/_next/static/css/a.css","style"]';
    expect(runtimeUrlsInJs(rsc)).toEqual([
      'rendered <script> src="https://cdn.example/a.js"',
      'rendered <link> href="//x.example/a.css"',
      'preload hint https://fonts.example/f.woff2',
    ]);
  });

  it('ignores URLs that are only text, and fetches of variables', () => {
    expect(
      runtimeUrlsInJs('const spec="https://www.rfc-editor.org/rfc/rfc7519";fetch(url,{signal})'),
    ).toEqual([]);
  });
});

describe('runtimeUrlsInManifest', () => {
  it('reports absolute start_url, scope and icons', () => {
    const manifest = {
      start_url: 'https://x.example/',
      scope: './',
      icons: [{ src: 'https://x.example/i.png' }, { src: 'icon.svg' }],
    };
    expect(runtimeUrlsInManifest(JSON.stringify(manifest))).toEqual([
      'start_url: https://x.example/',
      'icons[].src: https://x.example/i.png',
    ]);
    expect(runtimeUrlsInManifest('{')).toEqual(['the web app manifest is not valid JSON']);
  });
});

describe('thirdPartyHostsIn: a CDN or analytics name anywhere fails', () => {
  it("finds the Monaco loader's CDN default, in or out of a loading position", () => {
    expect(thirdPartyHostsIn(MONACO_LOADER_CONFIG)).toEqual([
      'names the third-party host cdn.jsdelivr.net (a CDN or analytics service)',
    ]);
    expect(runtimeUrlsInJs(MONACO_LOADER_CONFIG)).toEqual([]); // what the loading check alone let through
  });

  it('finds names without a scheme, in any case, in comments and strings', () => {
    const text =
      '/* see unpkg.com/x */ const h = "WWW.GoogleTagManager.com"; s.src = "//" + "cdnjs.cloudflare.com/a.js";' +
      'fetch(`${"https:"}//plausible.io/api/event`); "static.cloudflareinsights.com/beacon.min.js"';
    expect(thirdPartyHostsIn(text)).toEqual([
      'names the third-party host unpkg.com (a CDN or analytics service)',
      'names the third-party host www.googletagmanager.com (a CDN or analytics service)',
      'names the third-party host cdnjs.cloudflare.com (a CDN or analytics service)',
      'names the third-party host plausible.io (a CDN or analytics service)',
      'names the third-party host static.cloudflareinsights.com (a CDN or analytics service)',
    ]);
  });

  it('matches whole host names only', () => {
    expect(thirdPartyHostsIn('jsdelivr.network myunpkg.com unpkg.community e.segment.length')).toEqual([]);
  });

  it('never lists a documentation host as a CDN, or the other way round', () => {
    for (const host of DOCUMENTATION_HOSTS) expect(thirdPartyHostsIn(host), host).toEqual([]);
    for (const host of THIRD_PARTY_HOSTS) expect(DOCUMENTATION_HOSTS).not.toContain(host);
  });
});

describe('undocumentedUrlsIn: every other absolute URL names a documentation host', () => {
  it('accepts every URL the export holds today', () => {
    expect(undocumentedUrlsIn(URLS_IN_THE_EXPORT.map((u) => JSON.stringify(u)).join(','))).toEqual([]);
  });

  it('refuses a URL to any host that is not on the allow-list', () => {
    const text =
      '"https://collect.tracker.io/p?id=1" "wss://live.example.net.evil.io/s" "http://10.0.0.7/x" ' +
      '"https://пример.рф/a" "https://[2001:db8::1]/" "https://user@files.evil.io/"';
    expect(
      undocumentedUrlsIn(text).map((m) => /: (\S+) is not on the documentation allow-list/.exec(m)?.[1]),
    ).toEqual([
      'collect.tracker.io',
      'live.example.net.evil.io',
      '10.0.0.7',
      'xn--e1afmkfd.xn--p1ai', // пример.рф, judged by the name a browser resolves
      '[2001:db8::1]',
      'files.evil.io',
    ]);
    expect(undocumentedUrlsIn('"https://collect.tracker.io/p"')[0]).toMatch(
      /collect\.tracker\.io is not on the documentation allow-list \(DOCUMENTATION_HOSTS in scripts\/check-static\.mjs/,
    );
  });

  it('reports a CDN once, as a CDN', () => {
    expect(undocumentedUrlsIn(MONACO_LOADER_CONFIG)).toEqual([]);
  });
});

describe('checkStaticDirectory and the command line', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function makeOut(files: Record<string, string>) {
    dir = mkdtempSync(join(tmpdir(), 'static-test-'));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
  }

  it('passes a clean export and exits 0', () => {
    makeOut({
      'index.html': '<script src="/a.js"></script>',
      '_next/static/a.js': 'fetch(u)',
      'a.css': 'a{}',
      'x.png': 'PNG',
    });
    expect(checkStaticDirectory(dir)).toEqual({ files: 4, problems: [] });
    const run = spawnSync(process.execPath, ['scripts/check-static.mjs', dir], { encoding: 'utf8' });
    expect(run.status).toBe(0);
  });

  it('exits 1 naming the file and the URL', () => {
    makeOut({ 'index.html': '<p>ok</p>', '_next/static/chunks/x.js': 'fetch("https://collect.example/t")' });
    const run = spawnSync(process.execPath, ['scripts/check-static.mjs', dir], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/_next\/static\/chunks\/x\.js: fetch loads https:\/\/collect\.example\/t/);
  });

  it('passes documentation links and namespaces, in every kind of file', () => {
    makeOut({
      'index.html':
        '<a href="https://www.rfc-editor.org/rfc/rfc7519#section-4.1.3">RFC 7519</a><svg xmlns="http://www.w3.org/2000/svg"></svg>',
      'index.txt': '1:["$","a",null,{"href":"https://datatracker.ietf.org/doc/html/rfc7515"}]',
      '_next/static/chunks/claims.js': `const spec=${JSON.stringify(URLS_IN_THE_EXPORT)};`,
      'manifest.webmanifest': '{"start_url":"./","icons":[{"src":"icon.svg"}]}',
    });
    expect(checkStaticDirectory(dir).problems).toEqual([]);
  });

  it('fails on a CDN or analytics name in any file, whatever its type, naming file and host', () => {
    makeOut({
      'index.html': '<p>ok</p>',
      '_next/static/chunks/monaco.js': MONACO_LOADER_CONFIG,
      '_next/static/css/a.css': '/* fonts.googleapis.com */ a{}',
      '__next._full.txt': '0:{"note":"www.google-analytics.com"}',
      'data/claims.json': '{"link":"https://unpkg.com/x"}',
      'icon.png': `\x89PNG\r\n\x1a\n\x00\x00 sentry.io \x00`,
      LICENSE: 'served from https://esm.sh',
    });
    const run = spawnSync(process.execPath, ['scripts/check-static.mjs', dir], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    for (const [file, host] of [
      ['_next/static/chunks/monaco.js', 'cdn.jsdelivr.net'],
      ['_next/static/css/a.css', 'fonts.googleapis.com'],
      ['__next._full.txt', 'www.google-analytics.com'],
      ['data/claims.json', 'unpkg.com'],
      ['icon.png', 'sentry.io'],
      ['LICENSE', 'esm.sh'],
    ]) {
      expect(run.stderr).toContain(
        `${file}: names the third-party host ${host} (a CDN or analytics service)`,
      );
    }
  });

  it('fails on a URL to an undocumented host outside any loading position', () => {
    makeOut({ '_next/static/chunks/a.js': 'const help="See https://tracker.evil.io/docs";' });
    const { problems } = checkStaticDirectory(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/a\.js: names https:\/\/tracker\.evil\.io: tracker\.evil\.io is not on/);
  });
});
