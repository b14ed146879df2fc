// The smallest root layout Next accepts, with the metadata Lighthouse's SEO audit checks, so that the
// baseline is scored on the same terms as JWT Lens.
export const metadata = {
  title: 'Baseline',
  description: 'A bare Next.js static page with one client textarea, for comparison in npm run perf.',
};

export const viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
