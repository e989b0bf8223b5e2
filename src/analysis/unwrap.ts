import type { TSESTree } from '@typescript-eslint/utils';

/**
 * The wrappers that never change a value at run time, each with an `expression`: TypeScript's
 * `as`, `satisfies`, `!`, `<T>x` and instantiation expressions, the optional-chain container, and
 * Flow's casts as hermes-eslint parses them, `(x: T)`, `x as T` and `x as const`. Listed by name:
 * typescript-eslint's node types do not include Flow's.
 */
const WRAPPER_TYPES: ReadonlySet<string> = new Set([
  'TSAsExpression',
  'TSSatisfiesExpression',
  'TSNonNullExpression',
  'TSTypeAssertion',
  'TSInstantiationExpression',
  'ChainExpression',
  'TypeCastExpression',
  'AsExpression',
  'AsConstExpression',
]);

/** For esquery selectors, so that listeners meet the same wrappers: `[callee.type=${WRAPPER_TYPE_REGEX}]`. */
export const WRAPPER_TYPE_REGEX = `/^(?:${[...WRAPPER_TYPES].join('|')})$/`;

/**
 * Strips the wrappers of `WRAPPER_TYPES`. Parentheses are not nodes in ESTree, so they need no
 * handling. `keep` stops at a wrapper that matters to the caller (provenance keeps `as const`,
 * which makes a literal read-only).
 */
export function unwrapExpression(node: TSESTree.Node, keep?: (wrapper: TSESTree.Node) => boolean): TSESTree.Node {
  let current = node;
  while (isTransparentWrapper(current) && !keep?.(current)) current = (current as unknown as { expression: TSESTree.Node }).expression;
  return current;
}

/** The nearest ancestor that is not one of the wrappers `unwrapExpression` strips. */
export function skipWrapperParents(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent && isTransparentWrapper(current.parent)) current = current.parent;
  return current;
}

function isTransparentWrapper(node: TSESTree.Node): boolean {
  return WRAPPER_TYPES.has(node.type);
}
