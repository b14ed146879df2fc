// Where the e2e tests find Chromium: an environment variable, then Debian's /usr/bin/chromium,
// then Playwright's own browser (undefined here means "let Playwright use its own").
import { existsSync } from 'node:fs';

export const BROWSER_ENV_VARS = ['CHROMIUM_PATH', 'CHROME_PATH', 'PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH'];
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export function findChromium(env = process.env, exists = existsSync) {
  for (const name of BROWSER_ENV_VARS) {
    const value = env[name];
    if (value && exists(value)) return { path: value, source: `$${name}` };
  }
  if (exists(SYSTEM_CHROMIUM)) return { path: SYSTEM_CHROMIUM, source: SYSTEM_CHROMIUM };
  return undefined;
}

/** Flags measured to work on locked-down machines: no sandbox as root, no background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
