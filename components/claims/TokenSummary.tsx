'use client';

import dynamic from 'next/dynamic';
import type { DecodeResult } from '@/lib';

// Shares the registry chunk with the Claims region; loaded with the first decoded token.
const TokenSummaryCard = dynamic(() => import('./lazyViews').then((m) => m.TokenSummaryCard), {
  ssr: false,
  loading: () => null,
});

/** "What this token is and what it grants". Renders nothing until a token decodes. */
export function TokenSummary({ decoded }: { decoded: DecodeResult | undefined }) {
  return decoded?.ok ? <TokenSummaryCard decoded={decoded} /> : null;
}
