// Makes sure the e2e tests have a Chromium: $CHROMIUM_PATH / $CHROME_PATH, /usr/bin/chromium,
// or Playwright's own browser, which is installed here when none of them exists.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { findChromium } from './browser-path.mjs';

const found = findChromium();
if (found) {
  console.log(`e2e browser: ${found.path} (from ${found.source})`);
  process.exit(0);
}
let own;
try {
  own = chromium.executablePath();
} catch {
  own = undefined;
}
if (own && existsSync(own)) {
  console.log(`e2e browser: Playwright's Chromium at ${own}`);
  process.exit(0);
}
console.log("No Chromium found ($CHROMIUM_PATH, /usr/bin/chromium); installing Playwright's Chromium…");
const result = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
if (result.status !== 0) {
  console.error(
    'Could not install a browser. Install Chromium (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.',
  );
  process.exit(result.status ?? 1);
}
