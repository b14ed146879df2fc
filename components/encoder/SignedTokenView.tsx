import { ColoredToken } from '@/components/decoder/ColoredToken';
import { Badge } from '@/components/ui/Badge';
import { Button } from '@/components/ui/Button';
import { CopyButton } from '@/components/ui/CopyButton';
import { Panel } from '@/components/ui/Panel';
import type { SignResult } from '@/lib';

const FIELD_NAME = { header: 'Header', payload: 'Payload', key: 'Key' } as const;
const LABEL = { danger: 'Danger', warning: 'Warning', info: 'Info' } as const;

/** The output: the token coloured by segment, or why there is none, plus warnings. */
export function SignedTokenView({
  result,
  onOpenInDecoder,
}: {
  result: SignResult | undefined;
  onOpenInDecoder: (token: string) => void;
}) {
  const token = result?.ok ? result.token : '';
  return (
    <Panel
      label="Signed token"
      actions={
        <>
          <CopyButton text={token} label="Copy token" />
          <Button size="sm" variant="primary" disabled={!token} onClick={() => onOpenInDecoder(token)}>
            Open in decoder
          </Button>
        </>
      }
    >
      {result === undefined ? <p className="text-sm text-[var(--muted)]">Signing…</p> : null}
      {result?.ok ? (
        <div data-testid="signed-token" data-token={result.token}>
          <ColoredToken parts={result.parts} />
          {result.keySource ? (
            <p className="mt-2 text-xs text-[var(--muted)]">Signed with: {result.keySource}</p>
          ) : null}
        </div>
      ) : null}
      {result && !result.ok ? (
        result.error.code === 'key-empty' ? (
          <p className="text-sm text-[var(--muted)]" data-error-code={result.error.code}>
            {result.error.message}
          </p>
        ) : (
          <div role="alert" data-error-code={result.error.code} className="text-sm">
            <p className="font-semibold text-[var(--danger)]">
              {result.error.field ? `${FIELD_NAME[result.error.field]}: ` : ''}cannot sign
            </p>
            <p className="mt-1 break-words">{result.error.message}</p>
          </div>
        )
      ) : null}
      {result && result.warnings.length > 0 ? (
        <ul className="mt-3 space-y-2" aria-label="Signing warnings">
          {result.warnings.map((w, i) => (
            <li key={`${w.id}-${i}`} className="flex gap-2 text-sm" data-finding={w.id}>
              <span className="shrink-0">
                <Badge tone={w.severity}>{LABEL[w.severity]}</Badge>
              </span>
              <span className="min-w-0 break-words">{w.message}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </Panel>
  );
}
