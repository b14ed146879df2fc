'use client';

import dynamic from 'next/dynamic';
import { ClaimsInspector } from '@/components/claims/ClaimsInspector';
import { ExpiryStatus } from '@/components/claims/ExpiryStatus';
import { TokenSummary } from '@/components/claims/TokenSummary';
import { useTimeHint } from '@/components/claims/useTimeHint';
import { Badge } from '@/components/ui/Badge';
import { CopyShareLink } from '@/components/share/CopyShareLink';
import { CopyButton } from '@/components/ui/CopyButton';
import { Panel } from '@/components/ui/Panel';
import { Verifier } from '@/components/verifier/Verifier';
import type { DecodedError, DecodedOk } from '@/lib';
import type { GuideRequest } from '@/components/policy/types';
import { ColoredToken, TokenWithErrorMark } from './ColoredToken';
import { FindingsList } from './FindingsList';
import { JsonView } from './JsonView';
import { TokenInput } from './TokenInput';
import type { DecoderHints } from './DecoderHints';
import { BACKGROUND_DECODE_CHARS, useDecodedToken } from './useDecodedToken';

// Not on the decoder's first screen: its code loads with the first token.
const JwksPanel = dynamic(() => import('@/components/jwks/JwksPanel').then((m) => m.JwksPanel), {
  ssr: false,
});
// JWE, SD-JWT and JWS JSON views load only when such a token is pasted: they pull in jose's
// JWE and verification code, which a plain JWT never needs (the first-load budget).
const JweDecryptor = dynamic(() => import('@/components/jwe/JweDecryptor').then((m) => m.JweDecryptor), {
  ssr: false,
});
const Disclosures = dynamic(() => import('@/components/sd-jwt/Disclosures').then((m) => m.Disclosures), {
  ssr: false,
});
// The policy check (evaluation, templates, code export) loads with the first decoded token.
const PolicyCheck = dynamic(() => import('@/components/policy/PolicyCheck').then((m) => m.PolicyCheck), {
  ssr: false,
});
const SignatureList = dynamic(
  () => import('@/components/jws-json/SignatureList').then((m) => m.SignatureList),
  { ssr: false },
);

export interface DecoderProps {
  token: string;
  onTokenChange: (token: string) => void;
  keyText: string;
  onKeyTextChange: (key: string) => void;
  onLoadExample: (name: string) => void;
  /** Server-rendered empty-state text for the Header and Payload panels. */
  hints: DecoderHints;
  /** A guide link's policies and claim to highlight. */
  guide?: GuideRequest;
}

const FORMAT_LABEL: Record<DecodedOk['format'], string> = {
  jws: 'Signed JWT (JWS)',
  unsecured: 'Unsecured JWT (alg none)',
  jwe: 'Encrypted (JWE)',
  'jws-json': 'JWS JSON serialization',
  'sd-jwt': 'SD-JWT',
};

const PART_NAME = { token: 'Token', header: 'Header', payload: 'Payload', signature: 'Signature' } as const;

