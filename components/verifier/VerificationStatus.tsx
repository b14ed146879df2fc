import { Badge } from '@/components/ui/Badge';
import type { VerifyResult } from '@/lib';

const HEADLINE = {
  valid: 'Signature verified',
  invalid: 'Invalid signature',
  error: 'Signature not checked',
} as const;
const COLOUR = {
  valid: 'text-[var(--ok)]',
  invalid: 'text-[var(--danger)]',
  error: 'text-[var(--warn)]',
} as const;

/** The "Signature" status region: verdict first, then the reason or the key that verified. */
export function SignatureStatus({
  result,
  idleMessage,
}: {
  result: VerifyResult | undefined;
  idleMessage?: string;
}) {
  return (
    <div
      role="status"
      aria-label="Signature"
      aria-live="polite"
      data-signature={idleMessage ? 'idle' : (result?.signature ?? 'pending')}
      className="rounded-md border border-[var(--border)] p-3 text-sm"
    >
      {idleMessage ? (
        <p className="text-[var(--muted)]">{idleMessage}</p>
      ) : !result ? (
        <p className="text-[var(--muted)]">Checking the signature…</p>
      ) : (
        <>
          <p className={`font-semibold ${COLOUR[result.signature]}`}>
            <span aria-hidden>
              {result.signature === 'valid' ? '✓ ' : result.signature === 'invalid' ? '✗ ' : '! '}
            </span>
            {HEADLINE[result.signature]}
            {result.key?.selfAsserted ? ' (with a key from the token itself: self-asserted)' : ''}
          </p>
          {result.key ? (
            <p className="mt-1 break-words">
              Verified with {result.key.source}
              {result.key.kid ? `, kid '${result.key.kid}'` : ''}. Thumbprint (RFC 7638, SHA-256):{' '}
              <code className="font-code break-all">{result.key.thumbprint}</code>
            </p>
          ) : null}
          {result.errors.map((e, i) => (
            <p key={i} className="mt-1 break-words" data-error-code={e.code}>
              {e.message}
            </p>
          ))}
          {result.findings.length > 0 ? (
            <ul className="mt-2 space-y-1" aria-label="Key findings">
              {result.findings.map((f, i) => (
                <li key={`${f.id}-${i}`} className="flex gap-2" data-finding={f.id}>
                  <span className="shrink-0">
                    <Badge tone={f.severity}>{f.severity}</Badge>
                  </span>
                  <span className="min-w-0 break-words">{f.message}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}
    </div>
  );
}

/** The separate claims verdict: "Claims valid" or what failed, one row per check. */
export function ClaimsVerdict({ result }: { result: VerifyResult | undefined }) {
  if (!result || result.claims === 'unchecked') return null;
  return (
    <div role="status" aria-label="Claims" className="rounded-md border border-[var(--border)] p-3 text-sm">
      <p className="font-semibold">
        <Badge tone={result.claims === 'valid' ? 'ok' : 'danger'}>{result.claims}</Badge>{' '}
        {result.claims === 'valid' ? 'Claims acceptable now' : 'Claims not acceptable now'}
        <span className="font-normal text-[var(--muted)]"> (signature valid)</span>
      </p>
      {result.checks.length > 0 ? (
        <ul className="mt-1 space-y-0.5">
          {result.checks.map((check) => (
            <li key={check.id} data-check={check.id} data-ok={check.ok}>
              <span aria-hidden>{check.ok ? '✓' : '✗'}</span>{' '}
              <span className="sr-only">{check.ok ? 'passed:' : 'failed:'}</span> {check.message}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-[var(--muted)]">No time claims or expectations to check.</p>
      )}
    </div>
  );
}
