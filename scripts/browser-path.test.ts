import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM helper without type declarations
import { findChromium, SYSTEM_CHROMIUM } from './browser-path.mjs';

type Find = (
  env: Record<string, string | undefined>,
  exists: (p: string) => boolean,
) => { path: string; source: string } | undefined;
const find = findChromium as Find;

describe('findChromium', () => {
  it('prefers an environment variable that names an existing binary', () => {
    const exists = (p: string) => p === '/opt/chrome' || p === SYSTEM_CHROMIUM;
    expect(find({ CHROMIUM_PATH: '/opt/chrome' }, exists)).toEqual({
      path: '/opt/chrome',
      source: '$CHROMIUM_PATH',
    });
  });

  it('falls back to /usr/bin/chromium when the variable points nowhere', () => {
    expect(find({ CHROMIUM_PATH: '/missing' }, (p) => p === SYSTEM_CHROMIUM)?.path).toBe(SYSTEM_CHROMIUM);
  });

  it("returns nothing so that Playwright's own browser is used", () => {
    expect(find({}, () => false)).toBeUndefined();
  });
});
