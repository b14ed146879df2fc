'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/Button';
import { guideLinkFor, isFocusPath, type Policy } from '@/lib';

/** Past this, some browsers and chat apps cut links off (as for share links). */
const MAX_LINK_CHARS = 32_000;

/**
 * "Copy guide link": the policies, optionally the token (with the share-link warning) and a claim to point
 * at. It takes parsed policies and the token only, so no key or secret can end up in the link.
 */
export function CopyGuideLink({ policies, token }: { policies: Policy[]; token: string }) {
  const [open, setOpen] = useState(false);
  const [withToken, setWithToken] = useState(false);
  const [focus, setFocus] = useState('');
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const id = useId();
  const focusOk = focus.trim() === '' || isFocusPath(focus.trim());
  const link = open
    ? guideLinkFor(window.location.href, {
        policies,
        ...(withToken ? { token } : {}),
        ...(focus.trim() && focusOk ? { focus: focus.trim() } : {}),
      })
    : '';
  const tooLong = link.length > MAX_LINK_CHARS;

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  }

  if (!open) {
    return (
      <Button size="sm" onClick={() => setOpen(true)} disabled={policies.length === 0}>
        Copy guide link
      </Button>
    );
  }
  return (
    <div
      role="group"
      aria-label="Guide link"
      className="flex w-full flex-col gap-2 rounded-md border border-[var(--border)] p-2 text-sm"
    >
      <p>
        The link carries {policies.length === 1 ? 'the policy' : `the ${policies.length} policies`}, never a
        key or secret, after &ldquo;#&rdquo;, which browsers do not send to the server.
      </p>
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={withToken} onChange={(e) => setWithToken(e.target.checked)} />
        Include the token
      </label>
      {withToken ? (
        <p className="text-[var(--warn)]">
          Anyone who has this link can read every claim in the token, and can use the token if it is still
          valid.
        </p>
      ) : null}
      <div>
        <label htmlFor={`${id}-focus`} className="mb-1 block text-xs font-semibold text-[var(--muted)]">
          Claim to highlight (optional)
        </label>
        <input
          id={`${id}-focus`}
          value={focus}
          placeholder="aud"
          spellCheck={false}
          onChange={(e) => setFocus(e.target.value)}
          aria-invalid={!focusOk}
          className="w-full rounded-md border border-[var(--border)] bg-[var(--panel)] px-2 py-1 text-sm"
        />
        {!focusOk ? (
          <p className="text-xs text-[var(--danger)]">Give a claim path such as aud or realm_access.roles.</p>
        ) : null}
      </div>
      <label htmlFor={`${id}-link`} className="text-xs font-semibold text-[var(--muted)]">
        Guide link
      </label>
      <input
        id={`${id}-link`}
        readOnly
        value={link}
        className="font-code w-full rounded-md border border-[var(--border)] bg-[var(--panel-2)] px-2 py-1 text-xs"
      />
      {tooLong ? (
        <p className="text-[var(--danger)]">
          This link is too long to share reliably ({link.length} characters).
        </p>
      ) : null}
      <div className="flex items-center gap-2">
        <Button size="sm" variant="primary" onClick={copy} disabled={tooLong}>
          Copy link
        </Button>
        <Button
          size="sm"
          onClick={() => {
            setOpen(false);
            setCopied('idle');
          }}
        >
          Done
        </Button>
        {copied !== 'idle' ? (
          <span role="status">{copied === 'copied' ? 'Guide link copied.' : 'Copying failed.'}</span>
        ) : null}
      </div>
    </div>
  );
}
