'use client';

import { Button } from '@/components/ui/Button';
import { CopyButton } from '@/components/ui/CopyButton';

/** Saves text as a file through a blob: URL; nothing is uploaded anywhere. */
function download(text: string, filename: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** One key text (PEM, JWK, JWKS) with a copy and a download button. */
export function KeyTextBlock({
  label,
  text,
  filename,
  secret = false,
}: {
  label: string;
  text: string;
  filename: string;
  /** Marks private keys and secrets so nobody publishes them by mistake. */
  secret?: boolean;
}) {
  return (
    <div className="min-w-0" data-key-block={label}>
      <div className="mb-1 flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold">
          {label}
          {secret ? <span className="ml-2 text-xs font-normal text-[var(--danger)]">keep secret</span> : null}
        </h3>
        <div className="flex gap-2">
          <CopyButton text={text} label={`Copy ${label}`} />
          <Button size="sm" onClick={() => download(text, filename)} aria-label={`Download ${label}`}>
            Download
          </Button>
        </div>
      </div>
      <textarea
        readOnly
        aria-label={label}
        value={text}
        spellCheck={false}
        rows={Math.min(text.split('\n').length + 1, 12)}
        className="font-code w-full resize-y rounded-md border border-[var(--border)] bg-[var(--panel-2)] p-2 text-[12px] leading-5 break-all"
      />
    </div>
  );
}

/** The RFC 7638 thumbprint and RFC 9278 URI, each copyable. */
export function ThumbprintLine({ thumbprint, uri }: { thumbprint: string; uri: string }) {
  return (
    <dl className="grid gap-1 text-sm sm:grid-cols-[auto_1fr_auto] sm:items-center sm:gap-x-3">
      <dt className="font-semibold">Thumbprint (RFC 7638)</dt>
      <dd className="font-code min-w-0 break-all" data-testid="thumbprint">
        {thumbprint}
      </dd>
      <dd>
        <CopyButton text={thumbprint} label="Copy thumbprint" />
      </dd>
      <dt className="font-semibold">Thumbprint URI (RFC 9278)</dt>
      <dd className="font-code min-w-0 break-all" data-testid="thumbprint-uri">
        {uri}
      </dd>
      <dd>
        <CopyButton text={uri} label="Copy thumbprint URI" />
      </dd>
    </dl>
  );
}
