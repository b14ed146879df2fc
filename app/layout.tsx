import type { Metadata, Viewport } from 'next';
import './globals.css';

export const metadata: Metadata = {
  title: 'JWT Lens — private JWT decoder and verifier',
  description:
    'Decode, inspect and verify JWTs (JWS, JWE, JWS JSON, SD-JWT) entirely in your browser. No token, key or claim is ever sent to a server.',
  applicationName: 'JWT Lens',
  robots: { index: true, follow: true },
  // Relative icon and start URLs inside the manifest resolve against it, so BASE_PATH needs nothing more.
  manifest: `${process.env.NEXT_PUBLIC_BASE_PATH ?? ''}/manifest.webmanifest`,
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
