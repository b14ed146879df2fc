import { Badge } from '@/components/ui/Badge';
import { Panel } from '@/components/ui/Panel';
import type { DecodedOk } from '@/lib';

/**
 * Every signature of a JWS JSON serialization (RFC 7515 §7.2), each with its own protected
 * and unprotected header; the verifier checks each one separately.
 */
export function SignatureList({ decoded }: { decoded: DecodedOk }) {
  const signatures = decoded.signatures ?? [];
  if (signatures.length === 0) return null;
  return (
    <Panel
      label="Signatures"
      actions={
        <Badge>
          {decoded.serialization === 'json-general' ? 'general' : 'flattened'} · {signatures.length}
        </Badge>
      }
    >
      <ol className="flex flex-col gap-3">
        {signatures.map((sig, i) => {
          const alg = sig.protected.alg ?? sig.header?.alg;
          const kid = sig.protected.kid ?? sig.header?.kid;
          return (
            <li
              key={i}
              aria-label={`Signature ${i + 1}`}
              className="rounded-md border border-[var(--border)] p-2"
            >
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <span className="font-semibold">Signature {i + 1}</span>
                <Badge>alg {String(alg ?? '(none)')}</Badge>
                {kid !== undefined ? <Badge>kid {String(kid)}</Badge> : null}
                {sig.protected.b64 === false ? <Badge tone="info">unencoded payload (RFC 7797)</Badge> : null}
              </div>
              <div className="mt-2 grid gap-2 md:grid-cols-2">
                <HeaderBlock title="Protected header" value={sig.protected} />
                <HeaderBlock title="Unprotected header" value={sig.header} />
              </div>
              <p className="mt-2 break-all font-mono text-xs text-[var(--c-signature)]">
                {sig.segments.signature}
              </p>
            </li>
          );
        })}
      </ol>
    </Panel>
  );
}

function HeaderBlock({ title, value }: { title: string; value: Record<string, unknown> | undefined }) {
  const empty = value === undefined || Object.keys(value).length === 0;
  return (
    <div>
      <h3 className="text-xs font-semibold text-[var(--muted)]">{title}</h3>
      <pre className="mt-1 overflow-x-auto rounded bg-[var(--bg)] p-2 font-mono text-xs">
        {empty ? '(none)' : JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
}
