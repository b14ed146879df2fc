'use client';

import { useLayoutEffect, useRef, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';

function tabButtons(root: HTMLElement | null): HTMLButtonElement[] {
  return root ? [...root.querySelectorAll<HTMLButtonElement>('[role="tab"][data-tab]')] : [];
}

/**
 * WAI-ARIA tabs around a server-rendered `TabList`: clicks and arrow keys are handled by delegation on the
 * wrapper, and the selection is written to the buttons' `aria-selected` and `tabIndex`. Only the active
 * panel is rendered.
 */
export function TabsController({
  tabList,
  active,
  onChange,
  idBase,
  children,
}: {
  tabList: ReactNode;
  active: string;
  onChange: (id: string) => void;
  idBase: string;
  children: ReactNode;
}) {
  const root = useRef<HTMLDivElement>(null);

  // Before paint, so a remounted tab bar never shows the initial tab as selected for a frame. Only what
  // differs is written: at hydration the server markup is already right, and an untouched DOM means no
  // style or layout work while the page loads.
  useLayoutEffect(() => {
    for (const button of tabButtons(root.current)) {
      const selected = button.dataset.tab === active;
      if (button.getAttribute('aria-selected') !== String(selected))
        button.setAttribute('aria-selected', String(selected));
      if (button.tabIndex !== (selected ? 0 : -1)) button.tabIndex = selected ? 0 : -1;
    }
  }, [active]);

  function onClick(event: MouseEvent<HTMLDivElement>) {
    const tab = (event.target as Element).closest<HTMLButtonElement>('[role="tab"][data-tab]');
    if (tab && root.current?.contains(tab)) onChange(tab.dataset.tab!);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const buttons = tabButtons(root.current);
    const index = buttons.indexOf(event.target as HTMLButtonElement);
    if (index < 0) return;
    const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (delta === 0) return;
    event.preventDefault();
    const next = buttons[(index + delta + buttons.length) % buttons.length]!;
    onChange(next.dataset.tab!);
    next.focus();
  }

  return (
    // The handlers only delegate from the tab buttons inside, which are keyboard-operable themselves.
    <div ref={root} onClick={onClick} onKeyDown={onKeyDown}>
      {tabList}
      <div
        role="tabpanel"
        id={`${idBase}-panel`}
        aria-labelledby={`${idBase}-tab-${active}`}
        className="pt-4"
      >
        {children}
      </div>
    </div>
  );
}
