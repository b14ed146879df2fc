/**
 * Node built-ins that only the scan needs, loaded when first used. esbuild hoists every static
 * `import … from 'node:…'` to the top of the one-file bundle, so each would be loaded by every
 * command before it runs: node:worker_threads, node:crypto and node:os cost about 5 ms of a
 * `jwt-lens decode` together (measured on the built bundle, 20 interleaved runs).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const workerThreads = (): typeof import('node:worker_threads') => require('node:worker_threads');
export const nodeCrypto = (): typeof import('node:crypto') => require('node:crypto');
export const nodeOs = (): typeof import('node:os') => require('node:os');
