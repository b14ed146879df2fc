import type { NextConfig } from 'next';

// BASE_PATH lets self-hosters serve the static export from a sub-path such as /tools/jwt.
const basePath = (process.env.BASE_PATH ?? '').replace(/\/+$/, '');

// EXPORT_DIR writes the export elsewhere than out/ (with output: 'export', distDir is the export folder);
// `npm run build:subpath` uses it so the BASE_PATH build the e2e tests serve does not replace out/.
const exportDir = process.env.EXPORT_DIR;

const nextConfig: NextConfig = {
  output: 'export',
  ...(exportDir ? { distDir: exportDir } : {}),
  basePath: basePath || undefined,
  assetPrefix: basePath || undefined,
  images: { unoptimized: true },
  poweredByHeader: false,
  reactStrictMode: true,
  productionBrowserSourceMaps: false,
  env: { NEXT_PUBLIC_BASE_PATH: basePath },
  // `npm test` type-checks the whole project once (`npm run typecheck`) before it builds; the build's own
  // pass would repeat it for every export (out/ and out-subpath/).
  typescript: { ignoreBuildErrors: true },
  turbopack: {
    resolveAlias: {
      // @monaco-editor/react's loader defaults to fetching Monaco from cdn.jsdelivr.net. Monaco is bundled and
      // handed over with loader.config({ monaco }), so the CDN path is dead code; the shim keeps the CDN's name
      // out of the shipped files (scripts/check-static.mjs fails the build on it) and injects no <script>.
      '@monaco-editor/loader': './components/decoder/monaco/loader-shim.ts',
    },
  },
};

export default nextConfig;
