'use client';

import dynamic from 'next/dynamic';
import { useCallback, useState } from 'react';
import { Decoder } from '@/components/decoder/Decoder';
import { Tabs, type TabDef } from '@/components/ui/Tabs';
import { loadExample } from '@/lib';
import { AboutPrivacy } from '@/components/privacy/AboutPrivacy';
import { ServiceWorkerRegistration } from '@/components/offline/ServiceWorkerRegistration';
import { ClearEverything } from '@/components/privacy/ClearEverything';
import { LinkReader } from '@/components/share/LinkReader';
import { ThemeToggle } from './ThemeToggle';

type TabId = 'decode' | 'encode' | 'keys' | 'about';

const TABS: readonly TabDef<TabId>[] = [
  { id: 'decode', label: 'Decode' },
  { id: 'encode', label: 'Encode' },
  { id: 'keys', label: 'Keys' },
  { id: 'about', label: 'About & privacy' },
];

// Not part of the decoder's first-load JS: each loads when its tab opens.
const Encoder = dynamic(() => import('@/components/encoder/Encoder').then((m) => m.Encoder), {
  ssr: false,
  loading: () => <p className="text-sm text-[var(--muted)]">Loading the encoder…</p>,
});
const KeyTools = dynamic(() => import('@/components/keys/KeyTools').then((m) => m.KeyTools), {
  ssr: false,
  loading: () => <p className="text-sm text-[var(--muted)]">Loading the key tools…</p>,
});

/** The page root: owns the token and key text so every tab can hand a token to the decoder. */
export function AppShell() {
  const [tab, setTabState] = useState<TabId>('decode');
  const [visited, setVisited] = useState<ReadonlySet<TabId>>(() => new Set(['decode']));
  const setTab = useCallback((next: TabId) => {
    setTabState(next);
    setVisited((seen) => (seen.has(next) ? seen : new Set([...seen, next])));
  }, []);
  const [token, setToken] = useState('');
  const [keyText, setKeyText] = useState('');
  // Bumped by "Clear everything": remounts every tool, which empties the inputs they own.
  const [generation, setGeneration] = useState(0);

  // Examples are a lazily loaded chunk of the bundle (same origin, nothing leaves the page).
  const openExample = useCallback(
    async (name: string) => {
      const example = await loadExample(name);
      if (!example) return;
      setToken(example.token);
      setKeyText(example.key ?? '');
      setTab('decode');
    },
    [setTab],
  );

  const openInDecoder = useCallback(
    (signed: string, verificationKey?: string) => {
      setToken(signed);
      if (verificationKey !== undefined) setKeyText(verificationKey);
      setTab('decode');
    },
    [setTab],
  );

  const openToken = useCallback(
    (text: string) => {
      setToken(text);
      setTab('decode');
    },
    [setTab],
  );

  const clearInputs = useCallback(() => {
    setToken('');
    setKeyText('');
    setGeneration((g) => g + 1);
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
        <div className="flex items-center gap-3">
          <ClearEverything onClearInputs={clearInputs} />
          <ThemeToggle />
        </div>
      </header>
      <LinkReader onToken={openToken} onExample={openExample} />
      <ServiceWorkerRegistration />
      <main key={generation}>
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
          {/* Kept mounted once opened, so a trip to the decoder does not lose the work. */}
          {visited.has('encode') ? (
            <div hidden={tab !== 'encode'}>
              <Encoder onOpenInDecoder={openInDecoder} />
            </div>
          ) : null}
          {visited.has('keys') ? (
            <div hidden={tab !== 'keys'}>
              <KeyTools />
            </div>
          ) : null}
          {tab === 'about' ? <AboutPrivacy /> : null}
        </Tabs>
      </main>
    </div>
  );
}
