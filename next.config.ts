import type { NextConfig } from 'next';

// BASE_PATH lets self-hosters serve the static export from a sub-path such as /tools/jwt.
const basePath = (process.env.BASE_PATH ?? '').replace(/\/+$/, '');

const nextConfig: NextConfig = {
  output: 'export',
  basePath: basePath || undefined,
  assetPrefix: basePath || undefined,
  images: { unoptimized: true },
  poweredByHeader: false,
  reactStrictMode: true,
  productionBrowserSourceMaps: false,
  env: { NEXT_PUBLIC_BASE_PATH: basePath },
};

export default nextConfig;
