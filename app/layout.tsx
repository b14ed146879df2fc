import type { Metadata, Viewport } from 'next';
import './globals.css';

/** The lens icon, as public/icon.svg (scripts/make-icons.mjs draws the same shapes into the manifest's PNGs). */
const ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#1d4ed8"/><circle cx="14" cy="14" r="7" fill="none" stroke="#fff" stroke-width="3"/><path d="M19 19l7 7" stroke="#fff" stroke-width="3" stroke-linecap="round"/></svg>';
const ICON_DATA_URL = `data:image/svg+xml,${encodeURIComponent(ICON_SVG)}`;

export const metadata: Metadata = {
  title: 'JWT Lens — private JWT decoder and verifier',
  description:
    'Decode, inspect and verify JWTs (JWS, JWE, JWS JSON, SD-JWT) entirely in your browser. No token, key or claim is ever sent to a server.',
  applicationName: 'JWT Lens',
  robots: { index: true, follow: true },
  // Relative icon and start URLs inside the manifest resolve against it, so BASE_PATH needs nothing more.
  manifest: `${process.env.NEXT_PUBLIC_BASE_PATH ?? ''}/manifest.webmanifest`,
  // The tab icon is inline, so it costs no request while the first screen loads (the installed app's icons
  // are the PNGs in the web app manifest).
  icons: { icon: [{ url: ICON_DATA_URL, type: 'image/svg+xml' }] },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f7f8fa' },
    { media: '(prefers-color-scheme: dark)', color: '#0f1117' },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      {/* The post-build CSP step inserts the Content-Security-Policy meta tag first in <head>. */}
      <head />
      <body className="min-h-screen antialiased">{children}</body>
    </html>
  );
}
