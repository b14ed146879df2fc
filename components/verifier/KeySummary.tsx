import { Badge } from '@/components/ui/Badge';
import type { KeyImportResult } from '@/lib';

/** What the pasted key was read as, before any verification: format, keys, certificate, hints. */
export function KeySummary({ imported }: { imported: KeyImportResult }) {
  if (!imported.ok) {
    return (
      <p className="mt-1 text-sm text-[var(--danger)]" data-key-error={imported.error.code}>
        {imported.error.message}
      </p>
    );
  }
  return (
    <div
      className="mt-1 space-y-1 text-xs [overflow-wrap:anywhere] text-[var(--muted)]"
      aria-label="Key details"
    >
      {imported.keys.map((key) => (
        <div key={key.index}>
          <span className="font-semibold text-[var(--fg)]">{key.source}</span>
          {' · '}
          {key.kty}
          {key.crv ? ` ${key.crv}` : ''}
          {key.kty === 'RSA' ? ` ${key.bits} bits` : ''}
          {key.alg ? ` · alg ${key.alg}` : ''}
          {key.refusal ? (
            <span className="ml-1">
              <Badge tone="danger">refused</Badge>
            </span>
          ) : null}
          {key.certificate ? (
            <div>
              Subject {key.certificate.subject}; issuer {key.certificate.issuer}; valid{' '}
              {key.certificate.notBefore.slice(0, 10)} to {key.certificate.notAfter.slice(0, 10)}
              {key.certificate.selfIssued ? ' (self-issued)' : ''}
            </div>
          ) : null}
        </div>
      ))}
      {imported.skipped.map((s) => (
        <div key={`skipped-${s.index}`} className="text-[var(--warn)]">
          JWKS key {s.index + 1}
          {s.kid ? ` (kid '${s.kid}')` : ''} skipped: {s.message}
        </div>
      ))}
    </div>
  );
}
