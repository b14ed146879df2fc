import { encodeBase64urlText } from '../lib';
import { expect, test } from './fixtures/test';

const b64 = (value: unknown) =>
  encodeBase64urlText(typeof value === 'string' ? value : JSON.stringify(value));

test.describe('a 10 MB paste', { tag: '@alone' }, () => {
  // A timing bound: on a machine shared with other CPU-heavy jobs a measurement can land in a busy moment,
  // so a failed run is measured again. Each run asserts the full bound.
  test.describe.configure({ retries: 2 });
  test('is decoded in the background while the page keeps answering input within 200 ms', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.goto('/');
    // ~10 MB: a real token shape whose payload carries a 7.5 MB claim.
    const big = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: 'big', blob: 'x'.repeat(7_500_000) })}.c2ln`;
    expect(big.length).toBeGreaterThan(10_000_000);
    // Event Timing: for each keystroke, the time from the key press to the next paint, measured by the browser.
    await page.evaluate(() => {
      const w = window as unknown as {
        __longTasks: { start: number; duration: number }[];
        __inputs: { name: string; duration: number; delay: number }[];
      };
      w.__longTasks = [];
      w.__inputs = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          w.__longTasks.push({ start: entry.startTime, duration: Math.round(entry.duration) });
        }
      }).observe({ type: 'longtask' });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as PerformanceEventTiming[]) {
          w.__inputs.push({
            name: e.name,
            duration: e.duration,
            delay: Math.round(e.processingStart - e.startTime),
          });
        }
      }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
    });
    // A real paste: a paste event carrying the text, as the browser fires it.
    await page.getByLabel('Encoded token').focus();
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
      document.activeElement!.dispatchEvent(event);
      // The paste handler has run; long tasks before this are the test harness moving 10 MB into the page.
      (window as unknown as { __pasted: number }).__pasted = performance.now();
    }, big);
    await expect(page.getByRole('group', { name: 'Encoded token' })).toContainText('A large input (10.');
    const status = page.getByRole('status').filter({ hasText: 'Decoding a large input' });
    const issuer = page.getByLabel('JWKS or issuer URL');
    // While the worker decodes (and after), every keystroke shows up at once.
    const delays: number[] = [];
    for (const char of 'https://x.example') {
      const start = Date.now();
      await issuer.press(char === '/' ? 'Slash' : char);
      await expect(issuer).toHaveValue(new RegExp(`${char.replace(/[./]/g, '\\$&')}$`), { timeout: 5_000 });
      delays.push(Date.now() - start);
    }
    await expect(status).toBeHidden({ timeout: 60_000 });
    await expect(page.getByRole('region', { name: 'Payload' })).toContainText('"sub": "big"', {
      timeout: 30_000,
    });
    const { longTasks, inputs } = await page.evaluate(() => {
      const w = window as unknown as {
        __longTasks: { start: number; duration: number }[];
        __inputs: { name: string; duration: number }[];
        __pasted: number;
      };
      const afterPaste = w.__longTasks.filter((t) => t.start >= w.__pasted).map((t) => t.duration);
      return { longTasks: afterPaste, inputs: w.__inputs };
    });
    const keyEvents = inputs.filter((e) =>
      ['keydown', 'keypress', 'keyup', 'input', 'beforeinput'].includes(e.name),
    );
    console.log(`round trips through Playwright (ms): ${delays.join(', ')}`);
    console.log(
      `slow key/input events (Event Timing, ms): ${keyEvents.map((e) => e.duration).join(', ') || 'none'}`,
    );
    console.log(`long tasks after the paste (ms): ${longTasks.join(', ') || 'none'}`);
    // Every keystroke, from the key press to the next paint, within 200 ms (Event Timing rounds to 8 ms).
    expect(keyEvents.filter((e) => e.duration >= 200)).toEqual([]);
    // And the main thread was never blocked for 200 ms or more while the token was processed and shown.
    expect(longTasks.filter((d) => d >= 200)).toEqual([]);
  });
});

/** Markup that runs code if any view ever renders text as HTML; each sets window.__xss instead of alerting. */
const XSS = [
  '<script>window.__xss=1</script>',
  '"><img src=x onerror="window.__xss=2">',
  "'><svg onload=window.__xss=3>",
  '<iframe srcdoc="<script>parent.__xss=4</script>"></iframe>',
  'javascript:window.__xss=5',
  '<a href="javascript:window.__xss=6">click</a>',
  '{{constructor.constructor("window.__xss=7")()}}',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=8>',
];

test.describe('an XSS corpus renders as text everywhere', () => {
  test('in claims, header, kid, JWKS fields and error messages: no dialog, no script, no injected element', async ({
    page,
    pasteToken,
  }) => {
    let dialogs = 0;
    page.on('dialog', async (d) => {
      dialogs++;
      await d.dismiss();
    });
    await page.goto('/');
    const before = await page.evaluate(
      () => document.querySelectorAll('script, iframe, img, svg, object, embed').length,
    );
    const claims = Object.fromEntries(XSS.map((x, i) => [`c${i}<b>`, x]));
    const header = { alg: 'HS256', kid: XSS[1], typ: XSS[0], jku: XSS[4], x5u: XSS[5], [XSS[2]!]: XSS[3] };
    const token = `${b64(header)}.${b64({ ...claims, iss: XSS[4], aud: XSS, sub: XSS[7], scope: XSS.join(' ') })}.c2ln`;
    await pasteToken(token);
    await expect(page.getByRole('region', { name: 'Payload' })).toContainText('window.__xss=1');
    await expect(page.getByRole('region', { name: 'Claims' })).toContainText('onerror');

    // A key with the corpus in its fields, in the verifier and in the JWKS panel's paste box.
    const jwks = JSON.stringify({
      keys: XSS.map((x, i) => ({
        kty: 'oct',
        k: b64(`secret-${i}-of-at-least-32-bytes-long!!`),
        kid: x,
        alg: XSS[i],
        use: x,
      })),
    });
    await page.getByLabel('Verification key').fill(jwks);
    await page.locator('#jwks-paste').fill(jwks);
    await expect(page.getByRole('region', { name: 'JWKS' })).toContainText('<script>');

    // Error messages that quote the input.
    await pasteToken(`${b64(XSS[1]!)}.${b64(XSS[0]!)}.c2ln`);
    await expect(page.getByRole('alert').filter({ hasText: 'could not decode' })).toBeVisible();
    await pasteToken(`${b64({ alg: XSS[0], crit: [XSS[2]] })}.${b64({ sub: 'x' })}.c2ln`);
    await page.getByLabel('Verification key').fill(XSS[1]!);
    await page.waitForTimeout(800);

    expect(dialogs).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    const injected = await page.evaluate(() => ({
      handlers: [...document.querySelectorAll('*')].flatMap((el) =>
        [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName} ${a.name}`),
      ),
      jsLinks: [...document.querySelectorAll('[href^="javascript:" i], [src^="javascript:" i]')].length,
      srcdoc: document.querySelectorAll('[srcdoc]').length,
    }));
    expect(injected).toEqual({ handlers: [], jsLinks: 0, srcdoc: 0 });
    // Only the app's own scripts, frames and images exist; none came from the corpus.
    const after = await page.evaluate(
      () =>
        [...document.querySelectorAll('script, iframe, img, svg, object, embed')].filter((el) =>
          el.outerHTML.includes('__xss'),
        ).length,
    );
    expect(after).toBe(0);
    expect(before).toBeGreaterThan(0);
  });
});
