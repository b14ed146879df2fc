'use client';

import { useId, useState, type DragEvent } from 'react';

export interface ScanInputProps {
  text: string;
  onTextChange: (text: string) => void;
  /** A chosen or dropped file; it is read in chunks and never stored. */
  onFile: (file: File) => void;
}

/** "Text to scan" and "Log or HAR file", with drag and drop onto the whole area. */
export function ScanInput({ text, onTextChange, onFile }: ScanInputProps) {
  const ids = { text: useId(), file: useId(), hint: useId() };
  const [dragging, setDragging] = useState(false);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  };
  return (
    <div
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      className={`space-y-2 rounded-md border border-dashed p-2 ${dragging ? 'border-[var(--accent)] bg-[var(--panel-2)]' : 'border-[var(--border)]'}`}
    >
      <label htmlFor={ids.text} className="block text-sm font-medium">
        Text to scan
      </label>
      <textarea
        id={ids.text}
        aria-describedby={ids.hint}
        value={text}
        onChange={(event) => onTextChange(event.target.value)}
        spellCheck={false}
        autoComplete="off"
        rows={8}
        placeholder="Paste log lines, curl -v output, an HTTP request, a .env file…"
        className="w-full rounded-md border border-[var(--border)] bg-[var(--bg)] p-2 font-mono text-xs"
      />
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <label htmlFor={ids.file} className="font-medium">
          Log or HAR file
        </label>
        <input
          id={ids.file}
          type="file"
          accept=".har,.log,.txt,.json,.env,text/*,application/json"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) onFile(file);
            // So choosing the same file again scans it again.
            event.target.value = '';
          }}
          className="text-xs"
        />
      </div>
      <p id={ids.hint} className="text-xs text-[var(--muted)]">
        Or drop a file here. It is read in this tab only: nothing is uploaded or stored, and the original file
        is never changed.
      </p>
    </div>
  );
}
