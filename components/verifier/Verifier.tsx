'use client';

import { useEffect, useId, useMemo, useState } from 'react';
import { preferencesStore, usePreferences, validTolerance } from '@/components/privacy/preferences';
import { Panel } from '@/components/ui/Panel';
import { useTypedBeforeHydration } from '@/components/ui/useTypedBeforeHydration';
import type { DecodeResult, KeyImportResult, SecretEncoding, VerifyOptions, VerifyResult } from '@/lib';
import { KeySummary } from './KeySummary';
import { ClaimsVerdict, SignatureStatus } from './VerificationStatus';
import { VerifierSettings, type ClaimSettings } from './VerifierSettings';

export interface VerifierProps {
  token: string;
  decoded: DecodeResult | undefined;
  keyText: string;
  onKeyTextChange: (key: string) => void;
}

/** How long typing must pause before the signature is checked again. */
const DEBOUNCE_MS = 250;

/** jose and the key parsers load with the first verification, not with the page. */
const loadEngine = () => import('./engine');

/**
 * The verification panel: key input, claim expectations, and two separate verdicts (signature,
 * claims). It only reads the token; changing the key never alters or re-signs it.
 *
 * Before there is a token or a key the panel is just the key box and a hint: the settings, the key
 * reader and the verdicts mount with the first input. The key box itself never remounts, so typing
 * a key first keeps the caret where it is.
 */
export function Verifier(props: VerifierProps) {
  const keyId = useId();
  const { token, keyText, onKeyTextChange } = props;
  const active = token.trim() !== '' || keyText.trim() !== '';
  const keyField = useTypedBeforeHydration<HTMLTextAreaElement>(keyText, onKeyTextChange);
  return (
    <Panel label="Verify signature">
      <div className="flex flex-col gap-3">
        <div>
          <label htmlFor={keyId} className="mb-1 block text-sm font-semibold">
            Verification key
          </label>
          <textarea
            ref={keyField}
            id={keyId}
            value={keyText}
            onChange={(e) => onKeyTextChange(e.target.value)}
            spellCheck={false}
            autoComplete="off"
            autoCorrect="off"
            autoCapitalize="off"
            placeholder='A shared secret, a PEM public key or certificate, a JWK or a JWKS ({"keys": [...]})'
            className="font-code h-28 w-full resize-y rounded-md border border-[var(--border)] bg-[var(--panel)] p-2 text-[13px] leading-5 break-all"
          />
        </div>
        {active ? (
          <VerifierChecks {...props} />
        ) : (
          <SignatureStatus result={undefined} idleMessage="Paste a token to verify its signature." />
        )}
      </div>
    </Panel>
  );
}

/** Everything that needs a token or a key: settings, what the key was read as, and the two verdicts. */
function VerifierChecks({ token, decoded, keyText }: VerifierProps) {
  const [secretEncoding, setSecretEncoding] = useState<SecretEncoding>('utf8');
  const [typedClaims, setTypedClaims] = useState<ClaimSettings>({
    issuer: '',
    audience: '',
    clockTolerance: '',
  });
  // The tolerance is a shared setting (About tab), which the user may ask to remember.
  const { clockToleranceSeconds } = usePreferences();
  const claimSettings: ClaimSettings = useMemo(
    () => ({
      ...typedClaims,
      clockTolerance:
        typedClaims.clockTolerance || (clockToleranceSeconds ? String(clockToleranceSeconds) : ''),
    }),
    [typedClaims, clockToleranceSeconds],
  );
  function changeClaims(next: ClaimSettings) {
    setTypedClaims(next);
    const seconds = next.clockTolerance.trim() === '' ? 0 : validTolerance(Number(next.clockTolerance));
    if (seconds !== undefined) preferencesStore.update({ clockToleranceSeconds: seconds });
  }
  const [useX5c, setUseX5c] = useState(false);
  const [outcome, setOutcome] = useState<{ input: string; result: VerifyResult } | undefined>();
  const [keyInfo, setKeyInfo] = useState<{ input: string; imported: KeyImportResult } | undefined>();

  const header = decoded?.ok ? decoded.header : undefined;
  const hasX5c = Array.isArray(header?.x5c) && typeof header.x5c[0] === 'string';
  const alg = typeof header?.alg === 'string' ? header.alg : undefined;

  const options: VerifyOptions = useMemo(() => {
    const tolerance = Number(claimSettings.clockTolerance);
    const audience = claimSettings.audience
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean);
    return {
      secretEncoding,
      ...(claimSettings.issuer.trim() ? { issuer: claimSettings.issuer.trim() } : {}),
      ...(audience.length ? { audience } : {}),
      ...(Number.isFinite(tolerance) && tolerance > 0 ? { clockTolerance: tolerance } : {}),
      ...(useX5c && hasX5c ? { useX5c: true } : {}),
    };
  }, [secretEncoding, claimSettings, useX5c, hasX5c]);

  const canVerify = decoded?.ok === true && (keyText.trim() !== '' || options.useX5c === true);
  // A string that identifies one verification request, so a late answer never overwrites a newer one.
  const request = canVerify ? JSON.stringify([token, keyText, options]) : '';

  useEffect(() => {
    if (!request) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      void loadEngine()
        .then((engine) => engine.verifyToken(token, keyText, options))
        .then((result) => {
          if (!cancelled) setOutcome({ input: request, result });
        });
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [request, token, keyText, options]);

  // What the key was read as, shown under the key box even before there is a token.
  const keyRequest = keyText.trim() ? JSON.stringify([keyText, secretEncoding, alg ?? '']) : '';
  useEffect(() => {
    if (!keyRequest) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      void loadEngine().then((engine) => {
        const imported = engine.importVerificationKey(keyText, { secretEncoding, ...(alg ? { alg } : {}) });
        if (!cancelled) setKeyInfo({ input: keyRequest, imported });
      });
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [keyRequest, keyText, secretEncoding, alg]);

  const result = outcome && outcome.input === request ? outcome.result : undefined;
  const imported = keyInfo && keyInfo.input === keyRequest ? keyInfo.imported : undefined;

  const idleMessage = !token.trim()
    ? 'Paste a token to verify its signature.'
    : decoded && !decoded.ok
      ? 'The token could not be decoded, so its signature cannot be checked.'
      : keyText.trim() === '' && !options.useX5c
        ? 'Paste a key to verify the signature: a secret, a PEM key or certificate, a JWK or a JWKS.'
        : undefined;

  return (
    <>
      {imported ? <KeySummary imported={imported} /> : null}
      <VerifierSettings
        secretEncoding={secretEncoding}
        onSecretEncodingChange={setSecretEncoding}
        claims={claimSettings}
        onClaimsChange={changeClaims}
      />
      {hasX5c ? (
        <label className="flex items-start gap-2 rounded-md border border-[var(--warn)] p-2 text-sm">
          <input
            type="checkbox"
            checked={useX5c}
            onChange={(e) => setUseX5c(e.target.checked)}
            className="mt-1"
          />
          <span>
            Use the certificate from the token&apos;s <code>x5c</code> header. This is self-asserted: a valid
            signature then proves only that the token matches its own certificate, unless that certificate
            chains to a root you trust (not checked here).
          </span>
        </label>
      ) : null}
      <SignatureStatus result={result} idleMessage={idleMessage} />
      <ClaimsVerdict result={result} />
    </>
  );
}
