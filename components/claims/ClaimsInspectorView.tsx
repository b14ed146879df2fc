'use client';

import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Badge } from '@/components/ui/Badge';
import { Panel } from '@/components/ui/Panel';
import { claimRows, type ClaimMeaning, type ClaimRow, type DecodeResult, type HeaderRow } from '@/lib';
import { useLocaleAndZone, useNow } from './useNow';
import { shortenForDisplay } from '@/components/ui/shortenForDisplay';

export interface ClaimsInspectorProps {
  decoded: DecodeResult | undefined;
  /** A fixed clock in milliseconds; without it the relative times refresh every few seconds. */
  now?: number;
  /** A claim path to highlight and scroll to (from a guide link's focus=), e.g. "realm_access.roles". */
  focus?: string;
}

/** The "Claims" region: every claim with its value, meaning and specification, times in readable forms. */
export function ClaimsInspectorView({ decoded, now: fixedNow, focus }: ClaimsInspectorProps) {
  const now = useNow(5000, fixedNow);
  const { locale, timeZone } = useLocaleAndZone();
  const view = useMemo(
    () => (decoded ? claimRows(decoded, { now, locale, timeZone }) : undefined),
    [decoded, now, locale, timeZone],
  );
  if (!decoded?.ok || !view) return null;
  return (
    <Panel label="Claims" title={`Claims (${view.rows.length})`}>
      {view.rows.length === 0 ? (
        <p className="text-sm text-[var(--muted)]">
          {decoded.format === 'jwe'
            ? 'The claims are encrypted.'
            : 'The payload is not a JSON object, so it has no claims.'}
        </p>
      ) : (
        <>
          {view.disclosedCount !== undefined ? (
            <p className="mb-2 text-sm text-[var(--muted)]">
              The claims as a verifier sees them: the issuer-signed payload with the{' '}
              {view.disclosedCount === 1 ? 'disclosure' : `${view.disclosedCount} disclosures`} put in place
              (RFC 9901 §7.3). Claims marked “disclosed” came from the holder; withheld ones are listed under
              Disclosures.
            </p>
          ) : null}
          <ClaimTable rows={view.rows} caption="Payload claims" focus={focus} />
          {view.omittedRows ? (
            <p className="mt-2 text-sm text-[var(--muted)]">
              … and {view.omittedRows.toLocaleString('en-US')} more claims, not listed here. The Payload view
              shows them all.
            </p>
          ) : null}
        </>
      )}
      {view.header.length > 0 ? (
        <details className="mt-3">
          <summary className="cursor-pointer text-sm font-semibold">
            Header parameters ({view.header.length})
          </summary>
          <HeaderTable rows={view.header} />
        </details>
      ) : null}
    </Panel>
  );
}

function ClaimTable({ rows, caption, focus }: { rows: ClaimRow[]; caption: string; focus?: string }) {
  return (
    <table className="w-full table-fixed border-collapse text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="text-left text-xs text-[var(--muted)]">
          <th scope="col" className="w-[28%] py-1 pr-2 font-semibold">
            Claim
          </th>
          <th scope="col" className="w-[36%] py-1 pr-2 font-semibold">
            Value
          </th>
          <th scope="col" className="py-1 font-semibold">
            Meaning
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <ClaimRowView key={row.path} row={row} focus={focus} />
        ))}
      </tbody>
    </table>
  );
}

