'use client';

import { useCallback, useState } from 'react';
import { Decoder } from '@/components/decoder/Decoder';
import { Tabs, type TabDef } from '@/components/ui/Tabs';
import { loadExample } from '@/lib';
import { AboutPrivacy } from './AboutPrivacy';
import { ThemeToggle } from './ThemeToggle';

type TabId = 'decode' | 'about';

const TABS: readonly TabDef<TabId>[] = [
  { id: 'decode', label: 'Decode' },
  { id: 'about', label: 'About & privacy' },
];

/** The page root: owns the token and key text so every tab can hand a token to the decoder. */
export function AppShell() {
  const [tab, setTab] = useState<TabId>('decode');
  const [token, setToken] = useState('');
  const [keyText, setKeyText] = useState('');

  // Examples are a lazily loaded chunk of the bundle (same origin, nothing leaves the page).
  const openExample = useCallback(async (name: string) => {
    const example = await loadExample(name);
    if (!example) return;
    setToken(example.token);
    setKeyText(example.key ?? '');
    setTab('decode');
  }, []);

  return (
    <div className="mx-auto max-w-7xl px-3 py-4 sm:px-6">
      <header className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-xl font-bold tracking-tight">JWT Lens</h1>
          <p className="text-sm text-[var(--muted)]">
            Decode, inspect and verify tokens. Everything runs in this page: nothing you paste is sent
            anywhere.
          </p>
        </div>
        <ThemeToggle />
      </header>
      <main>
        <Tabs tabs={TABS} active={tab} onChange={setTab} label="Tools">
          {tab === 'decode' ? (
            <Decoder
              token={token}
              onTokenChange={setToken}
              keyText={keyText}
              onKeyTextChange={setKeyText}
              onLoadExample={openExample}
            />
          ) : null}
          {tab === 'about' ? <AboutPrivacy /> : null}
        </Tabs>
      </main>
    </div>
  );
}
