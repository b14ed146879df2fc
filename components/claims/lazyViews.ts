/** One on-demand chunk for the views that need the claims registry, shared by both wrappers. */
export { ClaimsInspectorView } from './ClaimsInspectorView';
export { TokenSummaryCard } from './TokenSummaryCard';
