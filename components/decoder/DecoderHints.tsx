import type { ReactNode } from 'react';

/** What the decoder's empty panels say before a token is pasted. */
export interface DecoderHints {
  header: ReactNode;
  payload: ReactNode;
}

function EmptyHint({ text }: { text: string }) {
  return <p className="text-sm text-[var(--muted)]">{text}</p>;
}

/**
 * The empty-state hints as server-rendered nodes: the client decoder only places them, so they cost no
 * hydration and are painted with the HTML.
 */
export function decoderHints(): DecoderHints {
  return {
    header: <EmptyHint text="The decoded header appears here." />,
    payload: <EmptyHint text="The decoded payload appears here." />,
  };
}
