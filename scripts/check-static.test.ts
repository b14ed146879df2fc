import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkStaticDirectory,
  isAbsoluteUrl,
  runtimeUrlsInCss,
  runtimeUrlsInHtml,
  runtimeUrlsInJs,
  runtimeUrlsInManifest,
} from './check-static.mjs';

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
    expect(checkStaticDirectory(dir)).toEqual({ files: 3, problems: [] });
    const run = spawnSync(process.execPath, ['scripts/check-static.mjs', dir], { encoding: 'utf8' });
    expect(run.status).toBe(0);
  });

  it('exits 1 naming the file and the URL', () => {
    makeOut({ 'index.html': '<p>ok</p>', '_next/static/chunks/x.js': 'fetch("https://collect.example/t")' });
    const run = spawnSync(process.execPath, ['scripts/check-static.mjs', dir], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/_next\/static\/chunks\/x\.js: fetch loads https:\/\/collect\.example\/t/);
  });
});
