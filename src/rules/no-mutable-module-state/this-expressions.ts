import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

/**
 * The `this` expressions of `all` (every `this` of the file, in source order, as the traversal
 * met them) that lie inside `container`: two binary searches, instead of walking the subtree.
 */
export function thisExpressionsWithin(all: readonly TSESTree.ThisExpression[], container: TSESTree.Node): readonly TSESTree.ThisExpression[] {
  const [start, end] = container.range;
  return all.slice(firstAtOrAfter(all, start), firstAtOrAfter(all, end));
}

function firstAtOrAfter(all: readonly TSESTree.ThisExpression[], offset: number): number {
  let low = 0;
  let high = all.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (all[middle]!.range[0] < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The function whose `this` a `this` expression is: the nearest enclosing function that is not an
 * arrow, or `undefined` when a class body comes first (a field initialiser's `this` is the instance).
 */
export function thisOwnerFunction(node: TSESTree.ThisExpression): TSESTree.FunctionExpression | TSESTree.FunctionDeclaration | undefined {
  let current: TSESTree.Node | undefined = node.parent;
  while (current && current.type !== AST_NODE_TYPES.FunctionExpression && current.type !== AST_NODE_TYPES.FunctionDeclaration) {
    if (current.type === AST_NODE_TYPES.ClassBody) return undefined;
    current = current.parent;
  }
  // ESLint sets `Program.parent` to `null`.
  return current ?? undefined;
}
