import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  applyCsp,
  applyCspToDirectory,
  auditCsp,
  buildPolicy,
  hashScript,
  headerPolicyFor,
  inlineScripts,
  unhashableCode,
} from './csp.mjs';

const PAGE =
  '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/><link rel="stylesheet" href="/_next/static/css/a.css"/>' +
  '<script src="/_next/static/chunks/main.js" async=""></script></head><body><div>hi</div>' +
  '<script>self.__next_f=self.__next_f||[];self.__next_f.push([0])</script>' +
  '<script>self.__next_f.push([1,"a \\u003c/script> b"])</script></body></html>';

function sha256(text: string) {
  return `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
}

function policyOf(html: string) {
  const match = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
  return match?.[1] ?? '';
}

describe('hashScript and inlineScripts', () => {
  it('hashes the exact script body with sha256 in base64', () => {
    expect(hashScript('alert(1)')).toBe(sha256('alert(1)'));
    expect(hashScript('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
  });

  it('finds inline scripts but not scripts with a src', () => {
    expect(inlineScripts(PAGE)).toEqual([
      'self.__next_f=self.__next_f||[];self.__next_f.push([0])',
      'self.__next_f.push([1,"a \\u003c/script> b"])',
    ]);
  });
});

describe('buildPolicy', () => {
  it('writes every directive, with the hashes in script-src and nothing unsafe for scripts', () => {
    const policy = buildPolicy(["'sha256-b'", "'sha256-a'", "'sha256-a'"]);
    expect(policy).toBe(
      "default-src 'self'; script-src 'self' 'sha256-a' 'sha256-b'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; font-src 'self'; connect-src 'self' https: http://localhost:* http://127.0.0.1:*; " +
        "worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'",
    );
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toContain('frame-ancestors');
  });

  it("adds frame-ancestors 'none' for headers", () => {
    expect(buildPolicy([], { frameAncestors: true })).toMatch(/; frame-ancestors 'none'$/);
  });
});

describe('applyCsp', () => {
  it('puts the policy right after the charset declaration, before every link and script', () => {
    const result = applyCsp(PAGE);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.html).toMatch(
      /^<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"\/><meta http-equiv/,
    );
    expect(policyOf(result.html)).toContain(
      sha256('self.__next_f=self.__next_f||[];self.__next_f.push([0])'),
    );
    expect(result.hashes).toHaveLength(2);
    expect(auditCsp(result.html)).toEqual([]);
  });

  it('puts the policy first in <head> when there is no charset declaration', () => {
    const result = applyCsp('<html><head><title>x</title></head><body><script>go()</script></body></html>');
    expect(
      result.ok && result.html.startsWith('<html><head><meta http-equiv="Content-Security-Policy"'),
    ).toBe(true);
  });

  it('is idempotent: a second run replaces the policy instead of adding one', () => {
    const once = applyCsp(PAGE);
    const twice = once.ok ? applyCsp(once.html) : once;
    expect(twice.ok && once.ok && twice.html === once.html).toBe(true);
  });

  it('refuses a page with an inline event handler', () => {
    const result = applyCsp('<html><head></head><body><img src="x.png" onerror="alert(1)"></body></html>');
    expect(result).toEqual({ ok: false, problems: ['<img> has an inline event handler onerror="alert(1)"'] });
  });

  it('refuses javascript: URLs, however they are disguised', () => {
    expect(unhashableCode('<a href="javascript:alert(1)">x</a>')).toHaveLength(1);
    expect(unhashableCode('<a href=" JaVa\tScRiPt:alert(1)">x</a>')).toHaveLength(1);
    expect(unhashableCode('<a href="&#106;avascript&colon;alert(1)">x</a>')).toHaveLength(1);
    expect(unhashableCode('<form action="javascript:void 0"></form>')).toHaveLength(1);
    expect(unhashableCode('<a href="https://www.rfc-editor.org/rfc/rfc7519">RFC 7519</a>')).toEqual([]);
  });

  it('does not mistake text inside scripts or attribute values for handlers', () => {
    const html =
      '<html><head></head><body><p title="x onclick=y">a onload=b</p><script>el.onclick=f;"javascript:"</script></body></html>';
    expect(unhashableCode(html)).toEqual([]);
  });

  it('refuses a page without <head>', () => {
    expect(applyCsp('<p>no head</p>')).toEqual({
      ok: false,
      problems: ['there is no <head> element to put the Content-Security-Policy in'],
    });
  });
});

describe('auditCsp fails loudly', () => {
  it('when a script is changed after hashing', () => {
    const result = applyCsp(PAGE);
    if (!result.ok) throw new Error('expected ok');
    const tampered = result.html.replace('push([0])', 'push([0]);alert(document.cookie)');
    expect(auditCsp(tampered)).toEqual([
      'inline script #1 ("self.__next_f=self.__next_f||[];self.__next_f.push([0]);a...") is not allowed by any hash in the policy',
    ]);
  });

  it('when a script is added after hashing', () => {
    const result = applyCsp(PAGE);
    if (!result.ok) throw new Error('expected ok');
    expect(auditCsp(result.html.replace('</body>', '<script>evil()</script></body>'))).toHaveLength(1);
  });

  it('when the policy is missing, duplicated, not first, or allows unsafe-inline', () => {
    expect(auditCsp(PAGE)).toEqual(['expected 1 CSP <meta>, found 0']);
    const result = applyCsp(PAGE);
    if (!result.ok) throw new Error('expected ok');
    const meta = /<meta http-equiv[^>]*>/.exec(result.html)?.[0] ?? '';
    expect(auditCsp(result.html.replace('</head>', `${meta}</head>`))).toEqual([
      'expected 1 CSP <meta>, found 2',
    ]);
    const late = result.html.replace(meta, '').replace('</head>', `${meta}</head>`);
    expect(auditCsp(late)).toContain('the CSP <meta> is not the first element of <head>');
    const unsafe = result.html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");
    expect(auditCsp(unsafe)).toEqual(["script-src allows 'unsafe-inline'"]);
  });
});

describe('the command line', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function makeOut(pages: Record<string, string>) {
    dir = mkdtempSync(join(tmpdir(), 'csp-test-'));
    for (const [name, html] of Object.entries(pages)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), html);
    }
  }

  it('writes the policy into every page, nested ones too, and exits 0', () => {
    makeOut({
      'index.html': PAGE,
      'docs/about.html': '<html><head></head><body><script>b()</script></body></html>',
    });
    const run = spawnSync(process.execPath, ['scripts/csp.mjs', dir], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('csp: 2 page(s), 3 inline script hash(es), policy audited.');
    expect(policyOf(readFileSync(join(dir, 'docs/about.html'), 'utf8'))).toContain(sha256('b()'));
    expect(headerPolicyFor(dir)).toContain(sha256('b()'));
    expect(headerPolicyFor(dir)).toContain(sha256('self.__next_f.push([1,"a \\u003c/script> b"])'));
    expect(headerPolicyFor(dir)).toContain("frame-ancestors 'none'");
  });

  it('exits 1 and names the file when a page has code no hash can allow', () => {
    makeOut({
      'index.html': PAGE,
      'bad.html': '<html><head></head><body><a href="javascript:go()">go</a></body></html>',
    });
    const run = spawnSync(process.execPath, ['scripts/csp.mjs', dir], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('csp: FAILED');
    expect(run.stderr).toMatch(/bad\.html: <a> has a javascript: URL in href="javascript:go\(\)"/);
    expect(readFileSync(join(dir, 'bad.html'), 'utf8')).not.toContain('Content-Security-Policy');
  });

  it('exits 1 when there is nothing to protect', () => {
    makeOut({});
    const result = applyCspToDirectory(dir);
    expect(result.problems).toEqual([`${dir}: no .html files found; run next build first`]);
  });
});
