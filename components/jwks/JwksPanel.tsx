'use client';

import { useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import { Button } from '@/components/ui/Button';
import { CopyButton } from '@/components/ui/CopyButton';
import { Panel } from '@/components/ui/Panel';
import type { DecodeResult } from '@/lib';
import type { JwksError } from '@/lib/jwks/errors';
import type { JwksKeyRow, JwksTable } from '@/lib/jwks/keys';
import type { LoadedJwks } from '@/lib/jwks/load';
import { matchTokenKid } from '@/lib/jwks/rotation';
import { jwksHintsFromToken, planJwksRequest } from '@/lib/jwks/url';
import { clockTime, duration } from './format';
import { JwksKeysTable } from './JwksKeysTable';

export interface JwksPanelProps {
  token: string;
  decoded: DecodeResult | undefined;
  /** Puts a JWK (JSON text) into the verification key. */
  onUseKey: (jwkJson: string) => void;
}

type FetchState =
  | { status: 'idle' }
  | { status: 'loading'; refresh: boolean }
  | { status: 'loaded'; input: string; loaded: LoadedJwks }
  | { status: 'error'; error: JwksError; requested: string[] };

type PasteState =
  { status: 'empty' } | { status: 'ok'; table: JwksTable } | { status: 'error'; error: JwksError };

/** The fetching and key-reading code (jose, WebCrypto, the cache) loads on first use, not with the page. */
const loadModule = () => import('@/lib/jwks/load');
type LoadModule = Awaited<ReturnType<typeof loadModule>>;
let session: { module: LoadModule; cache: InstanceType<LoadModule['JsonDocumentCache']> } | undefined;
async function jwksSession() {
  if (!session) {
    const jwksModule = await loadModule();
    session = { module: jwksModule, cache: new jwksModule.JsonDocumentCache() };
  }
  return session;
}

/**
 * The JWKS panel. Nothing is requested until "Fetch keys" is pressed; the line under the
 * field says exactly what will be requested. The key matching the token's kid goes to the verifier.
 */
export function JwksPanel({ token, decoded, onUseKey }: JwksPanelProps) {
  const hints = useMemo(
    () => (decoded?.ok ? jwksHintsFromToken(decoded.header, decoded.payload) : {}),
    [decoded],
  );
  const [typed, setTyped] = useState<string | null>(null);
  const input = typed ?? hints.suggestedUrl ?? '';
  const plan = useMemo(() => (input.trim() ? planJwksRequest(input, { token }) : undefined), [input, token]);

  const [fetchState, setFetchState] = useState<FetchState>({ status: 'idle' });
  const [pasteText, setPasteText] = useState('');
  const [paste, setPaste] = useState<PasteState>({ status: 'empty' });
  const [source, setSource] = useState<'url' | 'paste'>('url');
  const [pick, setPick] = useState<{ table: JwksTable; index: number } | undefined>(undefined);
  const [clock, setClock] = useState(() => Date.now());
  const controller = useRef<AbortController | undefined>(undefined);
  const pasteArea = useRef<HTMLTextAreaElement>(null);
  const pasteRun = useRef(0);

  useEffect(() => () => controller.current?.abort(), []);
  useEffect(() => {
    if (fetchState.status !== 'loaded') return;
    const timer = setInterval(() => setClock(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [fetchState.status]);

  async function fetchKeys(refresh: boolean) {
    const target = refresh && fetchState.status === 'loaded' ? fetchState.input : input;
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setFetchState({ status: 'loading', refresh });
    setSource('url');
    const { module: jwks, cache } = await jwksSession();
    const now = Date.now();
    const result = await jwks.loadJwks(target, {
      fetch: jwks.browserFetch,
      cache,
      now,
      refresh,
      token,
      tokenKid: hints.kid,
      signal: abort.signal,
    });
    if (abort.signal.aborted && !result.ok && result.error.code === 'jwks-aborted') return;
    setClock(now);
    setFetchState(
      result.ok
        ? { status: 'loaded', input: target, loaded: result.value }
        : { status: 'error', error: result.error, requested: result.requested },
    );
  }

  async function readPaste(text: string) {
    setPasteText(text);
    setSource('paste');
    const run = ++pasteRun.current;
    if (!text.trim()) {
      setPaste({ status: 'empty' });
      return;
    }
    const { module: jwks } = await jwksSession();
    const result = await jwks.loadPastedJwks(text, { now: Date.now(), tokenKid: hints.kid });
    if (run !== pasteRun.current) return;
    setPaste(result.ok ? { status: 'ok', table: result.table } : { status: 'error', error: result.error });
  }

  const loaded = fetchState.status === 'loaded' ? fetchState.loaded : undefined;
  const table = source === 'paste' ? (paste.status === 'ok' ? paste.table : undefined) : loaded?.table;
  const kidMatch = useMemo(
    () =>
      table
        ? matchTokenKid(hints.kid, table.rows, {
            fromCache: source === 'url' && !!loaded?.fromCache,
            removed: source === 'url' ? loaded?.rotation?.removed : undefined,
          })
        : undefined,
    [table, hints.kid, source, loaded],
  );
  const matchedRow = kidMatch?.status === 'matched' ? table?.rows[kidMatch.index] : undefined;
  const selectedIndex = pick && pick.table === table ? pick.index : matchedRow?.index;

  // The key whose kid matches goes to the verifier at once; a later manual pick is not overridden.
  const sendMatchedKey = useEffectEvent((row: JwksKeyRow) => onUseKey(row.jwkJson));
  useEffect(() => {
    if (matchedRow?.importable) sendMatchedKey(matchedRow);
  }, [matchedRow]);

  function select(row: JwksKeyRow) {
    if (!table) return;
    setPick({ table, index: row.index });
    onUseKey(row.jwkJson);
  }

  const busy = fetchState.status === 'loading';
  return (
    <Panel label="JWKS" title="JWKS (issuer keys)">
      <div className="flex flex-col gap-3 text-sm">
        <form
          className="flex flex-col gap-1"
          onSubmit={(event) => {
            event.preventDefault();
            void fetchKeys(false);
          }}
        >
          <label htmlFor="jwks-url" className="font-medium">
            JWKS or issuer URL
          </label>
          <div className="flex flex-wrap gap-2">
            <input
              id="jwks-url"
              type="url"
              inputMode="url"
              spellCheck={false}
              autoComplete="off"
              placeholder="https://issuer.example or https://issuer.example/.well-known/jwks.json"
              value={input}
              onChange={(event) => setTyped(event.target.value)}
              className="min-w-0 flex-1 rounded-md border border-[var(--border)] bg-[var(--bg)] px-2 py-1.5 font-mono text-xs"
              aria-describedby="jwks-plan"
            />
            <Button type="submit" variant="primary" disabled={busy || !plan?.ok}>
              {busy && !fetchState.refresh ? 'Fetching…' : 'Fetch keys'}
            </Button>
          </div>
          <p id="jwks-plan" data-testid="jwks-plan" className="text-xs break-all text-[var(--muted)]">
            {plan === undefined
              ? 'Nothing is requested until you press "Fetch keys".'
              : plan.ok
                ? `${plan.plan.description} No cookie, referrer or token is sent. Nothing is requested until you press "Fetch keys".`
                : plan.error.message}
          </p>
        </form>

        {fetchState.status === 'error' && source === 'url' ? (
          <ErrorNotice
            error={fetchState.error}
            requested={fetchState.requested}
            onPaste={() => pasteArea.current?.focus()}
          />
        ) : null}
        {loaded && source === 'url' ? (
          <FetchStatus loaded={loaded} clock={clock} busy={busy} onRefresh={() => void fetchKeys(true)} />
        ) : null}
        {source === 'paste' && paste.status === 'error' ? (
          <ErrorNotice error={paste.error} requested={[]} />
        ) : null}

        {table ? (
          <>
            {kidMatch ? (
              <p
                role="status"
                data-kid-status={kidMatch.status}
                className={kidMatch.status === 'missing' ? 'text-[var(--warn)]' : 'text-[var(--muted)]'}
              >
                {kidMatch.message}
                {matchedRow?.importable
                  ? ' It is used for verification; pick another key below to try it.'
                  : ''}
              </p>
            ) : null}
            {table.warnings.map((warning) => (
              <p key={warning} className="text-[var(--warn)]">
                {warning}
              </p>
            ))}
            <JwksKeysTable
              rows={table.rows}
              tokenKid={hints.kid}
              selectedIndex={selectedIndex}
              onSelect={select}
            />
          </>
        ) : null}

        <div className="flex flex-col gap-1">
          <label htmlFor="jwks-paste" className="font-medium">
            Paste JWKS
          </label>
          <p className="text-xs text-[var(--muted)]">
            If the issuer cannot be fetched from a web page, paste its JWKS (or one JWK) here. It stays in
            this page.
          </p>
          <textarea
            id="jwks-paste"
            ref={pasteArea}
            value={pasteText}
            onChange={(event) => void readPaste(event.target.value)}
            onFocus={() => pasteText.trim() && setSource('paste')}
            rows={4}
            spellCheck={false}
            placeholder='{"keys": [ ... ]}'
            className="rounded-md border border-[var(--border)] bg-[var(--bg)] p-2 font-mono text-xs"
          />
        </div>
      </div>
    </Panel>
  );
}

function FetchStatus({
  loaded,
  clock,
  busy,
  onRefresh,
}: {
  loaded: LoadedJwks;
  clock: number;
  busy: boolean;
  onRefresh: () => void;
}) {
  const age = clock - loaded.fetchedAt;
  const left = loaded.expiresAt - clock;
  return (
    <div
      className="flex flex-col gap-1 rounded-md border border-[var(--border)] p-2"
      data-testid="jwks-fetch-status"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p>
          Fetched at {clockTime(loaded.fetchedAt)} ({duration(age)} ago) from{' '}
          <code className="break-all">{loaded.jwksUrl}</code>.{' '}
          {loaded.fromCache
            ? 'Shown from the in-memory cache: no request was sent.'
            : `Requested: ${loaded.requested.join(', ')}.`}{' '}
          {left > 0 ? `Cached for ${duration(left)} more.` : 'The cached copy has expired.'}
        </p>
        <Button size="sm" onClick={onRefresh} disabled={busy}>
          {busy ? 'Refreshing…' : 'Refresh'}
        </Button>
      </div>
      {loaded.discovery?.issuerWarning ? (
        <p className="text-[var(--danger)]">{loaded.discovery.issuerWarning}</p>
      ) : null}
      {loaded.rotation ? (
        <p data-testid="jwks-rotation" className="text-[var(--warn)]">
          Key rotation since the last fetch:{' '}
          {loaded.rotation.added.length > 0 ? `added ${loaded.rotation.added.join(', ')}` : 'nothing added'};{' '}
          {loaded.rotation.removed.length > 0
            ? `removed ${loaded.rotation.removed.join(', ')}`
            : 'nothing removed'}
          .
        </p>
      ) : null}
    </div>
  );
}

function ErrorNotice({
  error,
  requested,
  onPaste,
}: {
  error: JwksError;
  requested: string[];
  onPaste?: () => void;
}) {
  return (
    <div
      role="alert"
      data-error-code={error.code}
      className="flex flex-col gap-2 rounded-md border border-[var(--danger)] p-2"
    >
      <p className="break-words">{error.message}</p>
      {requested.length > 0 ? (
        <p className="text-xs break-all text-[var(--muted)]">Requested: {requested.join(', ')}</p>
      ) : null}
      {error.curl || onPaste ? (
        <div className="flex flex-wrap gap-2">
          {error.curl ? <CopyButton text={error.curl} label="Copy curl command" /> : null}
          {onPaste ? (
            <Button size="sm" onClick={onPaste}>
              Paste JWKS instead
            </Button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
