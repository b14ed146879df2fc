/**
 * Which Trusted Types policies Monaco may create in JWT Lens. The page's CSP (`require-trusted-types-for
 * 'script'`, written by scripts/csp.mjs) names exactly the allowed ones in its `trusted-types` list;
 * scripts/csp.test.ts checks that the two lists agree.
 *
 * Monaco creates one policy per rendering module when the module is evaluated, whether or not the feature is
 * ever used. `MonacoEnvironment.createTrustedTypesPolicy` lets the embedder decide: for a refused name this
 * returns undefined, so no policy exists and the CSP need not allow it. Should Monaco ever reach a refused
 * feature anyway, it falls back to assigning a plain string, which the browser blocks and reports: it fails
 * closed and loudly, never silently open.
 */

/** Policies the editor JWT Lens shows needs, with what each one renders. */
export const MONACO_POLICIES: Readonly<Record<string, string>> = Object.freeze({
  editorViewLayer: 'the text lines of every editor',
  domLineBreaksComputer: 'measuring where wrapped lines break (wordWrap is on)',
  stickyScrollViewLayer: 'the sticky scroll lines over nested JSON',
  richScreenReaderContent: 'the text a screen reader reads',
  tokenizeToString: 'code blocks inside hover text',
});

/** Policies of Monaco modules that load with the editor but are never used by JWT Lens, and why. */
export const REFUSED_MONACO_POLICIES: Readonly<Record<string, string>> = Object.freeze({
  defaultWorkerFactory:
    "MonacoEnvironment.getWorker creates every worker from the bundle's own URL; Monaco's blob and URL worker factories never run",
  diffEditorWidget: 'no diff editor is ever created',
  diffReview: 'no diff editor is ever created',
  editorGhostText: 'no inline completion provider is registered (quickSuggestions never shows inline)',
  standaloneColorizer: 'monaco.editor.colorize* is never called',
});

/** The parts of the Trusted Types API used here (TypeScript's DOM library does not declare it). */
export interface PolicyOptions {
  createHTML?: (input: string) => string;
  createScriptURL?: (input: string) => string;
}
export interface PolicyFactory {
  createPolicy(name: string, options: PolicyOptions): unknown;
}

/**
 * The `MonacoEnvironment.createTrustedTypesPolicy` hook.
 * @param factory the page's `trustedTypes`, or undefined where the browser has none
 */
export function createMonacoPolicy(
  factory: PolicyFactory | undefined,
  name: string,
  options: PolicyOptions,
): unknown {
  if (Object.hasOwn(REFUSED_MONACO_POLICIES, name)) return undefined;
  // An unknown name (a newer Monaco) is still asked for: the CSP then refuses it and reports the exact name,
  // which the end-to-end tests count as a violation.
  return factory?.createPolicy(name, options);
}
