/** Every JavaScript and TypeScript extension a Node.js service is written in. */
export const SOURCE_FILES = ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'];

/**
 * Code that never runs inside a service process, as far as its path alone tells: tests, one-off
 * scripts, tool configuration, database migrations, fixtures and vendored copies. Roles that need
 * the file's content (browser code, CLIs, bundles, CDK programs) are decided by the file-role
 * analysis instead (`src/analysis/file-role.ts`). Infrastructure code (cdk, pulumi, infra) is deliberately
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
  // Test folders of other runners: Jasmine's spec/, end-to-end suites.
  '**/spec/**',
  '**/e2e/**',
  '**/cypress/**',
  '**/playwright/**',
  '**/*.{e2e,cy,stories}.*',
  // Copies of other people's code, and built single-file libraries.
  '**/vendor/**',
  '**/third_party/**',
  '**/bower_components/**',
  '**/*.min.{js,mjs,cjs}',
];
