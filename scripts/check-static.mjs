/**
 * `node scripts/check-static.mjs out`: fails when the built site could load anything from another origin at
 * runtime. It reads every file the browser may load (HTML, CSS, JS, the RSC payloads, SVG, the web manifest)
 * and reports each absolute URL in a place that loads: src, srcset, stylesheet/script/preload/icon/manifest
 * links, @import and url() in CSS, fetch/importScripts/Worker/WebSocket/EventSource/sendBeacon/import() in JS.
 * Links the user clicks (<a href>, e.g. to an RFC) load nothing and are fine.
 *
 * It also fails on the mere mention of a third-party host in any file of the export (JS, CSS, HTML, the RSC
 * .txt payloads, JSON, even binaries), loading position or not: a privacy tool whose bundle names a CDN fails
 * the first audit anyone runs on it, and dead code that names one is one refactor away from using it.
 * - Any string naming a known CDN or analytics host (THIRD_PARTY_HOSTS), with or without a scheme, fails.
 * - Any other absolute http(s)/ws(s)/ftp URL must name a host on DOCUMENTATION_HOSTS (the specifications
 *   and vendor documents the UI links to, and the identifier URIs of JSON Schema, XML namespaces and claim
 *   values), or a name that cannot reach anyone: a reserved example or loopback name (RFC 2606, RFC 6761), a
 *   single-label name, or a template placeholder.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { attribute, decodeEntities, scanTags } from './html-tokens.mjs';

/** `http:`, `https:`, `ws:`, `wss:`, `ftp:` or protocol-relative `//host`. */
const ABSOLUTE_URL_RE = /^\s*(?:(?:https?|wss?|ftp):)?\/\/[^/]/i;

/** <link rel> values that make the browser fetch the href. */
const LOADING_RELS = new Set([
  'stylesheet',
  'preload',
  'modulepreload',
  'prefetch',
  'prerender',
  'preconnect',
  'dns-prefetch',
  'icon',
  'apple-touch-icon',
  'apple-touch-icon-precomposed',
  'mask-icon',
  'manifest',
]);

/** Attributes that load their URL on any element (the HTML elements with src, plus SVG image/use). */
const LOADING_ATTRIBUTES = ['src', 'poster', 'data', 'background', 'xlink:href'];

/**
 * CDNs and analytics or telemetry services, as registrable domains or hosts: a name that is, or ends in, one
 * of these fails wherever it appears.
 */
export const THIRD_PARTY_HOSTS = Object.freeze([
  // Script, font and package CDNs.
  'jsdelivr.net',
  'unpkg.com',
  'cdnjs.cloudflare.com',
  'esm.sh',
  'esm.run',
  'skypack.dev',
  'jspm.io',
  'jspm.dev',
  'jsdelivr.com',
  'rawgit.com',
  'raw.githubusercontent.com',
  'statically.io',
  'bootstrapcdn.com',
  'code.jquery.com',
  'ajax.googleapis.com',
  'fonts.googleapis.com',
  'fonts.gstatic.com',
  'use.typekit.net',
  'fontawesome.com',
  'cdn.tailwindcss.com',
  'polyfill.io',
  'cloudfront.net',
  'akamaihd.net',
  'azureedge.net',
  'fastly.net',
  'b-cdn.net',
  'vercel-scripts.com',
  // Analytics, tag managers, session recording, error and performance telemetry.
  'google-analytics.com',
  'googletagmanager.com',
  'googlesyndication.com',
  'doubleclick.net',
  'analytics.google.com',
  'cloudflareinsights.com',
  'vercel-insights.com',
  'plausible.io',
  'segment.com',
  'segment.io',
  'mixpanel.com',
  'amplitude.com',
  'hotjar.com',
  'fullstory.com',
  'heapanalytics.com',
  'clarity.ms',
  'matomo.cloud',
  'posthog.com',
  'sentry.io',
  'sentry-cdn.com',
  'bugsnag.com',
  'nr-data.net',
  'newrelic.com',
  'datadoghq.com',
  'browser-intake-datadoghq.com',
  'logrocket.com',
  'facebook.net',
  'connect.facebook.net',
  'hs-scripts.com',
  'intercom.io',
]);

