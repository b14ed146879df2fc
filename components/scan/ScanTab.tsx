'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Panel } from '@/components/ui/Panel';
import { CompareTokens } from './CompareTokens';
import { RedactionPanel, type RedactionChoices } from './RedactionPanel';
import { ScanInput } from './ScanInput';
import { ScanProgress } from './ScanProgress';
import { TokensFoundTable } from './TokensFoundTable';
import { filePieces, textPieces, useScan } from './useScan';

export interface ScanTabProps {
  /** Shows the token in the Decode tab (no network involved). */
  onOpenInDecoder: (token: string) => void;
}

/** Typing pauses this long before a scan starts, so a paste scans once. */
const TEXT_DELAY_MS = 250;

function size(chars: number): string {
  return chars >= 1_000_000
    ? `${(chars / 1_000_000).toFixed(1)} MB`
    : chars >= 1000
      ? `${(chars / 1000).toFixed(1)} kB`
      : `${chars} characters`;
}

/**
 * The Scan tab's root: finds every token in pasted text or a dropped log or HAR file (in a worker),
 * lists them by expiry, makes a redacted copy, and compares any two tokens.
 */
export function ScanTab({ onOpenInDecoder }: ScanTabProps) {
  const [text, setText] = useState('');
  const [file, setFile] = useState<{ name: string } | undefined>();
  const { status, redacted, start, cancel, requestRedaction } = useScan();
  const [choices, setChoices] = useState<RedactionChoices>({
    mode: 'placeholder',
    tokens: true,
    cookies: true,
    authorization: true,
    parameters: true,
  });
  const [selected, setSelected] = useState<string[]>([]);
  const [compare, setCompare] = useState({ a: '', b: '' });
  const [copied, setCopied] = useState(false);
  const fromText = useRef(false);

  // Pasted text: scan a moment after the last change.
  useEffect(() => {
    if (!fromText.current) return;
    const timer = setTimeout(() => {
      if (text === '') return;
      void start('the pasted text', text.length, textPieces(text));
    }, TEXT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, start]);

  const onTextChange = useCallback((next: string) => {
    fromText.current = true;
    setFile(undefined);
    setSelected([]);
    setText(next);
  }, []);

  const onFile = useCallback(
    (chosen: File) => {
      fromText.current = false;
      setText('');
      setFile({ name: chosen.name });
      setSelected([]);
      void start(chosen.name, chosen.size, filePieces(chosen));
    },
    [start],
  );

  // A finished scan, or new choices: ask the worker for the redacted copy and its counts.
  const done = status.state === 'done' ? status : undefined;
  useEffect(() => {
    if (done) requestRedaction(choices);
  }, [done, choices, requestRedaction]);

  const rows = useMemo(() => done?.rows ?? [], [done]);
  const onToggle = useCallback(
    (fingerprint: string) => {
      setSelected((current) => {
        const next = current.includes(fingerprint)
          ? current.filter((f) => f !== fingerprint)
          : [...current, fingerprint].slice(-2);
        if (next.length === 2) {
          const token = (f: string) => rows.find((r) => r.fingerprint === f)?.token ?? '';
          setCompare({ a: token(next[0]!), b: token(next[1]!) });
        }
        return next;
      });
    },
    [rows],
  );

  const download = useCallback(() => {
    if (!redacted) return;
    const base = (file?.name ?? 'scanned').replace(/\.[^.]*$/, '');
    const anchor = document.createElement('a');
    anchor.href = URL.createObjectURL(redacted.blob);
    anchor.download = `${base}.redacted.${redacted.isHar ? 'har' : 'txt'}`;
    anchor.click();
    // The Blob lives only as long as this click needs it.
    setTimeout(() => URL.revokeObjectURL(anchor.href), 1000);
  }, [redacted, file]);

  const copy = useCallback(async () => {
    if (!redacted) return;
    await navigator.clipboard.writeText(await redacted.blob.text());
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  }, [redacted]);

  const running = status.state === 'running';
  return (
    <div className="grid gap-4">
      <Panel label="Scan for tokens">
        <div className="space-y-3">
          <p className="text-sm text-[var(--muted)]">
            Finds every JWS, unsecured JWT, JWE and SD-JWT in logs, <code>curl -v</code> output, HTTP
            requests, <code>.env</code> files and HAR files, says whose they are and whether they are still
            live, and makes a redacted copy. Everything happens in this tab.
          </p>
          <ScanInput text={text} onTextChange={onTextChange} onFile={onFile} />
          {status.state !== 'idle' ? (
            <ScanProgress
              done={status.state === 'running' ? status.done : 1}
              total={status.state === 'running' ? status.total : 1}
              running={running}
              onCancel={cancel}
            />
          ) : null}
          <p aria-live="polite" className="text-sm">
            {status.state === 'running'
              ? `Scanning ${status.source}…`
              : status.state === 'cancelled'
                ? 'Scan cancelled. Nothing of it was kept.'
                : status.state === 'failed'
                  ? status.message
                  : done
                    ? `${done.rows.length === 0 ? 'No tokens' : `${done.rows.length} distinct ${done.rows.length === 1 ? 'token' : 'tokens'} (${done.occurrences} ${done.occurrences === 1 ? 'occurrence' : 'occurrences'})`} found in ${done.source} (${size(done.chars)}${done.isHar ? `, a HAR file with ${done.entries ?? 0} entries` : ''}).`
                    : ''}
          </p>
          {done?.message ? (
            <p role="alert" className="text-sm text-[var(--warn)]">
              {done.message}
            </p>
          ) : null}
        </div>
      </Panel>
      {done && rows.length > 0 ? (
        <Panel label="Tokens found">
          <TokensFoundTable
            rows={rows}
            selected={selected}
            onToggle={onToggle}
            onOpenInDecoder={onOpenInDecoder}
          />
        </Panel>
      ) : null}
      {done ? (
        <Panel label="Redacted copy">
          <RedactionPanel
            choices={choices}
            onChange={setChoices}
            isHar={done.isHar}
            counts={redacted?.counts}
            onDownload={download}
            onCopy={() => void copy()}
            copied={copied}
          />
        </Panel>
      ) : null}
      <Panel label="Token comparison" title="Compare">
        <CompareTokens a={compare.a} b={compare.b} onChange={(a, b) => setCompare({ a, b })} />
      </Panel>
    </div>
  );
}
