'use client';

import { useEffect, useState } from 'react';
import { expiryState } from '@/lib';
import { Button } from '@/components/ui/Button';
import type { ScanRow } from './scan-protocol';

export interface TokensFoundTableProps {
  rows: ScanRow[];
  selected: readonly string[];
  onToggle: (fingerprint: string) => void;
  onOpenInDecoder: (token: string) => void;
}

const KIND_LABEL = { jws: 'JWS', unsecured: 'Unsecured JWT', jwe: 'JWE', 'sd-jwt': 'SD-JWT' } as const;

/** The live state at `now`; recomputed every 15 s so "expires in" stays true while the table is open. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** "Tokens found": one row per distinct token, sorted by the worker (live credentials first). */
/** Rows rendered before "Show all": a HAR can hold thousands of distinct tokens. */
const FIRST_ROWS = 25;

export function TokensFoundTable({ rows, selected, onToggle, onOpenInDecoder }: TokensFoundTableProps) {
  const now = useNow();
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? rows : rows.slice(0, FIRST_ROWS);
  return (
    <div className="overflow-x-auto">
      <table aria-label="Tokens found" className="w-full text-left text-xs">
        <thead className="text-[var(--muted)]">
          <tr>
            <th scope="col" className="p-1">
              Compare
            </th>
            <th scope="col" className="p-1">
              Fingerprint
            </th>
            <th scope="col" className="p-1">
              Kind
            </th>
            <th scope="col" className="p-1">
              alg
            </th>
            <th scope="col" className="p-1">
              iss
            </th>
            <th scope="col" className="p-1">
              sub
            </th>
            <th scope="col" className="p-1">
              aud
            </th>
            <th scope="col" className="p-1">
              State
            </th>
            <th scope="col" className="p-1">
              Count
            </th>
            <th scope="col" className="p-1">
              First seen
            </th>
            <th scope="col" className="p-1">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => {
            const state = expiryState(row.times, now);
            const tone =
              state.kind === 'expired'
                ? 'text-[var(--muted)]'
                : state.kind === 'not-yet-valid'
                  ? 'text-[var(--warn)]'
                  : 'text-[var(--danger)]';
            return (
              <tr key={row.fingerprint} className="border-t border-[var(--border)] align-top">
                <td className="p-1">
                  <input
                    type="checkbox"
                    aria-label={`Compare ${row.fingerprint}`}
                    checked={selected.includes(row.fingerprint)}
                    onChange={() => onToggle(row.fingerprint)}
                  />
                </td>
                <td className="p-1 font-mono">{row.fingerprint}</td>
                <td className="p-1">{KIND_LABEL[row.kind]}</td>
                <td className="p-1 font-mono">{row.enc ? `${row.alg ?? ''} ${row.enc}` : (row.alg ?? '')}</td>
                <td className="max-w-48 break-all p-1">{row.iss ?? ''}</td>
                <td className="max-w-32 break-all p-1">{row.sub ?? ''}</td>
                <td className="max-w-32 break-all p-1">{row.aud ?? ''}</td>
                <td className={`p-1 ${tone}`}>
                  {row.kind === 'jwe' ? 'Encrypted: claims unreadable' : `${state.label}: ${state.text}`}
                </td>
                <td className="p-1 tabular-nums">{row.count}</td>
                <td className="p-1">{row.firstSeen}</td>
                <td className="p-1">
                  <Button size="sm" onClick={() => onOpenInDecoder(row.token)} aria-label="Open in decoder">
                    Open in decoder
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {shown.length < rows.length ? (
        <Button size="sm" className="mt-2" onClick={() => setShowAll(true)}>
          Show all {rows.length} tokens
        </Button>
      ) : null}
    </div>
  );
}
