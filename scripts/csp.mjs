/**
 * Post-build step: `node scripts/csp.mjs out`.
 *
 * Hashes every inline <script> of every out/**\/*.html and writes a strict Content-Security-Policy <meta> at the
 * top of <head>. Then it re-reads each page and fails (exit 1, naming the file) when anything inline would run
 * without a hash: a script changed after hashing, an inline event handler (on*=) or a javascript: URL.
 *
 * The policy also enforces Trusted Types (`require-trusted-types-for 'script'`): a plain string can no longer
 * reach innerHTML, script.src, new Worker() or any other DOM XSS sink; only values made by a policy named in
 * `trusted-types` can. Right after the <meta> it puts the page's own default policy (trustedTypesBootstrap),
 * hashed like every other inline script, which runs before any other script.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { attribute, scanTags } from './html-tokens.mjs';

/**
 * The Trusted Types policies that may exist on the page, each needed by the app or a library it ships. No
 * 'allow-duplicates': each name is created once.
 * @type {readonly string[]}
 */
export const TRUSTED_TYPES_POLICIES = Object.freeze([
  // The page's own (trustedTypesBootstrap): the Turbopack runtime assigns chunk URLs to script.src and hands
  // worker URLs to new Worker() without a policy of its own, and the service worker is registered by URL.
  // It turns only same-origin build files into script URLs, and has no createHTML or createScript.
  'default',
  // Monaco's rendering policies; components/decoder/monaco/trusted-types.ts says what each renders and which
  // of Monaco's other policies are refused (it never creates them); csp.test.ts checks the lists agree.
  'editorViewLayer',
  'domLineBreaksComputer',
  'stickyScrollViewLayer',
  'richScreenReaderContent',
  'tokenizeToString',
  // The DOMPurify copy inside Monaco sanitizes hover Markdown and returns TrustedHTML from its own policy.
  'dompurify',
]);

/**
 * The policy, one row per directive. `script-src` gets the hashes appended; nothing here may allow
 * 'unsafe-inline' or 'unsafe-eval' for scripts.
 * @type {ReadonlyArray<readonly [string, readonly string[]]>}
 */
export const CSP_DIRECTIVES = Object.freeze([
  ['default-src', ["'self'"]],
  ['script-src', ["'self'"]],
  // Monaco and React style attributes set inline styles.
  ['style-src', ["'self'", "'unsafe-inline'"]],
  ['img-src', ["'self'", 'data:']],
  ['font-src', ["'self'"]],
  // The JWKS panel fetches a JWKS or discovery document the user asks for: any https origin, or a local
  // development server over plain http. CSP host sources cannot express an IPv6 literal such as [::1].
  ['connect-src', ["'self'", 'https:', 'http://localhost:*', 'http://127.0.0.1:*']],
  ['worker-src', ["'self'"]],
  ['manifest-src', ["'self'"]],
  ['object-src', ["'none'"]],
  ['base-uri', ["'none'"]],
  ['form-action', ["'none'"]],
  ['require-trusted-types-for', ["'script'"]],
  ['trusted-types', TRUSTED_TYPES_POLICIES],
]);

/** Attributes whose value is a URL that a browser may navigate to or load. */
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background'];