function ClaimRowView({ row, focus }: { row: ClaimRow; focus?: string }) {
  // A focused claim inside this one opens it, so the highlighted row is visible.
  const [open, setOpen] = useState(
    () => focus !== undefined && (focus.startsWith(`${row.path}.`) || focus.startsWith(`${row.path}[`)),
  );
  const focused = focus === row.path;
  const rowRef = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    if (focused) rowRef.current?.scrollIntoView({ block: 'center' });
  }, [focused]);
  const tooltipId = useId();
  const expandable = row.children.length > 0;
  return (
    <>
      <tr
        ref={rowRef}
        className={`border-t border-[var(--border)] align-top ${focused ? 'bg-[var(--panel-2)] outline-2 outline-[var(--accent)]' : ''}`}
        data-claim={row.path}
        data-focused={focused ? 'true' : undefined}
        aria-current={focused ? 'true' : undefined}
      >
        <th
          scope="row"
          className="py-1.5 pr-2 text-left font-normal"
          style={{ paddingLeft: `${row.depth}rem` }}
        >
          <span className="flex items-start gap-1">
            {expandable ? (
              <button
                type="button"
                aria-expanded={open}
                aria-label={`${open ? 'Collapse' : 'Expand'} ${row.path}`}
                onClick={() => setOpen((v) => !v)}
                className="w-4 shrink-0 text-[var(--muted)] hover:text-[var(--fg)]"
              >
                {open ? '▾' : '▸'}
              </button>
            ) : (
              <span className="w-4 shrink-0" aria-hidden="true" />
            )}
            <span className="group relative min-w-0">
              <code
                tabIndex={0}
                aria-describedby={tooltipId}
                className="font-code font-semibold break-all text-[var(--json-key)] focus:outline-2 focus:outline-[var(--accent)]"
              >
                {row.name}
              </code>
              <span
                role="tooltip"
                id={tooltipId}
                className="invisible absolute top-full left-0 z-20 mt-1 w-72 rounded border border-[var(--border)] bg-[var(--panel)] p-2 text-xs shadow-lg group-focus-within:visible group-hover:visible"
              >
                {row.meaning ? `${row.meaning.title}: ${row.meaning.description}` : customText(row)}
              </span>
            </span>
          </span>
          {row.custom || row.disclosed ? (
            <span className="mt-0.5 ml-5 flex flex-wrap gap-1">
              {row.custom ? <Badge>custom</Badge> : null}
              {row.disclosed ? (
                <span title="The holder disclosed this claim: it is not in the issuer-signed payload in the clear, only its digest.">
                  <Badge tone="info">disclosed</Badge>
                </span>
              ) : null}
            </span>
          ) : null}
        </th>
        <td className="min-w-0 py-1.5 pr-2">
          <ClaimValue row={row} />
        </td>
        <td className="py-1.5 text-xs">
          {row.meaning ? (
            <Meaning meaning={row.meaning} />
          ) : (
            <span className="text-[var(--muted)]">{customText(row)}</span>
          )}
          {row.otherMeanings.length > 0 ? (
            <span className="mt-1 block text-[var(--muted)]">
              Also used by{' '}
              {row.otherMeanings.map((m, i) => (
                <span key={m.spec.url + i}>
                  {i > 0 ? ', ' : ''}
                  <a href={m.spec.url} target="_blank" rel="noreferrer noopener" className="underline">
                    {m.vendor ?? m.spec.name}
                  </a>
                </span>
              ))}
            </span>
          ) : null}
        </td>
      </tr>
      {expandable && open
        ? row.children.map((child) => <ClaimRowView key={child.path} row={child} focus={focus} />)
        : null}
      {expandable && open && row.omittedChildren ? (
        <tr className="border-t border-[var(--border)]">
          <td
            colSpan={3}
            className="py-1.5 text-xs text-[var(--muted)]"
            style={{ paddingLeft: `${row.depth + 1.25}rem` }}
          >
            … and {row.omittedChildren.toLocaleString('en-US')} more in {row.path}, not listed here. The
            Payload view shows them all.
          </td>
        </tr>
      ) : null}
    </>
  );
}

function customText(row: ClaimRow): string {
  return row.custom
    ? 'A custom claim: not in any registry we know. Its meaning is up to the issuer.'
    : 'Part of the claim above; no separate registry entry.';
}

function Meaning({ meaning }: { meaning: ClaimMeaning }) {
  return (
    <span className="block">
      <span className="font-semibold">{meaning.title}</span>
      {meaning.vendor ? (
        <span className="ml-1">
          <Badge tone="info">{meaning.vendor}</Badge>
        </span>
      ) : null}
      <span className="block text-[var(--muted)]">{meaning.description}</span>
      <a
        href={meaning.spec.url}
        target="_blank"
        rel="noreferrer noopener"
        className="text-[var(--accent)] underline"
      >
        {meaning.spec.name}
      </a>
    </span>
  );
}

