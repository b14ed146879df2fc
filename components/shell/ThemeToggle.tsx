'use client';

import { useState } from 'react';

type Theme = 'system' | 'light' | 'dark';

/** Switches the .light/.dark class on <html>. Not remembered unless the user opts in (see Settings). */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>('system');
  function apply(next: Theme) {
    setTheme(next);
    const root = document.documentElement;
    root.classList.toggle('dark', next === 'dark');
    root.classList.toggle('light', next === 'light');
  }
  return (
    <label className="flex items-center gap-2 text-sm">
      <span>Theme</span>
      <select
        className="rounded-md border border-[var(--border)] bg-[var(--panel)] px-2 py-1"
        value={theme}
        onChange={(e) => apply(e.target.value as Theme)}
      >
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}
