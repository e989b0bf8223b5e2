import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { containsNode } from '../../analysis/node-range.js';

/** The other branch of a conditional whose `branch` is `child`, if `parent` is such a conditional. */
function otherBranch(parent: TSESTree.Node, child: TSESTree.Node): TSESTree.Node | undefined | 'fallback' {
  switch (parent.type) {
    case AST_NODE_TYPES.ConditionalExpression:
      if (child === parent.consequent) return parent.alternate;
      return child === parent.alternate ? parent.consequent : undefined;
    case AST_NODE_TYPES.IfStatement:
      if (child === parent.consequent) return parent.alternate ?? undefined;
      return child === parent.alternate ? parent.consequent : undefined;
    case AST_NODE_TYPES.LogicalExpression:
      // `options.store ?? new MemoryStore()`: memory only when nothing else was configured; but
      // `cache[k] || (cache[k] = new RateLimiterMemory())` memoises the only store there is.
      return child === parent.right && parent.operator !== '&&' && child.type !== AST_NODE_TYPES.AssignmentExpression ? 'fallback' : undefined;
    default:
      return undefined;
  }
}

/**
 * A local store is a fallback when it sits on the right of `??` / `||`, or in one branch of a
 * ternary or `if`/`else` whose other branch builds a shared store or configures the same library
 * with one (`redis ? new RateLimiterRedis(...) : new RateLimiterMemory(...)`): the code already
 * supports a backing service and configuration chooses it.
 */
export function isFallbackStore(node: TSESTree.Node, alternatives: readonly TSESTree.Node[]): boolean {
  let child = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    const other = otherBranch(parent, child);
    if (other === 'fallback') return true;
    if (other && alternatives.some((alternative) => containsNode(other, alternative))) return true;
  }
  return false;
}
