import { defineConfig } from '@playwright/test';
// @ts-expect-error -- plain ESM helper shared with scripts/ensure-browser.mjs
import { CHROMIUM_ARGS, findChromium } from './scripts/browser-path.mjs';

const APP_PORT = Number(process.env.E2E_PORT ?? 4173);
// The local identity provider of the JWKS tests: another port, so its requests are cross-origin.
const JWKS_PORT = Number(process.env.E2E_JWKS_PORT ?? 4180);
const browser = (findChromium as () => { path: string } | undefined)();

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // Timings run in `npm run perf` (playwright.perf.config.ts), never as flaky assertions in `npm test`.
  testIgnore: '**/perf.spec.ts',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 30_000,
  // Generous for a shared 2-core machine (lazy chunks under load); passing assertions return at once.
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  // Tests tagged @alone measure responsiveness (long tasks, input delay) on this 2-core machine: they
  // run after every other test, one at a time, so no second browser shares the cores with them.
  projects: [
    { name: 'main', grepInvert: /@alone/ },
    { name: 'alone', grep: /@alone/, dependencies: ['main'], workers: 1 },
  ],
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    browserName: 'chromium',
    trace: 'retain-on-failure',
    launchOptions: {
      ...(browser ? { executablePath: browser.path } : {}),
      args: CHROMIUM_ARGS as string[],
    },
  },
  webServer: [
    {
      // The built static export, exactly as `npm start` serves it.
      command: `node scripts/serve.mjs out`,
      env: { PORT: String(APP_PORT), HOST: '127.0.0.1' },
      url: `http://127.0.0.1:${APP_PORT}/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // Discovery, JWKS, no-CORS, slow, HTML, 5 MB and rotating endpoints; see the file's header.
      command: 'node e2e/servers/jwks-server.mjs',
      env: { JWKS_PORT: String(JWKS_PORT) },
      url: `http://127.0.0.1:${JWKS_PORT}/__health`,
      reuseExistingServer: false,
      timeout: 15_000,
    },
  ],
});
