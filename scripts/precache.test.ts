import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { precacheList, splitFirstScreen, writePrecache } from './precache.mjs';

describe('precacheList', () => {
  it('keeps the app files, adds the start page, drops maps, worker sources and the worker itself', () => {
    expect(
      precacheList([
        'index.html',
        '404.html',
        'index.txt',
        '_next/static/chunks/a1b2.js',
        '_next/static/chunks/a1b2.js.map',
        '_next/static/media/json.worker.x1.ts',
        '_next/static/media/codicon.x.ttf',
        'sw.js',
        'precache-manifest.json',
        '_headers',
        'manifest.webmanifest',
        'icon-192.png',
      ]),
    ).toEqual([
      './',
      '404.html',
      '_next/static/chunks/a1b2.js',
      '_next/static/media/codicon.x.ttf',
      'icon-192.png',
      'index.html',
      'index.txt',
      'manifest.webmanifest',
    ]);
  });
});

describe('splitFirstScreen', () => {
  const files = [
    './',
    '_next/static/chunks/framework.js',
    '_next/static/chunks/monaco.js',
    '_next/static/chunks/page.css',
    '_next/static/chunks/polyfills.js',
    '_next/static/media/codicon.ttf',
    'icon-192.png',
    'icon.svg',
    'index.html',
    'index.txt',
    'manifest.webmanifest',
  ];
  const html =
    '<link rel="stylesheet" href="/tools/jwt/_next/static/chunks/page.css"/>' +
    '<script src="/tools/jwt/_next/static/chunks/framework.js" async=""></script>' +
    '<script src="/tools/jwt/_next/static/chunks/polyfills.js" noModule=""></script>';

  it('puts the start page, what index.html loads, the manifest and icons first; Monaco, nomodule polyfills and the rest later', () => {
    expect(splitFirstScreen(files, html)).toEqual({
      core: [
        './',
        '_next/static/chunks/framework.js',
        '_next/static/chunks/page.css',
        'icon-192.png',
        'icon.svg',
        'manifest.webmanifest',
      ],
      later: [
        '_next/static/chunks/monaco.js',
        '_next/static/chunks/polyfills.js',
        '_next/static/media/codicon.ttf',
        'index.html',
        'index.txt',
      ],
    });
  });

  it('loses no file and repeats none', () => {
    const { core, later } = splitFirstScreen(files, html);
    expect([...core, ...later].sort()).toEqual([...files].sort());
  });
});

describe('writePrecache', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function makeOut(indexHtml: string) {
    dir = mkdtempSync(join(tmpdir(), 'precache-test-'));
    mkdirSync(join(dir, '_next/static/chunks'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), indexHtml);
    writeFileSync(join(dir, '_next/static/chunks/a.js'), 'a()');
    writeFileSync(join(dir, 'sw.js'), "const VERSION = '__PRECACHE_VERSION__';");
  }

  it('writes the manifest and stamps a content version into sw.js', () => {
    makeOut('<p>v1</p>');
    const first = writePrecache(dir);
    const manifest = JSON.parse(readFileSync(join(dir, 'precache-manifest.json'), 'utf8'));
    expect(manifest).toEqual({
      version: first.version,
      core: ['./'],
      later: ['_next/static/chunks/a.js', 'index.html'],
    });
    expect(readFileSync(join(dir, 'sw.js'), 'utf8')).toBe(`const VERSION = '${first.version}';`);
    rmSync(dir, { recursive: true });
    makeOut('<p>v2</p>');
    expect(writePrecache(dir).version).not.toBe(first.version);
  });

  it('counts a script index.html loads as first-screen', () => {
    makeOut('<script src="/_next/static/chunks/a.js" async=""></script>');
    expect(writePrecache(dir)).toMatchObject({
      core: ['./', '_next/static/chunks/a.js'],
      later: ['index.html'],
    });
  });

  it('fails when sw.js has no version placeholder (already stamped, or missing)', () => {
    makeOut('<p>v1</p>');
    writePrecache(dir);
    expect(() => writePrecache(dir)).toThrow(/placeholder is missing/);
  });
});
