'use client';

import { useEffect, useState, useSyncExternalStore } from 'react';
import { Button } from '@/components/ui/Button';
import { cacheEverything, offlineStatus, requestOfflineStatus, subscribeOfflineStatus } from './offlineCopy';

/** How much of the app is kept for offline use, with a button to keep all of it now. */
export function OfflineCopyStatus() {
  const status = useSyncExternalStore(subscribeOfflineStatus, offlineStatus, () => undefined);
  const [asked, setAsked] = useState(false);
  useEffect(() => void requestOfflineStatus(), []);

  const text = !status
    ? 'The offline copy starts a few seconds after the page has loaded.'
    : status.complete
      ? `Every feature works offline: all ${status.total} files of the app are kept on this device.`
      : `Features you have used work offline (${status.cached} of ${status.total} files kept). The rest is saved when the page has been idle for a few seconds.`;

  return (
    <div className="flex flex-wrap items-center gap-2">
      <p role="status" aria-label="Offline copy" className="m-0">
        {text}
      </p>
      {status && !status.complete ? (
        <Button
          size="sm"
          disabled={asked}
          onClick={() => {
            setAsked(true);
            void cacheEverything();
          }}
        >
          Save every feature for offline use now
        </Button>
      ) : null}
    </div>
  );
}
