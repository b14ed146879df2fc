import { Badge } from '@/components/ui/Badge';
import { CopyButton } from '@/components/ui/CopyButton';
import type { JwksKeyRow } from '@/lib/jwks/keys';
import { day } from './format';

export interface JwksKeysTableProps {
  rows: readonly JwksKeyRow[];
  tokenKid?: string;
  /** The row whose key the verifier is using. */
  selectedIndex?: number;
  onSelect: (row: JwksKeyRow) => void;
}

function keyName(row: JwksKeyRow): string {
  return row.kid !== undefined ? `key ${row.kid}` : `key #${row.index + 1}`;
}

/** One row per key of the set; the token's key is highlighted and any usable key can be picked. */
export function JwksKeysTable({ rows, tokenKid, selectedIndex, onSelect }: JwksKeysTableProps) {
  return (
    <div className="overflow-x-auto">
      <table aria-label="Keys" className="w-full border-collapse text-left text-xs">
        <thead className="text-[var(--muted)]">
          <tr>
            <th scope="col" className="p-1.5">
              Use
            </th>
            <th scope="col" className="p-1.5">
              kid
            </th>
            <th scope="col" className="p-1.5">
              kty
            </th>
            <th scope="col" className="p-1.5">
              alg
            </th>
            <th scope="col" className="p-1.5">
              use
            </th>
            <th scope="col" className="p-1.5">
              key_ops
            </th>
            <th scope="col" className="p-1.5">
              Curve / size
            </th>
            <th scope="col" className="p-1.5">
              Thumbprint (RFC 7638)
            </th>
            <th scope="col" className="p-1.5">
              x5c certificate
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const matches = tokenKid !== undefined && row.kid === tokenKid;
            return (
              <tr
                key={row.index}
                data-kid={row.kid}
                data-matches-token={matches ? 'true' : undefined}
                aria-current={matches ? 'true' : undefined}
                className={`border-t border-[var(--border)] align-top ${
                  matches ? 'bg-[var(--panel-2)] outline-2 -outline-offset-2 outline-[var(--ok)]' : ''
                }`}
              >
                <td className="p-1.5">
                  <input
                    type="radio"
                    name="jwks-key"
                    aria-label={`Use ${keyName(row)}`}
                    checked={selectedIndex === row.index}
                    disabled={!row.importable}
                    onChange={() => onSelect(row)}
                  />
                </td>
                <td className="p-1.5 font-mono break-all">
                  {row.kid ?? <span className="text-[var(--muted)]">none</span>}
                  {matches ? (
                    <div className="mt-1">
                      <Badge tone="ok">Matches token kid</Badge>
                    </div>
                  ) : null}
                  {row.hasPrivateParts ? (
                    <div className="mt-1">
                      <Badge tone="danger">Private key material</Badge>
                    </div>
                  ) : null}
                </td>
                <td className="p-1.5 font-mono">{row.kty}</td>
                <td className="p-1.5 font-mono">{row.alg ?? '—'}</td>
                <td className="p-1.5 font-mono">{row.use ?? '—'}</td>
                <td className="p-1.5 font-mono">{row.keyOps?.join(', ') ?? '—'}</td>
                <td className="p-1.5">{row.size ?? '—'}</td>
                <td className="p-1.5">
                  {row.thumbprint ? (
                    <div className="flex flex-col items-start gap-1">
                      <code className="break-all">{row.thumbprint}</code>
                      <CopyButton text={row.thumbprint} label={`Copy thumbprint of ${keyName(row)}`} />
                    </div>
                  ) : (
                    '—'
                  )}
                  {row.problem ? <p className="mt-1 text-[var(--danger)]">{row.problem}</p> : null}
                </td>
                <td className="p-1.5">
                  {row.certificate === undefined ? (
                    '—'
                  ) : row.certificate.ok ? (
                    <div>
                      <div className="break-words">{row.certificate.subject}</div>
                      <div
                        className={row.certificate.expired ? 'text-[var(--danger)]' : 'text-[var(--muted)]'}
                      >
                        {row.certificate.expired ? 'Expired' : 'Expires'} {day(row.certificate.notAfter)}
                      </div>
                      <div className="text-[var(--muted)]">Read only; chain not checked.</div>
                    </div>
                  ) : (
                    <span className="text-[var(--warn)]">{row.certificate.problem}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
