'use client';

import { useEffect } from 'react';
import { preferencesStore, usePreferences, type Theme } from '@/components/privacy/preferences';

/** Switches the .light/.dark class on <html>. Remembered only if the user opts in (Settings, About tab). */
export function ThemeToggle() {
  const { theme } = usePreferences();
  useEffect(() => {
    const root = document.documentElement;
    root.classList.toggle('dark', theme === 'dark');
    root.classList.toggle('light', theme === 'light');
  }, [theme]);
  return (
    <label className="flex items-center gap-2 text-sm">
      <span>Theme</span>
      <select
        aria-label="Theme"
        className="rounded-md border border-[var(--border)] bg-[var(--panel)] px-2 py-1"
        value={theme}
        onChange={(e) => preferencesStore.update({ theme: e.target.value as Theme })}
      >
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}
