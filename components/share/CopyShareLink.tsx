'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/Button';
import { shareLinkFor } from '@/lib';

/** Past this, some browsers and chat apps cut links off. */
const MAX_LINK_CHARS = 32_000;

/**
 * "Copy share link": first a warning that anyone with the link can read the claims, then a link with the token
 * in the fragment. It takes only the token, so a key or secret cannot end up in the link.
 */
export function CopyShareLink({ token }: { token: string }) {
  const [step, setStep] = useState<'idle' | 'warning' | 'copied' | 'failed'>('idle');
  const link = step === 'idle' ? '' : shareLinkFor(window.location.href, token);
  const tooLong = link.length > MAX_LINK_CHARS;

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setStep('copied');
    } catch {
      setStep('failed');
    }
  }

  if (step === 'idle') {
    return (
      <Button size="sm" onClick={() => setStep('warning')}>
        Copy share link
      </Button>
    );
  }
  return (
    <div
      role="group"
      aria-label="Share link"
      className="w-full rounded-md border border-[var(--warn)] p-2 text-sm"
    >
      {step === 'warning' ? (
        <>
          <p>
            Anyone who has this link can read every claim in the token, and can use the token if it is still
            valid. The link holds the token only, never your key or secret, and the token is after
            &ldquo;#&rdquo;, which browsers do not send to the server.
          </p>
          {tooLong ? (
            <p className="mt-1 text-[var(--danger)]">
              This token is too long for a reliable link ({link.length.toLocaleString('en-US')} characters).
            </p>
          ) : null}
          <div className="mt-2 flex gap-2">
            <Button size="sm" variant="primary" onClick={copy} disabled={tooLong}>
              Copy link
            </Button>
            <Button size="sm" onClick={() => setStep('idle')}>
              Cancel
            </Button>
          </div>
        </>
      ) : (
        <div className="flex items-center gap-2">
          <p role="status">
            {step === 'copied' ? 'Share link copied. It contains the token only.' : 'Copying failed.'}
          </p>
          <Button size="sm" onClick={() => setStep('idle')}>
            Done
          </Button>
        </div>
      )}
    </div>
  );
}
