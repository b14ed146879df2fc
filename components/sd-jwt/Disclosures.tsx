'use client';

import { useState } from 'react';
import { JsonView } from '@/components/decoder/JsonView';
import { SignatureList } from '@/components/jws-json/SignatureList';
import { Badge } from '@/components/ui/Badge';
import { Button } from '@/components/ui/Button';
import { Panel } from '@/components/ui/Panel';
import {
  verifyKeyBinding,
  type DecodedOk,
  type KeyBindingResult,
  type SdDisclosure,
  type SdJwtInfo,
} from '@/lib';

const STATUS: Record<SdDisclosure['status'], { label: string; tone: 'ok' | 'danger' | 'warning' }> = {
  matched: { label: 'digest matches', tone: 'ok' },
  unreferenced: { label: 'digest not in token', tone: 'danger' },
  invalid: { label: 'invalid', tone: 'danger' },
  unchecked: { label: 'not checked', tone: 'warning' },
};

/**
 * The SD-JWT view: every claim the holder disclosed (with its digest status), every digest it
 * withheld, the fully disclosed payload and the key-binding JWT. An SD-JWT in the JWS JSON
 * serialization (RFC 9901 §8) gets the same view, plus its signatures as a JWS JSON has them.
 */
export function Disclosures({ decoded }: { decoded: DecodedOk }) {
  const info = decoded.sdJwt;
  if (!info) return null;
  const json = decoded.serialization !== 'compact';
  return (
    <>
      <DisclosurePanel decoded={decoded} info={info} json={json} />
      {json ? <SignatureList decoded={decoded} /> : null}
    </>
  );
}

function DisclosurePanel({ decoded, info, json }: { decoded: DecodedOk; info: SdJwtInfo; json: boolean }) {
  return (
    <Panel
      label="Disclosures"
      actions={
        <>
          {json ? (
            <Badge tone="info">
              JWS JSON {decoded.serialization === 'json-general' ? 'general' : 'flattened'}
            </Badge>
          ) : null}
          <Badge>{info.disclosures.length} disclosed</Badge>
          <Badge>{info.withheld.length} withheld</Badge>
          <Badge tone={info.sdAlgSupported ? 'neutral' : 'danger'}>{info.sdAlg}</Badge>
        </>
      }
    >
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="text-xs text-[var(--muted)]">
            <tr>
              <th className="py-1 pr-2">Claim</th>
              <th className="py-1 pr-2">State</th>
              <th className="py-1 pr-2">Value</th>
              <th className="py-1">Digest</th>
            </tr>
          </thead>
          <tbody>
            {info.disclosures.map((d, i) => (
              <tr key={`d${i}`} className="border-t border-[var(--border)] align-top" data-state="disclosed">
                <td className="py-1 pr-2 font-mono text-xs">{claimLabel(d, i)}</td>
                <td className="py-1 pr-2">
                  <span className="flex flex-wrap gap-1">
                    <Badge tone="info">disclosed</Badge>
                    <Badge tone={STATUS[d.status].tone}>{STATUS[d.status].label}</Badge>
                  </span>
                </td>
                <td className="max-w-xs break-words py-1 pr-2 font-mono text-xs">{short(d.value)}</td>
                <td className="break-all py-1 font-mono text-xs text-[var(--muted)]">{d.digest || '—'}</td>
              </tr>
            ))}
            {info.withheld.map((w, i) => (
              <tr key={`w${i}`} className="border-t border-[var(--border)] align-top" data-state="withheld">
                <td className="py-1 pr-2 font-mono text-xs">
                  {w.kind === 'array-element' ? w.path : `${w.path}.?`}
                </td>
                <td className="py-1 pr-2">
                  <Badge>withheld</Badge>
                </td>
                <td className="py-1 pr-2 text-xs text-[var(--muted)]">
                  not disclosed{w.kind === 'property' ? ' (or a decoy digest)' : ''}
                </td>
                <td className="break-all py-1 font-mono text-xs text-[var(--muted)]">{w.digest}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {decoded.disclosedPayload !== undefined ? (
        <section aria-label="Disclosed payload" className="mt-3">
          <h3 className="mb-1 text-sm font-semibold">Disclosed payload</h3>
          <JsonView
            text={JSON.stringify(decoded.disclosedPayload, null, 2)}
            label="Disclosed payload JSON"
            json
          />
        </section>
      ) : null}
      <KeyBinding decoded={decoded} info={info} json={json} />
    </Panel>
  );
}

function KeyBinding({ decoded, info, json }: { decoded: DecodedOk; info: SdJwtInfo; json: boolean }) {
  const [result, setResult] = useState<{ token: string; value: KeyBindingResult } | undefined>();
  const kb = info.keyBinding;
  const verified = result?.token === decoded.token ? result.value : undefined;
  return (
    <section aria-label="Key binding" className="mt-3">
      <h3 className="mb-1 text-sm font-semibold">Key binding (KB-JWT)</h3>
      {info.keyBindingError ? <p className="text-sm text-[var(--danger)]">{info.keyBindingError}</p> : null}
      {!kb && !info.keyBindingError ? (
        <p className="text-sm text-[var(--muted)]">
          {json
            ? 'No key-binding JWT: the unprotected header has no "kb_jwt", so it does not prove who presents it.'
            : 'No key-binding JWT: the SD-JWT ends with "~", so it does not prove who presents it.'}
        </p>
      ) : null}
      {kb ? (
        <>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-[var(--muted)]">aud</dt>
            <dd className="break-all font-mono text-xs">{show(kb.aud)}</dd>
            <dt className="text-[var(--muted)]">nonce</dt>
            <dd className="break-all font-mono text-xs">{show(kb.nonce)}</dd>
            <dt className="text-[var(--muted)]">iat</dt>
            <dd className="font-mono text-xs">
              {show(kb.iat)}
              {typeof kb.iat === 'number' ? ` (${new Date(kb.iat * 1000).toISOString()})` : ''}
            </dd>
            <dt className="text-[var(--muted)]">sd_hash</dt>
            <dd className="text-xs">
              {kb.sdHash === undefined ? (
                <Badge tone="danger">missing</Badge>
              ) : kb.sdHash === kb.expectedSdHash ? (
                <Badge tone="ok">matches the presentation</Badge>
              ) : (
                <Badge tone="danger">does not match</Badge>
              )}
            </dd>
          </dl>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <Button
              size="sm"
              onClick={() =>
                void verifyKeyBinding(decoded, { now: new Date() }).then((value) =>
                  setResult({ token: decoded.token, value }),
                )
              }
            >
              Verify key binding
            </Button>
            {verified ? (
              <span role="status" className="text-sm">
                {verified.ok ? (
                  <Badge tone="ok">KB-JWT signature valid (cnf key, {verified.alg})</Badge>
                ) : (
                  <span className="text-[var(--danger)]">{verified.error.message}</span>
                )}
              </span>
            ) : null}
          </div>
        </>
      ) : null}
    </section>
  );
}

function claimLabel(d: SdDisclosure, index: number): string {
  if (d.path) return d.path;
  return d.name !== undefined
    ? `${d.name} (disclosure ${index + 1})`
    : `array element (disclosure ${index + 1})`;
}

function short(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

function show(value: unknown): string {
  return value === undefined ? '(absent)' : typeof value === 'string' ? value : JSON.stringify(value);
}
