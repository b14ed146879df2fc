import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderNginxConf, TEMPLATE_PATH } from './render-nginx.mjs';
import { headersFile } from './security-headers.mjs';

const VALUES = {
  listen: '8080',
  root: '/usr/share/nginx/html',
  basePath: '',
  contentSecurityPolicy: "default-src 'self'; script-src 'self' 'sha256-abc='; frame-ancestors 'none'",
  runtimeDir: '/tmp',
  accessLog: '/dev/stdout',
  errorLog: '/dev/stderr',
  mimeTypes: '/etc/nginx/mime.types',
};
const template = readFileSync(TEMPLATE_PATH, 'utf8');

describe('renderNginxConf', () => {
  it('fills every placeholder and sends each header on every response', () => {
    const conf = renderNginxConf(template, VALUES);
    expect(conf).not.toMatch(/__[A-Z_]+__/);
    expect(conf).toContain(
      `add_header Content-Security-Policy "default-src 'self'; script-src 'self' 'sha256-abc='; frame-ancestors 'none'" always;`,
    );
    for (const header of [
      'Referrer-Policy "no-referrer"',
      'X-Content-Type-Options "nosniff"',
      'Cross-Origin-Opener-Policy "same-origin"',
    ]) {
      expect(conf).toContain(`add_header ${header} always;`);
    }
    expect(conf).toContain('"~^/_next/static/" "public, max-age=31536000, immutable";');
    expect(conf).toContain('location / {');
    // nginx drops server-level add_header inside any location that has its own: there must be none.
    expect(conf.split('location')[1]).not.toContain('add_header');
  });

  it('serves from a base path and redirects to it', () => {
    const conf = renderNginxConf(template, { ...VALUES, basePath: '/tools/jwt/' });
    expect(conf).toContain('location /tools/jwt/ {');
    expect(conf).toContain('return 301 /tools/jwt/;');
    expect(conf).toContain('error_page 404 /tools/jwt/404.html;');
    expect(conf).toContain('"~^/tools/jwt/_next/static/"');
  });

  it('refuses a base path that would inject nginx syntax', () => {
    expect(() => renderNginxConf(template, { ...VALUES, basePath: '/x; return 200' })).toThrow(
      /unsafe base path/,
    );
  });
});

describe('headersFile (Netlify, Cloudflare Pages)', () => {
  it('sends the security headers everywhere and long caching for hashed assets only', () => {
    expect(headersFile("default-src 'self'", '/tools/jwt').split('\n')).toEqual([
      '/tools/jwt/*',
      "  Content-Security-Policy: default-src 'self'",
      '  Referrer-Policy: no-referrer',
      '  X-Content-Type-Options: nosniff',
      '  X-Frame-Options: DENY',
      expect.stringMatching(/^ {2}Permissions-Policy: accelerometer=\(\), .*camera=\(\), .*usb=\(\)/),
      '  Cross-Origin-Opener-Policy: same-origin',
      '  Cross-Origin-Resource-Policy: same-origin',
      '',
      '/tools/jwt/_next/static/*',
      '  Cache-Control: public, max-age=31536000, immutable',
      '',
    ]);
  });
});
