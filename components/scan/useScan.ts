'use client';

import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { SanitizeCounts } from '@/lib';
import type { FromWorker, RedactRequest, ScanOutcome, ToWorker } from './scan-protocol';

/** Text goes to the worker in pieces of this size, so progress moves and no message is huge. */
export const CHUNK_CHARS = 1024 * 1024;

export type ScanStatus =
  | { state: 'idle' }
  | { state: 'running'; source: string; done: number; total: number }
  | ({ state: 'done'; source: string } & ScanOutcome)
  | { state: 'cancelled'; source: string }
  | { state: 'failed'; source: string; message: string };

export interface Redacted {
  id: number;
  blob: Blob;
  counts: SanitizeCounts;
  isHar: boolean;
}

/**
 * Owns the scan worker: feeds it text in chunks, follows its progress, terminates it on Cancel (which
 * stops the work at once, whatever it is doing) and asks it for redacted copies. A new scan replaces
 * the old worker, so nothing of an earlier input stays in memory.
 */
export function useScan() {
  const [status, setStatus] = useState<ScanStatus>({ state: 'idle' });
  const [redacted, setRedacted] = useState<Redacted>();
  const worker = useRef<Worker | undefined>(undefined);
  const run = useRef(0);
  const redactId = useRef(0);

  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = undefined;
  }, []);
  useEffect(() => stop, [stop]);

  const start = useCallback(
    async (source: string, total: number, pieces: AsyncIterable<string | ArrayBuffer> | Iterable<string>) => {
      stop();
      const turn = ++run.current;
      setRedacted(undefined);
      const w = new Worker(new URL('./scan.worker.ts', import.meta.url), { type: 'module' });
      worker.current = w;
      const send = (message: ToWorker) => w.postMessage(message);
      setStatus({ state: 'running', source, done: 0, total });
      let lastShown = 0;
      w.onmessage = (event: MessageEvent<FromWorker>) => {
        if (run.current !== turn) return;
        const m = event.data;
        if (m.type === 'progress') {
          // Re-render only when the bar visibly moves.
          if (m.done - lastShown < total / 200 && m.done < total) return;
          lastShown = m.done;
          setStatus((s) => (s.state === 'running' ? { ...s, done: Math.min(m.done, total) } : s));
        } else if (m.type === 'result') {
          // A transition: rendering hundreds of rows yields to the user's keystrokes instead of blocking them.
          const { type: _type, ...outcome } = m;
          void _type;
          startTransition(() => setStatus({ state: 'done', source, ...outcome }));
        } else if (m.type === 'redacted') {
          if (m.id === redactId.current)
            setRedacted({ id: m.id, blob: m.blob, counts: m.counts, isHar: m.isHar });
        } else if (m.type === 'failed') {
          setStatus({ state: 'failed', source, message: m.message });
          stop();
        }
      };
      w.onerror = () => {
        if (run.current !== turn) return;
        setStatus({
          state: 'failed',
          source,
          message:
            'The scan stopped unexpectedly (the file may be too large for this browser tab). Try a smaller file.',
        });
        stop();
      };
      try {
        for await (const piece of pieces) {
          if (run.current !== turn) return;
          if (typeof piece === 'string') send({ type: 'chunk', text: piece, now: Date.now() });
          else w.postMessage({ type: 'bytes', bytes: piece, now: Date.now() } satisfies ToWorker, [piece]);
        }
      } catch (err) {
        if (run.current !== turn) return;
        setStatus({
          state: 'failed',
          source,
          message: `The file could not be read: ${err instanceof Error ? err.message : String(err)}.`,
        });
        stop();
        return;
      }
      if (run.current === turn) send({ type: 'end', now: Date.now() });
    },
    [stop],
  );

  const cancel = useCallback(() => {
    run.current++;
    stop();
    setRedacted(undefined);
    setStatus((s) => ({ state: 'cancelled', source: 'source' in s ? s.source : '' }));
  }, [stop]);

  const requestRedaction = useCallback((request: Omit<RedactRequest, 'id'>) => {
    const id = ++redactId.current;
    setRedacted(undefined);
    worker.current?.postMessage({ type: 'redact', request: { ...request, id } } satisfies ToWorker);
  }, []);

  return { status, redacted, start, cancel, requestRedaction };
}

/** A string in CHUNK_CHARS pieces. */
export function* textPieces(text: string): Iterable<string> {
  for (let i = 0; i < text.length; i += CHUNK_CHARS) yield text.slice(i, i + CHUNK_CHARS);
  if (text.length === 0) yield '';
}

/** Bytes per file read: large enough to be quick, small enough that the bar moves. */
export const CHUNK_BYTES = 2 * 1024 * 1024;

/**
 * A file's bytes in CHUNK_BYTES pieces, each transferred to the worker as it is, so the page neither
 * decodes nor copies the text. The File itself never reaches the worker.
 */
export async function* filePieces(file: Blob): AsyncIterable<ArrayBuffer> {
  for (let offset = 0; offset < file.size; offset += CHUNK_BYTES) {
    yield await file.slice(offset, offset + CHUNK_BYTES).arrayBuffer();
  }
}
