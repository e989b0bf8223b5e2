import { ESLintUtils } from '@typescript-eslint/utils';

export interface StatelessDocs {
  description: string;
  /** The lowest config that turns the rule on; `strict` includes everything `recommended` has. */
  recommended: 'recommended' | 'strict';
  requiresTypeChecking?: false;
  /**
   * Options the `strict` config passes to the rule (merged over `meta.defaultOptions` by ESLint).
   * Checks that are right for most services but noisy for some are options, off by default and
   * turned on here, so that `strict` reports more without a second rule.
   */
  strictOptions?: readonly [Record<string, unknown>];
}

export const REPOSITORY_URL = 'https://github.com/eslint-plugin-stateless/eslint-plugin-stateless';

export const createRule = ESLintUtils.RuleCreator<StatelessDocs>(
  (name) => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`,
);
