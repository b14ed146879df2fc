/**
 * A small HTML tokenizer for the post-build checks (csp.mjs, check-static.mjs). It reads the markup Next.js
 * writes into out/: tags with their attributes, and the raw text of <script> and <style> elements. It is not a
 * full HTML parser; it only has to be exact about where tags, attributes and script bodies start and end.
 */

/**
 * @typedef {{ name: string, value: string | null }} HtmlAttribute
 * @typedef {{
 *   kind: 'tag',
 *   name: string,
 *   attributes: HtmlAttribute[],
 *   start: number,
 *   end: number,
 *   text?: string,
 *   textStart?: number,
 *   textEnd?: number,
 * }} HtmlTag
 */

const RAW_TEXT_ELEMENTS = new Set(['script', 'style']);

/**
 * Every start tag in document order. For <script> and <style>, `text` is the raw body and
 * `textStart`/`textEnd` its offsets (the exact characters a CSP hash covers).
 * @param {string} html
 * @returns {HtmlTag[]}
 */
export function scanTags(html) {
  /** @type {HtmlTag[]} */
  const tags = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) break;
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      i = close === -1 ? html.length : close + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?' || html[lt + 1] === '/') {
      const close = html.indexOf('>', lt + 1);
      i = close === -1 ? html.length : close + 1;
      continue;
    }
    const nameMatch = /^[a-zA-Z][a-zA-Z0-9:-]*/.exec(html.slice(lt + 1, lt + 64));
    if (!nameMatch) {
      i = lt + 1;
      continue;
    }
    const name = nameMatch[0].toLowerCase();
    const { attributes, end } = readAttributes(html, lt + 1 + nameMatch[0].length);
    /** @type {HtmlTag} */
    const tag = { kind: 'tag', name, attributes, start: lt, end };
    i = end;
    if (RAW_TEXT_ELEMENTS.has(name)) {
      const closeRe = new RegExp(`</${name}[\\s/>]`, 'ig');
      closeRe.lastIndex = end;
      const close = closeRe.exec(html);
      const textEnd = close ? close.index : html.length;
      tag.text = html.slice(end, textEnd);
      tag.textStart = end;
      tag.textEnd = textEnd;
      i = textEnd;
    }
    tags.push(tag);
  }
  return tags;
}

/**
 * Reads attributes from `from` up to the closing `>` of the tag (HTML §13.2.5.32 onwards, simplified:
 * quoted values may contain `>`).
 * @param {string} html
 * @param {number} from
 * @returns {{ attributes: HtmlAttribute[], end: number }}
 */
function readAttributes(html, from) {
  /** @type {HtmlAttribute[]} */
  const attributes = [];
  let i = from;
  while (i < html.length) {
    while (i < html.length && /[\s/]/.test(html[i] ?? '')) i++;
    if (i >= html.length) break;
    if (html[i] === '>') return { attributes, end: i + 1 };
    const nameStart = i;
    while (i < html.length && !/[\s/>=]/.test(html[i] ?? '')) i++;
    const name = html.slice(nameStart, i).toLowerCase();
    while (i < html.length && /\s/.test(html[i] ?? '')) i++;
    if (html[i] !== '=') {
      attributes.push({ name, value: null });
      continue;
    }
    i++;
    while (i < html.length && /\s/.test(html[i] ?? '')) i++;
    const quote = html[i];
    let value;
    if (quote === '"' || quote === "'") {
      const close = html.indexOf(quote, i + 1);
      const stop = close === -1 ? html.length : close;
      value = html.slice(i + 1, stop);
      i = stop + 1;
    } else {
      const valueStart = i;
      while (i < html.length && !/[\s>]/.test(html[i] ?? '')) i++;
      value = html.slice(valueStart, i);
    }
    attributes.push({ name, value: decodeEntities(value) });
  }
  return { attributes, end: html.length };
}

/**
 * The entities that matter for reading URLs out of attributes.
 * @param {string} value
 */
export function decodeEntities(value) {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|quot|apos|lt|gt|colon|tab|newline);?/gi, (whole, ref) => {
    const r = String(ref).toLowerCase();
    if (r.startsWith('#x')) return String.fromCodePoint(parseInt(r.slice(2), 16));
    if (r.startsWith('#')) return String.fromCodePoint(parseInt(r.slice(1), 10));
    /** @type {Record<string, string>} */
    const named = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', colon: ':', tab: '\t', newline: '\n' };
    return named[r] ?? whole;
  });
}

/**
 * @param {HtmlTag} tag
 * @param {string} name
 * @returns {string | null | undefined} undefined when absent, null when present without a value
 */
export function attribute(tag, name) {
  const found = tag.attributes.find((a) => a.name === name);
  return found ? found.value : undefined;
}
