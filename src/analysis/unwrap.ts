import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

type WrapperNode =
  | TSESTree.TSAsExpression
  | TSESTree.TSSatisfiesExpression
  | TSESTree.TSNonNullExpression
  | TSESTree.TSTypeAssertion
  | TSESTree.TSInstantiationExpression
  | TSESTree.ChainExpression;

/**
 * Strips the wrappers that never change a value at run time: TypeScript's `as`, `satisfies`,
 * `!`, `<T>x`, instantiation expressions, and the optional-chain container. Parentheses are not
 * nodes in ESTree, so they need no handling. `keep` stops at a wrapper that matters to the caller
 * (provenance keeps `as const`, which makes a literal read-only).
 */
export function unwrapExpression(node: TSESTree.Node, keep?: (wrapper: TSESTree.Node) => boolean): TSESTree.Node {
  let current = node;
  while (isTransparentWrapper(current) && !keep?.(current)) current = (current as WrapperNode).expression;
  return current;
}

/** The nearest ancestor that is not one of the wrappers `unwrapExpression` strips. */
export function skipWrapperParents(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent && isTransparentWrapper(current.parent)) current = current.parent;
  return current;
}

function isTransparentWrapper(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
    case AST_NODE_TYPES.TSInstantiationExpression:
    case AST_NODE_TYPES.ChainExpression:
      return true;
    default:
      return false;
  }
}
