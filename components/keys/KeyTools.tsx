'use client';

import { useId, useMemo, useState } from 'react';
import { Button } from '@/components/ui/Button';
import { Panel } from '@/components/ui/Panel';
import {
  KEY_TYPES,
  SECRET_ENCODINGS,
  convertKey,
  generateKey,
  type GenerateResult,
  type KeyGenType,
  type SecretEncoding,
} from '@/lib';
import { ConvertedKeys } from './ConvertedKeys';
import { GeneratedKeyView } from './GeneratedKeyView';

const SELECT = 'rounded-md border border-[var(--border)] bg-[var(--panel)] px-2 py-1 text-sm';

/** The Keys tab's root: key generation and conversion, all in WebCrypto in this page. */
export function KeyTools() {
  const ids = { type: useId(), size: useId(), alg: useId(), convert: useId(), encoding: useId() };
  const [type, setType] = useState<KeyGenType>('ec');
  const option = KEY_TYPES.find((t) => t.type === type)!;
  const [size, setSize] = useState(option.sizes[0]!.value);
  const [rsaAlg, setRsaAlg] = useState('RS256');
  const [busy, setBusy] = useState(false);
  const [generated, setGenerated] = useState<GenerateResult | undefined>(undefined);
  const [convertText, setConvertText] = useState('');
  const [secretEncoding, setSecretEncoding] = useState<SecretEncoding>('utf8');
  const converted = useMemo(
    () => (convertText.trim() ? convertKey(convertText, { secretEncoding }) : undefined),
    [convertText, secretEncoding],
  );

  function chooseType(next: KeyGenType) {
    setType(next);
    setSize(KEY_TYPES.find((t) => t.type === next)!.sizes[0]!.value);
  }

  async function generate() {
    setBusy(true);
    setGenerated(undefined);
    const r = await generateKey({ type, size, ...(type === 'rsa' ? { alg: rsaAlg } : {}) });
    setGenerated(r);
    setBusy(false);
  }

  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-[var(--muted)]">
        Keys are generated and converted in this page with WebCrypto. Nothing, and certainly no private key,
        is sent anywhere.
      </p>
      <Panel label="Generate a key">
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <label htmlFor={ids.type} className="font-semibold">
            Key type
          </label>
          <select
            id={ids.type}
            className={SELECT}
            value={type}
            onChange={(e) => chooseType(e.target.value as KeyGenType)}
          >
            {KEY_TYPES.map((t) => (
              <option key={t.type} value={t.type}>
                {t.label}
              </option>
            ))}
          </select>
          <label htmlFor={ids.size} className="font-semibold">
            Size
          </label>
          <select id={ids.size} className={SELECT} value={size} onChange={(e) => setSize(e.target.value)}>
            {option.sizes.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
          {option.algChoices ? (
            <>
              <label htmlFor={ids.alg} className="font-semibold">
                For
              </label>
              <select
                id={ids.alg}
                className={SELECT}
                value={rsaAlg}
                onChange={(e) => setRsaAlg(e.target.value)}
              >
                {option.algChoices.map((a) => (
                  <option key={a} value={a}>
                    {a}
                  </option>
                ))}
              </select>
            </>
          ) : null}
          <Button variant="primary" onClick={generate} disabled={busy}>
            Generate
          </Button>
          {busy ? (
            <span role="status" className="text-[var(--muted)]">
              Generating…
            </span>
          ) : null}
        </div>
        {generated ? (
          <div className="mt-4">
            {generated.ok ? (
              <GeneratedKeyView value={generated.value} />
            ) : (
              <p role="alert" className="text-sm text-[var(--danger)]">
                {generated.error.message}
              </p>
            )}
          </div>
        ) : null}
      </Panel>
      <Panel label="Convert a key">
        <div className="mb-1 flex flex-wrap items-center justify-between gap-2 text-sm">
          <label htmlFor={ids.convert} className="font-semibold">
            Key to convert
          </label>
          <span className="flex items-center gap-2">
            <label htmlFor={ids.encoding}>Secret encoding</label>
            <select
              id={ids.encoding}
              className={SELECT}
              value={secretEncoding}
              onChange={(e) => setSecretEncoding(e.target.value as SecretEncoding)}
            >
              {SECRET_ENCODINGS.map((enc) => (
                <option key={enc} value={enc}>
                  {enc}
                </option>
              ))}
            </select>
          </span>
        </div>
        <textarea
          id={ids.convert}
          value={convertText}
          onChange={(e) => setConvertText(e.target.value)}
          spellCheck={false}
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="off"
          rows={6}
          placeholder="Paste a PEM key (SPKI, PKCS#1, PKCS#8, SEC1), a certificate, a JWK or a JWKS"
          className="font-code w-full resize-y rounded-md border border-[var(--border)] bg-[var(--panel)] p-2 text-[13px] leading-5 break-all"
        />
        {converted ? <ConvertedKeys result={converted} /> : null}
      </Panel>
    </div>
  );
}
