import type { TSESLint } from '@typescript-eslint/utils';

/** Every rule of the plugin, keyed by its name without the `stateless/` prefix. */
export const rules: Record<string, TSESLint.AnyRuleModule> = {};
