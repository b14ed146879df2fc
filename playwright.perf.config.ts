import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// `npm run perf` only: the paste-to-render timings (e2e/perf.spec.ts), one worker so runs do not compete.
// scripts/perf.mjs serves out/ itself and passes PERF_BASE_URL; without it the usual web server starts.
const external = process.env.PERF_BASE_URL;
// Only the app's own server: the paste timings need no JWKS endpoints.
const servers = [base.webServer ?? []].flat().filter((server) => server.command.includes('serve.mjs'));

export default defineConfig({
  ...base,
  testMatch: 'perf.spec.ts',
  testIgnore: [],
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 180_000,
  use: { ...base.use, ...(external ? { baseURL: external } : {}) },
  webServer: external ? undefined : servers,
});
