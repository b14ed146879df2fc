// The framework's floor for `npm run perf`: the same Next and React as JWT Lens (resolved from the
// repository's node_modules, no install of its own), exported statically like the app, with nothing but
// one client textarea. Built by scripts/perf/baseline.mjs into perf/baseline/out (ignored by git).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');

export default {
  output: 'export',
  images: { unoptimized: true },
  poweredByHeader: false,
  reactStrictMode: true,
  productionBrowserSourceMaps: false,
  // next, react and react-dom live in the repository's node_modules, two levels up; Turbopack only
  // resolves packages inside its root.
  turbopack: { root: repo },
  outputFileTracingRoot: repo,
};
