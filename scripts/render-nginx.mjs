/**
 * Renders nginx.conf for a finished build: `node scripts/render-nginx.mjs --out out --root /srv/www --listen 8080`.
 * Options (all optional): --out (the build, for the CSP hashes; default out), --root (the directory whose
 * BASE_PATH sub-folder holds the build; default: --out when there is no base path), --listen (default 8080),
 * --base-path (default $BASE_PATH), --runtime-dir (pid and temp files; default /tmp), --access-log and
 * --error-log (default /dev/stdout and /dev/stderr), --mime-types (default /etc/nginx/mime.types).
 * Prints the configuration on stdout.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { headerPolicyFor } from './csp.mjs';
import { IMMUTABLE_CACHE, REVALIDATE_CACHE, securityHeaders } from './security-headers.mjs';

export const TEMPLATE_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', 'nginx.conf');

/**
 * @typedef {{ listen: string, root: string, basePath: string, contentSecurityPolicy: string, runtimeDir: string,
 *   accessLog: string, errorLog: string, mimeTypes: string }} NginxValues
 */

/**
 * @param {string} template the text of nginx.conf
 * @param {NginxValues} values
 */
export function renderNginxConf(template, values) {
  const basePath = values.basePath.replace(/\/+$/, '');
  if (basePath && !/^\/[A-Za-z0-9._~/-]+$/.test(basePath)) throw new Error(`unsafe base path: ${basePath}`);
  const headers = securityHeaders(values.contentSecurityPolicy)
    .map(([name, value]) => `    add_header ${name} "${value.replace(/["\\]/g, '\\$&')}" always;`)
    .join('\n');
  const redirect = basePath
    ? `    location = / {\n      return 302 ${basePath}/;\n    }\n    location = ${basePath} {\n      return 301 ${basePath}/;\n    }`
    : '';
  /** @type {Record<string, string>} */
  const fill = {
    __LISTEN__: values.listen,
    __ROOT__: values.root,
    __BASE_PATH__: basePath,
    __RUNTIME_DIR__: values.runtimeDir,
    __ACCESS_LOG__: values.accessLog,
    __ERROR_LOG__: values.errorLog,
    __MIME_TYPES__: values.mimeTypes,
    __IMMUTABLE_CACHE__: IMMUTABLE_CACHE,
    __REVALIDATE_CACHE__: REVALIDATE_CACHE,
    __SECURITY_HEADERS__: headers,
    __BASE_PATH_REDIRECT__: redirect,
  };
  const out = template.replace(/__[A-Z_]+__/g, (name) => {
    if (!(name in fill)) throw new Error(`nginx.conf has an unknown placeholder ${name}`);
    return fill[name] ?? '';
  });
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: 'out' },
      root: { type: 'string' },
      listen: { type: 'string', default: '8080' },
      'base-path': { type: 'string', default: process.env.BASE_PATH ?? '' },
      'runtime-dir': { type: 'string', default: '/tmp' },
      'access-log': { type: 'string', default: '/dev/stdout' },
      'error-log': { type: 'string', default: '/dev/stderr' },
      'mime-types': { type: 'string', default: '/etc/nginx/mime.types' },
    },
  });
  const basePath = values['base-path'] ?? '';
  if (basePath && !values.root) {
    console.error(
      'render-nginx: with a base path, pass --root (the directory that holds the base path folder).',
    );
    process.exit(1);
  }
  process.stdout.write(
    renderNginxConf(readFileSync(TEMPLATE_PATH, 'utf8'), {
      listen: values.listen ?? '8080',
      root: resolve(values.root ?? values.out ?? 'out'),
      basePath,
      contentSecurityPolicy: headerPolicyFor(values.out ?? 'out'),
      runtimeDir: values['runtime-dir'] ?? '/tmp',
      accessLog: values['access-log'] ?? '/dev/stdout',
      errorLog: values['error-log'] ?? '/dev/stderr',
      mimeTypes: values['mime-types'] ?? '/etc/nginx/mime.types',
    }),
  );
}
