'use client';

import dynamic from 'next/dynamic';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Decoder } from '@/components/decoder/Decoder';
import type { DecoderHints } from '@/components/decoder/DecoderHints';
import { TabsController } from '@/components/ui/TabsController';
import { loadExample } from '@/lib';
import { ServiceWorkerRegistration } from '@/components/offline/ServiceWorkerRegistration';
import { ClearEverything } from '@/components/privacy/ClearEverything';
import { LinkReader } from '@/components/share/LinkReader';
import type { GuideRequest } from '@/components/policy/types';
import { ThemeToggle } from './ThemeToggle';
import { isTabId, TABS_ID, type TabId } from './tab-ids';

// Not part of the decoder's first-load JS: each loads when its tab opens.
const Encoder = dynamic(() => import('@/components/encoder/Encoder').then((m) => m.Encoder), {
  ssr: false,
  loading: () => <p className="text-sm text-[var(--muted)]">Loading the encoder…</p>,
});
const KeyTools = dynamic(() => import('@/components/keys/KeyTools').then((m) => m.KeyTools), {
  ssr: false,
  loading: () => <p className="text-sm text-[var(--muted)]">Loading the key tools…</p>,
});
const ScanTab = dynamic(() => import('@/components/scan/ScanTab').then((m) => m.ScanTab), {
  ssr: false,
  loading: () => <p className="text-sm text-[var(--muted)]">Loading the scanner…</p>,
});

export interface AppShellProps {
  /** Server-rendered: the title and the promise. */
  intro: ReactNode;
  /** Server-rendered tab bar; the shell only moves the selection. */
  tabList: ReactNode;
  /** Server-rendered About & privacy text (its settings are a client island inside). */
  about: ReactNode;
  decoderHints: DecoderHints;
}

/**
 * The page root's only stateful part: owns the token and key text so every tab can hand a token to the
 * decoder. What never changes arrives as server-rendered nodes.
 */
export function AppShell({ intro, tabList, about, decoderHints }: AppShellProps) {
  const [tab, setTabState] = useState<TabId>('decode');
  const [visited, setVisited] = useState<ReadonlySet<TabId>>(() => new Set(['decode']));
  const setTab = useCallback((next: TabId) => {
    setTabState(next);
    setVisited((seen) => (seen.has(next) ? seen : new Set([...seen, next])));
  }, []);
  const onTabChange = useCallback((id: string) => isTabId(id) && setTab(id), [setTab]);
  const [token, setToken] = useState('');
  const [keyText, setKeyText] = useState('');
  // A guide link's policies and focus, handed from the link reader to the decoder's policy check.
  const [guide, setGuide] = useState<GuideRequest>();
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

  const openGuide = useCallback(
    (request: GuideRequest) => {
      setGuide(request);
      setTab('decode');
    },
    [setTab],
  );

  // The page paints before its scripts run; this marks the moment every control answers. (Tests wait for it
  // before they click; a stylesheet could use it too.)
  useEffect(() => {
    document.documentElement.dataset.ready = '';
  }, []);

  const clearInputs = useCallback(() => {
    setToken('');
    setKeyText('');
    setGuide(undefined);
    setGeneration((g) => g + 1);
  }, []);

  return (
    <div className="mx-auto max-w-7xl px-3 py-4 sm:px-6">
      <header className="mb-4 flex flex-wrap items-center justify-between gap-3">
        {intro}
        <div className="flex items-center gap-3">
          <ClearEverything onClearInputs={clearInputs} />
          <ThemeToggle />
        </div>
      </header>
      <LinkReader onToken={openToken} onExample={openExample} onGuide={openGuide} />
      <ServiceWorkerRegistration />
      <main key={generation}>
        <TabsController tabList={tabList} active={tab} onChange={onTabChange} idBase={TABS_ID}>
          {tab === 'decode' ? (
            <Decoder
              token={token}
              onTokenChange={setToken}
              keyText={keyText}
              onKeyTextChange={setKeyText}
              onLoadExample={openExample}
              hints={decoderHints}
              guide={guide}
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
          {visited.has('scan') ? (
            <div hidden={tab !== 'scan'}>
              <ScanTab onOpenInDecoder={openToken} />
            </div>
          ) : null}
          {tab === 'about' ? about : null}
        </TabsController>
      </main>
    </div>
  );
}
