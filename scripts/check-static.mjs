/**
 * `node scripts/check-static.mjs out`: fails when the built site could load anything from another origin at
 * runtime. It reads every file the browser may load (HTML, CSS, JS, the RSC payloads, SVG, the web manifest)
 * and reports each absolute URL in a place that loads: src, srcset, stylesheet/script/preload/icon/manifest
 * links, @import and url() in CSS, fetch/importScripts/Worker/WebSocket/EventSource/sendBeacon/import() in JS.
 * Links the user clicks (<a href>, e.g. to an RFC) load nothing and are fine.
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
    const check = CHECKS_BY_EXTENSION[extname(entry.name)];
    if (!entry.isFile() || !check) continue;
    const file = join(entry.parentPath, entry.name);
    files++;
    const name = relative(process.cwd(), file);
    problems.push(...check(readFileSync(file, 'utf8')).map((p) => `${name}: ${p}`));
  }
  if (files === 0) problems.push(`${dir}: nothing to check; run npm run build first`);
  return { files, problems };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2] ?? 'out';
  const { files, problems } = checkStaticDirectory(dir);
  if (problems.length > 0) {
    console.error(
      `check-static: FAILED, the app would load ${problems.length} thing(s) from another origin:`,
    );
    for (const p of problems) console.error(`  ${p}`);
    process.exit(1);
  }
  console.log(`check-static: ${files} file(s) in ${dir}/ load nothing from another origin.`);
}
