import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const noFetch = {
  'no-restricted-globals': [
    'error',
    { name: 'fetch', message: 'Only lib/jwks/ may use the network (see README, Privacy).' },
    { name: 'XMLHttpRequest', message: 'Only lib/jwks/ may use the network.' },
    { name: 'WebSocket', message: 'Only lib/jwks/ may use the network.' },
    { name: 'EventSource', message: 'Only lib/jwks/ may use the network.' },
  ],
  'no-restricted-properties': [
    'error',
    { object: 'window', property: 'fetch', message: 'Only lib/jwks/ may use the network.' },
    { object: 'globalThis', property: 'fetch', message: 'Only lib/jwks/ may use the network.' },
    { object: 'self', property: 'fetch', message: 'Only lib/jwks/ may use the network.' },
    { object: 'navigator', property: 'sendBeacon', message: 'JWT Lens sends nothing anywhere.' },
  ],
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      'out/**',
      'out-subpath/**',
      'dist/**',
      'perf/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
      'public/**',
    ],
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Playwright fixtures use a function named `use`, which is not a React hook.
  { files: ['e2e/**/*.ts'], rules: { 'react-hooks/rules-of-hooks': 'off' } },
  // lib/ is framework-free: no React, no Next, no UI components (STYLE.md).
  {
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'react', message: 'lib/ is framework-free.' },
            { name: 'react-dom', message: 'lib/ is framework-free.' },
          ],
          patterns: [
            { group: ['next', 'next/*'], message: 'lib/ is framework-free.' },
            {
              group: ['@/components', '@/components/*', '@/app/*'],
              message: 'lib/ must not import UI code.',
            },
            { group: ['react/*', 'react-dom/*'], message: 'lib/ is framework-free.' },
          ],
        },
      ],
    },
  },
  // Only lib/jwks/ may call fetch; every other part of the app sends nothing.
  {
    files: ['lib/**/*.ts', 'components/**/*.{ts,tsx}', 'app/**/*.{ts,tsx}'],
    ignores: ['lib/jwks/**'],
    rules: noFetch,
  },
];

export default config;
