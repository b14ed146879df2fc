'use client';

import { useEffect, useMemo, useState } from 'react';
import { useNow } from '@/components/claims/useNow';
import { Button } from '@/components/ui/Button';
import { Panel } from '@/components/ui/Panel';
import {
  evaluatePolicy,
  parsePolicy,
  policyResultsTable,
  policyText,
  readGuideLink,
  starterPolicyText,
  type DecodeResult,
  type Policy,
  type PolicyEvaluation,
} from '@/lib';
import { CopyGuideLink } from './CopyGuideLink';
import { ExportCode } from './ExportCode';
import { PolicyChecklist } from './PolicyChecklist';
import { PolicyEditor } from './PolicyEditor';
import { PolicyResultsTable } from './PolicyResultsTable';
import type { GuideRequest, PolicyEntry } from './types';

export type { GuideRequest };

export interface PolicyCheckProps {
  token: string;
  decoded: DecodeResult | undefined;
  /** The key in the verifier (pasted, or put there by the JWKS panel's "Fetch keys"). */
  keyText: string;
  guide?: GuideRequest;
}

let nextId = 1;

/** Past this the policy check waits: a policy is about a real token, and a multi-megabyte paste is not one. */
const MAX_TOKEN_CHARS = 100_000;

function entriesFromGuide(guide: GuideRequest | undefined): { entries?: PolicyEntry[]; notice?: string } {
  if (!guide) return {};
  const read = readGuideLink(guide);
  if (!read.ok) return { notice: read.message };
  return { entries: read.policies.map((p) => ({ id: nextId++, text: policyText({ ...p }) })) };
}

/**
 * The "Policy check" region: named policies (what each service accepts), a checklist for the one being
 * edited, and the results table across all of them. Loaded with the first decoded token, never on first
 * paint; nothing is fetched here (the signature uses the verifier's key).
 */
export function PolicyCheck({ token, decoded, keyText, guide }: PolicyCheckProps) {
  const okDecoded = decoded?.ok ? decoded : undefined;
  const [fromGuide, setFromGuide] = useState(() => entriesFromGuide(guide));
  const [entries, setEntries] = useState<PolicyEntry[]>(
    () => fromGuide.entries ?? [{ id: nextId++, text: starterPolicyText(okDecoded, 'gateway') }],
  );
  const [selected, setSelected] = useState(() => entries[0]!.id);
  const [seenGuide, setSeenGuide] = useState(guide);
  // A new guide link while the page is open replaces the policies (React's "adjust state on prop change").
  if (guide !== seenGuide) {
    setSeenGuide(guide);
    const next = entriesFromGuide(guide);
    setFromGuide(next);
    if (next.entries && next.entries.length > 0) {
      setEntries(next.entries);
      setSelected(next.entries[0]!.id);
    }
  }

  const parsed = useMemo(() => entries.map((e) => ({ entry: e, result: parsePolicy(e.text) })), [entries]);
  const valid = parsed.flatMap((p) => (p.result.ok ? [{ id: p.entry.id, policy: p.result.policy }] : []));
  const [results, setResults] = useState<{ key: string; byId: Map<number, PolicyEvaluation> }>();
  const tokenText = okDecoded?.token ?? token;
  const tooLarge = tokenText.length > MAX_TOKEN_CHARS;
  // Evaluated again every 10 s as well, so a token that expires while the page is open turns red.
  const tick = useNow(10_000);
  // Nothing of a huge input is copied: the page must keep answering while it decodes (hostile-input spec).
  const inputKey = tooLarge ? '' : JSON.stringify([tokenText, keyText, valid.map((v) => [v.id, v.policy])]);

  useEffect(() => {
    let cancelled = false;
    const now = new Date();
    if (tooLarge) return;
    void Promise.all(
      valid.map(
        async (v) => [v.id, await evaluatePolicy(tokenText, v.policy, { now, key: keyText })] as const,
      ),
    ).then((pairs) => {
      if (!cancelled) setResults({ key: inputKey, byId: new Map(pairs) });
    });
    return () => {
      cancelled = true;
    };
    // inputKey and tick capture every input of the evaluation.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [inputKey, tick]);

  const current = parsed.find((p) => p.entry.id === selected) ?? parsed[0]!;
  const nameOf = (p: (typeof parsed)[number], index: number) =>
    p.result.ok ? p.result.policy.name : `policy ${index + 1}`;
  // Results for other inputs are never shown; results from the previous tick are, until the new ones arrive.
  const evaluations = results?.key === inputKey ? results.byId : undefined;
  const table = policyResultsTable(
    valid.flatMap((v) => {
      const evaluation = evaluations?.get(v.id);
      return evaluation ? [{ name: v.policy.name, evaluation }] : [];
    }),
  );
  const currentPolicy: Policy | undefined = current.result.ok ? current.result.policy : undefined;

  function update(id: number, text: string) {
    setEntries((list) => list.map((e) => (e.id === id ? { ...e, text } : e)));
  }
  function addPolicy() {
    const entry = { id: nextId++, text: starterPolicyText(okDecoded, `service-${entries.length + 1}`) };
    setEntries((list) => [...list, entry]);
    setSelected(entry.id);
  }
  function removePolicy(id: number) {
    const rest = entries.filter((e) => e.id !== id);
    setEntries(rest);
    setSelected(rest[0]!.id);
  }

  return (
    <Panel label="Policy check">
      <p className="mb-3 text-sm text-[var(--muted)]">
        Write down what each service accepts and see, rule by rule, why this token passes one and fails
        another.
      </p>
      {tooLarge ? (
        <p role="status" className="mb-3 text-sm text-[var(--warn)]">
          This input is {tokenText.length.toLocaleString('en-US')} characters long, too large for a policy
          check (up to {MAX_TOKEN_CHARS.toLocaleString('en-US')}).
        </p>
      ) : null}
      {fromGuide.notice ? (
        <p role="alert" className="mb-3 text-sm text-[var(--danger)]">
          {fromGuide.notice}
        </p>
      ) : null}
      <div role="group" aria-label="Policies" className="mb-3 flex flex-wrap items-center gap-2">
        {parsed.map((p, index) => (
          <Button
            key={p.entry.id}
            size="sm"
            variant={p.entry.id === current.entry.id ? 'primary' : 'secondary'}
            aria-pressed={p.entry.id === current.entry.id}
            onClick={() => setSelected(p.entry.id)}
          >
            {nameOf(p, index)}
          </Button>
        ))}
        <Button size="sm" onClick={addPolicy}>
          Add policy
        </Button>
        {entries.length > 1 ? (
          <Button size="sm" variant="danger" onClick={() => removePolicy(current.entry.id)}>
            Remove policy
          </Button>
        ) : null}
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <PolicyEditor
          text={current.entry.text}
          parsed={current.result}
          onChange={(text) => update(current.entry.id, text)}
        />
        {currentPolicy ? (
          <PolicyChecklist name={currentPolicy.name} evaluation={evaluations?.get(current.entry.id)} />
        ) : (
          <p className="text-sm text-[var(--muted)]">Fix the policy to see its checklist.</p>
        )}
      </div>
      {table.rows.length > 0 ? (
        <div className="mt-4">
          <PolicyResultsTable table={table} />
        </div>
      ) : null}
      <div className="mt-4 flex flex-col items-start gap-2">
        <CopyGuideLink policies={valid.map((v) => v.policy)} token={tokenText} />
        <ExportCode policy={currentPolicy} keyText={keyText} />
      </div>
    </Panel>
  );
}
