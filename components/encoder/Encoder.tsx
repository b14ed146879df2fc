'use client';

import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Panel } from '@/components/ui/Panel';
import {
  SECRET_ENCODINGS,
  SIGNING_ALGORITHMS,
  convertKey,
  setTopLevelMember,
  signToken,
  signingAlgorithm,
  validateJsonObjectText,
  type SecretEncoding,
  type SignResult,
} from '@/lib';
import { ClaimShortcuts } from './ClaimShortcuts';
import { EncryptForRecipient } from './EncryptForRecipient';
import { JsonTextEditor } from './JsonTextEditor';
import { SignedTokenView } from './SignedTokenView';

export interface EncoderProps {
  /**
   * Shows the token in the Decode tab. The second argument is a public key (PEM) or, for HMAC,
   * an `oct` JWK, so the decoder can verify what was just signed.
   */
  onOpenInDecoder: (token: string, verificationKey?: string) => void;
}

const INITIAL_HEADER = '{\n  "alg": "HS256",\n  "typ": "JWT"\n}';
const INITIAL_PAYLOAD = '{\n  "sub": "1234567890",\n  "name": "Ada Lovelace"\n}';
const ENCODING_LABEL: Record<SecretEncoding, string> = {
  utf8: 'UTF-8 text',
  base64: 'base64',
  base64url: 'base64url',
  hex: 'hex',
};
const SIGN_DELAY_MS = 120;

