'use client';

import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/Button';
import { addressWithoutRequest, EXAMPLE_CATALOG, readLinkRequest } from '@/lib';
import type { GuideRequest } from '@/components/policy/types';

/**
 * Reads `#token=…` (also `#id_token=`, `#access_token=`, `#value=`) and `#example=<name>` when the page loads or
 * the fragment changes, hands the token or example to the shell, then removes it from the address bar and the
 * history entry. A token in the query string is refused with an explanation. A guide link (`#policies=…`) goes
 * to `onGuide` as found; the policy check reads and validates it when it loads.
 */
export function LinkReader({
  onToken,
  onExample,
  onGuide,
}: {
  onToken: (token: string) => void;
  onExample: (name: string) => void;
  onGuide?: (guide: GuideRequest) => void;
}) {
  const [notice, setNotice] = useState('');

  useEffect(() => {
    function read() {
      const request = readLinkRequest(window.location.search, window.location.hash);
      if (request.kind === 'none') return;
      if (request.kind === 'token') onToken(request.token);
      if (request.kind === 'guide') {
        onGuide?.(request);
        if (request.token) onToken(request.token);
      }
      if (request.kind === 'example') {
        if (EXAMPLE_CATALOG.some((e) => e.name === request.name)) onExample(request.name);
        else
          setNotice(`The link asks for an example called "${request.name}", but there is none by that name.`);
      }
      if (request.kind === 'refused-query') setNotice(request.message);
      window.history.replaceState(window.history.state, '', addressWithoutRequest(window.location.href));
    }
    read();
    window.addEventListener('hashchange', read);
    return () => window.removeEventListener('hashchange', read);
  }, [onToken, onExample, onGuide]);

  if (!notice) return null;
  return (
    <div role="alert" className="mb-4 rounded-lg border border-[var(--warn)] bg-[var(--panel)] p-3 text-sm">
      <p>{notice}</p>
      <Button size="sm" className="mt-2" onClick={() => setNotice('')}>
        Dismiss
      </Button>
    </div>
  );
}
