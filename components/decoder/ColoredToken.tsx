import { memo } from 'react';
import type { TokenPartSpan } from '@/lib';

/** Long segments are shortened in the coloured view; the textarea always holds the full text. */
const SHOW_CHARS = 4_000;

const PART_STYLE: Record<TokenPartSpan['kind'], { className: string; name: string }> = {
  header: { className: 'text-[var(--c-header)]', name: 'header' },
  payload: { className: 'text-[var(--c-payload)]', name: 'payload' },
  signature: { className: 'text-[var(--c-signature)]', name: 'signature' },
  'encrypted-key': { className: 'text-[var(--c-extra)]', name: 'encrypted key' },
  iv: { className: 'text-[var(--c-signature)]', name: 'initialization vector' },
  ciphertext: { className: 'text-[var(--c-payload)]', name: 'ciphertext' },
  tag: { className: 'text-[var(--c-extra2)]', name: 'authentication tag' },
  disclosure: { className: 'text-[var(--c-extra)]', name: 'disclosure' },
  'kb-jwt': { className: 'text-[var(--c-extra2)]', name: 'key-binding JWT' },
  separator: { className: 'text-[var(--muted)]', name: 'separator' },
  json: { className: 'text-[var(--fg)]', name: 'JSON serialization' },
};

function shorten(text: string): string {
  return text.length <= SHOW_CHARS
    ? text
    : `${text.slice(0, SHOW_CHARS)}… (${(text.length - SHOW_CHARS).toLocaleString('en-US')} more characters)`;
}

/** The token coloured by segment (header, payload, signature; JWE's five parts; SD-JWT disclosures). */
export const ColoredToken = memo(function ColoredToken({ parts }: { parts: TokenPartSpan[] }) {
  return (
    <p className="font-code text-[13px] leading-5 break-all" aria-label="Token by segment">
      {parts.map((part, i) => (
        <span
          key={i}
          className={PART_STYLE[part.kind].className}
          title={part.kind === 'separator' ? undefined : PART_STYLE[part.kind].name}
        >
          {shorten(part.text)}
        </span>
      ))}
    </p>
  );
});

/** The cleaned token with the character at `position` marked, for errors with a position. */
export function TokenWithErrorMark({ token, position }: { token: string; position: number }) {
  const start = Math.max(0, position - 60);
  const before = token.slice(start, position);
  const at = token.slice(position, position + 1);
  const after = token.slice(position + 1, position + 60);
  return (
    <p className="font-code mt-2 text-[13px] leading-5 break-all" aria-label="Error position">
      {start > 0 ? '…' : ''}
      {before}
      <mark className="rounded bg-[var(--danger)] px-0.5 text-[var(--panel)]">{at || '␄'}</mark>
      {after}
      {position + 60 < token.length ? '…' : ''}
    </p>
  );
}

export const PART_LEGEND = PART_STYLE;
