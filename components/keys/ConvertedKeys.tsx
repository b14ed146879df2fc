import { Badge } from '@/components/ui/Badge';
import type { ConvertResult } from '@/lib';
import { KeyTextBlock, ThumbprintLine } from './KeyTextBlock';

const json = (value: unknown) => JSON.stringify(value, null, 2);
const LABEL = { danger: 'Danger', warning: 'Warning', info: 'Info' } as const;

/** The conversion of each key found in the pasted text: PEM and JWK, with thumbprints. */
export function ConvertedKeys({ result }: { result: ConvertResult }) {
  return (
    <div className="mt-3 flex flex-col gap-4" aria-label="Converted key">
      {result.ok ? null : (
        <p role="alert" className="text-sm text-[var(--danger)]" data-error-code={result.error.code}>
          {result.error.message}
        </p>
      )}
      {result.findings.length > 0 ? (
        <ul className="space-y-1">
          {result.findings.map((f, i) => (
            <li key={`${f.id}-${i}`} className="flex gap-2 text-sm">
              <Badge tone={f.severity}>{LABEL[f.severity]}</Badge>
              <span className="min-w-0 break-words">{f.message}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {result.ok
        ? result.keys.map((key, i) => {
            const base = `${key.kty.toLowerCase()}-${key.thumbprint.slice(0, 8)}`;
            return (
              <div key={i} className="flex flex-col gap-3 border-t border-[var(--border)] pt-3">
                <p className="text-sm font-semibold">
                  {key.source} · {key.kty}
                  {key.crv ? ` ${key.crv}` : ''} · {key.bits} bits
                </p>
                <ThumbprintLine thumbprint={key.thumbprint} uri={key.thumbprintUri} />
                <div className="grid gap-3 lg:grid-cols-2">
                  {key.publicPem ? (
                    <KeyTextBlock
                      label="Converted public key PEM (SPKI)"
                      text={key.publicPem}
                      filename={`${base}.public.pem`}
                    />
                  ) : null}
                  <KeyTextBlock
                    label={key.kty === 'oct' ? 'Converted JWK (secret)' : 'Converted public JWK'}
                    text={json(key.publicJwk)}
                    filename={`${base}.jwk.json`}
                    secret={key.kty === 'oct'}
                  />
                  {key.privatePem ? (
                    <KeyTextBlock
                      label="Converted private key PEM (PKCS#8)"
                      text={key.privatePem}
                      filename={`${base}.private.pem`}
                      secret
                    />
                  ) : null}
                  {key.privateJwk ? (
                    <KeyTextBlock
                      label="Converted private JWK"
                      text={json(key.privateJwk)}
                      filename={`${base}.private.jwk.json`}
                      secret
                    />
                  ) : null}
                </div>
                {key.privatePemProblem ? (
                  <p className="text-sm text-[var(--warn)]">{key.privatePemProblem}</p>
                ) : null}
              </div>
            );
          })
        : null}
    </div>
  );
}
