'use client';

import dynamic from 'next/dynamic';
import { memo, useEffect, useMemo, useState } from 'react';
import { highlightJson, type JsonTokenKind } from './highlightJson';
import { splitIntoBlocks } from './textBlocks';

/** Above this the lightweight view stays plain: colouring a megabyte of spans costs more than it helps. */
const HIGHLIGHT_LIMIT = 100_000;
/** Above this Monaco is not used at all (issue 8: fall back to the lightweight view for very large JSON). */
export const MONACO_LIMIT = 200_000;

const COLOURS: Record<JsonTokenKind, string> = {
  key: 'text-[var(--json-key)]',
  string: 'text-[var(--json-string)]',
  number: 'text-[var(--json-number)]',
  literal: 'text-[var(--json-literal)]',
  punct: '',
};

// Monaco is loaded only after first paint, on idle, and never for huge text (STYLE/issue 8).
const MonacoJsonEditor = dynamic(() => import('./monaco/MonacoJsonEditor'), {
  ssr: false,
  loading: () => null,
});

export interface JsonViewProps {
  text: string;
  /** Accessible name for the editor when Monaco takes over. */
  label: string;
  /** JSON gets colours and folding; plain text (a non-JSON payload) is shown as is. */
  json: boolean;
}

/** The lightweight highlighted `<pre>`; it is the whole view until Monaco has loaded. */
export const LightJson = memo(function LightJson({ text, json }: { text: string; json: boolean }) {
  const body =
    text.length > HIGHLIGHT_LIMIT ? (
      <LargeText text={text} />
    ) : json ? (
      highlightJson(text).map((t, i) =>
        t.kind === 'punct' ? (
          t.text
        ) : (
          <span key={i} className={COLOURS[t.kind]}>
            {t.text}
          </span>
        ),
      )
    ) : (
      text
    );
  return (
    <pre className="font-code max-h-[32rem] overflow-auto text-[13px] leading-5 break-words whitespace-pre-wrap">
      {body}
    </pre>
  );
});

/** Lines per block of the large-text view. */
const BLOCK_LINES = 200;
/** `leading-5`: the height of one line, for the size of blocks not laid out yet. */
const LINE_PX = 20;

/**
 * Very large text (a megabyte payload) in blocks that the browser lays out and paints only near the
 * viewport (`content-visibility: auto`). Laying out 1.7 MB of text in one `<pre>` took seconds; now the
 * whole text is still in the DOM (find in page, copy, tests) but only the visible blocks cost anything.
 * Each block keeps its line break, so the text content is exactly `text`.
 */
function LargeText({ text }: { text: string }) {
  const blocks = useMemo(() => splitIntoBlocks(text, BLOCK_LINES), [text]);
  return blocks.map((block, i) => (
    <span
      key={i}
      className="block"
      style={{ contentVisibility: 'auto', containIntrinsicSize: `auto ${block.lines * LINE_PX}px` }}
    >
      {block.text}
    </span>
  ));
}

export function JsonView({ text, label, json }: JsonViewProps) {
  const monacoWanted = useIdleFlag(json && text.length > 0 && text.length <= MONACO_LIMIT);
  const [monacoReady, setMonacoReady] = useState(false);
  const useMonaco = monacoWanted && json && text.length <= MONACO_LIMIT;
  return (
    <div className="relative">
      {useMonaco ? (
        <div className={monacoReady ? '' : 'absolute inset-0 opacity-0'} aria-hidden={!monacoReady}>
          <MonacoJsonEditor value={text} label={label} readOnly onReady={() => setMonacoReady(true)} />
        </div>
      ) : null}
      {useMonaco && monacoReady ? null : <LightJson text={text} json={json} />}
    </div>
  );
}

/** Becomes true once the browser is idle after `wanted` turns true, and stays true. */
function useIdleFlag(wanted: boolean): boolean {
  const [flag, setFlag] = useState(false);
  useEffect(() => {
    if (!wanted || flag) return;
    const w = window as Window & {
      requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number;
      cancelIdleCallback?: (id: number) => void;
    };
    if (w.requestIdleCallback) {
      const id = w.requestIdleCallback(() => setFlag(true), { timeout: 2000 });
      return () => w.cancelIdleCallback?.(id);
    }
    const id = setTimeout(() => setFlag(true), 500);
    return () => clearTimeout(id);
  }, [wanted, flag]);
  return flag;
}
