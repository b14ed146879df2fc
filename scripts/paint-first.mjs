/**
 * Post-build step, after `next build` and before csp.mjs: `node scripts/paint-first.mjs out`.
 *
 * Next writes its first-load scripts as `<script src async>` (and preloads one of them). On a fast
 * connection they arrive while the browser is still laying out the first screen, and an async script runs
 * as soon as it arrives: the first paint then waits behind React's evaluation and hydration. This step
 * makes every page paint first:
 *
 * - each `<script src async>` and each `<link rel="preload" as="script">` of those files is removed, and so
 *   is the web app manifest link, which the first paint does not need either (the tab icon is inline);
 * - one small inline script at the end of the body adds the same links and `<script async src>` elements
 *   once the browser reports the first contentful paint (at once when the page is hidden, since a hidden page
 *   never paints, and at once where the browser has no paint timing; after FALLBACK_MS if no paint is ever
 *   reported).
 *
 * The scripts are not preloaded on purpose: a preloaded script that has arrived before the first paint is
 * counted by Lighthouse's simulation as if the paint had waited for it. Text typed before the scripts run
 * is kept (useTypedBeforeHydration). The inserted elements are the `<script async src>` React expects for
 * its hoisted script resources, so hydration finds them. Legacy `nomodule` scripts are left alone, and
 * csp.mjs hashes the inline script afterwards.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { attribute, scanTags } from './html-tokens.mjs';

/** How long to wait for a paint report before starting the scripts anyway. */
export const FALLBACK_MS = 3000;

const LOADER_START = '(function(s,l){var d=0;function go(){';
const LOADER_SOURCES = /\}\)\((\[[^\]]*\]),/;

/**
 * The loader, as one line of plain ES5 so any browser that runs the page can parse it.
 * @param {string[]} sources script URLs, in order
 * @param {Record<string, string>[]} [links] attributes of each late link
 */
export function loaderScript(sources, links = []) {
  return (
    `${LOADER_START}if(d)return;d=1;var i,k,e;for(i=0;i<l.length;i++){e=document.createElement("link");` +
    'for(k in l[i])e.setAttribute(k,l[i][k]);document.head.appendChild(e)}for(i=0;i<s.length;i++){' +
    'e=document.createElement("script");e.src=s[i];e.async=true;document.head.appendChild(e)}}' +
    'if(document.visibilityState==="hidden"){go();return}' +
    'var t=self.PerformanceObserver&&PerformanceObserver.supportedEntryTypes;if(!t||t.indexOf("paint")<0){go();return}' +
    'try{new PerformanceObserver(function(o){if(o.getEntriesByName("first-contentful-paint").length)setTimeout(go,0)})' +
    '.observe({type:"paint",buffered:true})}catch(x){go();return}' +
    `setTimeout(go,${FALLBACK_MS})})(${JSON.stringify(sources)},${JSON.stringify(links)})`
  );
}

/**
 * @param {string} html a page of the static export
 * @returns {{ html: string, sources: string[], links: Record<string, string>[] }} the page with its async
 *   scripts and late links started after the first paint
 */
export function paintFirst(html) {
  const tags = scanTags(html);
  const headEnd = html.indexOf('</head>');
  const isAsyncScript = (t) =>
    t.name === 'script' &&
    !!attribute(t, 'src') &&
    attribute(t, 'async') !== undefined &&
    attribute(t, 'nomodule') === undefined;
  const sources = [...new Set(tags.filter(isAsyncScript).map((t) => attribute(t, 'src')))];
  if (sources.length === 0) return { html, sources, links: [] };
  if (headEnd < 0 || !html.includes('</body>'))
    throw new Error('a page without </head> or </body>: the export is not what this step expects');
  const isPreloadOfOne = (t) =>
    t.name === 'link' &&
    attribute(t, 'rel') === 'preload' &&
    attribute(t, 'as') === 'script' &&
    sources.includes(attribute(t, 'href'));
  // Head links that only matter after the first paint: the browser fetches them early otherwise.
  const isLateLink = (t) => t.name === 'link' && attribute(t, 'rel') === 'manifest' && t.start < headEnd;
  const late = tags.filter(isLateLink);
  const links = late.map((t) => Object.fromEntries(t.attributes.map((a) => [a.name, a.value ?? ''])));
  const removed = tags.filter((t) => isAsyncScript(t) || isPreloadOfOne(t) || isLateLink(t));
  let out = html;
  // From the end, so the offsets of the earlier tags stay right; a script goes with its closing tag.
  for (const t of removed.reverse()) {
    const end =
      t.name === 'script' ? html.indexOf('</script>', t.textEnd ?? t.end) + '</script>'.length : t.end;
    out = out.slice(0, t.start) + out.slice(end);
  }
  out = out.replace(/<\/body>(?![\s\S]*<\/body>)/, `<script>${loaderScript(sources, links)}</script></body>`);
  return { html: out, sources, links };
}

/**
 * The scripts a page starts after its first paint (the loader's list), for the bundle report.
 * @param {string} html
 * @returns {string[]}
 */
export function scriptsAfterPaint(html) {
  for (const m of html.matchAll(/<script>([\s\S]*?)<\/script>/g)) {
    if (!m[1].startsWith(LOADER_START)) continue;
    const list = LOADER_SOURCES.exec(m[1]);
    if (list) return JSON.parse(list[1]);
  }
  return [];
}

function htmlFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2] ?? 'out';
  try {
    let pages = 0;
    for (const file of htmlFiles(dir)) {
      const { html, sources } = paintFirst(readFileSync(file, 'utf8'));
      if (sources.length === 0) continue;
      writeFileSync(file, html);
      pages += 1;
    }
    if (pages === 0) throw new Error(`no page in ${dir} has async scripts: did the build change?`);
    console.log(`paint-first: ${pages} page(s) start their scripts after the first paint.`);
  } catch (err) {
    console.error(`paint-first: FAILED: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
