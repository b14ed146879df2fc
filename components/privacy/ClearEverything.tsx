'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/Button';
import { clearBrowserData } from './clearBrowserData';
import { preferencesStore } from './preferences';

/**
 * One button that empties every input (the shell resets its state and remounts every tool) and everything the
 * browser keeps for this site, including remembered settings and the offline copy.
 */
export function ClearEverything({ onClearInputs }: { onClearInputs: () => void }) {
  const [status, setStatus] = useState('');

  async function clearEverything() {
    onClearInputs();
    preferencesStore.forget();
    const cleared = await clearBrowserData();
    setStatus(`Cleared every input and ${cleared.join(', ')}.`);
  }

  return (
    <div className="flex items-center gap-2">
      <Button size="sm" variant="danger" onClick={clearEverything}>
        Clear everything
      </Button>
      <span role="status" className="sr-only">
        {status}
      </span>
    </div>
  );
}
