/**
 * Stands in for `@monaco-editor/loader`: next.config.ts aliases the package to this file, so
 * `@monaco-editor/react` gets it instead. The real loader's default configuration names a CDN
 * (`paths.vs` on cdn.jsdelivr.net) and can inject a <script> that loads Monaco from there. JWT Lens bundles
 * Monaco and hands it over with `loader.config({ monaco })` before any editor mounts, so that path is dead
 * code; but a privacy tool whose bundle names a CDN fails the first audit anyone runs on it, and a
 * `script.src` assignment is a Trusted Types sink the page's policy refuses anyway.
 *
 * This keeps only the bundled path: `config()` stores the instance, `init()` resolves with it and never
 * loads anything. The surface is the one `@monaco-editor/react` 4.7 uses (`config`, `init`,
 * `__getMonacoInstance`), with the loader's cancelation contract.
 */
type Monaco = typeof import('monaco-editor/editor');

export interface CancelablePromise<T> extends Promise<T> {
  cancel: () => void;
}

export interface LoaderConfig {
  monaco?: Monaco;
  /** Accepted for type compatibility and ignored: nothing is ever loaded from a path. */
  paths?: { vs?: string };
}

/** What a canceled `init()` rejects with; `@monaco-editor/react` ignores exactly this shape. */
export const CANCELATION_MESSAGE = Object.freeze({
  type: 'cancelation',
  msg: 'operation is manually canceled',
});

let instance: Monaco | null = null;

function config(options: LoaderConfig): void {
  if (options?.monaco) instance = options.monaco;
}

function init(): CancelablePromise<Monaco> {
  let canceled = false;
  const found = instance;
  const promise = new Promise<Monaco>((resolve, reject) => {
    if (!found) {
      reject(
        new Error(
          'Monaco was not handed to the loader: call loader.config({ monaco }) with the bundled monaco-editor ' +
            'before an editor mounts (loading it from a CDN is deliberately not supported).',
        ),
      );
      return;
    }
    // Settle asynchronously, as the real loader does, so a cancel() in the same tick still wins.
    queueMicrotask(() => (canceled ? reject(CANCELATION_MESSAGE) : resolve(found)));
  }) as CancelablePromise<Monaco>;
  promise.cancel = () => {
    canceled = true;
  };
  return promise;
}

function __getMonacoInstance(): Monaco | null {
  return instance;
}

const loader = { config, init, __getMonacoInstance };
export default loader;
