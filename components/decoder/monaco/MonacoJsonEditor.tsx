'use client';

// Loaded only through next/dynamic with ssr: false. Monaco comes from our own bundle and is handed to
// @monaco-editor/react with loader.config({ monaco }); next.config.ts replaces the package's CDN loader with
// ./loader-shim, which can load nothing. The environment (workers, Trusted Types policies) must be in place
// before monaco-editor evaluates, so it is imported first.
import './monaco-environment';
import Editor, { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/features/json/register';
import { useEffect, useRef, useState } from 'react';
import { jsonNumberAt } from '../jsonNumberAt';

loader.config({ monaco });

export interface MonacoJsonEditorProps {
  value: string;
  label: string;
  readOnly?: boolean;
  onChange?: (value: string) => void;
  onReady?: () => void;
  height?: string;
  /** Hover text for a `"key": number` member (readable times). Keyboard: Ctrl+K Ctrl+I. */
  numberHint?: (key: string, value: number) => string | undefined;
}

function prefersDark(): boolean {
  const root = document.documentElement;
  if (root.classList.contains('dark')) return true;
  if (root.classList.contains('light')) return false;
  return window.matchMedia('(prefers-color-scheme: dark)').matches;
}

export default function MonacoJsonEditor({
  value,
  label,
  readOnly = false,
  onChange,
  onReady,
  height,
  numberHint,
}: MonacoJsonEditorProps) {
  const hintRef = useRef(numberHint);
  useEffect(() => {
    hintRef.current = numberHint;
  }, [numberHint]);
  // Client-only module (next/dynamic, ssr: false), so reading the DOM in the initializer is safe.
  const [dark, setDark] = useState(prefersDark);
  useEffect(() => {
    const observer = new MutationObserver(() => setDark(prefersDark()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
    return () => observer.disconnect();
  }, []);
  const lines = value.split('\n').length;
  const auto = `${Math.min(Math.max(lines, 3), 30) * 19 + 12}px`;
  return (
    <Editor
      height={height ?? auto}
      language="json"
      value={value}
      theme={dark ? 'vs-dark' : 'vs'}
      onChange={(v) => onChange?.(v ?? '')}
      onMount={(editor, m) => {
        // Hover providers are global per language: answer only for this editor's model.
        const hover = m.languages.registerHoverProvider('json', {
          provideHover(model: monaco.editor.ITextModel, position: monaco.Position) {
            const hint = hintRef.current;
            if (!hint || model !== editor.getModel()) return null;
            const found = jsonNumberAt(model.getLineContent(position.lineNumber), position.column);
            const text = found ? hint(found.key, found.value) : undefined;
            if (!found || !text) return null;
            return {
              range: new m.Range(
                position.lineNumber,
                found.startColumn,
                position.lineNumber,
                found.endColumn,
              ),
              contents: [{ value: text }],
            };
          },
        });
        editor.onDidDispose(() => hover.dispose());
        onReady?.();
      }}
      loading={null}
      options={{
        readOnly,
        ariaLabel: label,
        minimap: { enabled: false },
        folding: true,
        lineNumbers: 'off',
        scrollBeyondLastLine: false,
        wordWrap: 'on',
        fontSize: 13,
        renderLineHighlight: 'none',
        automaticLayout: true,
        tabSize: 2,
        contextmenu: false,
        links: false,
      }}
    />
  );
}