/**
 * Hosts an absolute URL in the export may name: documents the UI links to (claims registry, findings, the
 * About page), identity providers' issuers and key sets (policy templates), links inside the error messages
 * of React, Next.js and Monaco, and identifier URIs that are never fetched (XML namespaces, JSON Schema ids,
 * OpenID event types). Exact host names, no wildcards; a new one is a deliberate, reviewed addition.
 */
export const DOCUMENTATION_HOSTS = Object.freeze([
  // Standards bodies and registries.
  'www.rfc-editor.org',
  'datatracker.ietf.org',
  'www.iana.org',
  'openid.net',
  'schemas.openid.net',
  'www.w3.org',
  'www.etsi.org',
  'json-schema.org',
  // Identity providers' token documentation, linked from the claims registry.
  'auth0.com',
  'docs.aws.amazon.com',
  'developers.google.com',
  'firebase.google.com',
  'developer.okta.com',
  'learn.microsoft.com',
  'www.keycloak.org',
  // Identity providers' issuers and key set URLs, named by the verification policy templates: values to
  // compare a token's "iss" with, and a JWKS the JWKS panel fetches only when the user asks it to.
  'login.microsoftonline.com',
  'accounts.google.com',
  'securetoken.google.com',
  'www.googleapis.com',
  // The $id of JWT Lens's own verification policy schema: an identifier, never fetched.
  'jwt-lens.dev',
  // Links in the libraries' own messages and licence banners.
  'react.dev',
  'nextjs.org',
  'github.com',
  'code.visualstudio.com',
  'microsoft.com',
]);

/** Reserved names that can never reach a third party (RFC 2606 §2-3, RFC 6761 §6). */
const RESERVED_NAME_RE =
  /(^|\.)(example|test|invalid|localhost)$|^example\.(com|net|org)$|\.example\.(com|net|org)$/;
const LOOPBACK_RE = /^(127\.\d+\.\d+\.\d+|\[::1\])$/;

/** @param {string} host */
function toAscii(host) {
  try {
    return new URL(`http://${host}/`).hostname;
  } catch {
    return host;
  }
}

/** @param {string} host lower case */
function isThirdPartyCdnOrAnalytics(host) {
  return THIRD_PARTY_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
}

/**
 * Every known CDN or analytics host named anywhere in `text`, with or without a scheme.
 * @param {string} text
 * @returns {string[]} one message per distinct host
 */
export function thirdPartyHostsIn(text) {
  const found = new Set();
  for (const m of text.matchAll(/(?<![A-Za-z0-9-])(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}(?![A-Za-z0-9-])/g)) {
    const host = m[0].toLowerCase().replace(/\.+$/, '');
    if (isThirdPartyCdnOrAnalytics(host)) found.add(host);
  }
  return [...found].map((h) => `names the third-party host ${h} (a CDN or analytics service)`);
}

/**
 * The hosts of absolute URLs in `text` that are neither documentation hosts nor unreachable names.
 * @param {string} text
 * @returns {string[]} one message per distinct URL
 */
