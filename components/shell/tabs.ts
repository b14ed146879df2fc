import type { TabDef } from '@/components/ui/Tabs';
import { TAB_IDS, type TabId } from './tab-ids';

const LABELS: Record<TabId, string> = {
  decode: 'Decode',
  encode: 'Encode',
  keys: 'Keys',
  scan: 'Scan',
  about: 'About & privacy',
};

/** The tab bar's buttons, for the server-rendered TabList. */
export const TABS: readonly TabDef<TabId>[] = TAB_IDS.map((id) => ({ id, label: LABELS[id] }));
