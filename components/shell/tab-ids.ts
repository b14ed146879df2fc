/**
 * The app's tools, in tab order: ids only. The client shell imports this; the labels live in tabs.ts, which
 * only the server-rendered tab bar reads, so the tab bar's text is not part of the client's JavaScript.
 */
export const TAB_IDS = ['decode', 'encode', 'keys', 'scan', 'about'] as const;

export type TabId = (typeof TAB_IDS)[number];

/** The id prefix of the tab bar's buttons and of the one tab panel (server and client must agree on it). */
export const TABS_ID = 'tools';

export function isTabId(value: string | undefined): value is TabId {
  return (TAB_IDS as readonly (string | undefined)[]).includes(value);
}
