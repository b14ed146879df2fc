'use client';

import { useEffect, useId, useState, type ComponentType } from 'react';
import { JsonView } from '@/components/decoder/JsonView';
import { Badge } from '@/components/ui/Badge';
import { Button } from '@/components/ui/Button';
import { CopyButton } from '@/components/ui/CopyButton';
import { Panel } from '@/components/ui/Panel';
import { decryptToken, prettyJson, type DecodeResult, type DecodedOk, type DecryptResult } from '@/lib';

export interface InnerVerifierProps {
  token: string;
  decoded: DecodeResult | undefined;
  keyText: string;
  onKeyTextChange: (key: string) => void;
}

export interface JweDecryptorProps {
  decoded: DecodedOk;
  /** The verifier to render for a nested token (the Decoder passes its Verifier); it gets its own key field. */
  InnerVerifier?: ComponentType<InnerVerifierProps>;
  /** Without a verifier to render, "Verify inner token" opens the nested token in the decoder. */
  onOpenToken?: (token: string) => void;
}

/** How long typing must pause before decryption runs again (PBES2 can take a moment). */
const DEBOUNCE_MS = 300;

/**
 * The JWE panel: a decryption key field and the decrypted result. The key stays in this
 * component's memory; decryption runs in the page with WebCrypto and nothing is sent anywhere.
 */
export function JweDecryptor({ decoded, InnerVerifier, onOpenToken }: JweDecryptorProps) {
  const keyId = useId();
  const [keyText, setKeyText] = useState('');
  const [outcome, setOutcome] = useState<{ input: string; result: DecryptResult } | undefined>();
  const [showVerifier, setShowVerifier] = useState(false);
  const input = `${decoded.token}\u0000${keyText}`;

  useEffect(() => {
    if (!keyText.trim()) return;
    let current = true;
    const timer = setTimeout(() => {
      void decryptToken(decoded.token, keyText).then((result) => {
        if (current) setOutcome({ input, result });
      });
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [decoded.token, keyText, input]);

  const result = keyText.trim() && outcome?.input === input ? outcome.result : undefined;
  const pending = keyText.trim() !== '' && result === undefined;

  return (
    <Panel label="Decryption" actions={result?.ok ? <Badge tone="ok">Decrypted</Badge> : null}>
      <label htmlFor={keyId} className="text-sm font-medium">
        Decryption key
      </label>
      <textarea
        id={keyId}
        value={keyText}
        onChange={(e) => setKeyText(e.target.value)}
        spellCheck={false}
        autoComplete="off"
        rows={4}
        placeholder="Private JWK or JWK Set, PEM private key, shared secret (text, base64url or hex) or PBES2 password"
        className="mt-1 w-full rounded-md border border-[var(--border)] bg-[var(--bg)] p-2 font-mono text-xs"
      />
      <p className="mt-1 text-xs text-[var(--muted)]">
        Decryption runs in this page with WebCrypto. The key is kept in memory only and never sent anywhere.
      </p>
      {pending ? (
        <p className="mt-2 text-sm text-[var(--muted)]" role="status">
          Decrypting…
        </p>
      ) : null}
      {result && !result.ok ? (
        <div
          role="alert"
          data-error-code={result.error.code}
          className="mt-2 rounded-md border border-[var(--danger)] p-2 text-sm"
        >
          <p className="font-semibold text-[var(--danger)]">Could not decrypt</p>
          <p className="mt-1 break-words">{result.error.message}</p>
        </div>
      ) : null}
      {result?.ok ? (
        <DecryptedResult
          result={result}
          showVerifier={showVerifier}
          onVerifyInner={(token) => (InnerVerifier ? setShowVerifier(true) : onOpenToken?.(token))}
          InnerVerifier={InnerVerifier}
        />
      ) : null}
    </Panel>
  );
}

function DecryptedResult({
  result,
  showVerifier,
  onVerifyInner,
  InnerVerifier,
}: {
  result: Extract<DecryptResult, { ok: true }>;
  showVerifier: boolean;
  onVerifyInner: (token: string) => void;
  InnerVerifier?: ComponentType<InnerVerifierProps>;
}) {
  const [innerKey, setInnerKey] = useState('');
  const isJson = typeof result.payload === 'object' && result.payload !== null;
  const inner = result.inner;
  const innerToken = inner?.ok ? inner.token : result.plaintext.trim();
  return (
    <section aria-label="Decrypted payload" className="mt-3 flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="text-sm font-semibold">Decrypted payload</h3>
        {result.plaintextIsBinary ? <Badge tone="warning">binary</Badge> : null}
        {result.recipient !== undefined ? <Badge>recipient {result.recipient + 1}</Badge> : null}
        {result.legacy ? <Badge tone="warning">legacy</Badge> : null}
        <CopyButton text={result.plaintext} label="Copy plaintext" />
      </div>
      {result.legacy ? (
        <p
          role="note"
          aria-label="Legacy algorithm"
          className="rounded-md border border-[var(--warn)] p-2 text-sm"
        >
          {result.legacy.message}
        </p>
      ) : null}
      <JsonView
        text={isJson ? prettyJson(result.plaintext) : result.plaintext}
        label="Decrypted plaintext"
        json={isJson}
      />
      {inner ? (
        <div className="rounded-md border border-[var(--border)] p-2" aria-label="Inner token" role="group">
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone="info">Nested JWT</Badge>
            <span className="text-sm">
              {inner.ok
                ? `The plaintext is a ${inner.format === 'jwe' ? 'JWE' : 'signed JWT'} (alg ${String(inner.header.alg)}).`
                : inner.error.message}
            </span>
            {inner.ok ? (
              <Button size="sm" variant="primary" onClick={() => onVerifyInner(innerToken)}>
                Verify inner token
              </Button>
            ) : null}
          </div>
          {inner.ok && inner.payloadJson !== undefined ? (
            <div className="mt-2">
              <JsonView text={inner.payloadJson} label="Inner token payload" json={inner.payloadIsJson} />
            </div>
          ) : null}
          {showVerifier && InnerVerifier ? (
            <div className="mt-2">
              <InnerVerifier
                token={innerToken}
                decoded={inner}
                keyText={innerKey}
                onKeyTextChange={setInnerKey}
              />
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
