'use client';

import { LazyMonacoJsonEditor, useMonacoWanted } from './monaco/LazyMonacoJsonEditor';
import { memo, useId, useMemo, useState } from 'react';
import { highlightJson, type JsonTokenKind } from './highlightJson';
import { shortenForDisplay, shortenLongLines } from '@/components/ui/shortenForDisplay';
import { splitIntoBlocks } from './textBlocks';

/** Above this the lightweight view stays plain: colouring a megabyte of spans costs more than it helps. */
const HIGHLIGHT_LIMIT = 100_000;
/** Past this even the block view lays out too slowly (a hostile 10 MB paste). */
const LARGE_TEXT_LIMIT = 4_000_000;
/** Longer lines (one giant value) are cut in the large view: the browser lays a wrapped line out in one go. */
const LARGE_LINE_LIMIT = 20_000;
/** Above this Monaco is not used at all (fall back to the lightweight view for very large JSON). */
export const MONACO_LIMIT = 200_000;

const COLOURS: Record<JsonTokenKind, string> = {
  key: 'text-[var(--json-key)]',
  string: 'text-[var(--json-string)]',
  number: 'text-[var(--json-number)]',
  literal: 'text-[var(--json-literal)]',
  punct: '',
};

export interface JsonViewProps {
  text: string;
  /** Accessible name for the editor when Monaco takes over. */
  label: string;
  /** JSON gets colours and folding; plain text (a non-JSON payload) is shown as is. */
  json: boolean;
  /** Extra text shown on hover or focus of a `"key": number` member, e.g. a readable time. */
  numberHint?: NumberHint;
  /**
   * Keep the lightweight view, no Monaco: set while a huge input is loaded, so the editor's
   * evaluation, a long task of its own, never competes with the page's answer to input.
   */
  lightweight?: boolean;
}

export type NumberHint = (key: string, value: number) => string | undefined;

/** The lightweight highlighted `<pre>`; it is the whole view until Monaco has loaded. */
export const LightJson = memo(function LightJson({
  text,
  json,
  numberHint,
}: {
  text: string;
  json: boolean;
  numberHint?: NumberHint;
}) {
  let lastKey: string | undefined;
  const body =
    text.length > HIGHLIGHT_LIMIT ? (
      <LargeText text={shortenForDisplay(shortenLongLines(text, LARGE_LINE_LIMIT), LARGE_TEXT_LIMIT)} />
    ) : json ? (
      highlightJson(text).map((t, i) => {
        if (t.kind === 'punct') return t.text;
        if (t.kind === 'key') lastKey = parseKey(t.text);
        const hint =
          t.kind === 'number' && lastKey !== undefined ? numberHint?.(lastKey, Number(t.text)) : undefined;
        return hint ? (
          <HintedNumber key={i} text={t.text} hint={hint} />
        ) : (
          <span key={i} className={COLOURS[t.kind]}>
            {t.text}
          </span>
        );
      })
    ) : (
      text
    );
  return (
    <pre className="font-code max-h-[32rem] overflow-auto text-[13px] leading-5 break-words whitespace-pre-wrap">
      {body}
    </pre>
  );
});

function parseKey(quoted: string): string | undefined {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return undefined;
  }
}

/** A number with a hint (a readable time): shown on hover or keyboard focus, in the DOM only while shown. */
function HintedNumber({ text, hint }: { text: string; hint: string }) {
  const [shown, setShown] = useState(false);
  const id = useId();
  return (
    <span
      tabIndex={0}
      data-number-hint={hint}
      aria-describedby={shown ? id : undefined}
      onMouseEnter={() => setShown(true)}
      onMouseLeave={() => setShown(false)}
      onFocus={() => setShown(true)}
      onBlur={() => setShown(false)}
      className={`relative cursor-help underline decoration-dotted underline-offset-2 ${COLOURS.number}`}
    >
      {text}
      {shown ? (
        <span
          role="tooltip"
          id={id}
          className="absolute top-full left-0 z-20 mt-1 rounded border border-[var(--border)] bg-[var(--panel)] px-2 py-1 text-xs whitespace-nowrap text-[var(--fg)] shadow-lg select-none"
        >
          {hint}
        </span>
      ) : null}
    </span>
  );
}

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

export function JsonView({ text, label, json, numberHint, lightweight = false }: JsonViewProps) {
  const monacoFits = !lightweight && json && text.length > 0 && text.length <= MONACO_LIMIT;
  const monacoWanted = useMonacoWanted(monacoFits);
  const [monacoReady, setMonacoReady] = useState(false);
  const useMonaco = monacoWanted && monacoFits;
  return (
    <div className="relative">
      {useMonaco ? (
        <div className={monacoReady ? '' : 'absolute inset-0 opacity-0'} aria-hidden={!monacoReady}>
          <LazyMonacoJsonEditor
            value={text}
            label={label}
            readOnly
            onReady={() => setMonacoReady(true)}
            {...(numberHint ? { numberHint } : {})}
          />
        </div>
      ) : null}
      {useMonaco && monacoReady ? null : <LightJson text={text} json={json} numberHint={numberHint} />}
    </div>
  );
}
