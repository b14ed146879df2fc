'use client';

import dynamic from 'next/dynamic';
import type { ClaimsInspectorProps } from './ClaimsInspectorView';

export type { ClaimsInspectorProps };

// The claims registry tables are ~15 KiB gzip: load them with the first decoded token, not on first paint.
const ClaimsInspectorView = dynamic(() => import('./lazyViews').then((m) => m.ClaimsInspectorView), {
  ssr: false,
  loading: () => null,
});

/** The "Claims" region. Renders nothing until a token decodes. */
export function ClaimsInspector(props: ClaimsInspectorProps) {
  return props.decoded?.ok ? <ClaimsInspectorView {...props} /> : null;
}
