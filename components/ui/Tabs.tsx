export interface TabDef<T extends string> {
  id: T;
  label: string;
}

/**
 * The tab bar as static markup (a server component: it costs no hydration). `TabsController` owns the
 * selection: it updates `aria-selected` and `tabIndex` on these buttons, and the styles follow
 * `aria-selected`, so nothing here needs to re-render when the tab changes.
 */
export function TabList<T extends string>({
  tabs,
  initial,
  label,
  idBase,
}: {
  tabs: readonly TabDef<T>[];
  initial: T;
  label: string;
  idBase: string;
}) {
  return (
    <div role="tablist" aria-label={label} className="flex flex-wrap gap-1 border-b border-[var(--border)]">
      {tabs.map((tab) => {
        const selected = tab.id === initial;
        return (
          <button
            key={tab.id}
            role="tab"
            type="button"
            id={`${idBase}-tab-${tab.id}`}
            data-tab={tab.id}
            aria-selected={selected}
            aria-controls={`${idBase}-panel`}
            tabIndex={selected ? 0 : -1}
            className="-mb-px min-h-6 border-b-2 border-transparent px-3 py-2 text-sm font-medium text-[var(--muted)] hover:text-[var(--fg)] aria-selected:border-[var(--accent)] aria-selected:text-[var(--fg)]"
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}
