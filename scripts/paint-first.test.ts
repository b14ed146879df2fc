import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { scriptsInHtml } from './bundle-report.mjs';
import { FALLBACK_MS, loaderScript, paintFirst, scriptsAfterPaint } from './paint-first.mjs';

const PAGE =
  '<html><head><meta charSet="utf-8"/>' +
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/main.js"/>' +
  '<script src="/_next/static/chunks/react.js" async=""></script>' +
  '<script src="/_next/static/chunks/polyfills.js" noModule=""></script>' +
  '<link rel="manifest" href="/manifest.webmanifest"/>' +
  '<link rel="icon" href="/icon.svg?icon.1.svg" sizes="any" type="image/svg+xml"/></head>' +
  '<body><p>Decode a token</p><script>self.__next_f=[]</script>' +
  '<script src="/_next/static/chunks/main.js" async=""></script></body></html>';

describe('paintFirst', () => {
  it('removes the async scripts and their preloads, and starts them from one loader at the end of the body', () => {
    const { html, sources, links } = paintFirst(PAGE);
    expect(sources).toEqual(['/_next/static/chunks/react.js', '/_next/static/chunks/main.js']);
    // The manifest link waits for the paint too: the browser would fetch it first otherwise.
    expect(links).toEqual([{ rel: 'manifest', href: '/manifest.webmanifest' }]);
    expect(html).not.toContain('rel="manifest"');
    expect(html).toContain('<link rel="icon"');
    expect(html).not.toMatch(/<script src="[^"]+" async="">/);
    expect(html).not.toContain('rel="preload"');
    // The legacy polyfill, the page's text and Next's inline payload are untouched, in order.
    expect(html).toContain('<script src="/_next/static/chunks/polyfills.js" noModule=""></script>');
    expect(html.indexOf('Decode a token')).toBeLessThan(html.indexOf('self.__next_f'));
    const loader = html.slice(html.lastIndexOf('<script>'));
    expect(loader.startsWith('<script>(function(s,l)')).toBe(true);
    expect(loader.endsWith('</script></body></html>')).toBe(true);
    expect(scriptsAfterPaint(html)).toEqual(sources);
  });

  it('leaves a page without async scripts as it was', () => {
    expect(paintFirst('<html><head></head><body>plain</body></html>')).toEqual({
      html: '<html><head></head><body>plain</body></html>',
      sources: [],
      links: [],
    });
  });

  it('still lets the bundle report count every first-load script', () => {
    const kinds = scriptsInHtml(paintFirst(PAGE).html).map((s) => [s.url, s.kind]);
    expect(kinds).toEqual([
      ['/_next/static/chunks/polyfills.js', 'script'],
      ['/_next/static/chunks/react.js', 'after first paint'],
      ['/_next/static/chunks/main.js', 'after first paint'],
    ]);
  });
});

/** Runs the loader against a fake document and paint observer; returns what it appended, when. */
function runLoader({
  hidden = false,
  observer = true,
  paintTiming = true,
}: {
  hidden?: boolean;
  observer?: boolean;
  paintTiming?: boolean;
}) {
  const appended: Record<string, unknown>[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  let paintCallback: ((list: { getEntriesByName(n: string): unknown[] }) => void) | undefined;
  const context = {
    document: {
      visibilityState: hidden ? 'hidden' : 'visible',
      createElement: (tag: string) => {
        const el: Record<string, unknown> = { tag };
        el.setAttribute = (k: string, v: string) => (el[k] = v);
        return el;
      },
      head: { appendChild: (e: Record<string, unknown>) => appended.push(e) },
    },
    setTimeout: (fn: () => void, ms: number) => timers.push({ fn, ms }),
    ...(observer
      ? {
          PerformanceObserver: class {
            static supportedEntryTypes = paintTiming ? ['navigation', 'paint'] : ['navigation'];
            constructor(cb: typeof paintCallback) {
              paintCallback = cb;
            }
            observe() {}
          },
        }
      : {}),
  };
  (context as Record<string, unknown>).self = context;
  runInNewContext(loaderScript(['/a.js', '/b.js'], [{ rel: 'manifest', href: '/m.webmanifest' }]), context);
  return {
    appended,
    timers,
    paint: (names: string[]) => paintCallback?.({ getEntriesByName: (n) => names.filter((x) => x === n) }),
  };
}

describe('the loader', () => {
  it('adds nothing before the first contentful paint, then each script once, async, in order', () => {
    const run = runLoader({});
    expect(run.appended).toEqual([]);
    run.paint(['first-paint']);
    expect(run.timers.filter((t) => t.ms === 0)).toEqual([]);
    run.paint(['first-contentful-paint']);
    run.timers.find((t) => t.ms === 0)!.fn();
    expect(run.appended.map(({ setAttribute: _, ...rest }) => rest)).toEqual([
      { tag: 'link', rel: 'manifest', href: '/m.webmanifest' },
      { tag: 'script', src: '/a.js', async: true },
      { tag: 'script', src: '/b.js', async: true },
    ]);
    // The fallback timer firing later adds nothing twice.
    run.timers.find((t) => t.ms === FALLBACK_MS)!.fn();
    expect(run.appended).toHaveLength(3);
  });

  it('starts at once on a hidden page, which never paints', () => {
    expect(runLoader({ hidden: true }).appended).toHaveLength(3);
  });

  it('starts at once where the browser has no paint timing', () => {
    expect(runLoader({ observer: false }).appended).toHaveLength(3);
  });

  it('starts at once where the observer exists but knows no paint entries (it would wait in vain)', () => {
    expect(runLoader({ paintTiming: false }).appended).toHaveLength(3);
  });

  it('starts after the fallback delay when no paint is ever reported', () => {
    const run = runLoader({});
    run.timers.find((t) => t.ms === FALLBACK_MS)!.fn();
    expect(run.appended).toHaveLength(3);
  });
});