/** Chips shown for one list claim. */
const LIST_LIMIT = 100;

function ClaimValue({ row }: { row: ClaimRow }) {
  if (row.time) {
    const t = row.time;
    return (
      <span className="block" data-time={row.path}>
        <code className="font-code">{t.raw}</code>
        {t.milliseconds ? (
          <span className="ml-1">
            <Badge tone="warning">milliseconds, converted</Badge>
          </span>
        ) : null}
        {t.iso ? (
          <span className="block font-code text-xs">
            <span className="sr-only">UTC: </span>
            {t.iso}
          </span>
        ) : (
          <span className="block text-xs text-[var(--danger)]">not a valid date</span>
        )}
        {t.local ? (
          <span className="block text-xs" title={`Your time zone: ${t.timeZone}`}>
            <span className="sr-only">Local time: </span>
            {t.local}
          </span>
        ) : null}
        {t.relative ? <span className="block text-xs font-semibold">{t.relative}</span> : null}
      </span>
    );
  }
  if (row.kind === 'list') {
    // A space-separated string list (RFC 8693 §4.2 "scope") shows as chips too.
    const all = Array.isArray(row.value) ? row.value : row.valueText.split(/\s+/).filter(Boolean);
    // A huge list (thousands of entitlements) would be thousands of chips to lay out: show the first ones.
    const items = all
      .slice(0, LIST_LIMIT)
      .map((item: unknown) => (typeof item === 'string' ? item : JSON.stringify(item)));
    return (
      <ul className="flex flex-wrap gap-1" aria-label={`${row.name}: ${all.length} items`}>
        {items.map((item, i) => (
          <li
            key={i}
            className="rounded border border-[var(--border)] bg-[var(--panel-2)] px-1.5 font-code text-xs break-all"
          >
            {/* Non-strings (e.g. SD-JWT {"...": digest} entries) were turned into JSON text above. */}
            {shortenForDisplay(item)}
          </li>
        ))}
        {all.length > items.length ? (
          <li className="px-1.5 text-xs text-[var(--muted)]">
            … and {(all.length - items.length).toLocaleString('en-US')} more (the Payload view shows them all)
          </li>
        ) : null}
      </ul>
    );
  }
  if (row.kind === 'object' || row.kind === 'array') {
    return <span className="text-xs text-[var(--muted)]">{row.valueText}</span>;
  }
  return <code className="font-code break-all">{shortenForDisplay(row.valueText)}</code>;
}

function HeaderTable({ rows }: { rows: HeaderRow[] }) {
  return (
    <table className="mt-2 w-full table-fixed border-collapse text-sm">
      <caption className="sr-only">Header parameters</caption>
      <tbody>
        {rows.map((row) => (
          <tr key={row.name} className="border-t border-[var(--border)] align-top">
            <th scope="row" className="w-[28%] py-1.5 pr-2 text-left font-normal">
              <code className="font-code font-semibold text-[var(--json-key)]">{row.name}</code>
              {row.custom ? (
                <span className="ml-1">
                  <Badge>custom</Badge>
                </span>
              ) : null}
            </th>
            <td className="w-[36%] py-1.5 pr-2">
              <code className="font-code break-all">{row.valueText}</code>
              {row.valueMeaning ? (
                <span className="block text-xs text-[var(--muted)]">
                  {row.valueMeaning.description}{' '}
                  <a
                    href={row.valueMeaning.spec.url}
                    target="_blank"
                    rel="noreferrer noopener"
                    className="underline"
                  >
                    {row.valueMeaning.spec.name}
                  </a>
                </span>
              ) : null}
            </td>
            <td className="py-1.5 text-xs">
              {row.meaning ? (
                <Meaning meaning={row.meaning} />
              ) : (
                <span className="text-[var(--muted)]">Not a registered header parameter.</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
