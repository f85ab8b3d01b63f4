import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export interface TabItem {
  id: string;
  label: string;
}

/**
 * The selected tab, kept in the address's hash (`#retention`) so each tab has an address a person
 * can bookmark or share; an unknown hash (the skip link's `#main`) leaves the selection alone.
 * The hash is replaced, not pushed: moving along the tabs with the arrow keys is not history.
 */
export function useHashTab(ids: readonly string[], fallback: string): [string, (id: string) => void] {
  const read = () => {
    const hash = decodeURIComponent(location.hash.slice(1));
    return ids.includes(hash) ? hash : null;
  };
  const [selected, setSelected] = useState(() => read() ?? fallback);
  useEffect(() => {
    const follow = () => {
      const hash = read();
      if (hash) setSelected(hash);
    };
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  const select = (id: string) => {
    history.replaceState(history.state, '', `${location.pathname}${location.search}#${encodeURIComponent(id)}`);
    setSelected(id);
  };
  return [selected, select];
}

interface TabsProps {
  /** Names the tab list for screen readers ("Dashboard panels"). */
  label: string;
  /** Prefix of the tab and panel ids, unique on the page. */
  idPrefix: string;
  tabs: readonly TabItem[];
  selected: string;
  onSelect: (id: string) => void;
  /** The selected tab's panel. */
  children: ComponentChildren;
}

const KEY_STEPS: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_, n) => n - 1,
};

/**
 * The WAI-ARIA tabs pattern: a tablist of links (each with its address) with a roving tabindex, so
 * Tab enters the list on the selected tab and leaves it for the panel; the arrow keys, Home and End
 * move along the tabs and select as they go (the panels load quickly enough for that).
 */
export function Tabs({ label, idPrefix, tabs, selected, onSelect, children }: TabsProps) {
  const tabId = (id: string) => `${idPrefix}-tab-${id}`;
  const panelId = `${idPrefix}-panel`;
  const onKeyDown = (event: KeyboardEvent) => {
    const step = KEY_STEPS[event.key];
    if (!step) return;
    event.preventDefault();
    const next =
      tabs[
        step(
          Math.max(
            0,
            tabs.findIndex((tab) => tab.id === selected),
          ),
          tabs.length,
        )
      ];
    if (!next) return;
    onSelect(next.id);
    document.getElementById(tabId(next.id))?.focus();
  };
  return (
    <>
      <div role="tablist" aria-label={label} class="tabs" onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <a
            key={tab.id}
            role="tab"
            id={tabId(tab.id)}
            href={`#${tab.id}`}
            aria-selected={tab.id === selected}
            aria-controls={panelId}
            tabIndex={tab.id === selected ? 0 : -1}
            onClick={(event) => {
              event.preventDefault();
              onSelect(tab.id);
            }}
          >
            {tab.label}
          </a>
        ))}
      </div>
      <div role="tabpanel" id={panelId} aria-labelledby={tabId(selected)} tabIndex={0} class="tab-panel">
        {children}
      </div>
    </>
  );
}
