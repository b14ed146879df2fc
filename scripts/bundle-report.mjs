#!/usr/bin/env node
// First-load JavaScript of the decoder page: every script that out/index.html makes the browser fetch
// before the page is interactive — each <script src>, <link rel="modulepreload">, <link rel="preload"
// as="script"> and each script the paint-first loader starts after the first paint
// (scripts/paint-first.mjs) — with raw and gzip (zlib level 9) sizes. Chunks imported lazily
// (Monaco, encoder, keys, JWE) are not in the HTML, so they do not count. `nomodule` scripts are listed but
// not counted: modern browsers never fetch them.
//
// Usage: node scripts/bundle-report.mjs [--check] [--json FILE] [out-dir]
//   --check      exit 1 when the first-load JS is above the budget (npm test uses this)
//   --json FILE  also write the figures as JSON (scripts/perf.mjs puts them in perf/REPORT.md)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { scriptsAfterPaint } from './paint-first.mjs';

export const BUDGET_GZIP_BYTES = 150 * 1024;

/**
 * The scripts an HTML document loads up front, in document order, without duplicates.
 * @param {string} html
 * @returns {{ url: string, kind: 'script' | 'modulepreload' | 'preload' | 'after first paint', nomodule: boolean }[]}
 */
export function scriptsInHtml(html) {
  const found = [];
  const seen = new Set();
  // Comments could hide tags; drop them first. Inline script bodies may contain "<link" text, so skip them.
  const text = html.replace(/<!--[\s\S]*?-->/g, '');
  const scriptEnd = /<\/script/gi;
  const tag = /<(script|link)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
  for (let match = tag.exec(text); match; match = tag.exec(text)) {
    const name = match[1].toLowerCase();
    const attrs = attributesOf(match[2]);
    let entry;
    if (name === 'script') {
      if (attrs.src) {
        const type = (attrs.type ?? '').toLowerCase();
        // Data blocks such as application/json or application/ld+json are not executed.
        if (type === '' || type === 'module' || type.includes('javascript')) {
          entry = { url: attrs.src, kind: 'script', nomodule: 'nomodule' in attrs };
        }
      }
      scriptEnd.lastIndex = tag.lastIndex;
      if (scriptEnd.exec(text)) tag.lastIndex = scriptEnd.lastIndex - '</script'.length;
    } else {
      const rel = (attrs.rel ?? '').toLowerCase().split(/\s+/);
      if (attrs.href && rel.includes('modulepreload'))
        entry = { url: attrs.href, kind: 'modulepreload', nomodule: false };
      else if (attrs.href && rel.includes('preload') && (attrs.as ?? '').toLowerCase() === 'script') {
        entry = { url: attrs.href, kind: 'preload', nomodule: false };
      }
    }
    if (entry && !seen.has(entry.url)) {
      seen.add(entry.url);
      found.push(entry);
    }
  }
  for (const url of scriptsAfterPaint(html)) {
    if (seen.has(url)) continue;
    seen.add(url);
    found.push({ url, kind: 'after first paint', nomodule: false });
  }
  return found;
}

/** @param {string} source */
function attributesOf(source) {
  /** @type {Record<string, string>} */
  const attrs = {};
  const attr = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>`]+)))?/g;
  for (let m = attr.exec(source); m; m = attr.exec(source)) {
    attrs[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

/** @param {string} value */
function decodeEntities(value) {
  return value
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'");
}

/**
 * The file under `outDir` that a script URL points to, or undefined when it is not served from there.
 * @param {string} url
 * @param {string} outDir
 * @param {string} basePath
 */
export function fileForUrl(url, outDir, basePath = '') {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return undefined; // another origin
  let pathname = url.split(/[?#]/)[0];
  if (basePath && pathname.startsWith(`${basePath}/`)) pathname = pathname.slice(basePath.length);
  const file = path.join(outDir, decodeURIComponent(pathname.replace(/^\/+/, '')));
  return file.startsWith(path.resolve(outDir) + path.sep) ? file : undefined;
}

/**
 * @param {string} outDir
 * @param {string} basePath
 */
export function bundleReport(outDir, basePath = '') {
  const htmlFile = path.join(outDir, 'index.html');
  if (!existsSync(htmlFile)) throw new Error(`${htmlFile} is missing: run "npm run build" first.`);
  const rows = scriptsInHtml(readFileSync(htmlFile, 'utf8')).map((script) => {
    const file = fileForUrl(script.url, path.resolve(outDir), basePath);
    if (!file || !existsSync(file)) {
      throw new Error(`index.html loads ${script.url}, which is not a file in ${outDir}.`);
    }
    const bytes = readFileSync(file);
    return {
      ...script,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      counted: !script.nomodule,
    };
  });
  const counted = rows.filter((r) => r.counted);
  return {
    rows,
    totalRaw: counted.reduce((sum, r) => sum + r.raw, 0),
    totalGzip: counted.reduce((sum, r) => sum + r.gzip, 0),
    budgetGzip: BUDGET_GZIP_BYTES,
  };
}

/** @param {ReturnType<typeof bundleReport>} report */
export function formatBundleReport(report) {
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  const lines = ['| Script | How | Raw | Gzip (level 9) |', '| --- | --- | ---: | ---: |'];
  for (const r of report.rows) {
    lines.push(
      `| ${r.url} | ${r.kind}${r.counted ? '' : ', nomodule (not counted)'} | ${kib(r.raw)} | ${kib(r.gzip)} |`,
    );
  }
  lines.push(
    `| **Total first-load JS** | ${report.rows.filter((r) => r.counted).length} files | **${kib(report.totalRaw)}** | **${kib(report.totalGzip)}** |`,
  );
  lines.push(
    '',
    `Budget: ${kib(report.budgetGzip)} gzip — ${report.totalGzip <= report.budgetGzip ? 'within budget' : `**over by ${kib(report.totalGzip - report.budgetGzip)}**`}.`,
  );
  return lines.join('\n');
}

function main() {
  const args = process.argv.slice(2);
  const jsonIndex = args.indexOf('--json');
  const jsonFile = jsonIndex >= 0 ? args[jsonIndex + 1] : undefined;
  // The folder is the first argument that is neither a flag nor the file after --json.
  const outDir = args.find((a, i) => !a.startsWith('--') && (jsonIndex < 0 || i !== jsonIndex + 1)) ?? 'out';
  const basePath = (process.env.BASE_PATH ?? '').replace(/\/+$/, '');
  const report = bundleReport(outDir, basePath);
  console.log(`First-load JavaScript of ${path.join(outDir, 'index.html')}\n`);
  console.log(formatBundleReport(report));
  if (jsonFile) writeFileSync(jsonFile, JSON.stringify(report, null, 2));
  if (args.includes('--check') && report.totalGzip > report.budgetGzip) {
    console.error(
      `\nFirst-load JS is ${(report.totalGzip / 1024).toFixed(1)} KiB gzip, above the ${report.budgetGzip / 1024} KiB budget.`,
    );
    process.exitCode = 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  }
}
