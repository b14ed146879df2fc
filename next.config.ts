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
};

export default nextConfig;
