import { ESLintUtils, type TSESLint } from '@typescript-eslint/utils';
import { fileRoleOf, NON_SERVICE_ROLES, type NonServiceRole } from '../analysis/file-role.js';
import { readSettings } from './settings.js';

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
  /**
   * File roles this rule checks beside service code whatever the settings say, because what it
   * looks for lives there: `no-sticky-sessions` reads load-balancer stickiness in CDK and Pulumi code.
   */
  alwaysChecksRoles?: readonly NonServiceRole[];
}

export const REPOSITORY_URL = 'https://github.com/eslint-plugin-stateless/eslint-plugin-stateless';

const createNamedRule = ESLintUtils.RuleCreator<StatelessDocs>((name) => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`);

/** Every rule of the plugin takes at most one options object, whose values are arrays or scalars. */
type FlatOptions = [] | [object];

/**
 * The user's options over the defaults. A shallow merge is enough because no option value is a
 * nested object (the schemas say so); it replaces `applyDefault`, which deep-clones the defaults
 * with `structuredClone` in every `create()`, that is once per rule per linted file.
 */
export function withDefaultOptions<Options extends FlatOptions>(defaults: Readonly<Options>, given: readonly unknown[]): Options {
  const [defaultObject] = defaults;
  const [givenObject] = given;
  if (defaultObject === undefined) return defaults as Options;
  if (givenObject === undefined || givenObject === null || typeof givenObject !== 'object') return [defaultObject] as Options;
  const merged: Record<string, unknown> = { ...defaultObject };
  // `{ allow: undefined }` in a JS config keeps the default, as ESLint's own merge of `meta.defaultOptions` does.
  for (const [key, value] of Object.entries(givenObject)) if (value !== undefined) merged[key] = value;
  return [merged] as Options;
}

/**
 * Whether the rule checks this file: service code always; another role only when the rule always
 * checks it or `settings.stateless.checkRoles` asks for it. When every role is asked for, the file
 * is not classified at all.
 */
export function checksFile(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>, alwaysChecked: readonly NonServiceRole[]): boolean {
  const { checkRoles } = readSettings(context.settings);
  if (NON_SERVICE_ROLES.every((role) => checkRoles.has(role) || alwaysChecked.includes(role))) return true;
  const { role } = fileRoleOf(context);
  return role === 'service' || checkRoles.has(role) || alwaysChecked.includes(role);
}

/**
 * `ESLintUtils.RuleCreator` with the docs URL of this repository, a cheap per-file options merge,
 * and the file-role gate: a rule does nothing in code that never runs in the service process.
 */
export function createRule<Options extends FlatOptions, MessageIds extends string>(
  spec: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, StatelessDocs>>,
): ESLintUtils.RuleModule<MessageIds, Options, StatelessDocs> & { name: string } {
  const rule = createNamedRule(spec);
  const defaults = (spec.meta.defaultOptions ?? spec.defaultOptions ?? []) as Readonly<Options>;
  const alwaysChecked = spec.meta.docs.alwaysChecksRoles ?? [];
  return {
    ...rule,
    create: (context: Readonly<TSESLint.RuleContext<MessageIds, Options>>) =>
      checksFile(context, alwaysChecked) ? spec.create(context, withDefaultOptions(defaults, context.options)) : {},
  };
}
