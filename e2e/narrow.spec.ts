import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/test';

// A common phone: 390 × 844 CSS pixels.
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

const top = async (page: Page, region: string) =>
  (await page.getByRole('region', { name: region }).boundingBox())!.y;

/** Interactive elements that are smaller than 24 × 24 CSS px (WCAG 2.2 SC 2.5.8), with what they are. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector =
      'button, select, textarea, input:not([type="hidden"]), [role="tab"], [role="button"], summary, a[href]';
    const small: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
      // Links inside a sentence are exempt (SC 2.5.8 "inline").
      if (el.tagName === 'A' && style.display === 'inline') continue;
      if (box.width < 24 || box.height < 24) {
        const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? '';
        small.push(`${el.tagName.toLowerCase()} "${name}" ${box.width.toFixed(0)}×${box.height.toFixed(0)}`);
      }
    }
    return small;
  });
}

async function scrollsSideways(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide: string[] = [];
    if (document.documentElement.scrollWidth > width)
      wide.push(`page ${document.documentElement.scrollWidth}`);
    // Content inside a scroll container (a code block, a wide table) may be wider: it scrolls itself, not the page.
    const insideScroller = (el: HTMLElement) => {
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(up).overflowX)) return true;
      }
      return false;
    };
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      const box = el.getBoundingClientRect();
      if (box.right > width + 1 && !insideScroller(el)) {
        wide.push(
          `${el.tagName.toLowerCase()}.${el.className.toString().slice(0, 40)} right ${box.right.toFixed(0)}`,
        );
      }
    }
    return wide.slice(0, 10);
  });
}

test('on a phone the decoded token comes first: token, Header and Payload, Expiry, Claims, then the rest', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByLabel('Load example').selectOption('rs256-id-token');
  await expect(page.getByRole('region', { name: 'Payload' })).toContainText('"iss"');
  await expect(page.getByRole('region', { name: 'Claims' })).toBeVisible();

  const token = (await page.getByLabel('Encoded token').boundingBox())!.y;
  const header = await top(page, 'Header');
  const payload = await top(page, 'Payload');
  const expiry = (await page.getByRole('status', { name: 'Expiry' }).boundingBox())!.y;
  const claims = await top(page, 'Claims');
  const verifier = await top(page, 'Verify signature');
  expect(token).toBeLessThan(header);
  expect(header).toBeLessThan(payload);
  expect(payload).toBeLessThan(expiry);
  expect(expiry).toBeLessThan(claims);
  expect(claims).toBeLessThan(verifier);
  // The payload starts within the first screen and a half.
  expect(payload).toBeLessThan(844 * 1.5);
  expect(await scrollsSideways(page)).toEqual([]);
});

test('on a phone nothing scrolls the page sideways and every target is at least 24 × 24 px', async ({
  page,
}) => {
  await page.goto('/');
  expect(await smallTargets(page)).toEqual([]);
  expect(await scrollsSideways(page)).toEqual([]);
  await page.getByLabel('Load example').selectOption('es256-access-token');
  await expect(page.getByRole('region', { name: 'Claims' })).toBeVisible();
  expect(await smallTargets(page)).toEqual([]);
  expect(await scrollsSideways(page)).toEqual([]);
  // Each tab is checked once what it loads lazily is on screen. (Waiting for the network to go quiet
  // instead can wait forever: the service worker's background pass may still be fetching.)
  const loaded: Record<string, () => Promise<void>> = {
    Encode: async () => {
      await expect(page.getByRole('region', { name: 'Signing' })).toBeVisible();
      await expect(page.locator('[data-editor="monaco"]')).toHaveCount(2, { timeout: 15_000 });
    },
    Keys: () => expect(page.getByRole('region', { name: 'Generate a key' })).toBeVisible(),
    Scan: () => expect(page.getByLabel('Text to scan')).toBeVisible(),
    'About & privacy': () => expect(page.getByRole('region', { name: 'About and privacy' })).toBeVisible(),
  };
  for (const [tab, isLoaded] of Object.entries(loaded)) {
    await page.getByRole('tab', { name: tab }).click();
    await isLoaded();
    expect(await smallTargets(page), tab).toEqual([]);
    expect(await scrollsSideways(page), tab).toEqual([]);
  }
});
