import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BUDGET_GZIP_BYTES,
  bundleReport,
  fileForUrl,
  formatBundleReport,
  scriptsInHtml,
} from './bundle-report.mjs';

const fixture = readFileSync(path.join(__dirname, 'fixtures/bundle-report/index.html'), 'utf8');

describe('scriptsInHtml', () => {
  it('finds script src, modulepreload and preload-as-script once each, in document order', () => {
    expect(scriptsInHtml(fixture)).toEqual([
      { url: '/_next/static/chunks/webpack.js', kind: 'preload', nomodule: false },
      { url: '/_next/static/chunks/main-app.js?v=1', kind: 'script', nomodule: false },
      { url: '/_next/static/chunks/page.js', kind: 'modulepreload', nomodule: false },
      { url: '/_next/static/chunks/polyfills.js', kind: 'script', nomodule: true },
      { url: '/_next/static/chunks/entry.js?a=1&b=2', kind: 'script', nomodule: false },
      { url: 'https://cdn.example.com/never.js', kind: 'script', nomodule: false },
    ]);
  });

  it('ignores stylesheets, fonts, prefetches, comments, data blocks and tags written inside inline scripts', () => {
    const urls = scriptsInHtml(fixture).map((s) => s.url);
    for (const absent of [
      'app.css',
      'font.woff2',
      'monaco.js',
      'commented-out.js',
      '/data.json',
      'lazy.js',
      '/x.js',
    ]) {
      expect(urls.some((u) => u.includes(absent))).toBe(false);
    }
  });
});

describe('fileForUrl', () => {
  it('maps site paths into out/, strips the query and the base path, and refuses other origins', () => {
    expect(fileForUrl('/_next/a.js?v=1', '/srv/out')).toBe('/srv/out/_next/a.js');
    expect(fileForUrl('/tools/jwt/_next/a.js', '/srv/out', '/tools/jwt')).toBe('/srv/out/_next/a.js');
    expect(fileForUrl('https://cdn.example.com/a.js', '/srv/out')).toBeUndefined();
    expect(fileForUrl('//cdn.example.com/a.js', '/srv/out')).toBeUndefined();
    expect(fileForUrl('/../etc/passwd', '/srv/out')).toBeUndefined();
  });
});

describe('bundleReport', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function site(files: Record<string, string>, html: string) {
    dir = mkdtempSync(path.join(tmpdir(), 'bundle-report-'));
    for (const [name, body] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), body);
    }
    writeFileSync(path.join(dir, 'index.html'), html);
  }

  it('sums raw and level-9 gzip sizes of counted scripts, leaving nomodule ones out', () => {
    const a = 'console.log("a");'.repeat(200);
    const b = 'let b = 1;';
    site(
      { 'a.js': a, 'b.js': b, 'poly.js': 'x'.repeat(5000) },
      '<script src="/a.js"></script><link rel="modulepreload" href="/b.js"><script nomodule src="/poly.js"></script>',
    );
    const report = bundleReport(dir);
    const gz = (s: string) => gzipSync(Buffer.from(s), { level: 9 }).length;
    expect(report.totalRaw).toBe(a.length + b.length);
    expect(report.totalGzip).toBe(gz(a) + gz(b));
    expect(report.budgetGzip).toBe(BUDGET_GZIP_BYTES);
    expect(report.rows.map((r) => [r.url, r.counted])).toEqual([
      ['/a.js', true],
      ['/b.js', true],
      ['/poly.js', false],
    ]);
    expect(formatBundleReport(report)).toContain('within budget');
  });

  it('fails loudly when the HTML loads a script that is not in the export', () => {
    site({}, '<script src="/missing.js"></script>');
    expect(() => bundleReport(dir)).toThrow(/missing\.js/);
  });
});
