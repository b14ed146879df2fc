/** The page title and promise: static, so it is server-rendered and costs no hydration. */
export function SiteIntro() {
  return (
    <div>
      <h1 className="text-xl font-bold tracking-tight">JWT Lens</h1>
      <p className="text-sm text-[var(--muted)]">
        Decode, inspect and verify tokens. Everything runs in this page: nothing you paste is sent anywhere.
      </p>
    </div>
  );
}