/** The Decode tab's root: owns nothing but derived state; the token lives in the app shell. */
export function Decoder({
  token,
  onTokenChange,
  keyText,
  onKeyTextChange,
  onLoadExample,
  hints,
  guide,
}: DecoderProps) {
  const { decoded, pending } = useDecodedToken(token);
  // A huge paste keeps the whole page in its light mode: summary instead of textarea, no Monaco.
  const hugeInput = token.length >= BACKGROUND_DECODE_CHARS;
  const timeHint = useTimeHint();

  return (
    <div className="flex flex-col gap-4">
      {/*
        Two columns on wide screens. On narrow ones the columns dissolve (display: contents) into one list,
        and `order` puts what a reader came for first: the token, Header and Payload, Expiry, Claims, then
        the rest. Within each wide column the orders rise with the source order, so nothing moves there.
      */}
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="contents lg:flex lg:min-w-0 lg:flex-col lg:gap-4">
          <div className="order-1 flex min-w-0 flex-col gap-4">
            <TokenInput
              value={token}
              onChange={onTokenChange}
              onLoadExample={onLoadExample}
              onClear={() => onTokenChange('')}
            />
            {pending ? (
              <p role="status" className="text-sm text-[var(--muted)]">
                Decoding a large input ({(token.length / 1_000_000).toFixed(1)} MB) in the background…
              </p>
            ) : null}
            {decoded?.ok ? <TokenParts decoded={decoded} /> : null}
            {decoded && !decoded.ok ? <DecodeError error={decoded.error} token={decoded.token} /> : null}
          </div>
          <div className="order-4 min-w-0 empty:hidden">
            <ExpiryStatus decoded={decoded} />
          </div>
          <div className="order-6 min-w-0">
            <Verifier token={token} decoded={decoded} keyText={keyText} onKeyTextChange={onKeyTextChange} />
          </div>
          {decoded ? (
            <div className="order-7 min-w-0 empty:hidden">
              <FindingsList findings={decoded.findings} />
            </div>
          ) : null}
          {decoded?.ok ? (
            <div className="order-8 min-w-0 empty:hidden">
              <TokenSummary decoded={decoded} />
            </div>
          ) : null}
        </div>
        <div className="contents lg:flex lg:min-w-0 lg:flex-col lg:gap-4">
          <Panel
            className="order-2"
            label="Header"
            actions={
              decoded?.ok ? (
                <>
                  <Badge>{FORMAT_LABEL[decoded.format]}</Badge>
                  <CopyButton text={decoded.headerJson} label="Copy header" />
                </>
              ) : null
            }
          >
            {decoded?.ok ? (
              <JsonView text={decoded.headerJson} label="Decoded header" json lightweight={hugeInput} />
            ) : (
              hints.header
            )}
          </Panel>
          <Panel
            className="order-3"
            label="Payload"
            actions={
              decoded?.ok && decoded.payloadJson !== undefined ? (
                <CopyButton text={decoded.payloadJson} label="Copy payload" />
              ) : null
            }
          >
            {decoded?.ok ? (
              decoded.payloadJson !== undefined ? (
                <JsonView
                  text={decoded.payloadJson}
                  label="Decoded payload"
                  json={decoded.payloadIsJson}
                  numberHint={timeHint}
                  lightweight={hugeInput}
                />
              ) : (
                <p className="text-sm text-[var(--muted)]">
                  The payload is encrypted. Decrypting it needs the key.
                </p>
              )
            ) : (
              hints.payload
            )}
          </Panel>
          {decoded?.ok ? (
            <div className="order-5 min-w-0 empty:hidden">
              <ClaimsInspector decoded={decoded} focus={guide?.focus} />
            </div>
          ) : null}
          {decoded?.ok && decoded.format === 'jwe' ? (
            <div className="order-9 min-w-0">
              <JweDecryptor decoded={decoded} InnerVerifier={Verifier} onOpenToken={onTokenChange} />
            </div>
          ) : null}
          {decoded?.ok && decoded.format === 'sd-jwt' ? (
            <div className="order-9 min-w-0">
              <Disclosures decoded={decoded} />
            </div>
          ) : null}
          {decoded?.ok && decoded.format === 'jws-json' ? (
            <div className="order-9 min-w-0">
              <SignatureList decoded={decoded} />
            </div>
          ) : null}
        </div>
      </div>
      {/* Not for a huge paste: its light mode loads no more code while the page must answer input. */}
      {decoded?.ok && !hugeInput ? (
        <PolicyCheck token={token} decoded={decoded} keyText={keyText} guide={guide} />
      ) : null}
      {/* Discovery and fetching need a token to start from; nothing of it loads before one is pasted. */}
      {token.trim() ? <JwksPanel token={token} decoded={decoded} onUseKey={onKeyTextChange} /> : null}
    </div>
  );
}

function DecodeError({ error, token }: { error: DecodedError['error']; token: string | undefined }) {
  return (
    <div
      role="alert"
      className="rounded-lg border border-[var(--danger)] bg-[var(--panel)] p-3 text-sm"
      data-error-code={error.code}
    >
      <p className="font-semibold text-[var(--danger)]">
        {PART_NAME[error.part ?? 'token']}: could not decode
        {error.position !== undefined ? ` (character ${error.position + 1})` : ''}
      </p>
      <p className="mt-1 break-words">{error.message}</p>
      {token !== undefined && error.position !== undefined ? (
        <TokenWithErrorMark token={token} position={error.position} />
      ) : null}
    </div>
  );
}

function TokenParts({ decoded }: { decoded: DecodedOk }) {
  const segs = decoded.segments;
  return (
    <div className="rounded-lg border border-[var(--border)] bg-[var(--panel)] p-3">
      <ColoredToken parts={decoded.parts} />
      <div className="mt-2 flex flex-wrap gap-2">
        <CopyButton text={decoded.token} label="Copy token" />
        {segs.header ? <CopyButton text={segs.header} label="Copy header segment" /> : null}
        {segs.payload ? <CopyButton text={segs.payload} label="Copy payload segment" /> : null}
        {segs.signature ? <CopyButton text={segs.signature} label="Copy signature segment" /> : null}
        <CopyShareLink token={decoded.token} />
      </div>
    </div>
  );
}