/** The Encode tab's root: owns the header, payload, key and the latest signing result. */
export function Encoder({ onOpenInDecoder }: EncoderProps) {
  const ids = { alg: useId(), key: useId(), encoding: useId(), none: useId() };
  const [header, setHeader] = useState(INITIAL_HEADER);
  const [payload, setPayload] = useState(INITIAL_PAYLOAD);
  const [alg, setAlg] = useState('HS256');
  const [allowNone, setAllowNone] = useState(false);
  const [keyText, setKeyText] = useState('');
  const [secretEncoding, setSecretEncoding] = useState<SecretEncoding>('utf8');
  const [result, setResult] = useState<SignResult | undefined>(undefined);
  const sequence = useRef(0);

  const effectiveAlg = allowNone ? 'none' : alg;
  const isHmac = signingAlgorithm(alg)?.family === 'hmac';
  const headerCheck = useMemo(() => validateJsonObjectText(header, 'header'), [header]);
  const payloadCheck = useMemo(() => validateJsonObjectText(payload, 'payload'), [payload]);

  // Sign on every change, a moment after typing stops; only the newest result is shown.
  useEffect(() => {
    const turn = ++sequence.current;
    const timer = setTimeout(() => {
      void signToken({ header, payload }, keyText, { alg: effectiveAlg, secretEncoding, allowNone }).then(
        (r) => {
          if (turn === sequence.current) setResult(r);
        },
      );
    }, SIGN_DELAY_MS);
    return () => clearTimeout(timer);
  }, [header, payload, keyText, effectiveAlg, secretEncoding, allowNone]);

  /** The select is the source of truth for alg; the header text shows it. */
  function chooseAlg(next: string, none: boolean) {
    setAlg(next);
    setAllowNone(none);
    const edited = setTopLevelMember(header, 'header', 'alg', JSON.stringify(none ? 'none' : next));
    if (edited.ok) setHeader(edited.text);
  }

  /** Typing a known alg into the header moves the select along. */
  function editHeader(text: string) {
    setHeader(text);
    const check = validateJsonObjectText(text, 'header');
    const typed = check.ok ? check.value.alg : undefined;
    if (typeof typed === 'string' && typed !== 'none' && signingAlgorithm(typed)) setAlg(typed);
  }

  function openInDecoder(token: string) {
    const converted = allowNone ? undefined : convertKey(keyText, { secretEncoding });
    const only = converted?.ok && converted.keys.length === 1 ? converted.keys[0] : undefined;
    const verificationKey = only ? (only.publicPem ?? JSON.stringify(only.publicJwk, null, 2)) : undefined;
    onOpenInDecoder(token, verificationKey);
  }

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <div className="flex min-w-0 flex-col gap-4">
        <Panel label="Header">
          <JsonTextEditor label="Header JSON" value={header} onChange={editHeader} validation={headerCheck} />
        </Panel>
        <Panel label="Payload">
          <JsonTextEditor
            label="Payload JSON"
            value={payload}
            onChange={setPayload}
            validation={payloadCheck}
          />
          <ClaimShortcuts payload={payload} onPayloadChange={setPayload} />
        </Panel>
      </div>
      <div className="flex min-w-0 flex-col gap-4">
        <Panel label="Signing">
          <div className="flex flex-col gap-3 text-sm">
            <div className="flex flex-wrap items-center gap-2">
              <label htmlFor={ids.alg} className="font-semibold">
                Algorithm
              </label>
              <select
                id={ids.alg}
                value={alg}
                disabled={allowNone}
                onChange={(e) => chooseAlg(e.target.value, false)}
                className="rounded-md border border-[var(--border)] bg-[var(--panel)] px-2 py-1"
              >
                {SIGNING_ALGORITHMS.map((row) => (
                  <option key={row.alg} value={row.alg}>
                    {row.alg} · {row.label}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <div className="mb-1 flex flex-wrap items-center justify-between gap-2">
                <label htmlFor={ids.key} className="font-semibold">
                  {isHmac ? 'Secret' : 'Private key'}
                </label>
                {isHmac ? (
                  <span className="flex items-center gap-2">
                    <label htmlFor={ids.encoding}>Secret encoding</label>
                    <select
                      id={ids.encoding}
                      value={secretEncoding}
                      disabled={allowNone}
                      onChange={(e) => setSecretEncoding(e.target.value as SecretEncoding)}
                      className="rounded-md border border-[var(--border)] bg-[var(--panel)] px-2 py-1"
                    >
                      {SECRET_ENCODINGS.map((enc) => (
                        <option key={enc} value={enc}>
                          {ENCODING_LABEL[enc]}
                        </option>
                      ))}
                    </select>
                  </span>
                ) : null}
              </div>
              <textarea
                id={ids.key}
                value={keyText}
                disabled={allowNone}
                onChange={(e) => setKeyText(e.target.value)}
                spellCheck={false}
                autoComplete="off"
                autoCorrect="off"
                autoCapitalize="off"
                rows={isHmac ? 2 : 6}
                placeholder={
                  isHmac
                    ? 'The shared secret'
                    : 'PEM (PRIVATE KEY, RSA PRIVATE KEY, EC PRIVATE KEY) or a private JWK. Make one in the Keys tab.'
                }
                className="font-code w-full resize-y rounded-md border border-[var(--border)] bg-[var(--panel)] p-2 text-[13px] leading-5 break-all disabled:opacity-50"
              />
              <p className="mt-1 text-xs text-[var(--muted)]">
                The key stays in this page: signing runs in your browser with WebCrypto.
              </p>
            </div>
            <div className="rounded-md border border-[var(--danger)] p-2">
              <label htmlFor={ids.none} className="flex items-start gap-2">
                <input
                  id={ids.none}
                  type="checkbox"
                  checked={allowNone}
                  onChange={(e) => chooseAlg(alg, e.target.checked)}
                  className="mt-0.5"
                />
                <span>
                  <span className="font-semibold text-[var(--danger)]">
                    Create an unsigned token (alg: none)
                  </span>
                  <span className="block text-xs text-[var(--muted)]">
                    Anyone can forge such a token. Use it only to test that a server rejects it.
                  </span>
                </span>
              </label>
            </div>
          </div>
        </Panel>
        <SignedTokenView result={result} onOpenInDecoder={openInDecoder} />
        <EncryptForRecipient
          token={result?.ok ? result.token : undefined}
          onOpenInDecoder={(jwe) => onOpenInDecoder(jwe)}
        />
      </div>
    </div>
  );
}
