'use client';

import { useId, useState } from 'react';
import { ColoredToken } from '@/components/decoder/ColoredToken';
import { Button } from '@/components/ui/Button';
import { CopyButton } from '@/components/ui/CopyButton';
import { Panel } from '@/components/ui/Panel';
import {
  CONTENT_ENCRYPTION_ALGORITHMS,
  KEY_MANAGEMENT_ALGORITHMS,
  decodeToken,
  encryptToken,
  type EncryptResult,
} from '@/lib';

/** Only the algorithms that encrypt to someone's public key belong here. */
const PUBLIC_KEY_ALGS = KEY_MANAGEMENT_ALGORITHMS.filter((a) => a.kind === 'rsa' || a.kind === 'ecdh');
const SELECT = 'rounded-md border border-[var(--border)] bg-[var(--panel)] px-2 py-1 text-sm';

/** Wraps the signed token in a JWE (nested JWT, RFC 7519 §5.2) for a recipient's public key. */
export function EncryptForRecipient({
  token,
  onOpenInDecoder,
}: {
  token: string | undefined;
  onOpenInDecoder: (token: string) => void;
}) {
  const ids = { alg: useId(), enc: useId(), key: useId() };
  const [alg, setAlg] = useState('RSA-OAEP-256');
  const [enc, setEnc] = useState('A256GCM');
  const [keyText, setKeyText] = useState('');
  // Remembers which signed token was encrypted, so an edit to the token hides the stale result.
  const [outcome, setOutcome] = useState<{ from: string; result: EncryptResult } | undefined>(undefined);
  const result = outcome && outcome.from === token ? outcome.result : undefined;
  const [busy, setBusy] = useState(false);

  async function encrypt() {
    if (!token) return;
    setBusy(true);
    setOutcome({ from: token, result: await encryptToken(token, keyText, { alg, enc }) });
    setBusy(false);
  }

  const encrypted = result?.ok ? result.token : '';
  const decoded = encrypted ? decodeToken(encrypted) : undefined;
  return (
    <Panel label="Encrypt for a public key">
      <div className="flex flex-col gap-3 text-sm">
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor={ids.alg} className="font-semibold">
            Key management
          </label>
          <select id={ids.alg} className={SELECT} value={alg} onChange={(e) => setAlg(e.target.value)}>
            {PUBLIC_KEY_ALGS.map((a) => (
              <option key={a.alg} value={a.alg}>
                {a.alg}
              </option>
            ))}
          </select>
          <label htmlFor={ids.enc} className="font-semibold">
            Content encryption
          </label>
          <select id={ids.enc} className={SELECT} value={enc} onChange={(e) => setEnc(e.target.value)}>
            {CONTENT_ENCRYPTION_ALGORITHMS.map((e) => (
              <option key={e.enc} value={e.enc}>
                {e.enc}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={ids.key} className="mb-1 block font-semibold">
            Recipient public key
          </label>
          <textarea
            id={ids.key}
            value={keyText}
            onChange={(e) => setKeyText(e.target.value)}
            spellCheck={false}
            autoComplete="off"
            rows={4}
            placeholder="PEM PUBLIC KEY, certificate or public JWK (RSA, EC or X25519)"
            className="font-code w-full resize-y rounded-md border border-[var(--border)] bg-[var(--panel)] p-2 text-[13px] leading-5 break-all"
          />
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Button variant="primary" onClick={encrypt} disabled={!token || keyText.trim() === '' || busy}>
            Encrypt
          </Button>
          <CopyButton text={encrypted} label="Copy encrypted token" />
          <Button size="sm" disabled={!encrypted} onClick={() => onOpenInDecoder(encrypted)}>
            Open encrypted token in decoder
          </Button>
        </div>
        {!token ? (
          <p className="text-[var(--muted)]">Sign a token first; the signed token is what gets encrypted.</p>
        ) : null}
        {result && !result.ok ? (
          <p role="alert" className="text-[var(--danger)]">
            {result.error.message}
          </p>
        ) : null}
        {decoded?.ok ? (
          <div data-testid="encrypted-token" data-token={encrypted}>
            <ColoredToken parts={decoded.parts} />
          </div>
        ) : null}
      </div>
    </Panel>
  );
}
