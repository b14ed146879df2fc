import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl p-8">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-[var(--muted)]">JWT Lens is a single page.</p>
      <Link className="mt-4 inline-block text-[var(--accent)] underline" href="/">
        Open the decoder
      </Link>
    </main>
  );
}
