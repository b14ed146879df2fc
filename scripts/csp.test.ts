import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { MONACO_POLICIES, REFUSED_MONACO_POLICIES } from '../components/decoder/monaco/trusted-types';
import {
  applyCsp,
  applyCspToDirectory,
  assetPrefixOf,
  auditCsp,
  buildPolicy,
  hashScript,
  headerPolicyFor,
  inlineScripts,
  TRUSTED_TYPES_POLICIES,
  TRUSTED_TYPES_SCRIPT_ID,
  trustedTypesBootstrap,
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
        "worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; " +
        "require-trusted-types-for 'script'; trusted-types default editorViewLayer domLineBreaksComputer " +
        'stickyScrollViewLayer richScreenReaderContent tokenizeToString dompurify',
    );
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toContain('frame-ancestors');
  });

  it("adds frame-ancestors 'none' for headers", () => {
    expect(buildPolicy([], { frameAncestors: true })).toMatch(/; frame-ancestors 'none'$/);
  });
});

describe('Trusted Types', () => {
  it("allows exactly the page's default policy, DOMPurify's and the Monaco policies the editor needs", () => {
    expect([...TRUSTED_TYPES_POLICIES].sort()).toEqual(
      ['default', 'dompurify', ...Object.keys(MONACO_POLICIES)].sort(),
    );
    for (const refused of Object.keys(REFUSED_MONACO_POLICIES)) {
      expect(TRUSTED_TYPES_POLICIES).not.toContain(refused);
    }
    expect(TRUSTED_TYPES_POLICIES).not.toContain("'allow-duplicates'");
    expect(new Set(TRUSTED_TYPES_POLICIES).size).toBe(TRUSTED_TYPES_POLICIES.length);
  });

  /** Runs the bootstrap as the browser would, on a page at `href`, and returns the policy it created. */
  function runBootstrap(prefix: string, href: string) {
    const created: { name: string; options: Record<string, (s: string) => string | null> }[] = [];
    const trustedTypes = {
      createPolicy: (name: string, options: Record<string, (s: string) => string | null>) =>
        created.push({ name, options }),
    };
    runInNewContext(trustedTypesBootstrap(prefix), {
      self: { trustedTypes },
      location: { href, origin: new URL(href).origin },
      URL,
    });
    return created;
  }

  it('creates one default policy that makes script URLs of same-origin build files only', () => {
    const created = runBootstrap('', 'https://jwt.example/');
    expect(created.map((c) => c.name)).toEqual(['default']);
    const { options } = created[0]!;
    expect(Object.keys(options)).toEqual(['createScriptURL']);
    const url = options.createScriptURL!;
    for (const ok of [
      '/_next/static/chunks/turbopack-1a6sqw05bu8-v.js',
      'https://jwt.example/_next/static/chunks/turbopack-worker-1h.js#params=%5B%5D',
      '/_next/static/chunks/a.js?dpl=abc',
      '/sw.js',
    ]) {
      expect(url(ok)).toBe(ok);
    }
    for (const refused of [
      'https://cdn.jsdelivr.net/npm/monaco-editor@0.55.1/min/vs/loader.js',
      '//evil.example/_next/static/a.js',
      'blob:https://jwt.example/5f0c',
      'data:text/javascript,alert(1)',
      'javascript:alert(1)',
      '/_next/static/chunks/a.css',
      '/uploads/evil.js',
      '/_next/static/../../uploads/evil.js',
      '/_next/static/%2e%2e/%2e%2e/uploads/evil.js',
    ]) {
      expect(url(refused), refused).toBeNull();
    }
  });

  it('honours the base path the build is served under', () => {
    const url = runBootstrap('/tools/jwt', 'https://jwt.example/tools/jwt/')[0]!.options.createScriptURL!;
    expect(url('/tools/jwt/_next/static/chunks/a.js')).toBe('/tools/jwt/_next/static/chunks/a.js');
    expect(url('/tools/jwt/sw.js')).toBe('/tools/jwt/sw.js');
    expect(url('/_next/static/chunks/a.js')).toBeNull();
    expect(url('/sw.js')).toBeNull();
    expect(() => trustedTypesBootstrap('/a"</script>')).toThrow(/unsafe asset prefix/);
  });

  it('does nothing in a browser without Trusted Types', () => {
    expect(() =>
      runInNewContext(trustedTypesBootstrap(''), { self: {}, location: { href: 'https://x/' }, URL }),
    ).not.toThrow();
  });

  it('reads the asset prefix from the first build script or stylesheet', () => {
    expect(assetPrefixOf('<script src="/tools/jwt/_next/static/chunks/a.js"></script>')).toBe('/tools/jwt');
    expect(assetPrefixOf('<link rel="stylesheet" href="/_next/static/css/a.css">')).toBe('');
    expect(assetPrefixOf('<p>no build assets</p>')).toBe('');
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
    expect(result.hashes).toHaveLength(3);
    expect(auditCsp(result.html)).toEqual([]);
  });

  it('creates the default Trusted Types policy right after the policy, before any other script', () => {
    const result = applyCsp(PAGE);
    if (!result.ok) throw new Error('expected ok');
    const bootstrap = `<script id="${TRUSTED_TYPES_SCRIPT_ID}">${trustedTypesBootstrap('')}</script>`;
    expect(result.html).toContain(`dompurify"/>${bootstrap}<link rel="stylesheet"`);
    expect(policyOf(result.html)).toContain(hashScript(trustedTypesBootstrap('')));
    const subpath = applyCsp(PAGE.replaceAll('"/_next/', '"/tools/jwt/_next/'));
    expect(subpath.ok && subpath.html).toContain(trustedTypesBootstrap('/tools/jwt'));
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
      'inline script #2 ("self.__next_f=self.__next_f||[];self.__next_f.push([0]);a...") is not allowed by any hash in the policy',
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

  it('when Trusted Types are not enforced, loosened, or the default policy does not come first', () => {
    const result = applyCsp(PAGE);
    if (!result.ok) throw new Error('expected ok');
    expect(auditCsp(result.html.replace("require-trusted-types-for 'script'; ", ''))).toEqual([
      "the policy does not enforce Trusted Types (require-trusted-types-for 'script')",
    ]);
    expect(
      auditCsp(result.html.replace('trusted-types default', "trusted-types * 'allow-duplicates'")),
    ).toEqual(['trusted-types allows *', "trusted-types allows 'allow-duplicates'"]);
    const bootstrap = new RegExp(`<script id="${TRUSTED_TYPES_SCRIPT_ID}">[^<]*</script>`).exec(
      result.html,
    )![0];
    const late = result.html.replace(bootstrap, '').replace('</body>', `${bootstrap}</body>`);
    expect(auditCsp(late)).toEqual([
      'the default Trusted Types policy is not created by the first script of the page',
    ]);
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
    expect(run.stdout).toContain('csp: 2 page(s), 4 inline script hash(es), policy audited;');
    expect(policyOf(readFileSync(join(dir, 'docs/about.html'), 'utf8'))).toContain(sha256('b()'));
    expect(headerPolicyFor(dir)).toContain(sha256('b()'));
    expect(headerPolicyFor(dir)).toContain(sha256('self.__next_f.push([1,"a \\u003c/script> b"])'));
    expect(headerPolicyFor(dir)).toContain("frame-ancestors 'none'");
  });

  it('gives every worker bootstrap the default policy, once, as its first statement', () => {
    const bootstrap = '!function(){importScripts("/tools/jwt/_next/static/chunks/a.js")}();';
    makeOut({
      'index.html': PAGE.replaceAll('"/_next/', '"/tools/jwt/_next/'),
      '_next/static/chunks/turbopack-worker-1hrsqshz0gfey.js': bootstrap,
      '_next/static/chunks/0pfiu478rj8sb.js': 'importScripts("x")',
    });
    for (let run = 0; run < 2; run++) {
      const result = spawnSync(process.execPath, ['scripts/csp.mjs', dir], { encoding: 'utf8' });
      expect(result.stdout).toContain('default Trusted Types policy in 1 worker bootstrap(s)');
    }
    const chunks = join(dir, '_next/static/chunks');
    const worker = readFileSync(join(chunks, 'turbopack-worker-1hrsqshz0gfey.js'), 'utf8');
    expect(worker).toBe(`${trustedTypesBootstrap('/tools/jwt')};\n${bootstrap}`);
    expect(readFileSync(join(chunks, '0pfiu478rj8sb.js'), 'utf8')).toBe('importScripts("x")');
    // Run as the worker would: the policy exists before the bootstrap's importScripts asks for it.
    const policies: { createScriptURL: (u: string) => string | null }[] = [];
    const imported: (string | null)[] = [];
    runInNewContext(worker, {
      self: { trustedTypes: { createPolicy: (_: string, o: (typeof policies)[0]) => policies.push(o) } },
      location: {
        href: 'https://jwt.example/tools/jwt/_next/static/chunks/turbopack-worker-1hrsqshz0gfey.js',
        origin: 'https://jwt.example',
      },
      URL,
      importScripts: (url: string) => imported.push(policies[0]!.createScriptURL(url)),
    });
    expect(imported).toEqual(['/tools/jwt/_next/static/chunks/a.js']);
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
