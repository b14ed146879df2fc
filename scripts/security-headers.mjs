/**
 * The HTTP response headers a host should send with JWT Lens, in one table, used by:
 * - scripts/render-nginx.mjs (the nginx.conf of the Docker image and of the nginx e2e test);
 * - `node scripts/security-headers.mjs out` (run by `npm run build`), which writes out/_headers for Netlify and
 *   Cloudflare Pages.
 * The CSP is the one scripts/csp.mjs put in each page, as a header, so it can add frame-ancestors 'none' (a
 * <meta> policy cannot). Run after csp.mjs: the script hashes are read from the finished pages.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { headerPolicyFor } from './csp.mjs';

/** Browser features JWT Lens never uses; clipboard-write stays on for the Copy buttons. */
const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'clipboard-read=()',
  'clipboard-write=(self)',
  'display-capture=()',
  'encrypted-media=()',
  'fullscreen=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'idle-detection=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'picture-in-picture=()',
  'publickey-credentials-get=()',
  'screen-wake-lock=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
].join(', ');

/**
 * @param {string} contentSecurityPolicy
 * @returns {[string, string][]} header name and value, in the order they are sent
 */
export function securityHeaders(contentSecurityPolicy) {
  return [
    ['Content-Security-Policy', contentSecurityPolicy],
    ['Referrer-Policy', 'no-referrer'],
    ['X-Content-Type-Options', 'nosniff'],
    ['X-Frame-Options', 'DENY'],
    ['Permissions-Policy', PERMISSIONS_POLICY],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Cross-Origin-Resource-Policy', 'same-origin'],
  ];
}

/** Hashed build output never changes under the same name; everything else must be revalidated. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
export const REVALIDATE_CACHE = 'no-cache';

/**
 * The Netlify / Cloudflare Pages `_headers` file.
 * @param {string} contentSecurityPolicy
 * @param {string} basePath '' or e.g. '/tools/jwt'
 */
export function headersFile(contentSecurityPolicy, basePath = '') {
  const all = securityHeaders(contentSecurityPolicy).map(([name, value]) => `  ${name}: ${value}`);
  // No Cache-Control for /*: both hosts merge the values of every matching rule, and their default for other
  // files already revalidates.
  return [
    `${basePath}/*`,
    ...all,
    '',
    `${basePath}/_next/static/*`,
    `  Cache-Control: ${IMMUTABLE_CACHE}`,
    '',
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2] ?? 'out';
  const basePath = (process.env.BASE_PATH ?? '').replace(/\/+$/, '');
  writeFileSync(join(dir, '_headers'), headersFile(headerPolicyFor(dir), basePath));
  console.log(`security-headers: wrote ${join(dir, '_headers')} (Netlify, Cloudflare Pages).`);
}
