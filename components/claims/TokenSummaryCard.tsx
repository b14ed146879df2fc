import type { ReactNode } from 'react';
import { Panel } from '@/components/ui/Panel';
import { grantsSummary, type DecodeResult, type Grant } from '@/lib';

/** "What this token is and what it grants": what someone debugging a 403 looks for first. */
export function TokenSummaryCard({ decoded }: { decoded: DecodeResult | undefined }) {
  const summary = decoded ? grantsSummary(decoded) : undefined;
  if (!summary || !decoded?.ok || decoded.format === 'jwe') return null;
  const { classification, who, tenant, forWhom, fromWhom } = summary;
  const whoText = [who.name, who.email, who.username && who.username !== who.email ? who.username : undefined]
    .filter(Boolean)
    .join(' · ');
  return (
    <Panel label="Token summary" title="What this token is and what it grants">
      <p className="text-sm font-semibold" data-kind={classification.kind}>
        {classification.label}
        {summary.vendor ? (
          <span className="font-normal text-[var(--muted)]"> · issued by {summary.vendor}</span>
        ) : null}
      </p>
      {classification.reasons.length > 0 ? (
        <ul className="mt-1 list-disc pl-5 text-xs text-[var(--muted)]" aria-label="Why">
          {classification.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      ) : null}
      <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-sm">
        <Fact term="Who">
          {who.sub ? <code className="font-code break-all">{who.sub}</code> : <Muted>{'no "sub"'}</Muted>}
          {whoText ? <span className="block">{whoText}</span> : null}
        </Fact>
        {tenant ? (
          <Fact term="Tenant">
            <code className="font-code break-all">{tenant.value}</code> <Muted>({tenant.claim})</Muted>
          </Fact>
        ) : null}
        <Fact term="For whom">
          {forWhom.audiences.length > 0 ? (
            <span className="break-all">{forWhom.audiences.join(', ')}</span>
          ) : (
            <Muted>{'no "aud"'}</Muted>
          )}
          {forWhom.client ? (
            <span className="block">
              client <code className="font-code break-all">{forWhom.client.value}</code>{' '}
              <Muted>({forWhom.client.claim})</Muted>
            </span>
          ) : null}
        </Fact>
        <Fact term="From whom">
          {fromWhom ? <span className="break-all">{fromWhom}</span> : <Muted>{'no "iss"'}</Muted>}
        </Fact>
      </dl>
      <GrantList label="Scopes" grants={summary.scopes} />
      <GrantList label="Roles" grants={summary.roles} />
      <GrantList label="Permissions" grants={summary.permissions} />
      <GrantList label="Groups" grants={summary.groups} />
      {summary.scopes.length + summary.roles.length + summary.permissions.length + summary.groups.length ===
      0 ? (
        <p className="mt-3 text-sm text-[var(--muted)]">
          No scopes, roles, permissions or groups in this token.
        </p>
      ) : null}
    </Panel>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-[var(--muted)]">{term}</dt>
      <dd className="min-w-0">{children}</dd>
    </>
  );
}

function Muted({ children }: { children: ReactNode }) {
  return <span className="text-[var(--muted)]">{children}</span>;
}

function GrantList({ label, grants }: { label: string; grants: Grant[] }) {
  if (grants.length === 0) return null;
  return (
    <div className="mt-3">
      <h3 className="text-xs font-semibold text-[var(--muted)] uppercase">{label}</h3>
      <ul aria-label={label} className="mt-1 flex flex-wrap gap-1.5">
        {grants.map((grant) => (
          <li
            key={`${grant.source}|${grant.value}`}
            title={`from ${grant.source}`}
            className="rounded-full border border-[var(--border)] bg-[var(--panel-2)] px-2 py-0.5 font-code text-xs"
          >
            {grant.client ? <span className="text-[var(--muted)]">{grant.client}: </span> : null}
            {grant.value}
          </li>
        ))}
      </ul>
    </div>
  );
}
