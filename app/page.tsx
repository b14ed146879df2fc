import { decoderHints } from '@/components/decoder/DecoderHints';
import { AboutPrivacy } from '@/components/privacy/AboutPrivacy';
import { AppShell } from '@/components/shell/AppShell';
import { SiteIntro } from '@/components/shell/SiteIntro';
import { TABS_ID } from '@/components/shell/tab-ids';
import { TABS } from '@/components/shell/tabs';
import { TabList } from '@/components/ui/Tabs';

/**
 * The one page. Everything static (title, tab bar, About & privacy text, empty-state hints) is rendered
 * here on the server and handed to the client shell as finished nodes, so hydration covers only the parts
 * that hold state.
 */
export default function Home() {
  return (
    <AppShell
      intro={<SiteIntro />}
      tabList={<TabList tabs={TABS} initial="decode" label="Tools" idBase={TABS_ID} />}
      about={<AboutPrivacy />}
      decoderHints={decoderHints()}
    />
  );
}
