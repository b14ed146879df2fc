/** The app's tools, in tab order. Shared by the server-rendered tab bar and the client shell that switches them. */
export const TABS = [
  { id: 'decode', label: 'Decode' },
  { id: 'encode', label: 'Encode' },
  { id: 'keys', label: 'Keys' },
  { id: 'about', label: 'About & privacy' },
] as const;

export type TabId = (typeof TABS)[number]['id'];

/** The id prefix of the tab bar's buttons and of the one tab panel (server and client must agree on it). */
export const TABS_ID = 'tools';

export function isTabId(value: string | undefined): value is TabId {
  return TABS.some((tab) => tab.id === value);
}
