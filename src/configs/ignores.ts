/** Every JavaScript and TypeScript extension a Node.js service is written in. */
export const SOURCE_FILES = ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'];

/**
 * Code that never runs inside a service process: tests, one-off scripts, tool configuration,
 * database migrations and fixtures. Infrastructure code (cdk, pulumi, infra) is deliberately
 * not ignored: `no-sticky-sessions` checks load-balancer settings there.
 */
export const NON_RUNTIME_IGNORES = [
  '**/*.{test,spec}.*',
  '**/__tests__/**',
  '**/__mocks__/**',
  '**/test/**',
  '**/tests/**',
  '**/scripts/**',
  '**/*.config.*',
  '**/migrations/**',
  '**/fixtures/**',
  '**/__fixtures__/**',
];