export function undocumentedUrlsIn(text) {
  const found = new Map();
  for (const m of text.matchAll(/\b(?:https?|wss?|ftp):\/\/(?:[^\s@/?#"'`<>\\]*@)?([^\s/?#"'`<>\\),;]*)/gi)) {
    let host = (m[1] ?? '')
      .toLowerCase()
      .replace(/:[\d*]*$/, '')
      .replace(/\.+$/, '');
    // Template placeholders and fragments of code (`https://${host}`, `https://<namespace>`) name no host.
    if (!/^[\p{L}\p{N}.-]+$|^\[[0-9a-f:.]+\]$/u.test(host) || host.startsWith('.')) continue;
    // An internationalised name is judged by its ASCII form, as a browser would resolve it.
    if (/[^\x00-\x7f]/.test(host)) host = toAscii(host);
    if (!host.includes('.') && !host.startsWith('[')) continue; // a single label resolves to no public host
    if (RESERVED_NAME_RE.test(host) || LOOPBACK_RE.test(host)) continue;
    // A CDN or analytics host is reported by thirdPartyHostsIn, which also finds it without a scheme.
    if (DOCUMENTATION_HOSTS.includes(host) || isThirdPartyCdnOrAnalytics(host)) continue;
    if (!found.has(host)) found.set(host, m[0]);
  }
  return [...found].map(
    ([host, url]) =>
      `names ${url}: ${host} is not on the documentation allow-list (DOCUMENTATION_HOSTS in scripts/check-static.mjs; add it there only if it is a document the UI links to)`,
  );
}

/** @param {string} url */
export function isAbsoluteUrl(url) {
  return ABSOLUTE_URL_RE.test(url);
}

/**
 * @param {string} html an HTML or SVG document
 * @returns {string[]} a message per absolute URL the document would load
 */
export function runtimeUrlsInHtml(html) {
  const found = [];
  for (const tag of scanTags(html)) {
    const where = `<${tag.name}>`;
    for (const name of LOADING_ATTRIBUTES) {
      const value = attribute(tag, name);
      if (value && isAbsoluteUrl(value)) found.push(`${where} ${name}="${value}"`);
    }
    for (const name of ['srcset', 'imagesrcset']) {
      for (const candidate of (attribute(tag, name) ?? '').split(',')) {
        const url = candidate.trim().split(/\s+/)[0] ?? '';
        if (isAbsoluteUrl(url)) found.push(`${where} ${name} has ${url}`);
      }
    }
    const href = attribute(tag, 'href');
    if (href && isAbsoluteUrl(href)) {
      const rels = (attribute(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
      // SVG <image href> and <use href> load their target; <a href> and <link rel=canonical> do not.
      if (
        (tag.name === 'link' && rels.some((r) => LOADING_RELS.has(r))) ||
        ['image', 'use', 'feimage'].includes(tag.name)
      ) {
        found.push(`${where} href="${href}"`);
      }
    }
    if (tag.name === 'meta' && (attribute(tag, 'http-equiv') ?? '').toLowerCase() === 'refresh') {
      const url = /url\s*=\s*(.+)$/i.exec(attribute(tag, 'content') ?? '')?.[1] ?? '';
      if (isAbsoluteUrl(url.replace(/^['"]/, ''))) found.push(`<meta http-equiv=refresh> to ${url}`);
    }
    const style = attribute(tag, 'style');
    if (style) found.push(...runtimeUrlsInCss(style).map((m) => `${where} style: ${m}`));
    if (tag.name === 'style') found.push(...runtimeUrlsInCss(tag.text ?? ''));
    if (tag.name === 'script' && attribute(tag, 'src') === undefined)
      found.push(...runtimeUrlsInJs(tag.text ?? ''));
  }
  return found;
}

/**
 * @param {string} css
 * @returns {string[]}
 */
export function runtimeUrlsInCss(css) {
  const found = [];
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const m of withoutComments.matchAll(/url\(\s*(['"]?)([^'")]*)\1\s*\)/gi)) {
    const url = decodeEntities(m[2] ?? '');
    if (isAbsoluteUrl(url)) found.push(`url(${url})`);
  }
  for (const m of withoutComments.matchAll(/@import\s+(['"])([^'"]*)\1/gi)) {
    if (isAbsoluteUrl(m[2] ?? '')) found.push(`@import "${m[2]}"`);
  }
  return found;
}

/**
 * Absolute URLs passed as literals to the APIs that load them, and elements in RSC payloads
 * (`["$","script",…{"src":"https://…"}]`) that React would render.
 * @param {string} js
 * @returns {string[]}
 */
export function runtimeUrlsInJs(js) {
  const found = [];
  const quoted = String.raw`\s*[\x60'"]((?:(?:https?|wss?|ftp):)?\/\/[^\x60'"\s]+)`;
  const calls = [
    ['fetch', String.raw`\bfetch\s*\(`],
    ['importScripts', String.raw`\bimportScripts\s*\(`],
    ['Worker', String.raw`\bnew\s+(?:Shared)?Worker\s*\(`],
    ['WebSocket', String.raw`\bnew\s+WebSocket\s*\(`],
    ['EventSource', String.raw`\bnew\s+EventSource\s*\(`],
    ['sendBeacon', String.raw`\bsendBeacon\s*\(`],
    ['import()', String.raw`\bimport\s*\(`],
    ['XMLHttpRequest.open', String.raw`\.open\s*\(\s*[\x60'"][A-Za-z]+[\x60'"]\s*,`],
    ['.src =', String.raw`\.src\s*=`],
    ['serviceWorker.register', String.raw`\.register\s*\(`],
  ];
  for (const [api, prefix] of calls) {
    for (const m of js.matchAll(new RegExp(prefix + quoted, 'g'))) found.push(`${api} loads ${m[1]}`);
  }
  const element = String.raw`\["\$","(link|script|img|iframe|source|video|audio|embed|object|image|use)",[^\]]*?"(src|href|srcSet|data)":"((?:https?:)?\/\/[^"]+)"`;
  for (const m of js.matchAll(new RegExp(element, 'g'))) {
    const [, tag, prop, url] = m;
    if (
      tag === 'link' &&
      !/"rel":"([^"]*)"/
        .exec(m[0])?.[1]
        ?.split(' ')
        .some((r) => LOADING_RELS.has(r))
    )
      continue;
    found.push(`rendered <${tag}> ${prop}="${url}"`);
  }
  for (const m of js.matchAll(/:HL\[\s*"((?:https?:)?\/\/[^"]+)"/g)) found.push(`preload hint ${m[1]}`);
  return found;
}

/**
 * @param {string} json a web app manifest
 * @returns {string[]}
 */
export function runtimeUrlsInManifest(json) {
  const found = [];
  let manifest;
  try {
    manifest = JSON.parse(json);
  } catch {
    return ['the web app manifest is not valid JSON'];
  }
  for (const key of ['start_url', 'scope', 'id']) {
    if (typeof manifest[key] === 'string' && isAbsoluteUrl(manifest[key]))
      found.push(`${key}: ${manifest[key]}`);
  }
  for (const list of ['icons', 'screenshots', 'shortcuts']) {
    for (const item of Array.isArray(manifest[list]) ? manifest[list] : []) {
      for (const key of ['src', 'url']) {
        if (typeof item?.[key] === 'string' && isAbsoluteUrl(item[key]))
          found.push(`${list}[].${key}: ${item[key]}`);
      }
    }
  }
  return found;
}

/** @type {Record<string, (text: string) => string[]>} */
const CHECKS_BY_EXTENSION = {
  '.html': runtimeUrlsInHtml,
  '.svg': runtimeUrlsInHtml,
  '.css': runtimeUrlsInCss,
  '.js': runtimeUrlsInJs,
  '.mjs': runtimeUrlsInJs,
  '.txt': runtimeUrlsInJs,
  '.webmanifest': runtimeUrlsInManifest,
};

/**
 * @param {string} dir the static export, usually out/
 * @returns {{ files: number, problems: string[] }}
 */
export function checkStaticDirectory(dir) {
  const problems = [];
  let files = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    const name = relative(process.cwd(), file);
    const bytes = readFileSync(file);
    files++;
    // Binaries (images, fonts) are searched too, byte for byte, for the CDN and analytics names only.
    const binary = bytes.subarray(0, 8000).includes(0);
    const text = bytes.toString(binary ? 'latin1' : 'utf8');
    const check = CHECKS_BY_EXTENSION[extname(entry.name)];
    const found = [
      ...(check && !binary ? check(text) : []),
      ...thirdPartyHostsIn(text),
      ...(binary ? [] : undocumentedUrlsIn(text)),
    ];
    problems.push(...found.map((p) => `${name}: ${p}`));
  }
  if (files === 0) problems.push(`${dir}: nothing to check; run npm run build first`);
  return { files, problems };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2] ?? 'out';
  const { files, problems } = checkStaticDirectory(dir);
  if (problems.length > 0) {
    console.error(
      `check-static: FAILED, ${problems.length} load(s) from or mention(s) of another origin in ${dir}/:`,
    );
    for (const p of problems) console.error(`  ${p}`);
    process.exit(1);
  }
  console.log(
    `check-static: ${files} file(s) in ${dir}/ load nothing from another origin and name no CDN, analytics or undocumented host.`,
  );
}
