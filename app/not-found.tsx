// A plain link, not next/link: this page is in the root layout's first load, and next/link costs ~3 KiB
// gzip of first-load JS (within the 150 KiB budget) for a single same-origin link.
const home = `${process.env.NEXT_PUBLIC_BASE_PATH ?? ''}/`;

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl p-8">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-[var(--muted)]">JWT Lens is a single page.</p>
      <a className="mt-4 inline-block text-[var(--accent)] underline" href={home}>
        Open the decoder
      </a>
    </main>
  );
}
