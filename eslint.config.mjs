import { defineConfig, globalIgnores } from 'eslint/config';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import tseslint from 'typescript-eslint';
import stateless from './dist/index.js';

export default defineConfig([
  globalIgnores(['dist/', 'coverage/', 'examples/', 'bench/node_modules/', 'bench/.corpus/', '**/fixtures/']),
  {
    files: ['**/*.{ts,mts,cts}'],
    extends: [tseslint.configs.recommended],
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/rules/**/*.ts'],
    extends: [eslintPlugin.configs['rules-recommended']],
    rules: {
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^Disallow ' }],
      'eslint-plugin/require-meta-schema-description': 'error',
      'eslint-plugin/no-meta-schema-default': 'error',
      'eslint-plugin/require-meta-default-options': 'error',
      'eslint-plugin/meta-property-ordering': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    extends: [stateless.configs.recommended],
  },
]);
