'use client';

// Imported before monaco-editor (ES modules evaluate in import order), because Monaco reads
// MonacoEnvironment while its own modules are evaluated: that is when it creates its Trusted Types policies.
import { createMonacoPolicy, type PolicyFactory, type PolicyOptions } from './trusted-types';

type MonacoEnv = {
  getWorker(workerId: string, label: string): Worker;
  createTrustedTypesPolicy(name: string, options: PolicyOptions): unknown;
};

(self as unknown as { MonacoEnvironment: MonacoEnv }).MonacoEnvironment = {
  getWorker(_workerId, label) {
    if (label === 'json') return new Worker(new URL('./json.worker.ts', import.meta.url), { type: 'module' });
    return new Worker(new URL('./editor.worker.ts', import.meta.url), { type: 'module' });
  },
  createTrustedTypesPolicy: (name, options) =>
    createMonacoPolicy((self as { trustedTypes?: PolicyFactory }).trustedTypes, name, options),
};
