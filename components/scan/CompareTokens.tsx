'use client';

import { useDeferredValue, useId, useMemo } from 'react';
import { compareTokens, type Diff } from '@/lib';

export interface CompareTokensProps {
  a: string;
  b: string;
  onChange: (a: string, b: string) => void;
}

/** Past this a "token" is a pasted log, not a token; comparing it would only stall the page. */
const MAX_TOKEN_CHARS = 256 * 1024;

function show(value: unknown): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The "Compare tokens" region: two tokens in, the "Differences" table out. Runs on the page; tokens are small. */
export function CompareTokens({ a, b, onChange }: CompareTokensProps) {
  const ids = { a: useId(), b: useId() };
  const deferredA = useDeferredValue(a);
  const deferredB = useDeferredValue(b);
  const result = useMemo((): { error: string } | { diffs: Diff[] } | undefined => {
    if (!deferredA.trim() || !deferredB.trim()) return undefined;
    if (deferredA.length > MAX_TOKEN_CHARS || deferredB.length > MAX_TOKEN_CHARS)
      return { error: 'One of these is far longer than any token: paste one token in each box.' };
    const r = compareTokens(deferredA, deferredB);
    return r.ok ? { diffs: [...r.header, ...r.payload] } : { error: r.error.message };
  }, [deferredA, deferredB]);
  return (
    <section aria-label="Compare tokens" className="space-y-2 text-sm">
      <h3 className="font-semibold">Compare tokens</h3>
      <p className="text-xs text-[var(--muted)]">
        Select two rows above, or paste two tokens: what did the newer one gain or lose?
      </p>
      <div className="grid gap-2 md:grid-cols-2">
        {(['a', 'b'] as const).map((which) => (
          <div key={which}>
            <label htmlFor={ids[which]} className="block text-xs font-medium">
              {which === 'a' ? 'Token A' : 'Token B'}
            </label>
            <textarea
              id={ids[which]}
              value={which === 'a' ? a : b}
              onChange={(event) =>
                which === 'a' ? onChange(event.target.value, b) : onChange(a, event.target.value)
              }
              rows={3}
              spellCheck={false}
              autoComplete="off"
              className="w-full rounded-md border border-[var(--border)] bg-[var(--bg)] p-2 font-mono text-xs break-all"
            />
          </div>
        ))}
      </div>
      {result && 'error' in result ? (
        <p role="alert" className="text-xs text-[var(--danger)]">
          {result.error}
        </p>
      ) : null}
      {result && 'diffs' in result ? <DifferencesTable diffs={result.diffs} /> : null}
    </section>
  );
}

const CHANGE_LABEL: Record<Diff['change'], string> = {
  added: 'added',
  removed: 'removed',
  changed: 'changed',
  'type-changed': 'type changed',
};

function DifferencesTable({ diffs }: { diffs: Diff[] }) {
  if (diffs.length === 0) return <p className="text-xs">The two tokens have the same header and claims.</p>;
  return (
    <div className="overflow-x-auto">
      <table aria-label="Differences" className="w-full text-left text-xs">
        <thead className="text-[var(--muted)]">
          <tr>
            <th scope="col" className="p-1">
              Path
            </th>
            <th scope="col" className="p-1">
              Change
            </th>
            <th scope="col" className="p-1">
              Before
            </th>
            <th scope="col" className="p-1">
              After
            </th>
            <th scope="col" className="p-1">
              Note
            </th>
          </tr>
        </thead>
        <tbody>
          {diffs.map((d, i) => (
            <tr key={`${d.path}-${i}`} className="border-t border-[var(--border)] align-top">
              <td className="p-1 font-mono">{d.path}</td>
              <td className="p-1">{CHANGE_LABEL[d.change]}</td>
              <td className="max-w-64 break-all p-1 font-mono">{show(d.before)}</td>
              <td className="max-w-64 break-all p-1 font-mono">{show(d.after)}</td>
              <td className="p-1">{d.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
