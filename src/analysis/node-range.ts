import type { TSESTree } from '@typescript-eslint/utils';

/** Whether `inner` lies within `outer` in the source (or is `outer` itself): a range test, no AST walk. */
export function containsNode(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}