/** @param {string} text the exact characters between <script> and </script> */
export function hashScript(text) {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * @param {string} html
 * @returns {string[]} the bodies of the scripts without a src attribute
 */
export function inlineScripts(html) {
  return scanTags(html)
    .filter((t) => t.name === 'script' && attribute(t, 'src') === undefined)
    .map((t) => t.text ?? '');
}

/**
 * Inline code that no hash can allow: event handler attributes and javascript: URLs.
 * @param {string} html
 * @returns {string[]} one message per problem
 */
export function unhashableCode(html) {
  const problems = [];
  for (const tag of scanTags(html)) {
    for (const { name, value } of tag.attributes) {
      if (/^on[a-z]+$/.test(name)) {
        problems.push(`<${tag.name}> has an inline event handler ${name}="${shorten(value ?? '')}"`);
      } else if (URL_ATTRIBUTES.includes(name) && value !== null && isJavascriptUrl(value)) {
        problems.push(`<${tag.name}> has a javascript: URL in ${name}="${shorten(value)}"`);
      }
    }
  }
  return problems;
}

/** @param {string} url */
function isJavascriptUrl(url) {
  // Browsers strip leading control characters and spaces, and tabs and newlines anywhere (URL standard).
  return /^javascript:/i.test(url.replace(/[\u0000-\u0020]/g, ''));
}

/**
 * @param {readonly string[]} scriptHashes
 * @param {{ frameAncestors?: boolean }} [options] frame-ancestors only works in a header, not in a <meta>
 */
export function buildPolicy(scriptHashes, options = {}) {
  const hashes = [...new Set(scriptHashes)].sort();
  const rows = CSP_DIRECTIVES.map(([name, sources]) =>
    name === 'script-src' ? [name, [...sources, ...hashes]] : [name, sources],
  );
  if (options.frameAncestors) rows.push(['frame-ancestors', ["'none'"]]);
  return rows.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** The id of the inline script that creates the default Trusted Types policy. */
export const TRUSTED_TYPES_SCRIPT_ID = 'trusted-types-default-policy';

/**
 * The page's default Trusted Types policy, as the text of an inline script. The browser calls it for every
 * plain string that reaches a script URL sink (script.src, new Worker(), serviceWorker.register()). It lets
 * through only URLs of this origin that are build output: a .js file under `${prefix}/_next/static/`, or
 * `${prefix}/sw.js`; for anything else it returns null, so the browser blocks the sink and reports a
 * violation. It defines no createHTML and no createScript: a string assigned to innerHTML, or handed to
 * eval, still throws.
 * @param {string} prefix the base path the assets are served under ('' or e.g. '/tools/jwt')
 */
export function trustedTypesBootstrap(prefix) {
  if (!/^(\/[A-Za-z0-9._~-]+)*$/.test(prefix)) throw new Error(`unsafe asset prefix: ${prefix}`);
  const p = JSON.stringify(prefix);
  return (
    '(function(){var t=self.trustedTypes;if(!t||!t.createPolicy)return;' +
    `var p=${p};t.createPolicy("default",{createScriptURL:function(u){var x=new URL(u,location.href);` +
    'return x.origin===location.origin&&(x.pathname===p+"/sw.js"||' +
    'x.pathname.indexOf(p+"/_next/static/")===0&&/\\.js$/.test(x.pathname))?u:null}})})()'
  );
}

/**
 * The path prefix of the page's build assets, from its first /_next/static/ script or stylesheet.
 * @param {string} html
 */
export function assetPrefixOf(html) {
  for (const tag of scanTags(html)) {
    const url =
      tag.name === 'script' ? attribute(tag, 'src') : tag.name === 'link' ? attribute(tag, 'href') : null;
    const match = /^((?:\/[^/?#]+)*?)\/_next\/static\//.exec(url ?? '');
    if (match) return match[1] ?? '';
  }
  return '';
}

const CSP_META_RE = /<meta\s+http-equiv=["']?Content-Security-Policy["']?[^>]*>/gi;
const BOOTSTRAP_RE = new RegExp(`<script id="${TRUSTED_TYPES_SCRIPT_ID}">[^<]*</script>`, 'g');
const HEAD_OPEN_RE = /<head(\s[^>]*)?>/i;
const CHARSET_META_RE = /^\s*<meta\s+charset=["']?[\w-]+["']?\s*\/?>/i;

/**
 * Inserts the policy for this page. The charset declaration stays first when the page starts with one,
 * because browsers only look for it in the first 1024 bytes; it loads nothing, so the CSP still comes before
 * every script, style and link. A policy from an earlier run is replaced, so the step is idempotent.
 * @param {string} html
 * @returns {{ ok: true, html: string, hashes: string[] } | { ok: false, problems: string[] }}
 */
export function applyCsp(html) {
  const withoutOld = html.replace(CSP_META_RE, '').replace(BOOTSTRAP_RE, '');
  const problems = unhashableCode(withoutOld);
  const head = HEAD_OPEN_RE.exec(withoutOld);
  if (!head) problems.push('there is no <head> element to put the Content-Security-Policy in');
  const prefix = assetPrefixOf(withoutOld);
  let bootstrap = '';
  try {
    bootstrap = trustedTypesBootstrap(prefix);
  } catch (err) {
    problems.push(
      `the assets are served under ${JSON.stringify(prefix)}, which the default policy cannot name: ${err}`,
    );
  }
  if (problems.length > 0 || !head) return { ok: false, problems };
  const hashes = [bootstrap, ...inlineScripts(withoutOld)].map(hashScript);
  const meta =
    `<meta http-equiv="Content-Security-Policy" content="${buildPolicy(hashes)}"/>` +
    `<script id="${TRUSTED_TYPES_SCRIPT_ID}">${bootstrap}</script>`;
  let insertAt = head.index + head[0].length;
  const charset = CHARSET_META_RE.exec(withoutOld.slice(insertAt));
  if (charset) insertAt += charset[0].length;
  return { ok: true, html: withoutOld.slice(0, insertAt) + meta + withoutOld.slice(insertAt), hashes };
}

/**
 * Checks a finished page: exactly one policy, before any other element in <head> except the charset, allowing
 * every inline script by hash, with nothing inline that a hash cannot cover.
 * @param {string} html
 * @returns {string[]} problems; empty when the page is safe to ship
 */
export function auditCsp(html) {
  const problems = unhashableCode(html);
  const tags = scanTags(html);
  const metas = tags.filter(
    (t) =>
      t.name === 'meta' && (attribute(t, 'http-equiv') ?? '').toLowerCase() === 'content-security-policy',
  );
  const policyMeta = metas[0];
  if (metas.length !== 1 || !policyMeta) return [...problems, `expected 1 CSP <meta>, found ${metas.length}`];
  const headIndex = tags.findIndex((t) => t.name === 'head');
  const before = tags.slice(headIndex + 1, tags.indexOf(policyMeta));
  if (headIndex === -1 || before.some((t) => !(t.name === 'meta' && attribute(t, 'charset')))) {
    problems.push('the CSP <meta> is not the first element of <head>');
  }
  const policy = attribute(policyMeta, 'content') ?? '';
  const scriptSrc = (policy.split(';').find((d) => d.trim().startsWith('script-src')) ?? '')
    .trim()
    .split(/\s+/);
  for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'blob:']) {
    if (scriptSrc.includes(unsafe)) problems.push(`script-src allows ${unsafe}`);
  }
  const directive = (/** @type {string} */ name) =>
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .find((d) => d[0] === name)
      ?.slice(1);
  if (!directive('require-trusted-types-for')?.includes("'script'")) {
    problems.push("the policy does not enforce Trusted Types (require-trusted-types-for 'script')");
  }
  const allowed = directive('trusted-types');
  if (!allowed) problems.push('the policy has no trusted-types allow-list');
  for (const loose of ['*', "'allow-duplicates'"]) {
    if (allowed?.includes(loose)) problems.push(`trusted-types allows ${loose}`);
  }
  const firstScript = tags.find((t) => t.name === 'script');
  if (firstScript && attribute(firstScript, 'id') !== TRUSTED_TYPES_SCRIPT_ID) {
    problems.push('the default Trusted Types policy is not created by the first script of the page');
  }
  inlineScripts(html).forEach((text, index) => {
    if (!scriptSrc.includes(hashScript(text))) {
      problems.push(
        `inline script #${index + 1} ("${shorten(text)}") is not allowed by any hash in the policy`,
      );
    }
  });
  return problems;
}

/** @param {string} dir */
export function htmlFilesIn(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/**
 * Applies and audits the policy for every page under `dir`.
 * @param {string} dir
 * @returns {{ files: number, hashes: string[], problems: string[], workers: string[] }} problems are prefixed
 *   with the file path; workers are the worker bootstraps given the default policy (addWorkerPolicy)
 */
export function applyCspToDirectory(dir) {
  const files = htmlFilesIn(dir);
  const problems = [];
  const hashes = new Set();
  for (const file of files) {
    const name = relative(process.cwd(), file);
    const applied = applyCsp(readFileSync(file, 'utf8'));
    if (!applied.ok) {
      problems.push(...applied.problems.map((p) => `${name}: ${p}`));
      continue;
    }
    writeFileSync(file, applied.html);
    // Audit what is on disk, so that nothing between hashing and writing can slip through.
    problems.push(...auditCsp(readFileSync(file, 'utf8')).map((p) => `${name}: ${p}`));
    applied.hashes.forEach((h) => hashes.add(h));
  }
  if (files.length === 0) problems.push(`${dir}: no .html files found; run next build first`);
  const index = files.find((f) => f.endsWith(`${sep}index.html`)) ?? files[0];
  const workers = index ? addWorkerPolicy(dir, assetPrefixOf(readFileSync(index, 'utf8'))) : [];
  return { files: files.length, hashes: [...hashes].sort(), problems, workers };
}

/** Turbopack starts every web worker (the decoder's, Monaco's) from this bootstrap script. */
const WORKER_BOOTSTRAP_RE = /^turbopack-worker-[\w-]+\.js$/;

/**
 * Where the policy is a response header (nginx, _headers), it governs each worker's own script too, and a
 * worker's importScripts() is a script URL sink: Turbopack's bootstrap hands it plain strings. So every worker
 * bootstrap gets the page's default policy put in front, as its first statement. The step is idempotent.
 * @param {string} dir
 * @param {string} prefix the asset prefix of the pages
 * @returns {string[]} the bootstrap files, relative to dir
 */
export function addWorkerPolicy(dir, prefix) {
  const prelude = `${trustedTypesBootstrap(prefix)};\n`;
  const chunks = join(dir, '_next', 'static', 'chunks');
  const names = existsSync(chunks) ? readdirSync(chunks).filter((n) => WORKER_BOOTSTRAP_RE.test(n)) : [];
  for (const name of names) {
    const file = join(chunks, name);
    const text = readFileSync(file, 'utf8').replace(/^\(function\(\)\{var t=self\.trustedTypes;.*\n/, '');
    writeFileSync(file, prelude + text);
  }
  return names.map((n) => relative(dir, join(chunks, n)));
}

/**
 * The policy of every page of `dir` as one header value (the union of the hashes), with frame-ancestors.
 * Run after applyCspToDirectory; used for the nginx conf and the _headers file.
 * @param {string} dir
 */
export function headerPolicyFor(dir) {
  const hashes = htmlFilesIn(dir).flatMap((f) => inlineScripts(readFileSync(f, 'utf8')).map(hashScript));
  return buildPolicy(hashes, { frameAncestors: true });
}

/** @param {string} text */
function shorten(text) {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2] ?? 'out';
  const result = applyCspToDirectory(dir);
  if (result.problems.length > 0) {
    console.error(`csp: FAILED, ${result.problems.length} problem(s); the build output is not safe to ship:`);
    for (const p of result.problems) console.error(`  ${p}`);
    process.exit(1);
  }
  console.log(
    `csp: ${result.files} page(s), ${result.hashes.length} inline script hash(es), policy audited; ` +
      `default Trusted Types policy in ${result.workers.length} worker bootstrap(s).`,
  );
}
